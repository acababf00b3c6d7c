/** The inputs analysis is timed on: each file kind at a typical and at a large size. */
import { generateDockerfile } from './dockerfile';
import { generateGoMod } from './goMod';
import { generatePackageJson } from './packageJson';
import { generateRequirements } from './requirements';

export type CaseKind = 'dockerfile' | 'requirements' | 'package.json' | 'go.mod';

export interface AnalysisCase {
  /** Stable id, used in the JSON results: `dockerfile-50`. */
  readonly id: string;
  readonly kind: CaseKind;
  /** The name analysis sees; it decides the file kind. */
  readonly fileName: string;
  /** The size asked for, in `unit`s. */
  readonly size: number;
  readonly unit: 'lines' | 'dependencies' | 'requirements';
  readonly seed: number;
}

function analysisCase(
  kind: CaseKind,
  fileName: string,
  size: number,
  unit: AnalysisCase['unit'],
  seed: number,
): AnalysisCase {
  return { id: `${kind}-${size}`, kind, fileName, size, unit, seed };
}

export const ANALYSIS_CASES: readonly AnalysisCase[] = [
  analysisCase('dockerfile', 'Dockerfile', 50, 'lines', 11),
  analysisCase('dockerfile', 'Dockerfile', 5_000, 'lines', 12),
  analysisCase('dockerfile', 'Dockerfile', 50_000, 'lines', 13),
  analysisCase('requirements', 'requirements.txt', 20, 'lines', 21),
  analysisCase('requirements', 'requirements.txt', 10_000, 'lines', 22),
  analysisCase('package.json', 'package.json', 30, 'dependencies', 31),
  analysisCase('package.json', 'package.json', 5_000, 'dependencies', 32),
  analysisCase('go.mod', 'go.mod', 20, 'requirements', 41),
  analysisCase('go.mod', 'go.mod', 5_000, 'requirements', 42),
];

/** The case's text; the same on every run. */
export function caseText(input: AnalysisCase): string {
  switch (input.kind) {
    case 'dockerfile':
      return generateDockerfile(input.size, input.seed);
    case 'requirements':
      return generateRequirements(input.size, input.seed);
    case 'package.json':
      return generatePackageJson(input.size, input.seed);
    case 'go.mod':
      return generateGoMod(input.size, input.seed);
  }
}

/** Lines as an editor counts them (a final line break does not start a line). */
export function lineCount(text: string): number {
  let count = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return text.endsWith('\n') ? count - 1 : count;
}
