/**
 * go.mod files with a given number of requirements: direct and `// indirect` require blocks,
 * single-line requires, pseudo-versions, `+incompatible`, replace, exclude and retract directives.
 */
import { Random } from './random';

const KNOWN = [
  'github.com/gin-gonic/gin',
  'github.com/labstack/echo/v4',
  'github.com/gorilla/mux',
  'google.golang.org/grpc',
  'gorm.io/gorm',
  'github.com/spf13/cobra',
  'github.com/stretchr/testify',
  'github.com/mattn/go-sqlite3',
  'github.com/jackc/pgx/v5',
  'golang.org/x/sys',
];

/** Well-known modules at most once each (Go rejects a path required twice), then others. */
function modulePath(random: Random, index: number, used: Set<string>): string {
  const known = random.pick(KNOWN);
  if (random.chance(0.1) && !used.has(known)) {
    used.add(known);
    return known;
  }
  return `github.com/example-org/module-${index}${random.chance(0.2) ? '/v2' : ''}`;
}

/** A version the go command accepts for the path: its major version matches any `/vN` suffix. */
function moduleVersion(random: Random, path: string): string {
  const suffix = /\/v(\d+)$/.exec(path)?.[1];
  const roll = random.next();
  if (suffix === undefined && roll < 0.1) {
    return `v0.0.0-20240${random.integer(1, 9)}15120000-abcdef${random.integer(100000, 999999)}`;
  }
  if (suffix === undefined && roll < 0.15) return `v${random.integer(2, 9)}.0.0+incompatible`;
  const major = suffix ?? String(random.integer(0, 1));
  return `v${major}.${random.integer(0, 40)}.${random.integer(0, 20)}`;
}

/** A `path version` pair. */
function requirement(random: Random, index: number, used: Set<string>): string {
  const path = modulePath(random, index, used);
  return `${path} ${moduleVersion(random, path)}`;
}

/** A go.mod with exactly `requirementCount` requirements, the same for the same seed. */
export function generateGoMod(requirementCount: number, seed: number): string {
  const random = new Random(seed);
  const lines = [
    'module github.com/example-org/service',
    '',
    `go ${random.pick(['1.22', '1.21', '1.20', '1.19'])}`,
    '',
    'toolchain go1.22.5',
    '',
  ];
  const used = new Set<string>();
  const direct = Math.ceil(requirementCount / 3);
  const single = Math.min(2, direct);
  for (let index = 0; index < single; index++) {
    lines.push(`require ${requirement(random, index, used)}`);
  }
  lines.push('', 'require (');
  for (let index = single; index < direct; index++) {
    lines.push(`\t${requirement(random, index, used)}`);
  }
  lines.push(')', '', 'require (');
  for (let index = direct; index < requirementCount; index++) {
    lines.push(`\t${requirement(random, index, used)} // indirect`);
  }
  lines.push(')', '');
  lines.push('replace github.com/example-org/module-1 => ../module-1');
  lines.push(
    'replace (',
    '\tgithub.com/example-org/module-2 v1.0.0 => github.com/fork/module-2 v1.0.1',
    ')',
  );
  lines.push('exclude github.com/example-org/module-3 v1.2.3');
  lines.push('retract [v1.0.0, v1.0.5] // published with a broken build');
  return lines.join('\n') + '\n';
}
