/**
 * Version specifiers (`>=3.2, <4`, `==3.2.*`, `~=1.4.2`): split into clauses, each checked as
 * PEP 440 requires, with the operator and version located.
 */
import type { Pep440Constraint } from '@renovatebot/pep440/lib/shared';
import { parse as parseSpecifier } from '@renovatebot/pep440/lib/specifier';
import type { SpecifierClause } from '../types';
import { skipBlanks, trimEnd, type Reader } from './reader';

const OPERATOR = /^(===|~=|==|!=|<=|>=|<|>)/;

const PLAIN_RELEASE = /^\d+(?:\.\d+)*$/;
const WILDCARD_RELEASE = /^\d+(?:\.\d+)*\.\*$/;

function isValidClause(operator: string, version: string): boolean {
  // Plain releases are most of what files hold, and the library's matcher is slow on them. They
  // are valid with every operator but `~=X` (it needs two segments); `X.*` only with equality.
  if (PLAIN_RELEASE.test(version)) return operator !== '~=' || version.includes('.');
  if (WILDCARD_RELEASE.test(version)) return ['==', '!=', '==='].includes(operator);
  // The library's types promise an array, but it returns null for a specifier it cannot read.
  const parsed = parseSpecifier(`${operator}${version}`) as Pep440Constraint[] | null;
  return parsed?.length === 1;
}

/** `isValidClause`, remembered for the file being read. */
function isCheckedValid(reader: Reader, operator: string, version: string): boolean {
  const clause = `${operator}${version}`;
  let valid = reader.checkedClauses.get(clause);
  if (valid === undefined) {
    valid = isValidClause(operator, version);
    reader.checkedClauses.set(clause, valid);
  }
  return valid;
}

/** A corrected clause when one is obvious (`==2.x` → `==2.*`), else general advice. */
function specifierAdvice(operator: string, version: string): string {
  const wildcard = version.replace(/\.[xX*]$/, '.*');
  const base = version.replace(/\.[xX*]$/, '');
  const candidates =
    operator === '==' || operator === '!='
      ? [`${operator}${wildcard}`]
      : [`${operator}${base}`, `${operator}${version.replace(/^v/i, '')}`];
  const fixed = candidates.find((candidate) => {
    const clause = OPERATOR.exec(candidate)?.[1] ?? '';
    return (
      candidate !== `${operator}${version}` && isValidClause(clause, candidate.slice(clause.length))
    );
  });
  return fixed
    ? `Write \`${fixed}\`.`
    : 'Write it as PEP 440 allows, for example `==3.2.*` or `>=3.2,<4`.';
}

/** The clauses of `text[start, end)`, each checked by a PEP 440 parser. */
export function readClauses(
  reader: Reader,
  start: number,
  end: number,
): { clauses: SpecifierClause[]; valid: boolean } {
  const text = reader.text;
  const clauses: SpecifierClause[] = [];
  let valid = true;
  for (let clauseStart = start; clauseStart <= end;) {
    let comma = text.indexOf(',', clauseStart);
    if (comma < 0 || comma > end) comma = end;
    const first = skipBlanks(text, clauseStart, comma);
    const last = trimEnd(text, first, comma);
    clauseStart = comma + 1;

    const clause = text.slice(first, last);
    const operator = OPERATOR.exec(clause)?.[1];
    if (first === last) {
      // A comma may end the list, as in `>=1.0,`; pip reads that.
      if (comma === end && clauses.length > 0) break;
      const at = comma < end ? comma : end - 1;
      reader.problem(
        at,
        at + 1,
        'This comma separates nothing, so pip refuses the line. Remove it.',
      );
      valid = false;
      continue;
    }
    if (!operator) {
      const advice = /^\d/.test(clause)
        ? `Write \`==${clause}\` to pin it or \`>=${clause}\` for a minimum.`
        : 'Write a version specifier such as `>=4.2` after the name.';
      reader.problem(
        first,
        last,
        `\`${clause}\` has no comparison operator, so pip refuses the line. ${advice}`,
      );
      valid = false;
      continue;
    }

    const versionStart = skipBlanks(text, first + operator.length, last);
    const version = text.slice(versionStart, last);
    if (version === '') {
      reader.problem(
        first,
        last,
        `\`${operator}\` has no version after it, so pip refuses the line. Write one, as in \`${operator}3.2\`.`,
      );
      valid = false;
      continue;
    }
    if (!isCheckedValid(reader, operator, version)) {
      reader.problem(
        first,
        last,
        `\`${clause}\` is not a valid PEP 440 specifier, so pip refuses the line. ${specifierAdvice(operator, version)}`,
      );
      valid = false;
      continue;
    }
    clauses.push({
      operator,
      version,
      range: reader.line.range(first, last),
      operatorRange: reader.line.range(first, first + operator.length),
      versionRange: reader.line.range(versionStart, last),
    });
  }
  return { clauses, valid };
}
