import type { Finding } from '../engine/finding';

/** One checked file and its findings, suppressed ones included. */
export interface FileReport {
  readonly file: string;
  /** The path as shown to people: relative to the working folder when below it. */
  readonly relativePath: string;
  readonly findings: readonly Finding[];
}
