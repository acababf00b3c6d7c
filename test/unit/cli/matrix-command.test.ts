import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CliIo } from '../../../server/src/cli/io';
import { runMatrixCommand } from '../../../server/src/cli/matrixCommand';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';

const CWD = join('/', 'work', 'project');
const DEFAULT_OVERRIDE = join(CWD, '.cleanstart', 'matrix.yaml');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Files by absolute path; a string is the content, a code makes reading fail with it. */
type Files = Readonly<Record<string, string | { readonly code: string }>>;

async function run(
  argv: string[],
  files: Files = {},
  terminal: { isTTY?: boolean; env?: Record<string, string> } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => {
      const file = files[path];
      if (typeof file === 'string') return Promise.resolve(file);
      const code = file?.code ?? 'ENOENT';
      return Promise.reject(Object.assign(new Error(`${code}: ${path}`), { code }));
    },
    writeFile: () => Promise.reject(new Error('the matrix command writes no files')),
    cwd: CWD,
    env: terminal.env ?? {},
    isTTY: terminal.isTTY ?? false,
    today: () => {
      throw new Error('the matrix command reads no clock');
    },
  };
  const code = await runMatrixCommand(argv, io);
  return { code, stdout, stderr };
}

interface JsonEntry {
  id: string;
  category: string;
  tier: number;
  supportEnds?: string;
  support: { kind: string };
  status?: { state: string; lastDay?: string; daysLeft?: number; description: string };
}

function json(result: Run): { source: { origin: string }; today?: string; entries: JsonEntry[] } {
  return JSON.parse(result.stdout) as {
    source: { origin: string };
    today?: string;
    entries: JsonEntry[];
  };
}

const ESCAPE = '\u001b[';

void describe('matrix --format json', () => {
  void it('lists every entry with its tier and support end', async () => {
    const result = await run(['--format', 'json']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    const document = json(result);
    assert.equal(document.entries.length, BUNDLED_MATRIX.entries.length);
    BUNDLED_MATRIX.entries.forEach((entry, index) => {
      const row = document.entries[index];
      assert.equal(row?.id, entry.id);
      assert.equal(row.tier, entry.tier);
      assert.equal(row.supportEnds, entry.supportEnds);
      assert.deepEqual(row.support, entry.support);
      assert.equal(row.status, undefined);
    });
    assert.equal(document.today, undefined);
  });

  void it('adds each entry’s status with --today', async () => {
    const document = json(await run(['--format=json', '--today', '2026-12-03']));
    assert.equal(document.today, '2026-12-03');
    const node = document.entries.find((entry) => entry.id === 'runtime/node/20');
    assert.deepEqual(node?.status, {
      state: 'ended',
      lastDay: '2026-04-30',
      daysLeft: -217,
      description: 'ended 7 months ago (Apr 2026)',
    });
    const java = document.entries.find((entry) => entry.id === 'runtime/java/21');
    assert.equal(java?.status?.state, 'open-ended');
    assert.ok(document.entries.every((entry) => entry.status !== undefined));
  });

  void it('filters by category and language', async () => {
    const document = json(
      await run(['--format', 'json', '--category', 'runtime', '--language', 'go']),
    );
    assert.deepEqual(
      document.entries.map((entry) => entry.id),
      ['runtime/go/1.22', 'runtime/go/1.21', 'runtime/go/1.20', 'runtime/go/1.19'],
    );
    const two = json(await run(['--format', 'json', '--language', 'go', '--language', 'rust']));
    assert.ok(two.entries.some((entry) => entry.id === 'runtime/rust/1.75+'));
    assert.ok(
      two.entries.every((entry) => entry.id.includes('/go/') || entry.id.includes('/rust/')),
    );
  });
});

void describe('matrix as text', () => {
  void it('prints an aligned table per section, without colour off a terminal', async () => {
    const result = await run(['--category', 'runtime', '--language', 'python']);
    assert.equal(result.code, 0);
    assert.ok(!result.stdout.includes(ESCAPE));
    const lines = result.stdout.split('\n');
    const heading = lines.indexOf('Language Runtime Matrix: Python');
    assert.ok(heading > 0, result.stdout);
    const header = lines[heading + 1] ?? '';
    const row = lines[heading + 2] ?? '';
    assert.match(header, /^ {2}Name {4}Version {2}Tier {2}Coverage {3}Support ends {2}Notes$/);
    assert.match(row, /^ {2}Python {2}3\.12 {5}1 {5}Full {7}Oct 2027 {6}Current primary/);
    // Every row's tier stands under the header's.
    const tierColumn = header.indexOf('Tier');
    for (const line of lines.slice(heading + 2, heading + 8)) {
      assert.match(line.slice(tierColumn - 1, tierColumn + 2), /^ [123] $/, line);
    }
  });

  void it('adds a status column with --today', async () => {
    const result = await run(['--today', '2026-12-03', '--category', 'runtime']);
    assert.match(result.stdout, /Support status as of 2026-12-03/);
    assert.match(result.stdout, /Status/);
    assert.match(result.stdout, /Node\.js +20 LTS .* ended 7 months ago \(Apr 2026\)/);
    assert.match(result.stdout, /Ruby +3\.3 .* ends in 22 days \(2026-12-25\)/);
  });

  void it('colours on a terminal, never with NO_COLOR', async () => {
    const argv = ['--today', '2026-12-03', '--language', 'node'];
    const coloured = await run(argv, {}, { isTTY: true });
    assert.ok(coloured.stdout.includes(`${ESCAPE}31mended 7 months ago`));
    const plain = await run(argv, {}, { isTTY: true, env: { NO_COLOR: '1' } });
    assert.ok(!plain.stdout.includes(ESCAPE));
  });

  void it('says when no entry matches', async () => {
    const result = await run(['--category', 'kubernetes', '--language', 'python']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /No entries match the filters\.\n$/);
  });
});

void describe('matrix with an override', () => {
  const override = 'entries:\n  - id: runtime/python/3.12\n    tier: 2\n';

  void it('reads .cleanstart/matrix.yaml from the working folder', async () => {
    const document = json(await run(['--format', 'json'], { [DEFAULT_OVERRIDE]: override }));
    assert.equal(document.source.origin, 'bundled + .cleanstart/matrix.yaml');
    assert.equal(document.entries.find((entry) => entry.id === 'runtime/python/3.12')?.tier, 2);
  });

  void it('reads --matrix relative to the working folder', async () => {
    const files = { [join(CWD, 'ours.yaml')]: override };
    const result = await run(['--matrix', 'ours.yaml', '--format', 'json'], files);
    assert.equal(result.code, 0);
    assert.equal(json(result).source.origin, 'bundled + ours.yaml');
  });

  void it('reports a broken override, prints the bundled matrix and exits 1', async () => {
    const broken = 'entries:\n  - id: runtime/python/3.12\n    tier: high\n';
    const result = await run(['--format', 'json'], { [DEFAULT_OVERRIDE]: broken });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      '.cleanstart/matrix.yaml:3:11: `tier` must be one of: 1, 2, 3\n' +
        'cleanstart-compat matrix: .cleanstart/matrix.yaml was not applied; showing the bundled matrix\n',
    );
    const document = json(result);
    assert.equal(document.source.origin, BUNDLED_MATRIX.source.origin);
    assert.equal(document.entries.find((entry) => entry.id === 'runtime/python/3.12')?.tier, 1);
  });

  void it('exits 2 when the override cannot be read', async () => {
    const missing = await run(['--matrix', 'missing.yaml']);
    assert.deepEqual(missing, {
      code: 2,
      stdout: '',
      stderr: 'cleanstart-compat matrix: cannot read missing.yaml: no such file\n',
    });
    const locked = await run([], { [DEFAULT_OVERRIDE]: { code: 'EACCES' } });
    assert.equal(locked.code, 2);
    assert.equal(
      locked.stderr,
      'cleanstart-compat matrix: cannot read .cleanstart/matrix.yaml: permission denied\n',
    );
  });
});

void describe('matrix usage', () => {
  const cases: readonly (readonly [string[], string])[] = [
    [['--format', 'xml'], '--format must be text or json'],
    [['--format'], '--format needs a value'],
    [['--today', '2026-02-30'], '--today must be a day as YYYY-MM-DD; got "2026-02-30"'],
    [['--colour'], 'unknown option --colour (see --help)'],
    [['python'], 'unexpected argument python: this command takes options only'],
    [
      ['--language', 'cobol'],
      '--language must be one of python, node, go, java, rust, dotnet, ruby, php; got "cobol"',
    ],
  ];
  for (const [argv, message] of cases) {
    void it(`rejects ${argv.join(' ')} with one line and exit 2`, async () => {
      assert.deepEqual(await run(argv), {
        code: 2,
        stdout: '',
        stderr: `cleanstart-compat matrix: ${message}\n`,
      });
    });
  }

  void it('documents the exit statuses in --help', async () => {
    const result = await run(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: cleanstart-compat matrix/);
    assert.match(result.stdout, /1 {2}The override file is broken/);
    assert.match(result.stdout, /2 {2}Bad usage/);
  });
});
