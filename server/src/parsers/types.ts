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
  /** Offset of the tag within `text`, when there is a tag. */
  readonly tagStart?: number;
  /**
   * How `text` maps back to the source: consecutive pieces covering `text`, each either literal
   * (its `range` is where it stands in `FROM`) or taken from an `ARG` default (`arg` is set and
   * `range` is where that value stands in the `ARG` instruction). See `locateInReference`.
   */
  readonly pieces: readonly ReferencePiece[];
}

export interface ReferencePiece {
  /** Offsets in `ImageReference.text`, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  readonly arg?: ArgSource;
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
  /**
   * Shell form: the command with continuations joined, flags (`--mount=…`) removed. With
   * heredocs, the here-document lines follow as written (line breaks read as `\n`).
   */
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
  /** The command words that run the manager: `pip3`, or all of `python -m pip` (→ `pip`). */
  readonly range: Range;
  /**
   * The subcommand (`install`, `add`, `ci`), two words for grouped ones (`pip install` of uv,
   * `global add` of yarn, `self add` of poetry), when there is one.
   */
  readonly subcommand?: string;
  readonly packages: readonly InstalledPackage[];
  /**
   * Options seen on the same command as written (`--build-from-source`, `--no-cache`,
   * `--omit=dev`); the value of an option written as a separate word is not included.
   */
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
  'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies';

export interface NpmDependency {
  readonly section: DependencySection;
  readonly name: string;
  /** Inside the quotes. */
  readonly nameRange: Range;
  /** The range as written (`^14.2.0`). */
  readonly spec: string;
  /** Inside the quotes. */
  readonly specRange: Range;
}

/** The `packageManager` field, as Corepack reads it: `pnpm@9.1.0+sha512.…`. */
export interface PackageManagerField {
  readonly name: string;
  readonly version?: string;
  /** The whole value, inside the quotes. */
  readonly range: Range;
  readonly nameRange?: Range;
  /** The version alone, without the `+sha512.…` hash. */
  readonly versionRange?: Range;
}

export interface PackageJsonFacts {
  readonly kind: 'package.json';
  /** `engines.node`: value inside the quotes. */
  readonly enginesNode?: Located;
  /** `volta.node`. */
  readonly voltaNode?: Located;
  readonly packageManager?: PackageManagerField;
  /**
   * Registry dependencies only: `npm:` aliases, `workspace:`, `file:`, `link:`, git, URL and
   * `catalog:` specs are left out. When a name repeats in one section, the last one counts, as npm
   * reads it.
   */
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
  /** Operator and version. */
  readonly range: Range;
  readonly operatorRange?: Range;
  readonly versionRange?: Range;
}

/** An option in a requirements file: `--index-url URL`, `--only-binary :all:`, `--hash=sha256:…`. */
export interface RequirementsOption {
  /** The long name pip knows it by: `--index-url` for `-i`, `--find-links` for `-f`. */
  readonly name: string;
  /** The value, unquoted; absent for flags such as `--pre`. */
  readonly value?: string;
  /** The option and its value. */
  readonly range: Range;
  readonly valueRange?: Range;
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
  /**
   * Every clause of the specifier. Empty when there is none, and when one cannot be read: a
   * problem then says so and `invalidSpecifier` is set (pip refuses such a line).
   */
  readonly clauses: readonly SpecifierClause[];
  readonly invalidSpecifier?: boolean;
  readonly marker?: string;
  readonly markerRange?: Range;
  /**
   * Where the project comes from when it is not an index: `name @ URL`, a VCS URL with `#egg=`,
   * a wheel's URL or path.
   */
  readonly url?: Located;
  /** 0-based line where the requirement starts. */
  readonly line: number;
  /** The requirement from name to marker, its options left out. */
  readonly range?: Range;
  /** `-e` editable line. */
  readonly editable: boolean;
  /** Options on the requirement's line: `--hash=…`, `--config-settings=…`. */
  readonly options?: readonly RequirementsOption[];
}

/** A URL or path whose project name cannot be known without fetching it: `-e .`, `./vendor/pkg`. */
export interface UnnamedRequirement extends Located {
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
  /** Options that apply to the whole file: indexes, `--no-binary`, `--only-binary`, `--pre`, … */
  readonly options?: readonly RequirementsOption[];
  readonly unnamed?: readonly UnnamedRequirement[];
  readonly problems: readonly ParseProblem[];
}

// ---------------------------------------------------------------------------------------------
// go.mod

export interface GoRequirement {
  readonly path: string;
  /** Inside the quotes when the path is quoted; likewise for every go.mod range. */
  readonly pathRange: Range;
  readonly version: string;
  readonly versionRange: Range;
  readonly indirect: boolean;
  /** The whole line, `require` keyword included when it is not in a block. */
  readonly range?: Range;
}

/** `replace old [version] => new [version]`; `new` without a version is a directory. */
export interface GoReplacement {
  readonly old: Located;
  readonly oldVersion?: Located;
  readonly new: Located;
  readonly newVersion?: Located;
  readonly range: Range;
}

export interface GoExclusion {
  readonly path: Located;
  readonly version: Located;
  readonly range: Range;
}

/** `retract v1.0.1` or `retract [v1.0.0, v1.0.5]`: both bounds included, equal for one version. */
export interface GoRetraction {
  readonly low: Located;
  readonly high: Located;
  /** The comment on the line, or the comment lines just before it. */
  readonly rationale?: string;
  readonly range: Range;
}

/** `godebug key=value`. */
export interface GoDebugSetting {
  readonly key: Located;
  readonly value: Located;
}

export interface GoModFacts {
  readonly kind: 'go.mod';
  readonly module?: Located;
  /** `go 1.22` / `go 1.22.1`. */
  readonly go?: Located;
  /**
   * `toolchain go1.22.1`: value is the version without `go` (`1.22.1`), range covers the version
   * digits. Absent for `toolchain default` and `toolchain local`.
   */
  readonly toolchain?: Located;
  readonly requires: readonly GoRequirement[];
  readonly replacements?: readonly GoReplacement[];
  readonly exclusions?: readonly GoExclusion[];
  readonly retractions?: readonly GoRetraction[];
  /** `tool` directives: packages run with `go tool`. */
  readonly tools?: readonly Located[];
  readonly godebug?: readonly GoDebugSetting[];
  /** `ignore` directives: directories the go command leaves out. */
  readonly ignores?: readonly Located[];
  readonly problems: readonly ParseProblem[];
}

export type Facts = DockerfileFacts | PackageJsonFacts | RequirementsFacts | GoModFacts;
