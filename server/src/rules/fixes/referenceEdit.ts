import type { TextEdit } from '../../engine/finding';
import { locateInReference } from '../../parsers/dockerfile';
import type { ImageReference } from '../../parsers/types';

/**
 * The smallest edit that turns the span [start, end) of a reference's text into `replacement`,
 * mapped back to the source — into an `ARG` default when that is where the characters come from.
 * Undefined when the changed characters do not stand in one place.
 */
export function referenceEdit(
  reference: ImageReference,
  start: number,
  end: number,
  replacement: string,
): TextEdit | undefined {
  const original = reference.text.slice(start, end);
  let prefix = 0;
  while (
    prefix < original.length &&
    prefix < replacement.length &&
    original[prefix] === replacement[prefix]
  ) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < original.length - prefix &&
    suffix < replacement.length - prefix &&
    original[original.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]
  ) {
    suffix++;
  }
  const changedStart = start + prefix;
  const changedEnd = end - suffix;
  const newText = replacement.slice(prefix, replacement.length - suffix);
  if (changedStart === changedEnd) {
    // A pure insertion: anchor it to the character before (or after) so it lands in one piece.
    const before =
      changedStart > 0 ? locateInReference(reference, changedStart - 1, changedStart) : undefined;
    if (before) return { range: { start: before.range.end, end: before.range.end }, newText };
    const after = locateInReference(reference, changedStart, changedStart + 1);
    return after
      ? { range: { start: after.range.start, end: after.range.start }, newText }
      : undefined;
  }
  const located = locateInReference(reference, changedStart, changedEnd);
  return located ? { range: located.range, newText } : undefined;
}
