import { compareVersions, parseVersion, type Version } from '../versions/version';
import { contains, lowestVersion, parseMatrixRange } from '../versions/versionSet';
import { LANGUAGES, type Language, type Matrix, type MatrixEntry } from './types';

/** CleanStart's own registry: its repositories are named after the runtime (`python`, `golang`). */
export const CLEANSTART_REGISTRY = 'registry.cleanstart.com';

/** Host names under which Docker Hub serves the same repositories. */
const DOCKER_HUB_HOSTS: ReadonlySet<string> = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/** Every .NET image Microsoft publishes lives under this prefix (`aspnet`, `sdk`, `runtime`, …). */
const DOTNET_PREFIX = 'mcr.microsoft.com/dotnet/';

export type PackageRegistry = 'pypi' | 'npm' | 'go';

/** A PyPI project name as pip compares it (PEP 503): lower case, runs of `-`, `_`, `.` as `-`. */
export function normalizePypiName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

/**
 * A Go module path without its major-version suffix: `github.com/labstack/echo/v4` →
 * `github.com/labstack/echo`, `gopkg.in/yaml.v3` → `gopkg.in/yaml`. Undefined when there is none.
 */
function goModuleFamily(path: string): string | undefined {
  const suffix =
    /\/v\d+$/.exec(path) ?? (path.startsWith('gopkg.in/') ? /\.v\d+$/.exec(path) : null);
  return suffix ? path.slice(0, suffix.index) : undefined;
}

/** Strips a tag or digest a caller left on a repository name. */
function bareRepository(repository: string): string {
  const withoutDigest = repository.split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return (colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase();
}

/** A first path component that names a host, as Docker decides: it has a `.` or `:`, or is localhost. */
function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** Splits `host/path` into registry and repository when the caller passed them together. */
function splitReference(
  repository: string,
  registry: string | undefined,
): { registry: string | undefined; repository: string } {
  const bare = bareRepository(repository);
  if (registry !== undefined) return { registry: registry.toLowerCase(), repository: bare };
  const slash = bare.indexOf('/');
  const first = slash < 0 ? '' : bare.slice(0, slash);
  if (looksLikeHost(first)) return { registry: first, repository: bare.slice(slash + 1) };
  return { registry: undefined, repository: bare };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function entryVersion(entry: MatrixEntry): Version | undefined {
  const set = parseMatrixRange(entry.range);
  return set === undefined ? undefined : lowestVersion(set);
}

/**
 * The matrix indexed for the questions analysis asks: which runtime an image is, which entries a
 * package or command matches. Build it once per matrix with `indexMatrix`; it never changes.
 */
export class MatrixIndex {
  private readonly byId = new Map<string, MatrixEntry>();
  /** Image repository (Docker Hub names bare, others with host) → language. */
  private readonly imageLanguages = new Map<string, Language>();
  private readonly runtimes = new Map<Language, MatrixEntry[]>();
  private readonly packages = new Map<string, MatrixEntry[]>();
  /** Go module family (path without `/vN`) → entries that name a path with a `/vN` suffix. */
  private readonly goFamilies = new Map<string, MatrixEntry[]>();
  private readonly commands = new Map<string, MatrixEntry[]>();

  constructor(readonly matrix: Matrix) {
    for (const entry of matrix.entries) {
      this.byId.set(entry.id, entry);
      const names = entry.names ?? {};

      if (entry.category === 'runtime' && entry.language !== undefined) {
        push(this.runtimes, entry.language, entry);
        for (const image of names.images ?? []) {
          const key = image.toLowerCase().replace(/^(docker\.io\/)?library\//, '');
          if (!this.imageLanguages.has(key)) this.imageLanguages.set(key, entry.language);
        }
      }

      for (const name of names.pypi ?? [])
        push(this.packages, `pypi:${normalizePypiName(name)}`, entry);
      for (const name of names.npm ?? []) push(this.packages, `npm:${name}`, entry);
      for (const path of names.go ?? []) {
        push(this.packages, `go:${path}`, entry);
        const family = goModuleFamily(path);
        if (family !== undefined) push(this.goFamilies, family, entry);
      }

      // Tools are found by the commands that run them and by their own name (`Bundler`).
      for (const command of names.commands ?? []) push(this.commands, command.toLowerCase(), entry);
      if (entry.category === 'package-manager' || names.commands !== undefined) {
        push(this.commands, entry.name.toLowerCase(), entry);
      }
    }
  }

  entry(id: string): MatrixEntry | undefined {
    return this.byId.get(id);
  }

  /** The language's runtime entries in document order. */
  runtimeEntries(language: Language): readonly MatrixEntry[] {
    return this.runtimes.get(language) ?? [];
  }

  /**
   * The runtime an image provides, from its repository and registry host as a Dockerfile writes
   * them: `python`, `library/python`, `docker.io/library/python`, `dotnet/aspnet` on
   * `mcr.microsoft.com`, `golang` on `registry.cleanstart.com`. The host may also lead the
   * repository when no registry is passed.
   */
  runtimeForImage(repository: string, registry?: string): Language | undefined {
    const reference = splitReference(repository, registry);
    const path = reference.repository;
    const host = reference.registry;

    if (host === undefined || DOCKER_HUB_HOSTS.has(host)) {
      return this.imageLanguages.get(path.replace(/^library\//, ''));
    }
    const full = `${host}/${path}`;
    if (full.startsWith(DOTNET_PREFIX)) return 'dotnet';
    if (host === CLEANSTART_REGISTRY) {
      // CleanStart names repositories after Docker Hub's (`golang`) or after the runtime (`go`),
      // sometimes under an organisation folder: the last component decides.
      const name = path.slice(path.lastIndexOf('/') + 1);
      const known =
        this.imageLanguages.get(full) ??
        this.imageLanguages.get(path) ??
        this.imageLanguages.get(name);
      if (known !== undefined) return known;
      return LANGUAGES.find((language) => language === name);
    }
    return this.imageLanguages.get(full);
  }

  /** True for images pulled from CleanStart's registry. */
  isCleanStartImage(registry: string | undefined, repository: string): boolean {
    return splitReference(repository, registry).registry === CLEANSTART_REGISTRY;
  }

  /**
   * The runtime entry covering `version` (`3.12.4`, `20`, a parsed `Version`). When ranges
   * overlap (`>=1.70` and `>=1.75`), the narrowest wins: the one starting at the highest version.
   */
  entryForRuntimeVersion(language: Language, version: string | Version): MatrixEntry | undefined {
    const parsed = typeof version === 'string' ? parseVersion(version) : version;
    if (parsed === undefined) return undefined;
    let best: MatrixEntry | undefined;
    let bestStart: Version | undefined;
    for (const entry of this.runtimeEntries(language)) {
      const set = parseMatrixRange(entry.range);
      if (set === undefined || !contains(set, parsed)) continue;
      const start = entryVersion(entry) ?? [];
      if (best === undefined || compareVersions(start, bestStart ?? []) > 0) {
        best = entry;
        bestStart = start;
      }
    }
    return best;
  }

  /**
   * The entries a package matches, exact names first. PyPI names are compared normalised.
   * Go paths match exactly, and a path naming a major version (`…/echo/v4`) also matches the
   * same module at any other major version (`…/echo`, `…/echo/v5`): the entry's range then
   * decides, so `github.com/labstack/echo` at v3 is not Echo 4.x.
   */
  packageEntries(registry: PackageRegistry, name: string): MatrixEntry[] {
    const key = registry === 'pypi' ? normalizePypiName(name) : name.trim();
    const found = [...(this.packages.get(`${registry}:${key}`) ?? [])];
    if (registry === 'go') {
      for (const entry of this.goFamilies.get(goModuleFamily(key) ?? key) ?? []) {
        if (!found.includes(entry)) found.push(entry);
      }
    }
    return found;
  }

  /**
   * The entry for a package manager or build tool, by the command typed (`pip3`,
   * `/usr/local/bin/pip3.12`, `python -m pip` passes `pip`) or by its name (`Corepack`). With a
   * language, only that language's entries (and those for any language) count.
   */
  packageManagerEntry(commandOrName: string, language?: Language): MatrixEntry | undefined {
    const command = commandOrName.trim().toLowerCase();
    const base = command.slice(command.lastIndexOf('/') + 1);
    // `pip3`, `pip3.12`, `python3.11`: the version suffix does not change the tool.
    const unversioned = base.replace(/(?<![\d.])\d+(\.\d+)*$/, '');
    for (const key of [command, base, unversioned]) {
      const match = (this.commands.get(key) ?? []).find(
        (entry) =>
          language === undefined || entry.language === undefined || entry.language === language,
      );
      if (match !== undefined) return match;
    }
    return undefined;
  }
}

const INDEXES = new WeakMap<Matrix, MatrixIndex>();

/** The index of a matrix, built once: matrices are never mutated. */
export function indexMatrix(matrix: Matrix): MatrixIndex {
  let index = INDEXES.get(matrix);
  if (!index) {
    index = new MatrixIndex(matrix);
    INDEXES.set(matrix, index);
  }
  return index;
}
