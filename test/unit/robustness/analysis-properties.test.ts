import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../engine/helpers';
import { documentOf, FILE_KINDS, fixturesOf, options } from './arbitraries';
import { FIXTURES } from './fixtures';
import { assertProperty, runsFor } from './fuzzing';
import { assertAnalysisInside } from './invariants';

describe('analysis of broken and random files', () => {
  it('starts from fixtures that trigger the rules they name', () => {
    for (const fixture of FIXTURES) {
      const analysis = check(fixture.fileName, fixture.text);
      const rules = new Set(analysis.findings.map((finding) => finding.rule));
      for (const rule of fixture.rules) assert.ok(rules.has(rule), `${fixture.fileName}: ${rule}`);
      assert.ok(
        analysis.findings.some((finding) => finding.fixes.length > 0),
        `${fixture.fileName} has a finding with a fix`,
      );
      assertAnalysisInside(fixture.text, analysis);
    }
  });

  for (const kind of FILE_KINDS) {
    it(`never throws on ${kind} files, and every range lies inside the file`, (t) => {
      const seen = new Set<string>();
      const runs = 250;
      assertProperty(
        t.name,
        fc.property(documentOf(kind), options, ({ fileName, text }, settings) => {
          const analysis = check(fileName, text, settings);
          assert.equal(analysis.kind, kind);
          assertAnalysisInside(text, analysis);
          for (const finding of analysis.findings) {
            assert.notEqual(finding.message.trim(), '');
            seen.add(finding.rule);
          }
        }),
        runs,
      );
      // Every rule the fixtures of this kind trigger also fires on their broken versions, so
      // each rule's ranges were checked (a handful of cases, as a replay asks, may miss some).
      if (runsFor(runs) < runs) return;
      const expected = fixturesOf(kind).flatMap((fixture) => fixture.rules);
      assert.deepEqual(
        [...new Set(expected)].filter((rule) => !seen.has(rule)),
        [],
        'rules never seen',
      );
    });
  }
});
