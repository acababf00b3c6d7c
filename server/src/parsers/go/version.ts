/**
 * Go module versions: semantic versions with a leading `v` (`v1.9.1`), optionally shortened
 * (`v1.2`), with `+incompatible` for a v2+ module without a `/vN` path, and pseudo-versions that
 * name a commit (`v0.0.0-20230101120000-abcdef123456`).
 */

export interface GoModuleVersion {
  /** The semantic version without `v`, shorthand completed, build metadata dropped: `1.2.0`. */
  readonly version: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** What follows `-`: `rc.1`, or a pseudo-version's `0.20230101120000-abcdef123456`. */
  readonly prerelease?: string;
  /** What follows `+`: `incompatible`. */
  readonly build?: string;
  /** Has a pre-release part; pseudo-versions do too. */
  readonly isPrerelease: boolean;
  readonly isPseudo: boolean;
  readonly isIncompatible: boolean;
}

/** Digits without a leading zero, as semantic versions require for numbers. */
const NUMBER = /^(0|[1-9]\d*)$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;

function isPrereleaseIdentifier(identifier: string): boolean {
  if (!IDENTIFIER.test(identifier)) return false;
  return !/^\d+$/.test(identifier) || NUMBER.test(identifier);
}

/**
 * Reads a Go module version. Returns `undefined` for text the go command would refuse: no `v`,
 * leading zeros, empty identifiers, a pre-release on a shortened version (`v1-rc`).
 */
export function parseGoVersion(text: string): GoModuleVersion | undefined {
  const match = /^v([^.+-]+)(?:\.([^.+-]+)(?:\.([^.+-]+))?)?(?:-([^+]*))?(?:\+(.*))?$/s.exec(text);
  if (!match) return undefined;
  const [, major = '', minor, patch, prerelease, build] = match;
  const numbers = [major, minor ?? '0', patch ?? '0'];
  if (!numbers.every((number) => NUMBER.test(number))) return undefined;
  if (patch === undefined && (prerelease !== undefined || build !== undefined)) return undefined;
  if (prerelease !== undefined && !prerelease.split('.').every(isPrereleaseIdentifier)) {
    return undefined;
  }
  if (build !== undefined && !build.split('.').every((part) => IDENTIFIER.test(part))) {
    return undefined;
  }

  const [majorNumber, minorNumber, patchNumber] = numbers.map(Number) as [number, number, number];
  const release = numbers.join('.');
  return {
    version: prerelease === undefined ? release : `${release}-${prerelease}`,
    major: majorNumber,
    minor: minorNumber,
    patch: patchNumber,
    ...(prerelease !== undefined ? { prerelease } : {}),
    ...(build !== undefined ? { build } : {}),
    isPrerelease: prerelease !== undefined,
    isPseudo: prerelease !== undefined && isPseudoPrerelease(minorNumber, patchNumber, prerelease),
    isIncompatible: build === 'incompatible',
  };
}

/** A commit time (`yyyymmddhhmmss`) and revision at the end of a pre-release. */
const COMMIT = /(?:^|\.)\d{14}-[A-Za-z0-9]+$/;

/**
 * The three shapes the go command gives pseudo-versions: `vX.0.0-time-rev` when no release
 * precedes the commit, `vX.Y.Z-pre.0.time-rev` after the pre-release `vX.Y.Z-pre`, and
 * `vX.Y.(Z+1)-0.time-rev` after the release `vX.Y.Z`.
 */
function isPseudoPrerelease(minor: number, patch: number, prerelease: string): boolean {
  const commit = COMMIT.exec(prerelease);
  if (!commit) return false;
  const before = prerelease.slice(0, commit.index);
  if (before === '') return minor === 0 && patch === 0;
  return before === '0' || before.endsWith('.0');
}

export function isPseudoVersion(text: string): boolean {
  return parseGoVersion(text)?.isPseudo ?? false;
}

/** Go's language version in a `go` line: `1.22`, `1.22.1`, `1.21rc1`. */
export const GO_LANGUAGE_VERSION = /^[1-9]\d*\.(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))?(?:[a-z]+\d+)?$/;

/**
 * The major version a module path requires of its versions: `2` for `example.com/m/v2` and
 * `gopkg.in/yaml.v2`; `undefined` for a path without one, whose versions must be v0 or v1 unless
 * marked `+incompatible`.
 */
export function pathMajor(path: string): number | undefined {
  const gopkg = /^gopkg\.in\/.*\.v(0|[1-9]\d*)(?:-unstable)?$/.exec(path);
  if (gopkg?.[1] !== undefined) return Number(gopkg[1]);
  const suffix = /\/v([2-9]|[1-9]\d+)$/.exec(path);
  return suffix?.[1] !== undefined ? Number(suffix[1]) : undefined;
}

/**
 * Why `version` cannot be a version of the module at `path`, or `undefined` when it can. The go
 * command refuses such a pair.
 */
export function majorMismatch(path: string, version: GoModuleVersion): string | undefined {
  const major = pathMajor(path);
  if (major === undefined) {
    if (version.major <= 1 || version.isIncompatible) return undefined;
    return `a v${version.major} version needs a module path ending in \`/v${version.major}\`, or \`+incompatible\``;
  }
  if (version.major === major) return undefined;
  // Early pseudo-versions of gopkg.in v1 packages were written as v0.0.0-…, and Go still accepts them.
  if (major === 1 && path.startsWith('gopkg.in/') && version.version.startsWith('0.0.0-')) {
    return undefined;
  }
  return `that path takes only v${major} versions`;
}
