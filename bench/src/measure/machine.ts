/** The machine and moment the figures were taken on, recorded beside them. */
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly freeMemoryBytes: number;
  /** One-minute load average when the run began: other work on the machine skews timings. */
  readonly loadAverage: number;
  readonly node: string;
  readonly os: string;
  /** ISO 8601, UTC. */
  readonly date: string;
}

export function describeMachine(now: Date = new Date()): Machine {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    loadAverage: loadavg()[0] ?? 0,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: now.toISOString(),
  };
}
