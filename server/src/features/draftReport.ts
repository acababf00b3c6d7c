/**
 * An incompatibility report drafted from the matrix's report template: the parts the file tells
 * (image, framework and version, what the matrix says) are filled in, the rest keeps the
 * template's placeholders for the user.
 */
import type { Finding } from '../engine/finding';
import type { EntryStatus } from '../matrix/status';
import { describeStatus, statusAt } from '../matrix/status';
import type { Matrix, MatrixEntry } from '../matrix/types';
import type { Facts, Stage } from '../parsers/types';
import { entryTitle, languageName, tierLabel } from '../rules/describe';
import { compareEntryVersions, entrySet, rank } from '../rules/judge';
import type { Subject } from '../rules/subjects';
import type { Position } from '../util/text';
import { intersects } from '../versions/versionSet';

export interface DraftInput {
  readonly matrix: Matrix;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  readonly lookaheadDays: number;
  /** The file's path as the user knows it (relative to the workspace when possible). */
  readonly path: string;
  readonly facts?: Facts;
  /** The finding under the cursor, if any. */
  readonly finding?: Finding;
  /** The subject the finding is about, or the one under the cursor. */
  readonly subject?: Subject;
}

export interface Draft {
  readonly markdown: string;
  /** "Django 3.2", "musl-libc": what the draft is about. */
  readonly subject: string;
}

/** Template lines of this shape name a field: `Image: registry.cleanstart.com/python:3.12`. */
const FIELD_LINE = /^([A-Z][A-Za-z ]*):[ \t]*([^]*)$/;

export function draftReport(input: DraftInput): Draft | undefined {
  if (input.finding === undefined && input.subject === undefined) return undefined;
  const status = mainStatus(input);
  const entry = status?.entry ?? entryOf(input.matrix, input.finding?.entryId);
  const framework = frameworkOf(input.subject, entry);
  const version = input.subject?.written || (entry === undefined ? '' : versionOf(entry));
  const image = imageAt(input.facts, input.finding?.range.start ?? input.subject?.range.start);

  const known: Record<string, string | undefined> = {
    image,
    framework: framework === undefined ? undefined : `${framework} ${version}`.trim(),
  };
  const lines = input.matrix.reportTemplate.split(/\r\n|\r|\n/).map((line) => {
    if (line.includes('[Framework]') || line.includes('[Version]')) {
      return line
        .replace('[Framework]', framework ?? '[Framework]')
        .replace('[Version]', version === '' ? '[Version]' : version);
    }
    const field = FIELD_LINE.exec(line);
    // A field with a value in the template holds the document's example, never the user's data.
    if (
      field?.[1] === undefined ||
      field[2] === undefined ||
      field[2] === '' ||
      field[2].startsWith('[')
    ) {
      return line;
    }
    const name = field[1];
    return `${name}: ${known[name.toLowerCase()] ?? `[${name}]`}`;
  });

  lines.push('', 'What the CleanStart matrix says:', ...matrixSays(input, status));
  const about =
    framework === undefined ? (input.finding?.rule ?? '') : `${framework} ${version}`.trim();
  return { markdown: `${lines.join('\n')}\n`, subject: about };
}

function matrixSays(input: DraftInput, status: EntryStatus | undefined): string[] {
  const lines: string[] = [];
  if (status !== undefined) {
    const entry = status.entry;
    lines.push(`- ${entryTitle(entry)}: ${tierLabel(status.tier)}`);
    if (entry.coverage !== undefined) lines.push(`- Test coverage: ${entry.coverage}`);
    if (status.state !== 'unknown') lines.push(`- Support: ${describeStatus(status)}`);
    if (entry.notes !== undefined && entry.notes !== '') lines.push(`- Notes: ${entry.notes}`);
    if (status.tierInfo.response.kind !== 'none') {
      lines.push(`- Promised reaction: ${status.tierInfo.response.text}`);
    }
    lines.push(`- Matrix entry: ${entry.id}`);
  }
  if (input.finding !== undefined) {
    const line = input.finding.range.start.line + 1;
    lines.push(
      `- Finding (${input.finding.rule}, ${input.path}:${line}): ${input.finding.message}`,
    );
  }
  lines.push(
    `- Matrix: ${input.matrix.source.title}, updated ${input.matrix.source.updated}; checked on ${input.today}`,
  );
  return lines;
}

/** The entry the subject's written version matches best, judged on `today`. */
function mainStatus(input: DraftInput): EntryStatus | undefined {
  const subject = input.subject;
  if (subject === undefined) {
    const entry = entryOf(input.matrix, input.finding?.entryId);
    return entry === undefined
      ? undefined
      : statusAt(input.matrix, entry, input.today, input.lookaheadDays);
  }
  const versions = subject.versions;
  const byId = subject.entries.find((entry) => entry.id === input.finding?.entryId);
  const candidates =
    byId !== undefined
      ? [byId]
      : versions === undefined
        ? subject.entries.length === 1
          ? subject.entries
          : []
        : subject.entries.filter((entry) => intersects(entrySet(entry), versions));
  return candidates
    .map((entry) => statusAt(input.matrix, entry, input.today, input.lookaheadDays))
    .sort((a, b) => rank(a) - rank(b) || compareEntryVersions(b.entry, a.entry))[0];
}

function entryOf(matrix: Matrix, id: string | undefined): MatrixEntry | undefined {
  return id === undefined ? undefined : matrix.entries.find((entry) => entry.id === id);
}

function frameworkOf(
  subject: Subject | undefined,
  entry: MatrixEntry | undefined,
): string | undefined {
  if (subject?.kind === 'runtime' && subject.language !== undefined)
    return languageName(subject.language);
  if (entry !== undefined) {
    return entry.category === 'runtime' && entry.language !== undefined
      ? languageName(entry.language)
      : entry.name;
  }
  return subject?.name;
}

function versionOf(entry: MatrixEntry): string {
  const title = entryTitle(entry);
  const name =
    entry.category === 'runtime' && entry.language !== undefined
      ? languageName(entry.language)
      : entry.name;
  return title.startsWith(`${name} `) ? title.slice(name.length + 1) : '';
}

/** The base image of the Dockerfile stage holding `position`. */
function imageAt(facts: Facts | undefined, position: Position | undefined): string | undefined {
  if (facts?.kind !== 'dockerfile' || position === undefined) return undefined;
  let holder: Stage | undefined;
  for (const stage of facts.stages) {
    if (stage.fromRange.start.line > position.line) break;
    holder = stage;
  }
  // A stage built `FROM` an earlier stage runs on that stage's base image.
  const seen = new Set<number>();
  while (holder?.baseStage !== undefined && !seen.has(holder.index)) {
    seen.add(holder.index);
    holder = facts.stages[holder.baseStage];
  }
  return holder?.image?.text;
}
