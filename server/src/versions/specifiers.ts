/**
 * Turns what people write — PEP 440 specifiers, npm ranges, Go module versions, image tags — into
 * version sets. Each returns `undefined` for text it cannot read, so callers stay silent rather
 * than guess.
 */
import * as semver from 'semver';
import { parseVersion, type Version } from './version';
import {
  ALL_VERSIONS,
  atLeast,
  below,
  complement,
  exactly,
  intersect,
  union,
  withPrefix,
  type VersionSet,
} from './versionSet';

/** The numeric release part of a PEP 440 version (`1!2.0.3rc1.post2` → 2.0.3), ignoring the epoch. */
export function pep440Release(text: string): Version | undefined {
  const match = /^\s*v?(?:\d+!)?(\d+(?:\.\d+)*)/i.exec(text);
  return match?.[1] ? parseVersion(match[1]) : undefined;
}

/** One PEP 440 clause (`>=3.2`, `==3.2.*`, `~=1.4.2`) as a version set. */
export function pep440ClauseSet(operator: string, version: string): VersionSet | undefined {
  const wildcard = version.endsWith('.*');
  const release = pep440Release(wildcard ? version.slice(0, -2) : version);
  if (!release) return undefined;
  switch (operator) {
    case '==':
    case '===':
      return wildcard ? withPrefix(release) : exactly(release);
    case '!=':
      return complement(wildcard ? withPrefix(release) : exactly(release));
    case '>=':
      return atLeast(release, true);
    case '>':
      return atLeast(release, false);
    case '<=':
      return below(release, true);
    case '<':
      return below(release, false);
    case '~=': {
      // ~=1.4.2 means >=1.4.2, ==1.4.*; ~=2.2 means >=2.2, ==2.*.
      if (release.length < 2) return undefined;
      return intersect(atLeast(release, true), withPrefix(release.slice(0, -1)));
    }
    default:
      return undefined;
  }
}

/** All clauses together (they all must hold); no clause means every version. */
export function pep440Set(
  clauses: readonly { readonly operator: string; readonly version: string }[],
): VersionSet | undefined {
  let set: VersionSet = ALL_VERSIONS;
  for (const clause of clauses) {
    const clauseSet = pep440ClauseSet(clause.operator, clause.version);
    if (!clauseSet) return undefined;
    set = intersect(set, clauseSet);
  }
  return set;
}

function semverRelease(version: semver.SemVer): Version {
  return [version.major, version.minor, version.patch];
}

/** An npm range (`^14.2.0`, `>=18 <21`, `18.x || 20.x`, `latest`→undefined) as a version set. */
export function npmRangeSet(text: string): VersionSet | undefined {
  let range: semver.Range;
  try {
    range = new semver.Range(text.trim(), { loose: true });
  } catch {
    return undefined;
  }
  const alternatives: VersionSet[] = [];
  for (const comparators of range.set) {
    let set: VersionSet = ALL_VERSIONS;
    for (const comparator of comparators) {
      if (comparator.value === '') continue; // `*`
      if (comparator.operator === '') {
        set = intersect(set, exactly(semverRelease(comparator.semver)));
        continue;
      }
      const version = semverRelease(comparator.semver);
      const prerelease = comparator.semver.prerelease.length > 0;
      switch (comparator.operator) {
        case '>=':
          set = intersect(set, atLeast(version, true));
          break;
        case '>':
          set = intersect(set, atLeast(version, false));
          break;
        case '<':
          // `<2.0.0-0` (how semver spells "below 2") excludes 2.0.0 as `<2.0.0` does.
          set = intersect(set, below(version, false));
          break;
        case '<=':
          set = intersect(set, below(version, !prerelease));
          break;
      }
    }
    alternatives.push(set);
  }
  return union(...alternatives);
}

/**
 * A Go module version (`v1.9.1`, `v2.3.0+incompatible`, pseudo-versions) as the single release it
 * selects. A pseudo-version `vX.Y.Z-0.yyyymmddhhmmss-hash` sits just before X.Y.Z and is counted as
 * X.Y.Z's minor line, which is what the matrix's ranges distinguish.
 */
export function goModuleVersionSet(text: string): VersionSet | undefined {
  const match = /^v(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  if (!match) return undefined;
  return exactly([Number(match[1]), Number(match[2]), Number(match[3])]);
}

/** A Go toolchain or language version (`1.22`, `1.22.1`, `1.21rc2`, `1.22.0`) as the versions it names. */
export function goToolchainSet(text: string): VersionSet | undefined {
  const match = /^(?:go)?(\d+(?:\.\d+){0,2})(?:(?:rc|beta)\d+)?$/.exec(text.trim());
  const version = match?.[1] ? parseVersion(match[1]) : undefined;
  return version ? withPrefix(version) : undefined;
}

/**
 * An image tag's version as the versions it stands for: `3.12` is every 3.12.x, `3` every 3.x,
 * `3.12.1` exactly that one.
 */
export function tagVersionSet(version: string): VersionSet | undefined {
  const parsed = parseVersion(version.replace(/_\d+$/, ''));
  if (!parsed) return undefined;
  return parsed.length >= 3 ? exactly(parsed) : withPrefix(parsed);
}
