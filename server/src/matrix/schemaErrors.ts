/**
 * Turns JSON Schema validation errors (Ajv's) into one sentence each, for people editing YAML:
 * "`tier` must be one of: 1, 2, 3", "unknown field `tierr`", "missing required field `range`".
 */
import type { ErrorObject } from 'ajv';

/** A path into the data: property names and list indexes. */
export type DataPath = readonly (string | number)[];

export interface SchemaError {
  /** Where the offending value is. */
  readonly path: DataPath;
  /** True when the position to report is the key at `path` (an unknown field), not its value. */
  readonly atKey: boolean;
  /** The sentence, naming the field but not the file position. */
  readonly message: string;
}

/** `/entries/3/support/date` → `['entries', 3, 'support', 'date']`. */
export function parsePointer(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** `['support', 'date']` → `support.date`; list items as `[2]`. */
export function formatPath(path: DataPath): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

/** What the schema's patterns ask for, by the name of the definition that holds the pattern. */
const FORMS: Readonly<Record<string, string>> = {
  day: 'must be a day as YYYY-MM-DD',
  monthOrDay: 'must be a month or a day, as YYYY-MM or YYYY-MM-DD',
  range: 'must be `*` or comparators such as `>=3.12 <3.13`, with alternatives joined by ` || `',
  entryId:
    'must start with the category and use lower-case words joined by `/`, such as `runtime/python/3.12`',
};

function quoteValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function paramString(error: ErrorObject, name: string): string {
  const value = (error.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : quoteValue(value);
}

/** The complaint about the value, without saying which value. */
function complaint(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const type = params['type'];
      const types = Array.isArray(type) ? type.map(String) : quoteValue(type).split(',');
      return `must be ${types.map((type) => TYPE_NAMES[type] ?? type).join(' or ')}`;
    }
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'] : [];
      return `must be one of: ${allowed.map(quoteValue).join(', ')}`;
    }
    case 'const':
      return `must be ${quoteValue(params['allowedValue'])}`;
    case 'pattern': {
      const definition = /\$defs\/([^/]+)\/pattern$/.exec(error.schemaPath)?.[1];
      const form = definition === undefined ? undefined : FORMS[definition];
      return form ?? `does not have the expected form (${paramString(error, 'pattern')})`;
    }
    case 'minLength':
      return 'must not be empty';
    case 'minItems':
      return `must have at least ${paramString(error, 'limit')} items`;
    case 'maxItems':
      return `must have at most ${paramString(error, 'limit')} items`;
    case 'uniqueItems':
      return 'must not repeat an item';
    default:
      return error.message ?? `fails the schema's "${error.keyword}" check`;
  }
}

/** One schema error as a sentence, with the path it is about. */
export function describeSchemaError(error: ErrorObject): SchemaError {
  const path = parsePointer(error.instancePath);
  if (error.keyword === 'required') {
    return {
      path,
      atKey: false,
      message: `missing required field \`${paramString(error, 'missingProperty')}\``,
    };
  }
  if (error.keyword === 'additionalProperties') {
    const field = paramString(error, 'additionalProperty');
    return { path: [...path, field], atKey: true, message: `unknown field \`${field}\`` };
  }
  if (error.keyword === 'discriminator') {
    const tag = paramString(error, 'tag');
    const value = (error.params as Record<string, unknown>)['tagValue'];
    const message =
      typeof value === 'string'
        ? `unknown \`${tag}\` "${value}"`
        : `\`${tag}\` must be text naming the kind`;
    return { path: [...path, tag], atKey: false, message };
  }
  const field = path.length === 0 ? 'the document' : `\`${formatPath(fieldPath(path))}\``;
  return { path, atKey: false, message: `${field} ${complaint(error)}` };
}

/** The path from the innermost named field: `entries[3].support.date` is reported as `support.date`. */
function fieldPath(path: DataPath): DataPath {
  let lastIndex = path.length - 1;
  while (lastIndex >= 0 && typeof path[lastIndex] !== 'number') lastIndex--;
  const tail = path.slice(lastIndex + 1);
  return tail.length > 0 ? tail : path;
}

/**
 * Keywords that only summarise other errors at or below the same place: `oneOf` and `anyOf` say
 * that no branch matched, `if` that a `then` failed. They add nothing when a precise error exists.
 */
const SUMMARY_KEYWORDS: ReadonlySet<string> = new Set(['oneOf', 'anyOf', 'if', 'allOf', 'not']);

/**
 * The errors worth showing: summaries dropped when anything else was reported, and one sentence
 * per place and complaint.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaError[] {
  const precise = errors.filter((error) => !SUMMARY_KEYWORDS.has(error.keyword));
  // "must be one of: 1, 2, 3" says all that "must be a whole number" says at the same place.
  const listed = new Set(
    precise
      .filter((error) => error.keyword === 'enum' || error.keyword === 'const')
      .map((error) => error.instancePath),
  );
  const chosen = (precise.length > 0 ? precise : errors).filter(
    (error) => !(error.keyword === 'type' && listed.has(error.instancePath)),
  );
  const seen = new Set<string>();
  const result: SchemaError[] = [];
  const missing = new Map<string, string[]>();
  for (const error of chosen) {
    if (error.keyword === 'required') {
      const fields = missing.get(error.instancePath) ?? [];
      if (fields.length === 0) missing.set(error.instancePath, fields);
      fields.push(paramString(error, 'missingProperty'));
      continue;
    }
    const described = describeSchemaError(error);
    const key = `${JSON.stringify(described.path)} ${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(described);
  }
  // All the fields an object lacks, in one sentence.
  for (const [pointer, fields] of missing) {
    const unique = [...new Set(fields)];
    const names = unique.map((field) => `\`${field}\``).join(', ');
    const plural = unique.length > 1 ? 's' : '';
    result.push({
      path: parsePointer(pointer),
      atKey: false,
      message: `missing required field${plural} ${names}`,
    });
  }
  return result;
}
