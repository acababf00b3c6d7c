/**
 * Facts: what the parsers read out of a file, with exact ranges. Parsers are tolerant: they never
 * throw, and report what they could not read as `problems`. Rules turn facts into findings.
 */
import type { Range } from '../util/text';

export type FileKind = 'dockerfile' | 'package.json' | 'requirements' | 'go.mod';

export interface ParseProblem {
  readonly range: Range;
  readonly message: string;
}

/** A piece of text and where it stands. */
export interface Located<T = string> {
  readonly value: T;
  readonly range: Range;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

/** An `ARG` whose default fed a value; `valueRange` is where its default stands, for edits. */
export interface ArgSource {
  readonly name: string;
  /** The whole `ARG` instruction's name=value token. */
  readonly range: Range;
  /** The default value's characters (empty range after `=` when the default is empty). */
  readonly valueRange: Range;
  readonly value: string;
  /** False for an `ARG` declared before the first `FROM`. */
  readonly inStage: boolean;
}

export interface ImageReference {
  /** The reference after `ARG` substitution, e.g. `docker.io/library/python:3.9-slim@sha256:…`. */
  readonly text: string;
  /** Where the reference stands in the source (the argument of `FROM`). */
  readonly range: Range;
  /** Registry host when one is written (`mcr.microsoft.com`, `registry.cleanstart.com`, `docker.io`). */
  readonly registry?: string;
  /**
   * Repository path without registry and without Docker Hub's `library/` prefix:
   * `python`, `dotnet/aspnet`, `bitnami/python`.
   */
  readonly repository: string;
  readonly tag?: string;
  /**
   * Where the tag stands in the source. Absent when the tag came from an `ARG` (see `tagFrom`) or
   * from text that mixes literal characters with variables, so that no exact span exists.
   */
  readonly tagRange?: Range;
  /** The `ARG` whose default supplied the tag (or all of it), when one did. */
  readonly tagFrom?: ArgSource;
  readonly digest?: string;
  /** Every `ARG` used in the reference. */
  readonly args: readonly ArgSource[];
}

export type CommandKeyword = 'RUN' | 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK' | 'SHELL';

export interface CommandInstruction {
  readonly keyword: CommandKeyword;
  /** The whole instruction, keyword to last continuation line. */
  readonly range: Range;
  readonly keywordRange: Range;
  /**
   * `shell`: the text runs through the image's shell. `exec`: a JSON array. `none`:
   * `HEALTHCHECK NONE`, or an instruction with no arguments.
   */
  readonly form: 'shell' | 'exec' | 'none';
  /** Shell form: the command with continuations joined, flags (`--mount=…`) removed. */
  readonly command?: string;
  /** Shell form: where the command text stands (first to last character). */
  readonly commandRange?: Range;
  /** Exec form: the array's strings, unescaped, with their ranges (quotes included). */
  readonly execArguments?: readonly Located[];
  /** Exec form: where the JSON array stands, brackets included. */
  readonly execRange?: Range;
  /** Exec form whose program is a shell (`["sh", "-c", …]`, `["/bin/bash", …]`). */
  readonly execStartsShell?: boolean;
  /** The command is a heredoc (`RUN <<EOF`). */
  readonly heredoc?: boolean;
}

export type PackageManagerName =
  | 'pip'
  | 'poetry'
  | 'pipenv'
  | 'uv'
  | 'conda'
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'corepack'
  | 'apk'
  | 'apt-get';

/** A package named on an install command line: `pip install django==3.2`. */
export interface InstalledPackage {
  readonly name: string;
  readonly nameRange: Range;
  /** Version constraint as written after the name (`==3.2`, `@5.1.1`), without the name. */
  readonly specifier?: string;
  readonly specifierRange?: Range;
}

export interface PackageManagerUse {
  readonly manager: PackageManagerName;
  /** The command word (`pip3`, `python -m pip` → `pip`). */
  readonly range: Range;
  /** The subcommand (`install`, `add`, `ci`), when there is one. */
  readonly subcommand?: string;
  readonly packages: readonly InstalledPackage[];
  /** Options seen on the same command (`--build-from-source`, `--no-cache`). */
  readonly options: readonly string[];
  readonly stageIndex: number;
}

/** A Rust target triple that builds for musl (`x86_64-unknown-linux-musl`). */
export interface MuslTarget {
  readonly target: string;
  readonly range: Range;
  readonly stageIndex: number;
}

export interface Stage {
  readonly index: number;
  readonly name?: Located;
  /** The `FROM` instruction. */
  readonly fromRange: Range;
  readonly platform?: Located;
  /** The base image, or `undefined` when the reference cannot be known (unresolved `ARG`). */
  readonly image?: ImageReference;
  /** When `FROM` names an earlier stage: that stage's index. */
  readonly baseStage?: number;
  readonly isFinal: boolean;
  readonly commands: readonly CommandInstruction[];
}

export interface DockerfileFacts {
  readonly kind: 'dockerfile';
  readonly escapeCharacter: string;
  readonly stages: readonly Stage[];
  readonly packageManagers: readonly PackageManagerUse[];
  readonly muslTargets: readonly MuslTarget[];
  readonly problems: readonly ParseProblem[];
}

// ---------------------------------------------------------------------------------------------
// package.json

export type DependencySection =
  | 'dependencies'
  | 'devDependencies'
  | 'peerDependencies'
  | 'optionalDependencies';

export interface NpmDependency {
  readonly section: DependencySection;
  readonly name: string;
  readonly nameRange: Range;
  /** The range as written (`^14.2.0`). */
  readonly spec: string;
  /** Inside the quotes. */
  readonly specRange: Range;
}

export interface PackageJsonFacts {
  readonly kind: 'package.json';
  /** `engines.node`: value inside the quotes. */
  readonly enginesNode?: Located;
  /** `volta.node`. */
  readonly voltaNode?: Located;
  /** `packageManager` (`pnpm@9.1.0+sha512…`), split into name and version. */
  readonly packageManager?: {
    readonly name: string;
    readonly version?: string;
    readonly range: Range;
    readonly versionRange?: Range;
  };
  /** Registry dependencies only: `npm:` aliases, `workspace:`, `file:`, git and `catalog:` specs are left out. */
  readonly dependencies: readonly NpmDependency[];
  readonly problems: readonly ParseProblem[];
}

// ---------------------------------------------------------------------------------------------
// requirements files

export interface SpecifierClause {
  /** `==`, `!=`, `<=`, `>=`, `<`, `>`, `~=`, `===`. */
  readonly operator: string;
  /** The version, including a trailing `.*` where written. */
  readonly version: string;
  readonly range: Range;
}

export interface Requirement {
  /** The project name as written. */
  readonly name: string;
  /** PEP 503 normalised name. */
  readonly normalizedName: string;
  readonly nameRange: Range;
  readonly extras: readonly string[];
  /** The whole specifier as written (`>=3.2,<4`), empty when there is none. */
  readonly specifier: string;
  readonly specifierRange?: Range;
  readonly clauses: readonly SpecifierClause[];
  readonly marker?: string;
  /** 0-based line where the requirement starts. */
  readonly line: number;
  /** `-e` editable line. */
  readonly editable: boolean;
}

export interface RequirementsFacts {
  readonly kind: 'requirements';
  readonly requirements: readonly Requirement[];
  /** `-r` and `-c` lines. */
  readonly includes: readonly {
    readonly kind: 'requirement' | 'constraint';
    readonly path: string;
    readonly range: Range;
  }[];
  readonly problems: readonly ParseProblem[];
}

// ---------------------------------------------------------------------------------------------
// go.mod

export interface GoRequirement {
  readonly path: string;
  readonly pathRange: Range;
  readonly version: string;
  readonly versionRange: Range;
  readonly indirect: boolean;
}

export interface GoModFacts {
  readonly kind: 'go.mod';
  readonly module?: Located;
  /** `go 1.22` / `go 1.22.1`. */
  readonly go?: Located;
  /** `toolchain go1.22.1`: value is the version without `go` (`1.22.1`), range covers the version digits. */
  readonly toolchain?: Located;
  readonly requires: readonly GoRequirement[];
  readonly problems: readonly ParseProblem[];
}

export type Facts = DockerfileFacts | PackageJsonFacts | RequirementsFacts | GoModFacts;
