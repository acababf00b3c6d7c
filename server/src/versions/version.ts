/**
 * Release versions as tuples of numbers. Every ecosystem's version (PEP 440, semver, Go modules,
 * image tags) is reduced to its numeric release part for comparison with the matrix: pre-releases,
 * build metadata and local labels do not change which matrix entry a version belongs to.
 */
export type Version = readonly number[];

const NUMERIC = /^v?(\d+(?:\.\d+)*)$/;

/** `3.12`, `1.22.1`, `v4.11.0`, `20` → tuples; anything else → `undefined`. */
export function parseVersion(text: string): Version | undefined {
  const match = NUMERIC.exec(text.trim());
  if (!match?.[1]) return undefined;
  const parts = match[1].split('.').map(Number);
  return parts.every(Number.isSafeInteger) ? parts : undefined;
}

/** Compares two versions, padding the shorter with zeros: `3.12` equals `3.12.0`. */
export function compareVersions(a: Version, b: Version): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

/** The first version after every version that starts with `prefix`: `3.12` → `3.13`. */
export function nextPrefix(prefix: Version): Version {
  if (prefix.length === 0) return [Number.MAX_SAFE_INTEGER];
  const last = prefix[prefix.length - 1] ?? 0;
  return [...prefix.slice(0, -1), last + 1];
}
