/**
 * `native-extension` (information): packages that compile native code, which must be built for
 * glibc to run on CleanStart. The document names bcrypt (Node.js), numpy and psycopg2 (Python).
 */
import type { Finding, Fix } from '../engine/finding';
import type { Range } from '../util/text';
import { normalizePypiName } from '../matrix/lookup';
import type { Rule, RuleContext } from './context';
import { registryOf } from './subjects';

interface NativePackage {
  readonly registry: 'npm' | 'pypi';
  readonly name: string;
  readonly advice: string;
  /** Versions with prebuilt glibc binaries, which need no advice. */
  readonly prebuiltVersions?: readonly string[];
  /** A package of the same purpose that ships glibc builds, offered as a rename. */
  readonly prebuilt?: string;
}

const NATIVE_PACKAGES: readonly NativePackage[] = [
  {
    registry: 'npm',
    name: 'bcrypt',
    advice:
      'Compile it for glibc in the image (npm install --build-from-source bcrypt), or use a release with prebuilt glibc binaries such as bcrypt@5.1.1; a build from an Alpine stage fails with "Could not locate the bindings file".',
    prebuiltVersions: ['5.1.1'],
  },
  {
    registry: 'pypi',
    name: 'numpy',
    advice:
      'Install it in a glibc image (wheels built for manylinux), never copy it from an Alpine stage.',
  },
  {
    registry: 'pypi',
    name: 'psycopg2',
    advice: 'Build it for glibc in the image, or use psycopg2-binary, which ships glibc wheels.',
    prebuilt: 'psycopg2-binary',
  },
];

function finding(native: NativePackage, range: Range, nameRange: Range | undefined): Finding {
  const fixes: Fix[] =
    native.prebuilt && nameRange
      ? [
          {
            title: `Use ${native.prebuilt}`,
            edits: [{ range: nameRange, newText: native.prebuilt }],
            isPreferred: true,
          },
        ]
      : [];
  return {
    rule: 'native-extension',
    range,
    severity: 'information',
    message: `${native.name} compiles native code, which must be built for glibc to run on CleanStart. ${native.advice}`,
    fixes,
  };
}

function lookup(registry: 'npm' | 'pypi', name: string): NativePackage | undefined {
  const normalized = registry === 'pypi' ? normalizePypiName(name) : name;
  return NATIVE_PACKAGES.find(
    (native) => native.registry === registry && native.name === normalized,
  );
}

function check(context: RuleContext): Finding[] {
  const facts = context.facts;
  const findings: Finding[] = [];
  switch (facts.kind) {
    case 'requirements':
      for (const requirement of facts.requirements) {
        const native = lookup('pypi', requirement.normalizedName);
        if (native) findings.push(finding(native, requirement.nameRange, requirement.nameRange));
      }
      break;
    case 'package.json':
      for (const dependency of facts.dependencies) {
        const native = lookup('npm', dependency.name);
        if (native?.prebuiltVersions?.includes(dependency.spec.replace(/^=/, ''))) continue;
        if (native) findings.push(finding(native, dependency.nameRange, undefined));
      }
      break;
    case 'dockerfile':
      for (const use of facts.packageManagers) {
        const registry = registryOf(use.manager);
        if (!registry) continue;
        // `--build-from-source` is the document's own advice: nothing left to say.
        if (use.options.includes('--build-from-source')) continue;
        for (const installed of use.packages) {
          const native = lookup(registry, installed.name);
          if (native?.prebuiltVersions?.includes((installed.specifier ?? '').replace(/^[@=]+/, '')))
            continue;
          if (native)
            findings.push(
              finding(
                native,
                installed.nameRange,
                registry === 'pypi' ? installed.nameRange : undefined,
              ),
            );
        }
      }
      break;
    case 'go.mod':
      break;
  }
  return findings;
}

export const nativeExtension: Rule = { id: 'native-extension', check };
