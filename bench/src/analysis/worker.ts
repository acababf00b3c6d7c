/**
 * An analysis worker: one tool on one input, in its own thread so that a run that takes too long
 * can be stopped. Each sample is one call, timed alone.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { caseText, lineCount } from '../inputs/cases';
import { profileRuns } from './profile';
import type { WorkerInput, WorkerReply, WorkerRequest } from './protocol';
import { toolRun } from './tools';

function reply(message: WorkerReply): void {
  parentPort?.postMessage(message);
}

function timeOnce(run: () => number): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function main(): void {
  const { input, tool } = workerData as WorkerInput;
  const text = caseText(input);
  const run = toolRun(tool, input.fileName, text);
  // The first run also tells how much the tool found, which the results show beside the times;
  // it counts as the first warm-up run.
  reply({ type: 'loaded' });
  const firstStart = performance.now();
  const results = run();
  const firstRun = performance.now() - firstStart;
  reply({ type: 'ready', lines: lineCount(text), characters: text.length, results });

  parentPort?.on('message', (request: WorkerRequest) => {
    switch (request.type) {
      case 'warm': {
        const start = performance.now() - firstRun;
        let runs = 1;
        while (runs < request.minRuns && performance.now() - start < request.budgetMs) {
          run();
          runs++;
        }
        reply({ type: 'warmed', runs });
        break;
      }
      case 'run': {
        const milliseconds: number[] = [];
        for (let index = 0; index < request.count; index++) milliseconds.push(timeOnce(run));
        reply({ type: 'samples', milliseconds });
        break;
      }
      case 'profile':
        void profileRuns(run, request.runs, request.budgetMs).then((profiled) =>
          reply({ type: 'profiled', ...profiled }),
        );
        break;
    }
  });
}

main();
