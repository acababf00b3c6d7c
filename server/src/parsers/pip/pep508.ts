/**
 * One requirement of a requirements file: a PEP 508 requirement (`uvicorn[standard]>=0.30;
 * python_version >= "3.9"`, `name @ https://…`), or a URL or path pip installs from directly.
 */
import type { Range } from '../../util/text';
import type { ParseProblem, Requirement, SpecifierClause } from '../types';
import { isWhitespace, type LogicalLine } from './logicalLines';
import { isLocation, readLocation } from './location';
import { checkMarker } from './marker';
import {
  nameEnd,
  normalizePackageName,
  Reader,
  skipBlanks,
  trimEnd,
  type ReadRequirement,
} from './reader';
import { readClauses } from './specifier';

/** Extras in `text[start, end)` (inside the brackets), each a valid name. */
function readExtras(reader: Reader, start: number, end: number): string[] {
  const extras: string[] = [];
  for (let from = start; from <= end;) {
    let comma = reader.text.indexOf(',', from);
    if (comma < 0 || comma > end) comma = end;
    const first = skipBlanks(reader.text, from, comma);
    const last = trimEnd(reader.text, first, comma);
    from = comma + 1;
    if (first === last && comma === end && extras.length === 0) break;
    if (nameEnd(reader.text, first, last) !== last || first === last) {
      reader.problem(
        first === last ? Math.max(start, first - 1) : first,
        first === last ? Math.min(end, first + 1) : last,
        `\`${reader.text.slice(first, last)}\` is not a valid extra name, so pip refuses the line. Extras are names separated by commas, as in \`uvicorn[standard]\`.`,
      );
      continue;
    }
    const extra = reader.text.slice(first, last);
    if (!extras.includes(extra)) extras.push(extra);
  }
  return extras;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** What has been read of a PEP 508 requirement so far. */
interface Draft {
  readonly name: Span;
  extras: string[];
  specifier?: Span;
  clauses: SpecifierClause[];
  invalid: boolean;
  url?: Span;
  marker?: Span;
}

function located(line: LogicalLine, span: Span): { value: string; range: Range } {
  return { value: line.text.slice(span.start, span.end), range: line.range(span.start, span.end) };
}

function finish(line: LogicalLine, start: number, end: number, draft: Draft): Requirement {
  const name = line.text.slice(draft.name.start, draft.name.end);
  const specifier = draft.specifier ? located(line, draft.specifier) : undefined;
  const marker = draft.marker ? located(line, draft.marker) : undefined;
  return {
    name,
    normalizedName: normalizePackageName(name),
    nameRange: line.range(draft.name.start, draft.name.end),
    extras: draft.extras,
    specifier: specifier?.value ?? '',
    ...(specifier ? { specifierRange: specifier.range } : {}),
    clauses: draft.clauses,
    ...(draft.invalid ? { invalidSpecifier: true } : {}),
    ...(marker ? { marker: marker.value, markerRange: marker.range } : {}),
    ...(draft.url ? { url: located(line, draft.url) } : {}),
    line: line.lineAt(start),
    range: line.range(start, end),
    editable: false,
    options: [],
  };
}

/** The environment marker after `;` at `semicolon`; an empty one is a problem. */
function readMarker(reader: Reader, semicolon: number, end: number, draft: Draft): void {
  const first = skipBlanks(reader.text, semicolon + 1, end);
  if (first === end) {
    reader.problem(
      semicolon,
      semicolon + 1,
      'No environment marker follows `;`, so pip refuses the line. Write one, such as `python_version >= "3.10"`, or remove the `;`.',
    );
    return;
  }
  draft.marker = { start: first, end };
  const error = checkMarker(reader.text.slice(first, end));
  if (error) {
    // An error at the very end points at the marker's last character.
    const start = error.start === error.end ? Math.max(0, error.start - 1) : error.start;
    reader.problem(
      first + start,
      first + error.end,
      `pip cannot read this environment marker: ${error.message}.`,
    );
  }
}

/** The specifier of a PEP 508 requirement, from `at` (after name and extras) to `end`. */
function readVersionPart(reader: Reader, at: number, end: number, draft: Draft): void {
  const text = reader.text;
  let semicolon = text.indexOf(';', at);
  if (semicolon < 0 || semicolon >= end) semicolon = end;

  let first = at;
  let last = trimEnd(text, at, semicolon);
  if (text[at] === '(') {
    const close = text.indexOf(')', at);
    if (close < 0 || close >= semicolon) {
      reader.problem(
        at,
        last,
        'This parenthesis is never closed, so pip refuses the line. Add the `)`.',
      );
      draft.invalid = true;
      return;
    }
    const after = skipBlanks(text, close + 1, semicolon);
    if (after < semicolon) {
      reader.problem(
        after,
        last,
        'pip expects nothing but an environment marker after the specifier, starting with `;`. Remove this text.',
      );
      draft.invalid = true;
    }
    first = skipBlanks(text, at + 1, close);
    last = trimEnd(text, first, close);
  }

  if (first < last) {
    draft.specifier = { start: first, end: last };
    const read = readClauses(reader, first, last);
    // Half a specifier would widen what the line allows: better to claim nothing.
    if (read.valid) draft.clauses = read.clauses;
    else draft.invalid = true;
  }
  if (semicolon < end) readMarker(reader, semicolon, end, draft);
}

/** `name @ URL`, from the `@` at `at`. */
function readUrlPart(reader: Reader, at: number, end: number, draft: Draft): void {
  const text = reader.text;
  const first = skipBlanks(text, at + 1, end);
  let last = first;
  while (last < end && !isWhitespace(text.charCodeAt(last))) last++;
  if (first === last) {
    reader.problem(
      at,
      at + 1,
      'No URL follows `@`, so pip refuses the line. Write the URL to install from.',
    );
    return;
  }
  draft.url = { start: first, end: last };

  const rest = skipBlanks(text, last, end);
  if (rest === end) return;
  if (text[rest] === ';') {
    readMarker(reader, rest, end, draft);
    return;
  }
  reader.problem(
    rest,
    end,
    'pip expects nothing but an environment marker after the URL, starting with a blank and `;`. Remove this text.',
  );
}

/**
 * Reads the requirement in `line.text[start, end)`, options left out. Returns nothing when the text
 * names no project and is no URL or path; a problem then says why.
 */
export function readRequirement(
  line: LogicalLine,
  start: number,
  end: number,
  problems: ParseProblem[],
  checked: Map<string, boolean>,
): ReadRequirement {
  const reader = new Reader(line, problems, checked);
  const text = line.text;

  let wordEnd = start;
  while (wordEnd < end && !isWhitespace(text.charCodeAt(wordEnd)) && text[wordEnd] !== ';') {
    wordEnd++;
  }
  const nameFinish = nameEnd(text, start, end);
  let afterExtras = skipBlanks(text, nameFinish, end);
  if (text[afterExtras] === '[') {
    const close = text.indexOf(']', afterExtras);
    if (close >= 0 && close < end) afterExtras = skipBlanks(text, close + 1, end);
  }
  const direct = nameFinish > start && text[afterExtras] === '@';

  if (!direct && isLocation(text.slice(start, wordEnd))) {
    // pip takes a URL's marker only after "; ", since a URL may itself hold a semicolon.
    const separator = text.indexOf('; ', start);
    const last = separator < 0 || separator >= end ? end : trimEnd(text, start, separator);
    return readLocation(line, start, last, false);
  }
  if (nameFinish === start) {
    const written = text.slice(start, Math.min(end, start + 80));
    reader.problem(
      start,
      end,
      `pip cannot read \`${written}\` as a requirement. Write a project name, as in \`django>=4.2\`, a URL or a path.`,
    );
    return {};
  }

  const draft: Draft = {
    name: { start, end: nameFinish },
    extras: [],
    clauses: [],
    invalid: false,
  };
  let at = skipBlanks(text, nameFinish, end);
  if (text[at] === '[') {
    const close = text.indexOf(']', at);
    if (close < 0 || close >= end) {
      reader.problem(at, end, 'The extras are never closed, so pip refuses the line. Add the `]`.');
      draft.invalid = true;
      return { requirement: finish(line, start, end, draft) };
    }
    draft.extras = readExtras(reader, at + 1, close);
    at = skipBlanks(text, close + 1, end);
  }

  if (text[at] === '@') readUrlPart(reader, at, end, draft);
  else readVersionPart(reader, at, end, draft);
  return { requirement: finish(line, start, end, draft) };
}
