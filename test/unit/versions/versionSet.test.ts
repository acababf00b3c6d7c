import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions, parseVersion } from '../../../server/src/versions/version';
import {
  complement,
  contains,
  formatVersionSet,
  intersect,
  intersects,
  parseMatrixRange,
  union,
  withPrefix,
} from '../../../server/src/versions/versionSet';
import {
  goModuleVersionSet,
  goToolchainSet,
  npmRangeSet,
  pep440Set,
  tagVersionSet,
} from '../../../server/src/versions/specifiers';

function range(text: string) {
  const set = parseMatrixRange(text);
  assert.ok(set, `range ${text} parses`);
  return set;
}

function version(text: string) {
  const parsed = parseVersion(text);
  assert.ok(parsed, `version ${text} parses`);
  return parsed;
}

describe('versions', () => {
  it('compares with zero padding', () => {
    assert.equal(compareVersions(version('3.12'), version('3.12.0')), 0);
    assert.equal(compareVersions(version('3.9'), version('3.12')), -1);
    assert.equal(compareVersions(version('v1.22.1'), version('1.22')), 1);
    assert.equal(parseVersion('3.x'), undefined);
    assert.equal(parseVersion(''), undefined);
  });

  it('parses the matrix range syntax', () => {
    assert.ok(contains(range('>=3 <4'), version('3.9.1')));
    assert.ok(!contains(range('>=3 <4'), version('4.0')));
    assert.ok(contains(range('>=0.100'), version('0.110.2')));
    assert.ok(!contains(range('>=0.100'), version('0.99')));
    assert.ok(contains(range('*'), version('0.0.1')));
    assert.ok(contains(range('<1.24'), version('1.23.9')));
    assert.ok(contains(range('=3.2 || >=4.2'), version('4.2.7')));
    assert.ok(!contains(range('=3.2 || >=4.2'), version('4.1')));
    for (const bad of ['', '>=', '3.x', '>=3 <', 'abc', '>=3 ||']) {
      assert.equal(parseMatrixRange(bad), undefined, bad);
    }
  });

  it('intersects, unites and complements', () => {
    assert.equal(formatVersionSet(intersect(range('>=3'), range('<4'))), '>=3 <4');
    assert.equal(formatVersionSet(union(range('>=1 <2'), range('>=2 <3'))), '>=1 <3');
    assert.equal(formatVersionSet(complement(range('>=1 <2'))), '<1 || >=2');
    assert.equal(formatVersionSet(complement(range('*'))), '(none)');
    assert.equal(formatVersionSet(complement([])), '*');
    assert.ok(!intersects(range('>=3.2 <3.3'), range('>=4.2')));
  });

  it('reads PEP 440 specifiers', () => {
    const set = (clauses: [string, string][]) =>
      pep440Set(clauses.map(([operator, v]) => ({ operator, version: v })));
    assert.equal(formatVersionSet(set([['>=', '3.2']]) ?? []), '>=3.2');
    assert.equal(formatVersionSet(set([['==', '3.2.*']]) ?? []), '>=3.2 <3.3');
    assert.equal(formatVersionSet(set([['~=', '1.4.2']]) ?? []), '>=1.4.2 <1.5');
    assert.equal(formatVersionSet(set([['~=', '2.2']]) ?? []), '>=2.2 <3');
    assert.equal(formatVersionSet(set([['==', '3.2']]) ?? []), '>=3.2 <=3.2');
    assert.equal(
      formatVersionSet(
        set([
          ['>=', '3'],
          ['!=', '3.5.*'],
          ['<', '4'],
        ]) ?? [],
      ),
      '>=3 <3.5 || >=3.6 <4',
    );
    assert.equal(formatVersionSet(set([['==', '2.0.0rc1']]) ?? []), '>=2.0.0 <=2.0.0');
    assert.equal(set([['>=', 'banana']]), undefined);
    assert.equal(set([['~=', '1']]), undefined);
  });

  it('reads npm ranges', () => {
    assert.equal(formatVersionSet(npmRangeSet('^14.2.0') ?? []), '>=14.2.0 <15.0.0');
    assert.equal(
      formatVersionSet(npmRangeSet('18.x || 20.x') ?? []),
      '>=18.0.0 <19.0.0 || >=20.0.0 <21.0.0',
    );
    assert.equal(formatVersionSet(npmRangeSet('>=18') ?? []), '>=18.0.0');
    assert.equal(formatVersionSet(npmRangeSet('*') ?? []), '*');
    assert.equal(formatVersionSet(npmRangeSet('4.18.2') ?? []), '>=4.18.2 <=4.18.2');
    assert.equal(formatVersionSet(npmRangeSet('~0.3.17') ?? []), '>=0.3.17 <0.4.0');
    assert.equal(npmRangeSet('latest'), undefined);
  });

  it('reads Go versions and image tags', () => {
    assert.equal(formatVersionSet(goModuleVersionSet('v1.9.1') ?? []), '>=1.9.1 <=1.9.1');
    assert.equal(
      formatVersionSet(goModuleVersionSet('v2.3.0+incompatible') ?? []),
      '>=2.3.0 <=2.3.0',
    );
    assert.equal(goModuleVersionSet('latest'), undefined);
    assert.equal(formatVersionSet(goToolchainSet('1.22') ?? []), '>=1.22 <1.23');
    assert.equal(formatVersionSet(goToolchainSet('go1.22.1') ?? []), '>=1.22.1 <1.22.2');
    assert.equal(formatVersionSet(tagVersionSet('3.12') ?? []), '>=3.12 <3.13');
    assert.equal(formatVersionSet(tagVersionSet('3') ?? []), '>=3 <4');
    assert.equal(formatVersionSet(tagVersionSet('3.12.1') ?? []), '>=3.12.1 <=3.12.1');
    assert.equal(formatVersionSet(withPrefix([20])), '>=20 <21');
  });
});
