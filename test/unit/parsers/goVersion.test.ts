import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPseudoVersion, parseGoVersion } from '../../../server/src/parsers/gomod';
import { majorMismatch, pathMajor } from '../../../server/src/parsers/go/version';

describe('Go module versions', () => {
  it('reads releases, shorthand and pre-releases', () => {
    assert.deepEqual(parseGoVersion('v1.9.1'), {
      version: '1.9.1',
      major: 1,
      minor: 9,
      patch: 1,
      isPrerelease: false,
      isPseudo: false,
      isIncompatible: false,
    });
    assert.equal(parseGoVersion('v1.2')?.version, '1.2.0');
    assert.equal(parseGoVersion('v2')?.version, '2.0.0');
    const candidate = parseGoVersion('v2.0.0-rc.1');
    assert.equal(candidate?.version, '2.0.0-rc.1');
    assert.equal(candidate?.prerelease, 'rc.1');
    assert.equal(candidate?.isPrerelease, true);
    assert.equal(candidate?.isPseudo, false);
  });

  it('flags +incompatible and drops build metadata from the version', () => {
    const docker = parseGoVersion('v28.0.0+incompatible');
    assert.equal(docker?.version, '28.0.0');
    assert.equal(docker?.build, 'incompatible');
    assert.equal(docker?.isIncompatible, true);
    assert.equal(parseGoVersion('v1.0.0+meta.1')?.isIncompatible, false);
  });

  it('refuses what the go command refuses', () => {
    for (const text of [
      '1.2.3',
      'v',
      'v01.2.3',
      'v1.02.3',
      'v1.2.3.4',
      'v1-rc1',
      'v1.2-rc1',
      'v1.2.3-',
      'v1.2.3-rc..1',
      'v1.2.3-01',
      'v1.2.3+',
      'v1.2.3+a+b',
      'V1.2.3',
      'v1.2.3 ',
      '',
    ]) {
      assert.equal(parseGoVersion(text), undefined, text);
    }
    assert.ok(parseGoVersion('v1.2.3-0a'), 'alphanumeric identifiers may start with 0');
  });

  it('recognises the three shapes of pseudo-version', () => {
    // No release before the commit.
    assert.equal(isPseudoVersion('v0.0.0-20230101120000-abcdef123456'), true);
    // After the pre-release v1.2.3-pre.
    assert.equal(isPseudoVersion('v1.2.3-pre.0.20230101120000-abcdef123456'), true);
    // After the release v1.2.2.
    assert.equal(isPseudoVersion('v1.2.3-0.20230101120000-abcdef123456'), true);
    assert.equal(isPseudoVersion('v2.0.0-20230101120000-abcdef123456+incompatible'), true);
    const pseudo = parseGoVersion('v0.9.1-0.20251114084447-edf4cb3d2116');
    assert.equal(pseudo?.isPseudo, true);
    assert.equal(pseudo?.isPrerelease, true);
  });

  it('does not mistake other pre-releases for pseudo-versions', () => {
    for (const text of [
      'v1.2.3',
      'v1.2.3-rc.1',
      'v1.2.3-20230101120000-abcdef123456',
      'v0.0.0-2023010112000-abcdef123456',
      'v0.0.0-20230101120000',
      'v1.2.3-pre.1.20230101120000-abcdef123456',
      'not a version',
    ]) {
      assert.equal(isPseudoVersion(text), false, text);
    }
  });

  it('knows the major version a module path asks for', () => {
    assert.equal(pathMajor('github.com/a/b'), undefined);
    assert.equal(pathMajor('github.com/a/b/v2'), 2);
    assert.equal(pathMajor('github.com/a/b/v10'), 10);
    assert.equal(pathMajor('github.com/a/b/v1'), undefined);
    assert.equal(pathMajor('gopkg.in/yaml.v3'), 3);
    assert.equal(pathMajor('gopkg.in/check.v1'), 1);
  });

  it('says when a version does not fit its module path', () => {
    const version = (text: string) => {
      const parsed = parseGoVersion(text);
      assert.ok(parsed, text);
      return parsed;
    };
    assert.equal(majorMismatch('github.com/a/b', version('v1.5.0')), undefined);
    assert.equal(majorMismatch('github.com/a/b', version('v2.0.0+incompatible')), undefined);
    assert.match(majorMismatch('github.com/a/b', version('v2.0.0')) ?? '', /\/v2/);
    assert.equal(majorMismatch('github.com/a/b/v2', version('v2.3.0')), undefined);
    assert.match(majorMismatch('github.com/a/b/v2', version('v3.0.0')) ?? '', /only v2/);
    assert.equal(majorMismatch('gopkg.in/yaml.v3', version('v3.0.1')), undefined);
    assert.equal(
      majorMismatch('gopkg.in/check.v1', version('v0.0.0-20161208181325-20d25e280405')),
      undefined,
    );
  });
});
