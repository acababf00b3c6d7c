/**
 * Image references (`registry/repository:tag@digest`) split the way Docker splits them, and the
 * way back from any span of the resolved reference to the characters that produced it.
 */
import type { LineIndex, Range } from '../../util/text';
import type { ArgSource, ImageReference, ReferencePiece } from '../types';
import type { Expansion } from './substitution';

/** Registry hosts that mean Docker Hub, where official images live under `library/`. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * The reference `expansion` spells, with `range` where it stands in `FROM`. `undefined` for an
 * empty reference, which names no image.
 */
export function imageReferenceOf(
  expansion: Expansion,
  range: Range,
  lines: LineIndex,
): ImageReference | undefined {
  const { text } = expansion;
  if (text.length === 0) return undefined;

  const at = text.indexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const digest = at < 0 ? undefined : text.slice(at + 1);

  // Docker's rule: the first path component is a registry when it looks like a host.
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry =
    slash > 0 &&
    (first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase());
  const registry = hasRegistry ? first : undefined;
  const path = hasRegistry ? name.slice(slash + 1) : name;

  const colon = path.lastIndexOf(':');
  const hasTag = colon >= 0 && colon > path.lastIndexOf('/');
  let repository = hasTag ? path.slice(0, colon) : path;
  const tag = hasTag && colon + 1 < path.length ? path.slice(colon + 1) : undefined;
  if (
    (registry === undefined || DOCKER_HUB.has(registry.toLowerCase())) &&
    repository.startsWith('library/')
  ) {
    repository = repository.slice('library/'.length);
  }

  const pieces = piecesOf(expansion, lines);
  const reference: ImageReference = {
    text,
    range,
    repository,
    args: expansion.args,
    pieces,
    ...(registry !== undefined ? { registry } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
  if (tag === undefined) return reference;

  const tagStart = (hasRegistry ? slash + 1 : 0) + colon + 1;
  const tagEnd = tagStart + tag.length;
  const located = locateInReference(reference, tagStart, tagEnd);
  const tagArgs = expansion.origins
    .slice(tagStart, tagEnd)
    .filter((origin, index, all): origin is ArgSource => !!origin && all.indexOf(origin) === index);
  const tagFrom = tagArgs.length === 1 ? tagArgs[0] : undefined;
  return {
    ...reference,
    tag,
    tagStart,
    ...(located && !located.arg ? { tagRange: located.range } : {}),
    ...(tagFrom ? { tagFrom } : {}),
  };
}

/**
 * The source range of `text[start..end)` of a reference when the span lies within one piece: in
 * `FROM` for literal text, inside the `ARG` default (with that `ARG`) for substituted text.
 * `undefined` when the span crosses pieces, so that no single range stands for it.
 */
export function locateInReference(
  ref: ImageReference,
  start: number,
  end: number,
): { range: Range; arg?: ArgSource } | undefined {
  if (start < 0 || end < start || end > ref.text.length) return undefined;
  const piece = ref.pieces.find((candidate) =>
    start === end
      ? candidate.start <= start && start < candidate.end
      : candidate.start <= start && end <= candidate.end,
  );
  if (!piece) return undefined;

  const line = piece.range.start.line;
  const base = piece.range.start.character - piece.start;
  const range: Range = {
    start: { line, character: base + start },
    end: { line, character: base + end },
  };
  return piece.arg ? { range, arg: piece.arg } : { range };
}

/**
 * Cuts the expansion into runs of characters that stand side by side on one source line and come
 * from the same place, so that each piece maps back by plain arithmetic.
 */
function piecesOf(expansion: Expansion, lines: LineIndex): ReferencePiece[] {
  const { text, offsets, origins } = expansion;
  const pieces: ReferencePiece[] = [];
  let start = 0;
  for (let index = 1; index <= text.length; index++) {
    const offset = offsets[index] ?? -1;
    const previous = offsets[index - 1] ?? -1;
    const contiguous =
      index < text.length &&
      offset === previous + 1 &&
      origins[index] === origins[start] &&
      !isLineBreak(lines.text.charCodeAt(offset));
    if (contiguous) continue;

    const first = offsets[start] ?? 0;
    const arg = origins[start];
    pieces.push({
      start,
      end: index,
      range: lines.rangeOf(first, first + (index - start)),
      ...(arg ? { arg } : {}),
    });
    start = index;
  }
  return pieces;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
