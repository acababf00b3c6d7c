/**
 * package.json manifests with a given number of dependencies, spread over `dependencies`,
 * `devDependencies`, `optionalDependencies` and `peerDependencies`, with the version forms npm,
 * pnpm and Yarn accept.
 */
import { Random } from './random';

const KNOWN = [
  'express',
  'fastify',
  '@nestjs/core',
  'next',
  'react',
  'vue',
  'koa',
  'socket.io',
  'graphql',
  '@apollo/server',
  'prisma',
  'typeorm',
  'sequelize',
  'bcrypt',
  'sharp',
  'pg',
  'mysql2',
  'lodash',
];
const RANGES = [
  '^4.19.2',
  '~1.2.3',
  '>=2 <3',
  '18.2.0',
  '^0.3.20',
  '5.x',
  '*',
  'latest',
  '^14.2.3',
];
const OTHER_FORMS = [
  'npm:lodash@^4.17.21',
  'github:example/widget#v1.0.0',
  'workspace:*',
  'file:../shared',
  'https://registry.example.com/tarballs/pkg-1.0.0.tgz',
];

/** Well-known packages at most once each, then the project's own. */
function dependencyName(random: Random, index: number, used: Set<string>): string {
  const known = random.pick(KNOWN);
  if (random.chance(0.2) && !used.has(known)) {
    used.add(known);
    return known;
  }
  return random.chance(0.5) ? `@example/module-${index}` : `example-module-${index}`;
}

function version(random: Random): string {
  return random.chance(0.93) ? random.pick(RANGES) : random.pick(OTHER_FORMS);
}

/** A manifest with exactly `dependencyCount` dependency entries, the same for the same seed. */
export function generatePackageJson(dependencyCount: number, seed: number): string {
  const random = new Random(seed);
  const sections: Record<string, Record<string, string>> = {
    dependencies: {},
    devDependencies: {},
    optionalDependencies: {},
    peerDependencies: {},
  };
  const weights: [string, number][] = [
    ['dependencies', 0.6],
    ['devDependencies', 0.9],
    ['optionalDependencies', 0.95],
    ['peerDependencies', 1],
  ];
  const used = new Set<string>();
  for (let index = 0; index < dependencyCount; index++) {
    const roll = random.next();
    const section = weights.find(([, limit]) => roll < limit)?.[0] ?? 'dependencies';
    const entries = sections[section] ?? {};
    entries[dependencyName(random, index, used)] = version(random);
  }
  const manifest = {
    name: '@example/service',
    version: '1.4.0',
    private: true,
    type: 'module',
    packageManager: 'pnpm@9.1.0',
    engines: { node: random.pick(['>=18', '^20.11.0', '>=16 <21', '20.x']), npm: '>=9' },
    volta: { node: '20.12.2' },
    scripts: { build: 'tsc -p .', start: 'node dist/main.js', test: 'node --test' },
    // Sections nobody filled are left out, as npm leaves them out.
    ...Object.fromEntries(
      Object.entries(sections).filter(([, entries]) => Object.keys(entries).length > 0),
    ),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}
