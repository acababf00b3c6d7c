import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitTag } from '../../../server/src/parsers/dockerfile';

describe('splitTag', () => {
  const cases: readonly [tag: string, version: string | undefined, variant: string | undefined][] =
    [
      ['3.12-slim-bookworm', '3.12', 'slim-bookworm'],
      ['20-alpine3.19', '20', 'alpine3.19'],
      ['1.22.1-alpine', '1.22.1', 'alpine'],
      ['21-jdk-jammy', '21', 'jdk-jammy'],
      ['8.0-bookworm-slim', '8.0', 'bookworm-slim'],
      ['3.12-stable', '3.12', 'stable'],
      ['1.22-static', '1.22', 'static'],
      ['8.3-fpm-alpine', '8.3', 'fpm-alpine'],
      ['3', '3', undefined],
      ['3.12.1', '3.12.1', undefined],
      ['latest', undefined, 'latest'],
      ['lts', undefined, 'lts'],
      ['alpine', undefined, 'alpine'],
      ['bookworm', undefined, 'bookworm'],
      ['lts-alpine', undefined, 'lts-alpine'],
    ];
  for (const [tag, version, variant] of cases) {
    it(`splits ${tag}`, () => {
      const parts = splitTag(tag);
      assert.equal(parts.version, version);
      assert.equal(parts.variant, variant);
      if (variant !== undefined) assert.equal(tag.slice(parts.variantStart), variant);
      else assert.equal(parts.variantStart, undefined);
    });
  }

  it('keeps a build suffix in the version text, with the release beside it', () => {
    assert.deepEqual(splitTag('17.0.9_9-jre-jammy'), {
      version: '17.0.9_9',
      release: '17.0.9',
      variant: 'jre-jammy',
      variantStart: 9,
    });
  });

  it('reads pre-releases written against the release', () => {
    assert.deepEqual(splitTag('1.22rc1'), {
      version: '1.22rc1',
      release: '1.22',
      prerelease: true,
    });
    assert.deepEqual(splitTag('3.13.0a1-slim'), {
      version: '3.13.0a1',
      release: '3.13.0',
      prerelease: true,
      variant: 'slim',
      variantStart: 9,
    });
    assert.equal(splitTag('3.13.0b2').prerelease, true);
  });

  it('reads pre-release words written as their own segment', () => {
    assert.deepEqual(splitTag('3.14-rc-slim'), {
      version: '3.14-rc',
      release: '3.14',
      prerelease: true,
      variant: 'slim',
      variantStart: 8,
    });
    assert.deepEqual(splitTag('22-ea-jdk'), {
      version: '22-ea',
      release: '22',
      prerelease: true,
      variant: 'jdk',
      variantStart: 6,
    });
  });

  it('does not take a variant that starts like a pre-release letter for one', () => {
    assert.deepEqual(splitTag('3.12-alpine'), {
      version: '3.12',
      release: '3.12',
      variant: 'alpine',
      variantStart: 5,
    });
    assert.equal(splitTag('3.12-bookworm').prerelease, undefined);
  });

  it('accepts a leading v', () => {
    assert.deepEqual(splitTag('v1.2.3'), { version: 'v1.2.3', release: '1.2.3' });
  });

  it('has nothing to say about an empty tag', () => {
    assert.deepEqual(splitTag(''), {});
  });

  it('makes the version an exact prefix of the tag, ready for edits', () => {
    for (const tag of ['17.0.9_9-jre-jammy', '3.14-rc-slim', '1.22rc1', '3.12-slim']) {
      const { version, variantStart } = splitTag(tag);
      assert.ok(version !== undefined && tag.startsWith(version));
      if (variantStart !== undefined) assert.equal(tag.charAt(variantStart - 1), '-');
    }
  });
});
