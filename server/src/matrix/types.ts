/**
 * The compatibility matrix as data. `matrix/matrix.yaml` holds the document; `matrix/schema.json`
 * describes the same shape for validation. Keep the three in step.
 */

export type Tier = 1 | 2 | 3;

/** The runtimes the matrix lists, by the key used everywhere in data, settings and findings. */
export type Language = 'python' | 'node' | 'go' | 'java' | 'rust' | 'dotnet' | 'ruby' | 'php';

export const LANGUAGES: readonly Language[] = [
  'python',
  'node',
  'go',
  'java',
  'rust',
  'dotnet',
  'ruby',
  'php',
];

export type Category =
  | 'runtime'
  | 'framework'
  | 'package-manager'
  | 'web-server'
  | 'runtime-feature'
  | 'deployment'
  | 'runtime-option'
  | 'database-client'
  | 'host-os'
  | 'container-runtime'
  | 'kubernetes'
  | 'kubernetes-feature';

/**
 * When support for an entry ends, modelled from the document's wording.
 *
 * Month dates ("Oct 2027") mean support runs to the last day of that month.
 */
export type SupportWindow =
  /** "Oct 2027": `date` is `YYYY-MM` or `YYYY-MM-DD`. */
  | { readonly kind: 'date'; readonly date: string }
  /** "Sept 2026+": supported at least until `from`, with no end given. */
  | { readonly kind: 'open-ended'; readonly from: string }
  /** "Current stable released every 6 weeks": a moving target with no end. */
  | { readonly kind: 'rolling'; readonly description: string }
  /**
   * "3 years after release": `date` is computed from `released` by `rule`; `source` says where
   * the release date comes from.
   */
  | {
      readonly kind: 'rule';
      readonly rule: string;
      readonly released: string;
      readonly date: string;
      readonly source: string;
    }
  /** "EOL" with no date. */
  | { readonly kind: 'ended' }
  /** ".NET Framework 4.x: Windows only, not applicable". */
  | { readonly kind: 'not-applicable'; readonly reason: string }
  /** The document gives no support end for this entry (most frameworks and tools). */
  | { readonly kind: 'none' };

/** The names people write for an entry, per place they write them. */
export interface EntryNames {
  /** Container image repositories without registry host for Docker Hub (`python`, `eclipse-temurin`), with host otherwise (`mcr.microsoft.com/dotnet/aspnet`). */
  readonly images?: readonly string[];
  /** PyPI project names, normalised as pip does (PEP 503: lower case, runs of `-_.` as `-`). */
  readonly pypi?: readonly string[];
  /** npm package names (`@nestjs/core`). */
  readonly npm?: readonly string[];
  /** Go module paths, with any major-version suffix (`github.com/labstack/echo/v4`). */
  readonly go?: readonly string[];
  /** Maven coordinates `group:artifact`. */
  readonly maven?: readonly string[];
  /** RubyGems names. */
  readonly rubygems?: readonly string[];
  /** Composer package names. */
  readonly composer?: readonly string[];
  /** NuGet package ids. */
  readonly nuget?: readonly string[];
  /** Crate names. */
  readonly crates?: readonly string[];
  /** Command names as typed in a shell (`pip`, `pipenv`, `corepack`). */
  readonly commands?: readonly string[];
}

export interface MatrixEntry {
  /** Stable identifier, e.g. `runtime/python/3.12`, `framework/python/django/3.2`. */
  readonly id: string;
  readonly category: Category;
  readonly language?: Language;
  /** The name as the document gives it ("Django", "Node.js", "Ubuntu"). */
  readonly name: string;
  /** The version as the document gives it ("4.2+", "20 LTS", "-", "stdlib"); absent where the table has no version column. */
  readonly version?: string;
  /**
   * The versions the entry covers, machine-checkable: comparator sets separated by `||`, each a
   * space-separated list of `>=`, `>`, `<`, `<=`, `=` comparators over dotted numeric versions,
   * or `*` for every version. "3.x" is `>=3 <4`; "4.2+" is `>=4.2`.
   */
  readonly range: string;
  readonly tier: Tier;
  /** Test coverage as the document gives it ("Full", "Community", "None"). */
  readonly coverage?: string;
  /** The support-end cell as the document gives it. */
  readonly supportEnds?: string;
  readonly support: SupportWindow;
  readonly notes?: string;
  /** Package managers and tools: the "Method" cell; `applicable: false` for "N/A". */
  readonly method?: { readonly text: string; readonly applicable: boolean };
  /** Database clients: the database ("PostgreSQL"). */
  readonly database?: string;
  /** Host OS: the container runtimes listed. */
  readonly containerRuntimes?: readonly string[];
  /** Container runtimes: the "Kubernetes" cell. */
  readonly kubernetes?: string;
  /** Kubernetes versions: the "Release Status" cell. */
  readonly releaseStatus?: string;
  /** Kubernetes features: the minimum Kubernetes version as the document gives it ("1.19+"). */
  readonly requires?: { readonly text: string; readonly range: string };
  /** The section of the document this entry comes from ("Python Framework Compatibility"). */
  readonly section: string;
  readonly names?: EntryNames;
}

export interface TierInfo {
  readonly tier: Tier;
  /** "Officially Tested". */
  readonly title: string;
  /** One-sentence summary of what the tier is. */
  readonly summary: string;
  /** "What this means for you", in full. */
  readonly meaning: string;
  /** The promised reaction: "1-2 business days" response, or a fix timeline. */
  readonly response: {
    readonly kind: 'response-time' | 'fix-timeline' | 'none';
    readonly text: string;
  };
  readonly testingScope: string;
}

export interface Incompatibility {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly problem: string;
  readonly symptom?: string;
  readonly workarounds: readonly { readonly title: string; readonly example?: string }[];
}

export interface PerformanceFigure {
  /** "Python (Flask)", "Go binary". */
  readonly subject: string;
  readonly language: Language;
  /** Milliseconds as a [min, max] pair, and the document's text. */
  readonly cold?: { readonly text: string; readonly ms: readonly [number, number] };
  readonly warm?: { readonly text: string; readonly ms: readonly [number, number] };
  /** Megabytes as a [min, max] pair, and the document's text. */
  readonly memory?: { readonly text: string; readonly mb: readonly [number, number] };
}

export interface QuickReferenceItem {
  readonly language: Language;
  /** As the document gives them: "3.12 (latest)", "3.11 (LTS)". */
  readonly versions: readonly { readonly version: string; readonly label?: string }[];
}

export interface MatrixSource {
  readonly title: string;
  /** Where the data comes from: a description or a path. */
  readonly origin: string;
  /** The day the data was last brought in line with its source, `YYYY-MM-DD`. */
  readonly updated: string;
}

export interface Matrix {
  readonly source: MatrixSource;
  readonly tiers: readonly TierInfo[];
  readonly entries: readonly MatrixEntry[];
  readonly incompatibilities: readonly Incompatibility[];
  readonly glibc: { readonly minimum: string; readonly note: string };
  readonly performance: {
    readonly startup: readonly PerformanceFigure[];
    readonly memory: readonly PerformanceFigure[];
    readonly note: string;
  };
  readonly quickReference: readonly QuickReferenceItem[];
  /** The document's report template, with `[Placeholders]` for what the user fills in. */
  readonly reportTemplate: string;
}
