/**
 * Subjects: every place in a file that the matrix has something to say about — a base image and
 * its tag, `engines.node`, a `go` directive, a dependency, a package-manager command — with the
 * entries it could match and the versions it admits. Rules judge subjects; hover cards describe
 * them.
 */
import type { MatrixIndex } from '../matrix/lookup';
import type { Language, MatrixEntry } from '../matrix/types';
import type {
  DockerfileFacts,
  Facts,
  GoModFacts,
  ImageReference,
  Located,
  PackageManagerName,
  PackageJsonFacts,
  RequirementsFacts,
  Stage,
} from '../parsers/types';
import { splitTag } from '../parsers/dockerfile';
import { isWindowsImage } from './images';
import type { Range } from '../util/text';
import {
  goModuleVersionSet,
  goToolchainSet,
  npmRangeSet,
  pep440Set,
  tagVersionSet,
} from '../versions/specifiers';
import type { VersionSet } from '../versions/versionSet';

export type SubjectSource =
  | 'image'
  | 'engines.node'
  | 'volta.node'
  | 'go'
  | 'toolchain'
  | 'packageManager'
  | 'requirement'
  | 'npm-dependency'
  | 'go-requirement'
  | 'install'
  | 'command';

export interface ImageSubject {
  readonly reference: ImageReference;
  readonly stage: Stage;
  /** The version part of the tag and where it starts in `reference.text`. */
  readonly version?: string;
  readonly versionStart?: number;
  /** The variant part of the tag (`slim-bookworm`, `alpine3.19`) and where it starts in `reference.text`. */
  readonly variant?: string;
  readonly variantStart?: number;
}

export interface Subject {
  readonly kind: 'runtime' | 'package' | 'package-manager';
  readonly source: SubjectSource;
  /** The token a finding points at: the version when one is written, else the name. */
  readonly range: Range;
  /** Where a hover card applies: name and version together. */
  readonly hoverRange: Range;
  readonly language?: Language;
  /** The package, runtime or tool as written (`Django`, `python`, `pipenv`). */
  readonly name: string;
  /** The version or range as written (`3.9`, `==3.2.*`, `^14.2.0`); empty when none. */
  readonly written: string;
  /** The versions the written text admits; `undefined` when no version is written or it cannot be read. */
  readonly versions?: VersionSet;
  /** Every matrix entry this subject could be (all versions of the runtime or package). */
  readonly entries: readonly MatrixEntry[];
  readonly stageIndex?: number;
  readonly image?: ImageSubject;
}

function spanRange(a: Range, b: Range | undefined): Range {
  return b ? { start: a.start, end: b.end } : a;
}

function imageSubjects(facts: DockerfileFacts, index: MatrixIndex): Subject[] {
  const subjects: Subject[] = [];
  for (const stage of facts.stages) {
    const reference = stage.image;
    if (!reference || isWindowsImage(reference)) continue;
    const language = index.runtimeForImage(reference.repository, reference.registry);
    if (!language) continue;
    const entries = index.runtimeEntries(language);
    const tag = reference.tag === undefined ? undefined : splitTag(reference.tag);
    const tagStart = reference.tagStart;
    const versionStart =
      tag?.version !== undefined && tagStart !== undefined ? tagStart : undefined;
    const variantStart =
      tag?.variantStart !== undefined && tagStart !== undefined
        ? tagStart + tag.variantStart
        : undefined;
    const versionRange =
      reference.tagRange && tag?.version !== undefined
        ? {
            start: reference.tagRange.start,
            end: {
              line: reference.tagRange.start.line,
              character: reference.tagRange.start.character + tag.version.length,
            },
          }
        : undefined;
    subjects.push({
      kind: 'runtime',
      source: 'image',
      range: versionRange ?? reference.tagRange ?? reference.range,
      hoverRange: reference.range,
      language,
      name: reference.repository,
      written: tag?.version ?? '',
      versions: tag?.version === undefined ? undefined : tagVersionSet(tag.version),
      entries,
      stageIndex: stage.index,
      image: {
        reference,
        stage,
        version: tag?.version,
        versionStart,
        variant: tag?.variant,
        variantStart,
      },
    });
  }
  return subjects;
}

/** Where a package manager installs packages from; undefined for system package managers. */
export function registryOf(manager: PackageManagerName): 'npm' | 'pypi' | undefined {
  switch (manager) {
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return 'npm';
    case 'pip':
    case 'uv':
    case 'poetry':
    case 'pipenv':
      return 'pypi';
    default:
      return undefined;
  }
}

function installSubjects(facts: DockerfileFacts, index: MatrixIndex): Subject[] {
  const subjects: Subject[] = [];
  for (const use of facts.packageManagers) {
    const managerEntry = index.packageManagerEntry(use.manager);
    if (managerEntry) {
      subjects.push({
        kind: 'package-manager',
        source: 'command',
        range: use.range,
        hoverRange: use.range,
        language: managerEntry.language,
        name: use.manager,
        written: '',
        entries: [managerEntry],
        stageIndex: use.stageIndex,
      });
    }
    const registry = registryOf(use.manager);
    if (!registry) continue;
    for (const installed of use.packages) {
      const entries = index.packageEntries(registry, installed.name);
      if (entries.length === 0) continue;
      const specifier = installed.specifier ?? '';
      subjects.push({
        kind: 'package',
        source: 'install',
        range: installed.specifierRange ?? installed.nameRange,
        hoverRange: spanRange(installed.nameRange, installed.specifierRange),
        language: entries[0]?.language,
        name: installed.name,
        written: specifier,
        versions: specifier === '' ? undefined : installedVersions(registry, specifier),
        entries,
        stageIndex: use.stageIndex,
      });
    }
  }
  return subjects;
}

/** `==3.2`, `>=2,<3` (pip) or `@5.1.1`, `@^4` (npm) as written after a package name. */
function installedVersions(registry: 'npm' | 'pypi', specifier: string): VersionSet | undefined {
  if (registry === 'npm') {
    const text = specifier.replace(/^@/, '');
    return text === '' ? undefined : npmRangeSet(text);
  }
  const clauses = specifier
    .split(',')
    .map((clause) => /^\s*(===|==|!=|~=|<=|>=|<|>)\s*(\S+)\s*$/.exec(clause))
    .map((match) =>
      match?.[1] && match[2] ? { operator: match[1], version: match[2] } : undefined,
    );
  if (clauses.some((clause) => clause === undefined)) return undefined;
  return pep440Set(clauses.filter((clause) => clause !== undefined));
}

/** A runtime version written in a manifest (`engines.node`, `go`), read by `versionsOf`. */
function runtimeSubject(
  source: SubjectSource,
  located: Located,
  language: Language,
  index: MatrixIndex,
  versionsOf: (text: string) => VersionSet | undefined,
): Subject {
  return {
    kind: 'runtime',
    source,
    range: located.range,
    hoverRange: located.range,
    language,
    name: language,
    written: located.value,
    versions: versionsOf(located.value),
    entries: index.runtimeEntries(language),
  };
}

function packageJsonSubjects(facts: PackageJsonFacts, index: MatrixIndex): Subject[] {
  const subjects: Subject[] = [];
  for (const [source, located] of [
    ['engines.node', facts.enginesNode],
    ['volta.node', facts.voltaNode],
  ] as const) {
    if (located) subjects.push(runtimeSubject(source, located, 'node', index, npmRangeSet));
  }
  const manager = facts.packageManager;
  if (manager) {
    const entry = index.packageManagerEntry(manager.name, 'node');
    if (entry) {
      subjects.push({
        kind: 'package-manager',
        source: 'packageManager',
        range: manager.range,
        hoverRange: manager.range,
        language: 'node',
        name: manager.name,
        written: manager.version ?? '',
        entries: [entry],
      });
    }
  }
  for (const dependency of facts.dependencies) {
    const entries = index.packageEntries('npm', dependency.name);
    if (entries.length === 0) continue;
    subjects.push({
      kind: 'package',
      source: 'npm-dependency',
      range: dependency.specRange,
      hoverRange: spanRange(dependency.nameRange, dependency.specRange),
      language: 'node',
      name: dependency.name,
      written: dependency.spec,
      versions: npmRangeSet(dependency.spec),
      entries,
    });
  }
  return subjects;
}

function requirementsSubjects(facts: RequirementsFacts, index: MatrixIndex): Subject[] {
  const subjects: Subject[] = [];
  for (const requirement of facts.requirements) {
    const entries = index.packageEntries('pypi', requirement.normalizedName);
    if (entries.length === 0) continue;
    subjects.push({
      kind: 'package',
      source: 'requirement',
      range: requirement.specifierRange ?? requirement.nameRange,
      hoverRange: spanRange(requirement.nameRange, requirement.specifierRange),
      language: 'python',
      name: requirement.name,
      written: requirement.specifier,
      versions: requirement.clauses.length === 0 ? undefined : pep440Set(requirement.clauses),
      entries,
    });
  }
  return subjects;
}

function goModSubjects(facts: GoModFacts, index: MatrixIndex): Subject[] {
  const subjects: Subject[] = [];
  for (const [source, located] of [
    ['go', facts.go],
    ['toolchain', facts.toolchain],
  ] as const) {
    if (located) subjects.push(runtimeSubject(source, located, 'go', index, goToolchainSet));
  }
  for (const requirement of facts.requires) {
    const entries = index.packageEntries('go', requirement.path);
    if (entries.length === 0) continue;
    subjects.push({
      kind: 'package',
      source: 'go-requirement',
      range: requirement.versionRange,
      hoverRange: spanRange(requirement.pathRange, requirement.versionRange),
      language: 'go',
      name: requirement.path,
      written: requirement.version,
      versions: goModuleVersionSet(requirement.version),
      entries,
    });
  }
  return subjects;
}

/** Every subject of a file, in document order within each kind. */
export function subjectsOf(facts: Facts, index: MatrixIndex): Subject[] {
  switch (facts.kind) {
    case 'dockerfile':
      return [...imageSubjects(facts, index), ...installSubjects(facts, index)];
    case 'package.json':
      return packageJsonSubjects(facts, index);
    case 'requirements':
      return requirementsSubjects(facts, index);
    case 'go.mod':
      return goModSubjects(facts, index);
  }
}
