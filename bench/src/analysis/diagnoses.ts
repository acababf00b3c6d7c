/**
 * Known causes of slow analysis, each recognised by its mark in a CPU profile: a function, from
 * a given source file, that takes at least a given share of the time. A cause is reported only
 * when the profile of this run shows its mark, with the share measured.
 */
import type { ProfileLine } from './profile';

export interface Diagnosis {
  readonly id: string;
  /** A few words naming the cause. */
  readonly title: string;
  /** The measured share of the profile that matched, 0 to 1. */
  readonly share: number;
  readonly explanation: string;
}

interface Signature {
  readonly id: string;
  readonly title: string;
  /** Function names (as the bundle names them) whose total shares are taken, the largest counting. */
  readonly functions: readonly string[];
  /** The source file they must come from, as a path suffix. */
  readonly file: string;
  readonly minShare: number;
  readonly explanation: string;
}

const SIGNATURES: readonly Signature[] = [
  {
    id: 'matrix-index-per-analysis',
    title: 'The matrix index is built repeatedly',
    functions: ['indexMatrix', 'MatrixIndex'],
    file: 'server/src/matrix/lookup.ts',
    minShare: 0.04,
    explanation:
      'Building the `MatrixIndex` (`indexMatrix`, server/src/matrix/lookup.ts) takes this share. ' +
      'It covers the whole matrix and does not depend on the file, so a large share means it is ' +
      'built again and again (per analysis or per verification) instead of once per matrix.',
  },
  {
    id: 'support-dates-per-call',
    title: 'Support windows are worked out repeatedly',
    functions: ['statusAt', 'supportedVersions', 'recommendedVersion', 'runtimeStatuses'],
    file: 'server/src/matrix/status.ts',
    minShare: 0.08,
    explanation:
      'Working out support windows (`statusAt`, `supportedVersions`, `recommendedVersion`, ' +
      '`runtimeStatuses` in server/src/matrix/status.ts) takes this share. They depend only on the ' +
      'matrix and the day, not on the file, so a large share means they are worked out again for ' +
      'each finding instead of once per matrix and day.',
  },
  {
    id: 'range-parsing-per-lookup',
    title: 'Matrix ranges are parsed repeatedly',
    functions: ['parseMatrixRange'],
    file: 'server/src/versions/versionSet.ts',
    minShare: 0.04,
    explanation:
      "`parseMatrixRange` (server/src/versions/versionSet.ts) takes this share: matrix entries' " +
      'range texts never change, so a large share means they are parsed again on each lookup ' +
      'instead of once per matrix.',
  },
  {
    id: 'garbage-collection',
    title: 'Garbage collection grows with the file',
    functions: ['(garbage collector)'],
    file: '(V8)',
    minShare: 0.2,
    explanation:
      "V8's garbage collector takes this share of the time: a large file keeps many objects alive " +
      'at once through the analysis (its lines, ranges, facts and findings), and each collection ' +
      'costs more the more is alive, so the cost per line rises with the length of the file.',
  },
  {
    id: 'dockerfile-ast-parse',
    title: "dockerfile-ast's parse",
    functions: ['parse'],
    file: 'node_modules/dockerfile-ast/lib/parser.js',
    minShare: 0.15,
    explanation:
      "dockerfile-ast's `DockerfileParser.parse`, which server/src/parsers/dockerfile.ts starts " +
      'from (and dockerfile-utils too), is a fixed part of the cost: its time alone is in the ' +
      '"dockerfile-ast parse only" row.',
  },
];

export function diagnose(lines: readonly ProfileLine[]): Diagnosis[] {
  const found: Diagnosis[] = [];
  for (const signature of SIGNATURES) {
    const share = Math.max(
      0,
      ...lines
        .filter(
          (line) =>
            line.file.endsWith(signature.file) &&
            // A bundler renames a function whose name clashes by adding digits (`parse2`).
            signature.functions.includes(line.functionName.replace(/\d+$/, '')),
        )
        .map((line) => line.total),
    );
    if (share >= signature.minShare) {
      found.push({
        id: signature.id,
        title: signature.title,
        share,
        explanation: signature.explanation,
      });
    }
  }
  return found;
}
