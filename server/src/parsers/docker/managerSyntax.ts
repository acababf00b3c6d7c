/**
 * The command lines of each package manager: which programs run it, which subcommands install
 * packages, and which options take a value (so that `-r requirements.txt` is not read as a
 * package). Options missing here are taken for flags without a value.
 */
import type { PackageManagerName } from '../types';
import type { SpecNotation } from './packageSpecs';

export interface ManagerSyntax {
  readonly manager: PackageManagerName;
  readonly notation: SpecNotation;
  /** Subcommands whose positional arguments are packages to install. */
  readonly installs: readonly string[];
  /** Options that take the next word as their value (unless written `--option=value`). */
  readonly valued: readonly string[];
  /** Subcommand words that need a second word (`uv pip install`, `yarn global add`). */
  readonly groups?: readonly string[];
}

function words(text: string): readonly string[] {
  return text.split(' ');
}

export const PIP: ManagerSyntax = {
  manager: 'pip',
  notation: 'python',
  installs: ['install'],
  valued: words(
    '-r --requirement -c --constraint -e --editable -i --index-url --extra-index-url -f ' +
      '--find-links -t --target --prefix --root --src --platform --python-version ' +
      '--implementation --abi --only-binary --no-binary --progress-bar --trusted-host ' +
      '--cache-dir --log --log-file --timeout --retries --proxy --cert --client-cert ' +
      '--upgrade-strategy --global-option --install-option -C --config-settings --report ' +
      '--exists-action --python --use-feature --root-user-action --keyring-provider',
  ),
};

const SYNTAXES: Readonly<Record<PackageManagerName, ManagerSyntax>> = {
  pip: PIP,
  poetry: {
    manager: 'poetry',
    notation: 'poetry',
    installs: ['add', 'self add'],
    valued: words(
      '-G --group -E --extras --source -C --directory -P --project --only --with --without ' +
        '--python --platform --markers',
    ),
    groups: ['self'],
  },
  pipenv: {
    manager: 'pipenv',
    notation: 'python',
    installs: ['install'],
    valued: words('--python -r --requirements -i --index --extra-index-url --categories'),
  },
  uv: {
    manager: 'uv',
    notation: 'python',
    installs: ['pip install', 'add', 'tool install'],
    valued: words(
      '-p --python -r --requirement -c --constraint --override -i --index-url ' +
        '--extra-index-url --index --default-index -f --find-links -t --target --prefix ' +
        '--group --extra --package --directory --project --cache-dir -e --editable ' +
        '--python-platform --python-version -o --output-file --optional --with --config-file ' +
        '--index-strategy --keyring-provider --resolution --prerelease --link-mode --exclude-newer',
    ),
    groups: ['pip', 'tool'],
  },
  conda: {
    manager: 'conda',
    notation: 'conda',
    installs: ['install', 'create'],
    valued: words(
      '-c --channel -n --name -p --prefix -f --file --solver -r --root-prefix --repodata-fn ' +
        '--platform --subdir',
    ),
    groups: ['env'],
  },
  npm: {
    manager: 'npm',
    notation: 'node',
    installs: ['install', 'i', 'add', 'in', 'isntall'],
    valued: words(
      '--prefix --registry --cache -w --workspace --omit --include --tag --userconfig ' +
        '--globalconfig --loglevel --install-strategy --before --save-prefix --location ' +
        '--script-shell',
    ),
  },
  yarn: {
    manager: 'yarn',
    notation: 'node',
    installs: ['add', 'global add'],
    valued: words(
      '--cwd --modules-folder --cache-folder --network-timeout --registry --mutex ' +
        '--global-folder --prefix --link-folder --network-concurrency',
    ),
    groups: ['global'],
  },
  pnpm: {
    manager: 'pnpm',
    notation: 'node',
    installs: ['add', 'install', 'i'],
    valued: words('--filter -F --dir -C --store-dir --registry --virtual-store-dir'),
  },
  corepack: {
    manager: 'corepack',
    notation: 'node',
    installs: ['prepare', 'install', 'use', 'up'],
    valued: words('--install-directory'),
  },
  apk: {
    manager: 'apk',
    notation: 'apk',
    installs: ['add'],
    valued: words(
      '-t --virtual -X --repository --repositories-file -p --root --arch --cache-dir ' +
        '--keys-dir --progress-fd --cache-max-age',
    ),
  },
  'apt-get': {
    manager: 'apt-get',
    notation: 'apt',
    installs: ['install'],
    valued: words('-o --option -t --target-release --default-release -c --config-file'),
  },
};

/** Programs that run a package manager, by file name. */
const PROGRAMS: Readonly<Record<string, PackageManagerName>> = {
  poetry: 'poetry',
  pipenv: 'pipenv',
  uv: 'uv',
  conda: 'conda',
  mamba: 'conda',
  micromamba: 'conda',
  npm: 'npm',
  yarn: 'yarn',
  pnpm: 'pnpm',
  corepack: 'corepack',
  apk: 'apk',
  'apt-get': 'apt-get',
  apt: 'apt-get',
};

/** Modules that `python -m` runs as package managers. */
const PYTHON_MODULES: Readonly<Record<string, PackageManagerName>> = {
  pip: 'pip',
  pipenv: 'pipenv',
  poetry: 'poetry',
  uv: 'uv',
};

/** The syntax of the manager a program file name runs (`pip3.12`, `mamba`, `apt`). */
export function syntaxOfProgram(name: string): ManagerSyntax | undefined {
  if (/^pip[0-9.]*$/.test(name)) return PIP;
  const manager = PROGRAMS[name];
  return manager ? SYNTAXES[manager] : undefined;
}

/** The syntax of the manager `python -m <module>` runs. */
export function syntaxOfPythonModule(module: string): ManagerSyntax | undefined {
  const manager = PYTHON_MODULES[module];
  return manager ? SYNTAXES[manager] : undefined;
}
