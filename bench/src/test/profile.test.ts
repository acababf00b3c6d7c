import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../analysis/diagnoses';
import { BundleSources, summarizeProfile, type CpuProfile } from '../analysis/profile';

/** A bundle as esbuild writes it: each inlined module headed by its path. */
const BUNDLE = [
  '"use strict";', // 0
  '// server/src/engine/analyze.ts', // 1
  'function analyze() {}', // 2
  'function verifyFixes() {}', // 3
  '// node_modules/dockerfile-ast/lib/parser.js', // 4
  'function parse2() {}', // 5
].join('\n');

function frame(functionName: string, lineNumber: number) {
  return { functionName, url: 'file:///work/bench.js', lineNumber };
}

/** analyze → verifyFixes → parse (recursing into analyze), and analyze → parse. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
    { id: 2, callFrame: frame('analyze', 2), children: [3, 4] },
    { id: 3, callFrame: frame('verifyFixes', 3), children: [5] },
    { id: 4, callFrame: frame('parse2', 5) },
    { id: 5, callFrame: frame('analyze', 2), children: [6] },
    { id: 6, callFrame: frame('parse2', 5) },
  ],
  samples: [6, 6, 6, 4, 2],
  timeDeltas: [10, 10, 10, 10, 10],
};

describe('BundleSources', () => {
  it('names the module each bundle line comes from', () => {
    const sources = new BundleSources(BUNDLE);
    assert.equal(sources.fileAt(0), undefined);
    assert.equal(sources.fileAt(3), 'server/src/engine/analyze.ts');
    assert.equal(sources.fileAt(5), 'node_modules/dockerfile-ast/lib/parser.js');
  });
});

describe('summarizeProfile', () => {
  const lines = summarizeProfile(PROFILE, new BundleSources(BUNDLE));
  const line = (name: string) => lines.find((candidate) => candidate.functionName === name);

  it('gives each function its own time and its total, as shares', () => {
    assert.equal(line('parse2')?.self, 0.8);
    assert.equal(line('parse2')?.total, 0.8);
    assert.equal(line('verifyFixes')?.total, 0.6);
    assert.equal(line('verifyFixes')?.self, 0);
  });

  it('counts a function once per sample however often it recurs', () => {
    assert.equal(line('analyze')?.total, 1);
    assert.equal(line('analyze')?.self, 0.2);
  });

  it('puts the largest total first', () => {
    assert.equal(lines[0]?.functionName, 'analyze');
    assert.equal(lines[0]?.file, 'server/src/engine/analyze.ts');
  });
});

describe('diagnose', () => {
  it('names a known cause when the profile shows its mark', () => {
    const found = diagnose(summarizeProfile(PROFILE, new BundleSources(BUNDLE)));
    assert.deepEqual(
      found.map((diagnosis) => [diagnosis.id, diagnosis.share]),
      [['dockerfile-ast-parse', 0.8]],
    );
  });

  it('names nothing for a function of the same name in another file', () => {
    const elsewhere = [{ functionName: 'verifyFixes', file: 'other.ts', self: 0.9, total: 0.9 }];
    assert.deepEqual(diagnose(elsewhere), []);
  });
});
