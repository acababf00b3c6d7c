/**
 * pip requirements files of an exact number of lines: pinned and ranged specifiers, extras,
 * environment markers, hashes on continuation lines, options, URLs and comments.
 */
import { Random } from './random';

const KNOWN = [
  'django',
  'flask',
  'fastapi',
  'celery',
  'sqlalchemy',
  'pandas',
  'numpy',
  'requests',
  'pydantic',
  'pytest',
  'gunicorn',
  'uvicorn',
  'psycopg2',
  'psycopg2-binary',
  'mysqlclient',
  'lxml',
  'cryptography',
  'pillow',
  'redis',
  'boto3',
];
const SPECIFIERS = [
  '==2.31.0',
  '>=4.2,<5.0',
  '~=3.0',
  '>=1.24',
  '==0.29.0',
  '!=1.5.0,>=1.4',
  '<3',
  '===1.0',
];
const MARKERS = [
  'python_version >= "3.9"',
  'sys_platform == "win32"',
  'platform_machine != "aarch64" and python_version < "3.13"',
  'extra == "test"',
];
const COMMENTS = ['# web', '# workers and queues', '# pinned for the database driver', '# data'];

/** Well-known projects at most once each (pip rejects a name given twice), then internal ones. */
function packageName(random: Random, used: Set<string>): string {
  const known = random.pick(KNOWN);
  if (random.chance(0.4) && !used.has(known)) {
    used.add(known);
    return known;
  }
  const internal = `internal-lib-${used.size + 1}`;
  used.add(internal);
  return internal;
}

function hash(random: Random): string {
  let hex = '';
  while (hex.length < 64) hex += random.integer(0, 0xffff).toString(16).padStart(4, '0');
  return hex;
}

/** One requirement written over one or more lines. */
function requirement(random: Random, used: Set<string>): string[] {
  const name = packageName(random, used);
  const roll = random.next();
  if (roll < 0.08)
    return [`${name} @ https://files.example.com/wheels/${name}-1.0-py3-none-any.whl`];
  if (roll < 0.12) return [`-e git+https://git.example.com/team/${name}.git@v1.2#egg=${name}`];
  const extras = random.chance(0.15) ? '[security,socks]' : '';
  const specifier = random.chance(0.9) ? random.pick(SPECIFIERS) : '';
  const marker = random.chance(0.15) ? ` ; ${random.pick(MARKERS)}` : '';
  const comment = random.chance(0.1) ? '  # keep in step with the base image' : '';
  const line = `${name}${extras}${specifier}${marker}${comment}`;
  if (!random.chance(0.15)) return [line];
  return [
    `${line} \\`,
    `    --hash=sha256:${hash(random)} \\`,
    `    --hash=sha256:${hash(random)}`,
  ];
}

/** A requirements file of exactly `lineCount` lines (at least 4), the same for the same seed. */
export function generateRequirements(lineCount: number, seed: number): string {
  const random = new Random(seed);
  const lines = ['--index-url https://pypi.org/simple', '-c constraints.txt', ''];
  const used = new Set<string>();
  while (lines.length < lineCount) {
    const roll = random.next();
    if (roll < 0.06) lines.push(random.pick(COMMENTS));
    else if (roll < 0.09) lines.push('');
    else {
      const next = requirement(random, used);
      if (lines.length + next.length <= lineCount) lines.push(...next);
      else lines.push(`${packageName(random, used)}==1.0.${random.integer(0, 9)}`);
    }
  }
  return lines.join('\n') + '\n';
}
