/**
 * A small matrix written for tests: the document's runtime rows with their support windows, a few
 * frameworks, package managers and database clients. Independent of the bundled data on purpose.
 */
import type {
  Category,
  Language,
  Matrix,
  MatrixEntry,
  SupportWindow,
  Tier,
  TierInfo,
} from '../../../server/src/matrix/types';

const TIERS: readonly TierInfo[] = ([1, 2, 3] as const).map((tier) => ({
  tier,
  title: ['Officially Tested', 'Community Tested', 'Expected Compatible'][tier - 1] ?? '',
  summary: `Tier ${tier} summary.`,
  meaning: `Tier ${tier} meaning.`,
  response: { kind: tier === 1 ? 'response-time' : 'fix-timeline', text: `${tier} weeks` },
  testingScope: `Tier ${tier} scope.`,
}));

export function entry(
  fields: Partial<MatrixEntry> & { id: string; category: Category; name: string; tier: Tier },
): MatrixEntry {
  return { range: '*', support: { kind: 'none' }, section: 'Test section', ...fields };
}

function runtime(
  language: Language,
  version: string,
  range: string,
  tier: Tier,
  support: SupportWindow,
  images: readonly string[],
  key: string = version,
): MatrixEntry {
  return entry({
    id: `runtime/${language}/${key}`,
    category: 'runtime',
    language,
    name: language,
    version,
    range,
    tier,
    support,
    section: `${language} runtimes`,
    names: { images },
  });
}

const month = (date: string): SupportWindow => ({ kind: 'date', date });

const PYTHON = ['python'];
const NODE = ['node'];
const GO = ['golang'];
const JAVA = ['eclipse-temurin', 'openjdk'];
const DOTNET = ['mcr.microsoft.com/dotnet/aspnet', 'mcr.microsoft.com/dotnet/sdk'];
const RUBY = ['ruby'];
const PHP = ['php'];
const RUST = ['rust'];

function rubyRule(released: string, date: string): SupportWindow {
  return { kind: 'rule', rule: '3 years after release', released, date, source: 'ruby-lang.org' };
}

export const RUNTIMES: readonly MatrixEntry[] = [
  runtime('python', '3.12', '>=3.12 <3.13', 1, month('2027-10'), PYTHON),
  runtime('python', '3.11', '>=3.11 <3.12', 1, month('2027-10'), PYTHON),
  runtime('python', '3.10', '>=3.10 <3.11', 2, month('2026-10'), PYTHON),
  runtime('python', '3.9', '>=3.9 <3.10', 3, month('2025-10'), PYTHON),
  runtime('python', '2.7', '>=2.7 <2.8', 3, month('2020-01'), PYTHON),
  runtime('node', '20 LTS', '>=20 <21', 1, month('2026-04'), NODE, '20'),
  runtime('node', '18 LTS', '>=18 <19', 1, month('2025-04'), NODE, '18'),
  runtime('node', '22', '>=22 <23', 2, month('2025-10'), NODE),
  runtime('node', '16 LTS', '>=16 <17', 3, month('2023-09'), NODE, '16'),
  runtime('go', '1.22', '>=1.22 <1.23', 1, month('2025-02'), GO),
  runtime('go', '1.21', '>=1.21 <1.22', 1, month('2024-08'), GO),
  runtime('go', '1.20', '>=1.20 <1.21', 2, month('2024-02'), GO),
  runtime('go', '1.19', '>=1.19 <1.20', 3, month('2023-12'), GO),
  runtime('java', '21 LTS', '>=21 <22', 1, { kind: 'open-ended', from: '2026-09' }, JAVA, '21'),
  runtime('java', '17 LTS', '>=17 <18', 1, month('2026-09'), JAVA, '17'),
  runtime('java', '11 LTS', '>=11 <12', 2, month('2026-09'), JAVA, '11'),
  runtime('java', '8 LTS', '>=8 <9 || >=1.8 <1.9', 3, month('2030-12'), JAVA, '8'),
  runtime('dotnet', '.NET 8', '>=8 <9', 1, month('2026-11'), DOTNET, '8'),
  runtime('dotnet', '.NET 7', '>=7 <8', 2, month('2024-05'), DOTNET, '7'),
  runtime('dotnet', '.NET 6', '>=6 <7', 2, month('2024-11'), DOTNET, '6'),
  runtime(
    'dotnet',
    '.NET Framework 4.x',
    '>=4 <5',
    3,
    { kind: 'not-applicable', reason: 'Windows only' },
    [],
    'framework-4',
  ),
  runtime('ruby', '3.3', '>=3.3 <3.4', 1, rubyRule('2023-12-25', '2026-12-25'), RUBY),
  runtime('ruby', '3.2', '>=3.2 <3.3', 1, rubyRule('2022-12-25', '2025-12-25'), RUBY),
  runtime('ruby', '3.0', '>=3.0 <3.1', 2, month('2024-04'), RUBY),
  runtime('php', '8.3', '>=8.3 <8.4', 1, month('2025-12'), PHP),
  runtime('php', '8.2', '>=8.2 <8.3', 1, month('2024-12'), PHP),
  runtime('php', '8.1', '>=8.1 <8.2', 2, month('2023-11'), PHP),
  runtime('php', '7.x', '>=7 <8', 3, { kind: 'ended' }, PHP, '7'),
  runtime('rust', '1.75+', '>=1.75', 1, { kind: 'rolling', description: 'every 6 weeks' }, RUST),
  runtime('rust', 'MSRV (1.70)', '=1.70', 1, { kind: 'none' }, RUST, 'msrv'),
];

export const OTHERS: readonly MatrixEntry[] = [
  entry({
    id: 'framework/python/django/4.2',
    category: 'framework',
    language: 'python',
    name: 'Django',
    version: '4.2+',
    range: '>=4.2',
    tier: 1,
    names: { pypi: ['django'] },
  }),
  entry({
    id: 'framework/python/django/3.2',
    category: 'framework',
    language: 'python',
    name: 'Django',
    version: '3.2',
    range: '>=3.2 <3.3',
    tier: 2,
    names: { pypi: ['Django'] },
  }),
  entry({
    id: 'database-client/python/psycopg2',
    category: 'database-client',
    language: 'python',
    name: 'psycopg2',
    tier: 1,
    database: 'PostgreSQL',
    names: { pypi: ['psycopg2', 'psycopg2-binary'] },
  }),
  entry({
    id: 'database-client/python/redis-py',
    category: 'database-client',
    language: 'python',
    name: 'redis-py',
    tier: 1,
    names: { pypi: ['redis'] },
  }),
  entry({
    id: 'framework/node/nest/10',
    category: 'framework',
    language: 'node',
    name: 'Nest.js',
    version: '10.x',
    range: '>=10 <11',
    tier: 1,
    names: { npm: ['@nestjs/core'] },
  }),
  entry({
    id: 'framework/go/echo/4',
    category: 'framework',
    language: 'go',
    name: 'Echo',
    version: '4.x',
    range: '>=4 <5',
    tier: 1,
    names: { go: ['github.com/labstack/echo/v4'] },
  }),
  entry({
    id: 'framework/go/gorilla-mux',
    category: 'framework',
    language: 'go',
    name: 'Gorilla/mux',
    version: '-',
    tier: 1,
    names: { go: ['github.com/gorilla/mux'] },
  }),
  entry({
    id: 'package-manager/python/pip',
    category: 'package-manager',
    language: 'python',
    name: 'pip',
    tier: 1,
    names: { commands: ['pip', 'pip3'] },
  }),
  entry({
    id: 'package-manager/python/conda',
    category: 'package-manager',
    language: 'python',
    name: 'conda',
    tier: 3,
    method: { text: 'N/A', applicable: false },
  }),
  entry({
    id: 'package-manager/node/corepack',
    category: 'package-manager',
    language: 'node',
    name: 'Corepack',
    tier: 1,
  }),
  entry({
    id: 'runtime-option/java/maven',
    category: 'runtime-option',
    language: 'java',
    name: 'Maven',
    tier: 1,
    names: { commands: ['mvn'] },
  }),
];

export function sampleMatrix(entries: readonly MatrixEntry[] = [...RUNTIMES, ...OTHERS]): Matrix {
  return {
    source: { title: 'Test matrix', origin: 'bundled', updated: '2026-11-01' },
    tiers: TIERS,
    entries,
    incompatibilities: [],
    glibc: { minimum: '2.31', note: '' },
    performance: { startup: [], memory: [], note: '' },
    quickReference: [],
    reportTemplate: '',
  };
}
