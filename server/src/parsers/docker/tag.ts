/**
 * How an image tag splits into a version and a variant (`3.12-slim-bookworm` → `3.12` and
 * `slim-bookworm`). Pure text work: what a version or variant means is the matrix's business.
 */
export interface TagParts {
  /**
   * The version as written, from the start of the tag up to the `-` before the variant: `3.12`,
   * `v1.2.3`, `1.22rc1`, `3.14-rc`, `17.0.9_9`. A build suffix (Temurin's `_9`) or pre-release
   * marker stays in it, so that replacing `tag.slice(0, version.length)` is an exact edit that
   * leaves no stray characters behind.
   */
  readonly version?: string;
  /** The dotted numbers that lead `version`: `17.0.9` for `17.0.9_9`, `1.22` for `1.22rc1`. */
  readonly release?: string;
  /** `version` names a pre-release (`1.22rc1`, `3.13.0a1`, `3.14-rc`, `22-ea`). */
  readonly prerelease?: boolean;
  /** What follows the version and its `-`, or the whole tag when it has no version. */
  readonly variant?: string;
  /** Offset of `variant` within the tag. */
  readonly variantStart?: number;
}

const RELEASE = /^v?(\d+(?:\.\d+)*)/;

/** What follows the release in a pre-release: `a1`, `b2`, `rc1`, `-rc`, `.dev0`, `-ea`. */
const PRERELEASE_SUFFIX = /^[-.]?(?:a|b|c|rc|alpha|beta|pre|preview|dev|ea)[.-]?\d*$/i;

/** A pre-release word written as its own `-` segment: `3.14-rc-slim`, `22-ea-jdk`. */
const PRERELEASE_SEGMENT = /^(?:rc|alpha|beta|preview|ea)\d*$/i;

export function splitTag(tag: string): TagParts {
  if (tag.length === 0) return {};

  const release = RELEASE.exec(tag);
  if (!release?.[1]) return { variant: tag, variantStart: 0 };

  let versionEnd = tag.indexOf('-');
  if (versionEnd < 0) versionEnd = tag.length;
  const suffix = tag.slice(release[0].length, versionEnd);
  let prerelease = suffix.length > 0 && PRERELEASE_SUFFIX.test(suffix);

  if (suffix.length === 0 && versionEnd < tag.length) {
    let segmentEnd = tag.indexOf('-', versionEnd + 1);
    if (segmentEnd < 0) segmentEnd = tag.length;
    if (PRERELEASE_SEGMENT.test(tag.slice(versionEnd + 1, segmentEnd))) {
      versionEnd = segmentEnd;
      prerelease = true;
    }
  }

  const parts: TagParts = {
    version: tag.slice(0, versionEnd),
    release: release[1],
    ...(prerelease ? { prerelease } : {}),
  };
  if (versionEnd + 1 >= tag.length) return parts;
  return { ...parts, variant: tag.slice(versionEnd + 1), variantStart: versionEnd + 1 };
}
