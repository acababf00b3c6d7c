// Builds the compatibility matrix: validates matrix/matrix.yaml against matrix/schema.json and the
// checks a schema cannot express, then writes the typed data and the standalone validators into
// server/src/matrix/generated/. Called by scripts/build.mjs; see docs/matrix.md.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Reads both schemas from `<root>/matrix/`. */
export async function loadSchemas(root = projectRoot) {
  const read = async (name) => JSON.parse(await readFile(join(root, 'matrix', name), 'utf8'));
  return { matrix: await read('schema.json'), override: await read('override-schema.json') };
}

/**
 * An Ajv instance holding both schemas under their file names, so that the override schema's
 * `schema.json#/$defs/…` references resolve the same way editors resolve them next to the files.
 */
export function createAjv(schemas) {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    code: { source: true, esm: false },
  });
  ajv.addSchema(schemas.matrix, 'schema.json');
  ajv.addSchema(schemas.override, 'override-schema.json');
  return ajv;
}

/**
 * Parses and checks matrix text. Returns the data when it is valid, and every problem found as
 * `file:line:col: reason` (1-based line and column).
 */
export async function checkMatrixText(text, { file = 'matrix/matrix.yaml', schemas } = {}) {
  const ajv = createAjv(schemas ?? (await loadSchemas()));
  return checkWith(ajv, text, file);
}

function checkWith(ajv, text, file) {
  const lineCounter = new LineCounter();
  // The yaml parser knows \n and \r\n only; a lone \r becomes \n, which keeps every offset.
  const source = text.replace(/\r(?!\n)/g, '\n');
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const report = (found) =>
    found
      .sort((left, right) => left.offset - right.offset)
      .map(({ offset, reason }) => {
        const { line, col } = lineCounter.linePos(offset);
        return `${file}:${line}:${col}: ${reason}`;
      })
      .filter((problem, index, all) => all.indexOf(problem) === index);

  if (document.errors.length > 0) {
    const syntax = document.errors.map((error) => ({
      offset: error.pos[0],
      reason: error.message.split('\n')[0],
    }));
    return { matrix: undefined, problems: report(syntax) };
  }

  const data = document.toJS({ maxAliasCount: -1 });
  const validate = ajv.getSchema('schema.json');
  if (!validate(data)) {
    const found = (validate.errors ?? []).map((error) => {
      const node = nodeAt(document, error.instancePath, error.params.additionalProperty);
      return { offset: node?.range?.[0] ?? 0, reason: describeError(error) };
    });
    return { matrix: undefined, problems: report(found) };
  }

  const found = semanticProblems(data).map(({ path, reason }) => ({
    offset: nodeAt(document, path)?.range?.[0] ?? 0,
    reason: `${path}: ${reason}`,
  }));
  return { matrix: found.length === 0 ? data : undefined, problems: report(found) };
}

function describeError(error) {
  const where = error.instancePath || 'the document';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown property "${error.params.additionalProperty}"`;
    case 'required':
      return `${where}: missing required property "${error.params.missingProperty}"`;
    case 'discriminator':
      return error.params.error === 'mapping'
        ? `${where}: unknown ${error.params.tag} "${error.params.tagValue}"`
        : `${where}: "${error.params.tag}" must be given as a string`;
    case 'enum':
      return `${where}: must be one of ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return `${where}: ${error.message}`;
  }
}

/**
 * The YAML node an Ajv instance path points to: the deepest node that exists, or the key of
 * `property` when given (an unknown property is best shown at its own key).
 */
function nodeAt(document, instancePath, property) {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = document.contents;
  for (const segment of segments) {
    node = resolveAlias(document, node);
    const child = childOf(node, segment);
    if (child === undefined) return node;
    node = child.value ?? child.key;
  }
  node = resolveAlias(document, node);
  if (property !== undefined && isMap(node)) {
    const pair = node.items.find((item) => keyOf(item) === property);
    if (pair !== undefined) return pair.key;
  }
  return node;
}

function resolveAlias(document, node) {
  return isAlias(node) ? node.resolve(document) : node;
}

function keyOf(pair) {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function childOf(node, segment) {
  if (isMap(node)) return node.items.find((pair) => isPair(pair) && keyOf(pair) === segment);
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

const comparatorPattern = /^(>=|<=|>|<|=)(\d+(?:\.\d+)*)$/;

function compareVersions(left, right) {
  const a = left.split('.').map(Number);
  const b = right.split('.').map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** Why a range cannot match anything or does not parse, or undefined when it is fine. */
export function rangeProblem(range) {
  if (range === '*') return undefined;
  for (const set of range.split(' || ')) {
    const comparators = set.split(' ').map((text) => comparatorPattern.exec(text));
    if (comparators.some((match) => match === null)) return `range "${range}" does not parse`;
    const lower = comparators.filter((match) => match[1].startsWith('>'));
    const upper = comparators.filter((match) => match[1].startsWith('<'));
    for (const low of lower) {
      for (const high of upper) {
        const order = compareVersions(low[2], high[2]);
        const empty = order > 0 || (order === 0 && (low[1] === '>' || high[1] === '<'));
        if (empty) return `range "${range}" matches no version (${low[0]} and ${high[0]})`;
      }
    }
  }
  return undefined;
}

function rangeContains(range, version) {
  if (range === '*') return true;
  return range.split(' || ').some((set) =>
    set.split(' ').every((text) => {
      const [, operator, bound] = comparatorPattern.exec(text);
      const order = compareVersions(version, bound);
      if (operator === '>=') return order >= 0;
      if (operator === '>') return order > 0;
      if (operator === '<=') return order <= 0;
      if (operator === '<') return order < 0;
      return order === 0;
    }),
  );
}

/** `released` moved forward by whole years; 29 February becomes 28 February in common years. */
function addYears(released, years) {
  const [year, month, day] = released.split('-').map(Number);
  const target = year + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const adjustedDay = month === 2 && day === 29 && !leap ? 28 : day;
  const pad = (value) => String(value).padStart(2, '0');
  return `${target}-${pad(month)}-${pad(adjustedDay)}`;
}

/** `YYYY-MM` or `YYYY-MM-DD` naming a month or day that exists (the schema checks the shape). */
function isCalendarDate(text) {
  const [year, month, day = 1] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Checks the schema cannot express; each problem carries the instance path it is about. */
function semanticProblems(matrix) {
  const problems = [];
  const report = (path, reason) => problems.push({ path, reason });

  const seen = new Map();
  const imagesByLanguage = new Map();
  matrix.entries.forEach((entry, index) => {
    const path = `/entries/${index}`;
    if (seen.has(entry.id)) {
      report(
        `${path}/id`,
        `duplicate id "${entry.id}" (first used by entry ${seen.get(entry.id)})`,
      );
    } else {
      seen.set(entry.id, index);
    }
    if (!entry.id.startsWith(`${entry.category}/`)) {
      report(`${path}/id`, `id "${entry.id}" must start with its category "${entry.category}/"`);
    }
    const problem = rangeProblem(entry.range);
    if (problem !== undefined) report(`${path}/range`, problem);
    if (entry.requires !== undefined) {
      const requiresProblem = rangeProblem(entry.requires.range);
      if (requiresProblem !== undefined) report(`${path}/requires/range`, requiresProblem);
    }
    for (const key of ['date', 'from', 'released']) {
      const value = entry.support[key];
      if (value !== undefined && !isCalendarDate(value)) {
        report(`${path}/support/${key}`, `"${value}" is not a day of the calendar`);
      }
    }
    if (entry.support.kind === 'rule') checkRule(entry.support, `${path}/support`, report);
    if (entry.category === 'runtime') {
      const images = JSON.stringify([...(entry.names?.images ?? [])].sort());
      const first = imagesByLanguage.get(entry.language);
      if (first === undefined) imagesByLanguage.set(entry.language, { images, index });
      else if (first.images !== images) {
        report(
          `${path}/names`,
          `runtime images differ from entry ${first.index} of the same language`,
        );
      }
    }
  });

  if (!isCalendarDate(matrix.source.updated)) {
    report('/source/updated', `"${matrix.source.updated}" is not a day of the calendar`);
  }

  const tiers = matrix.tiers.map((info) => info.tier);
  matrix.tiers.forEach((info, index) => {
    if (tiers.indexOf(info.tier) !== index)
      report(`/tiers/${index}/tier`, `tier ${info.tier} is described twice`);
  });

  const incompatibilityIds = new Set();
  matrix.incompatibilities.forEach((incompatibility, index) => {
    const path = `/incompatibilities/${index}`;
    if (incompatibilityIds.has(incompatibility.id))
      report(`${path}/id`, `duplicate id "${incompatibility.id}"`);
    incompatibilityIds.add(incompatibility.id);
    if (incompatibility.number !== index + 1) {
      report(
        `${path}/number`,
        `number ${incompatibility.number} out of order: expected ${index + 1}`,
      );
    }
  });

  for (const group of ['startup', 'memory']) {
    matrix.performance[group].forEach((figure, index) => {
      for (const [key, unit] of [
        ['cold', 'ms'],
        ['warm', 'ms'],
        ['memory', 'mb'],
      ]) {
        const pair = figure[key]?.[unit];
        if (pair !== undefined && pair[0] > pair[1]) {
          report(
            `/performance/${group}/${index}/${key}/${unit}`,
            'minimum is greater than maximum',
          );
        }
      }
    });
  }

  matrix.quickReference.forEach((item, index) => {
    const runtimes = matrix.entries.filter(
      (entry) => entry.category === 'runtime' && entry.language === item.language,
    );
    item.versions.forEach((recommended, versionIndex) => {
      const number = /\d+(?:\.\d+)*/.exec(recommended.version)?.[0];
      const found =
        number === undefined
          ? runtimes.some((entry) => entry.support.kind === 'rolling')
          : runtimes.some((entry) => rangeContains(entry.range, number));
      if (!found) {
        report(
          `/quickReference/${index}/versions/${versionIndex}/version`,
          `no ${item.language} runtime entry covers the recommended version "${recommended.version}"`,
        );
      }
    });
  });
  return problems;
}

function checkRule(support, path, report) {
  const match = /^(\d+) years? after release$/.exec(support.rule);
  if (match === null) {
    report(
      `${path}/rule`,
      `rule "${support.rule}" is not understood: write it as "N years after release"`,
    );
    return;
  }
  const expected = addYears(support.released, Number(match[1]));
  if (support.date !== expected) {
    report(`${path}/date`, `date must be ${expected}: ${support.rule} from ${support.released}`);
  }
}

const generatedHeader = (source) =>
  `// Generated by scripts/build-matrix.mjs from ${source}. Do not edit: run \`npm run build\`.\n`;

function validatorDeclaration(name, source) {
  return `${generatedHeader(source)}import type { ErrorObject } from 'ajv';

/** Validates data against ${source}; \`errors\` lists what is wrong after a failed call. */
declare const ${name}: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default ${name};
`;
}

async function writeIfChanged(path, content) {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== content) await writeFile(path, content);
}

/**
 * Validates the matrix and writes the generated files. Throws an Error whose message lists every
 * problem as `matrix/matrix.yaml:LINE:COL: reason`.
 */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'examples',
  '$comment',
]);

/** A copy of a schema without annotation keywords (properties named like them are kept). */
function withoutAnnotations(value) {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (value === null || typeof value !== 'object') return value;
  const result = {};
  for (const [key, child] of Object.entries(value)) {
    if (ANNOTATIONS.has(key)) continue;
    const isSchemaMap = ['properties', '$defs', 'definitions', 'patternProperties'].includes(key);
    result[key] = isSchemaMap
      ? Object.fromEntries(
          Object.entries(child).map(([name, schema]) => [name, withoutAnnotations(schema)]),
        )
      : withoutAnnotations(child);
  }
  return result;
}

export async function buildMatrix({
  root = projectRoot,
  input = join(root, 'matrix', 'matrix.yaml'),
  outputDirectory = join(root, 'server', 'src', 'matrix', 'generated'),
} = {}) {
  const ajv = createAjv(await loadSchemas(root));
  const file = relative(root, input).split(sep).join('/');
  const { matrix, problems } = checkWith(ajv, await readFile(input, 'utf8'), file);
  if (matrix === undefined) {
    throw new Error(`The compatibility matrix is invalid:\n${problems.join('\n')}`);
  }

  await mkdir(outputDirectory, { recursive: true });
  const data = `${generatedHeader('matrix/matrix.yaml')}import type { Matrix } from '../types';

export const bundledMatrix: Matrix = ${JSON.stringify(matrix, null, 2)};
`;
  await writeIfChanged(join(outputDirectory, 'bundledMatrix.ts'), data);

  const validators = [
    ['validateMatrix', 'schema.json'],
    ['validateOverride', 'override-schema.json'],
  ];
  // The shipped validators need the rules, not the prose written for people editing the files.
  const lean = createAjv(withoutAnnotations(await loadSchemas(root)));
  for (const [name, key] of validators) {
    const code = standaloneCode(lean, lean.getSchema(key));
    const source = `matrix/${key}`;
    await writeIfChanged(
      join(outputDirectory, `${name}.js`),
      `${generatedHeader(source)}${code}\n`,
    );
    await writeIfChanged(join(outputDirectory, `${name}.d.ts`), validatorDeclaration(name, source));
  }
  return matrix;
}
