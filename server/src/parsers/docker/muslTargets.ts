/**
 * Rust target triples that build against musl (`x86_64-unknown-linux-musl`,
 * `armv7-unknown-linux-musleabihf`): binaries built for them do not use the glibc that CleanStart
 * images are built on.
 */
import type { MappedText, SourceSpan } from './mappedText';
import { spanOf } from './mappedText';

const VENDOR_OS = '-unknown-linux-musl';
const ABI_SUFFIXES = ['eabihf', 'eabi'];

export interface FoundTriple extends SourceSpan {
  readonly target: string;
}

/** Every musl target triple in `input`, with its source span. */
export function findMuslTriples(input: MappedText): FoundTriple[] {
  const { text } = input;
  const found: FoundTriple[] = [];
  // Searching for the fixed middle and walking out keeps this linear on very long lines.
  let at = text.indexOf(VENDOR_OS);
  while (at >= 0) {
    let start = at;
    while (start > 0 && isArchitectureChar(text.charCodeAt(start - 1))) start--;
    let end = at + VENDOR_OS.length;
    const suffix = ABI_SUFFIXES.find((candidate) => text.startsWith(candidate, end));
    if (suffix) end += suffix.length;

    const boundedBefore = start === 0 || !isTripleChar(text.charCodeAt(start - 1));
    const boundedAfter = end === text.length || !isTripleChar(text.charCodeAt(end));
    if (start < at && boundedBefore && boundedAfter) {
      found.push({ target: text.slice(start, end), ...spanOf(input, start, end) });
    }
    at = text.indexOf(VENDOR_OS, end);
  }
  return found;
}

/** Architecture names: `x86_64`, `aarch64`, `armv7`, `thumbv7neon`, `riscv64gc`. */
function isArchitectureChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}

function isTripleChar(code: number): boolean {
  return isArchitectureChar(code) || code === 45 /* - */ || code === 46; /* . */
}
