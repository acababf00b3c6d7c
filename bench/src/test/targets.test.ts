import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseTiming, ToolTiming } from '../analysis/timing';
import type { ToolName } from '../analysis/tools';
import type { AnalysisCase } from '../inputs/cases';
import { summarize } from '../measure/statistics';
import type { ColdStartResult } from '../scenarios/coldStart';
import { casesToProfile, evaluateTargets } from '../report/targets';

function dockerfile(lines: number): AnalysisCase {
  return {
    id: `dockerfile-${lines}`,
    kind: 'dockerfile',
    fileName: 'Dockerfile',
    size: lines,
    unit: 'lines',
    seed: 1,
  };
}

function tool(name: ToolName, samples: number[], extra: Partial<ToolTiming> = {}): ToolTiming {
  return { tool: name, samples, summary: summarize(samples), warmUpRuns: 1, ...extra };
}

function timing(
  lines: number,
  ours: number | undefined,
  utils: number,
  bound?: number,
): CaseTiming {
  const cleanstart =
    ours === undefined
      ? tool('cleanstart', [], { stopped: 'stopped after 5 s (cap)', unfinishedRunMs: bound })
      : tool('cleanstart', [ours]);
  return {
    input: dockerfile(lines),
    lines,
    characters: lines * 30,
    tools: [cleanstart, tool('dockerfile-utils', [utils]), tool('dockerfile-ast', [utils / 3])],
  };
}

const target = (analysis: CaseTiming[], id: string, coldStart: ColdStartResult[] = []) =>
  evaluateTargets(analysis, [], coldStart, undefined).find((candidate) => candidate.id === id);

describe('analysis targets', () => {
  it('are met by a fast, linear analysis', () => {
    const analysis = [timing(50, 0.2, 1), timing(5000, 20, 100)];
    assert.equal(target(analysis, 'typical-dockerfile')?.met, true);
    assert.equal(target(analysis, 'versus-dockerfile-utils')?.met, true);
    assert.equal(target(analysis, 'linear-growth')?.met, true);
    assert.deepEqual(casesToProfile(analysis), []);
  });

  it('name the size at which ours is slower, and profile it', () => {
    const analysis = [timing(50, 0.2, 1), timing(5000, 200, 100)];
    const versus = target(analysis, 'versus-dockerfile-utils');
    assert.equal(versus?.met, false);
    assert.match(versus?.detail ?? '', /5,000 lines: 200 vs 100 ms \(2\.00×\)/);
    assert.deepEqual(
      casesToProfile(analysis).map((candidate) => candidate.input.id),
      ['dockerfile-5000'],
    );
  });

  it('count a run stopped by the cap as at least as long as it ran', () => {
    // 5 s or more for 50,000 lines: slower than dockerfile-utils's 1 s, and 100 µs a line or
    // more against 4 µs at 5,000 lines.
    const slower = [timing(5000, 20, 100), timing(50_000, undefined, 1000, 5000)];
    assert.equal(target(slower, 'versus-dockerfile-utils')?.met, false);
    assert.equal(target(slower, 'linear-growth')?.met, false);

    // Stopped after 0.25 s: that settles neither.
    const unsettled = [timing(5000, 20, 100), timing(50_000, undefined, 1000, 250)];
    assert.equal(target(unsettled, 'versus-dockerfile-utils')?.met, undefined);
    assert.equal(target(unsettled, 'linear-growth')?.met, undefined);
    assert.match(
      target(unsettled, 'linear-growth')?.detail ?? '',
      /not settled: dockerfile 5,000 → 50,000/,
    );
  });

  it('find growth beyond the tolerance', () => {
    const analysis = [timing(50, 0.2, 1), timing(5000, 200, 1000)];
    const linear = target(analysis, 'linear-growth');
    assert.equal(linear?.met, false);
    assert.match(linear?.causes[0] ?? '', /50 → 5,000 lines \(per-line cost ×10\.0 by medians/);
  });

  it('take a rise that the fastest runs do not share for noise', () => {
    const noisy = (lines: number, samples: number[]): CaseTiming => ({
      input: dockerfile(lines),
      lines,
      characters: lines * 30,
      tools: [tool('cleanstart', samples)],
    });
    // Medians ×2 per line, fastest runs ×1: other work on the machine, not growth.
    const analysis = [noisy(100, [1, 1, 1]), noisy(1000, [10, 20, 20])];
    assert.equal(target(analysis, 'linear-growth')?.met, true);
  });

  it('blame dockerfile-ast when its parse alone is over the typical target', () => {
    const analysis = [timing(50, 3, 1.8)];
    const typical = target(analysis, 'typical-dockerfile');
    assert.equal(typical?.met, false);
    assert.match(typical?.causes[0] ?? '', /over the target by itself/);
  });
});

describe('cold start target', () => {
  const run = { initialize: 0, firstDiagnostics: 0, openToDiagnostics: 0, diagnostics: 0 };
  const result = (server: string, initialize: number, open: number): ColdStartResult => ({
    server,
    runs: [run],
    initialize: summarize([initialize]),
    openToDiagnostics: summarize([open]),
    firstDiagnostics: summarize([initialize + open]),
    errors: [],
  });

  it('splits a miss into start-up and first analysis', () => {
    const cold = target([], 'cold-start', [result('ours', 300, 80), result('theirs', 250, 30)]);
    assert.equal(cold?.met, false);
    assert.match(cold?.causes[0] ?? '', /\+50\.0 ms/);
    assert.match(cold?.causes[1] ?? '', /\+50\.0 ms/);
  });

  it('is not judged when a server never answered', () => {
    const failed: ColdStartResult = { server: 'ours', runs: [], errors: ['The server exited.'] };
    const cold = target([], 'cold-start', [failed, result('theirs', 250, 30)]);
    assert.equal(cold?.met, undefined);
    assert.match(cold?.detail ?? '', /The server exited/);
  });
});
