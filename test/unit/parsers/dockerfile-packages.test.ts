import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PackageManagerUse } from '../../../server/src/parsers/types';
import { itEachLineEnding, parseEachLineEnding, textAt } from './dockerfileHelpers';

/** `manager subcommand: name specifier, …` for each use, for compact assertions. */
function summarize(uses: readonly PackageManagerUse[]): string[] {
  return uses.map((use) => {
    const packages = use.packages.map((item) => `${item.name}${item.specifier ?? ''}`).join(' ');
    return `${use.manager} ${use.subcommand ?? '-'}: ${packages}`;
  });
}

function usesIn(run: string): string[] {
  return summarize(parseEachLineEnding(`FROM x\nRUN ${run}\n`).packageManagers);
}

describe('pip', () => {
  itEachLineEnding(
    'reads packages and specifiers with exact ranges, across continuation lines',
    'FROM python:3.12\nRUN pip install --no-cache-dir django==3.2 \\\n    \'flask>=2,<3\' \\\n    "numpy~=1.24" requests\n',
    (facts, text) => {
      const [use] = facts.packageManagers;
      assert.ok(use);
      assert.equal(use.manager, 'pip');
      assert.equal(use.subcommand, 'install');
      assert.deepEqual(use.options, ['--no-cache-dir']);
      assert.equal(use.stageIndex, 0);
      assert.equal(textAt(text, use.range), 'pip');
      assert.deepEqual(
        use.packages.map((item) => [
          textAt(text, item.nameRange),
          item.specifier,
          textAt(text, item.specifierRange),
        ]),
        [
          ['django', '==3.2', '==3.2'],
          ['flask', '>=2,<3', '>=2,<3'],
          ['numpy', '~=1.24', '~=1.24'],
          ['requests', undefined, undefined],
        ],
      );
      assert.equal(use.packages[2]?.nameRange.start.line, 3);
    },
  );

  it('skips option values, paths, URLs and archives', () => {
    assert.deepEqual(
      usesIn(
        'pip install -r requirements.txt -i https://pypi.example/simple --target /opt/lib -e . ./local ../pkg /wheels/a.whl dist/pkg-1.0.tar.gz git+https://example.com/r.git "pkg @ https://example.com/p.zip" "uvicorn[standard]>=0.29"',
      ),
      ['pip install: uvicorn>=0.29'],
    );
  });

  it('reads environment markers off the specifier', () => {
    assert.deepEqual(usesIn('pip install "typing-extensions>=4; python_version<\'3.11\'"'), [
      'pip install: typing-extensions>=4',
    ]);
  });

  it('recognises pip3, python -m pip and other spellings', () => {
    assert.deepEqual(
      usesIn(
        'pip3 install a && python -m pip install b; python3.12 -m pip install c || /usr/local/bin/pip install d | tee log',
      ),
      ['pip install: a', 'pip install: b', 'pip install: c', 'pip install: d'],
    );
    assert.deepEqual(usesIn('python3 -u -m pip install --upgrade pip'), ['pip install: pip']);
    assert.deepEqual(usesIn('python3 -m venv /venv'), []);
    assert.deepEqual(usesIn('python3 -c "import pip"'), []);
  });

  itEachLineEnding(
    'spans python -m pip in its range',
    'FROM x\nRUN python3 -m pip install flask\n',
    (facts, text) => {
      assert.equal(textAt(text, facts.packageManagers[0]?.range), 'python3 -m pip');
    },
  );

  it('records uses without packages', () => {
    assert.deepEqual(usesIn('pip --version && pip uninstall -y six && pip freeze'), [
      'pip -: ',
      'pip uninstall: ',
      'pip freeze: ',
    ]);
  });

  it('skips packages whose name is an expansion, keeps a specifier that holds one', () => {
    assert.deepEqual(usesIn('pip install $PACKAGES "django==${DJANGO_VERSION}" $(cat list)'), [
      'pip install: django==${DJANGO_VERSION}',
    ]);
  });
});

describe('Python project tools', () => {
  it('reads poetry, pipenv and uv', () => {
    assert.deepEqual(
      usesIn(
        'poetry add django@^4.2 "fastapi>=0.110" && poetry install --no-root && pipenv install --system --deploy && pipenv install requests==2.31.0',
      ),
      [
        'poetry add: django@^4.2 fastapi>=0.110',
        'poetry install: ',
        'pipenv install: ',
        'pipenv install: requests==2.31.0',
      ],
    );
    assert.deepEqual(
      usesIn(
        'uv pip install --system -r requirements.txt flask==3.0 && uv add httpx && uv sync --frozen',
      ),
      ['uv pip install: flask==3.0', 'uv add: httpx', 'uv sync: '],
    );
    assert.deepEqual(usesIn('python -m poetry install'), ['poetry install: ']);
  });

  it('reads conda, mamba and micromamba as conda', () => {
    assert.deepEqual(
      usesIn(
        'conda install -y -c conda-forge numpy=1.24 "scipy>=1.11" conda-forge::pandas && mamba create -n app python=3.11 && micromamba install -y -f env.yml',
      ),
      [
        'conda install: numpy=1.24 scipy>=1.11 pandas',
        'conda create: python=3.11',
        'conda install: ',
      ],
    );
  });
});

describe('JavaScript package managers', () => {
  itEachLineEnding(
    'reads npm packages with versions and scopes',
    'FROM node:20\nRUN npm install bcrypt@5.1.1 --build-from-source @types/node@^20 lodash\n',
    (facts, text) => {
      const [use] = facts.packageManagers;
      assert.equal(use?.manager, 'npm');
      assert.deepEqual(use?.options, ['--build-from-source']);
      assert.deepEqual(
        use?.packages.map((item) => [
          textAt(text, item.nameRange),
          textAt(text, item.specifierRange),
        ]),
        [
          ['bcrypt', '@5.1.1'],
          ['@types/node', '@^20'],
          ['lodash', undefined],
        ],
      );
    },
  );

  it('reads npm subcommands and skips what is not a registry package', () => {
    assert.deepEqual(
      usesIn(
        'npm ci --omit=dev && npm i -g npm@10 && npm install ./local user/repo alias@npm:other@1 https://x/y.tgz && npm --prefix /app add sharp',
      ),
      ['npm ci: ', 'npm i: npm@10', 'npm install: ', 'npm add: sharp'],
    );
  });

  it('reads yarn, pnpm and corepack', () => {
    assert.deepEqual(
      usesIn(
        'yarn install --frozen-lockfile && yarn add react@^18 && yarn global add pm2 && yarn && pnpm add -D typescript@5 && pnpm i && corepack enable && corepack prepare pnpm@9.1.0 --activate',
      ),
      [
        'yarn install: ',
        'yarn add: react@^18',
        'yarn global add: pm2',
        'yarn -: ',
        'pnpm add: typescript@5',
        'pnpm i: ',
        'corepack enable: ',
        'corepack prepare: pnpm@9.1.0',
      ],
    );
  });
});

describe('system package managers', () => {
  itEachLineEnding(
    'reads apk add without the virtual package name',
    'FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n    python3=3.11.6-r0 "py3-pip~23"\n',
    (facts, text) => {
      const [use] = facts.packageManagers;
      assert.equal(use?.manager, 'apk');
      assert.equal(use?.subcommand, 'add');
      assert.deepEqual(use?.options, ['--no-cache', '--virtual']);
      assert.deepEqual(
        use?.packages.map((item) => [item.name, item.specifier]),
        [
          ['gcc', undefined],
          ['musl-dev', undefined],
          ['python3', '=3.11.6-r0'],
          ['py3-pip', '~23'],
        ],
      );
      assert.equal(textAt(text, use?.packages[3]?.nameRange), 'py3-pip');
    },
  );

  it('reads apt-get and apt, options before the subcommand included', () => {
    assert.deepEqual(
      usesIn(
        'apt-get update && apt-get -qq -o Dpkg::Options::=--force-confnew install -y --no-install-recommends gcc libpq-dev=15.5-0 curl/bookworm-backports && apt install -y git && apk del .build-deps',
      ),
      [
        'apt-get update: ',
        'apt-get install: gcc libpq-dev=15.5-0 curl',
        'apt-get install: git',
        'apk del: ',
      ],
    );
  });
});

describe('command chains and wrappers', () => {
  it('reads every command of a chain, subshells and pipes included', () => {
    assert.deepEqual(usesIn('set -eux; (cd /app && npm ci) | cat & pip install a\n'), [
      'npm ci: ',
      'pip install: a',
    ]);
  });

  it('looks past assignments, wrappers and shell keywords', () => {
    assert.deepEqual(
      usesIn(
        'PIP_NO_CACHE_DIR=1 pip install a && sudo -E -u app pip install b && env -i PATH=/bin pip install c && time npm ci && nice -n 10 apk add d && xargs -n 1 pip install < list && if true; then pip install e; fi && timeout 60 apt-get install -y f',
      ),
      [
        'pip install: a',
        'pip install: b',
        'pip install: c',
        'npm ci: ',
        'apk add: d',
        'pip install: ',
        'pip install: e',
        'apt-get install: f',
      ],
    );
  });

  it('drops redirections and their targets', () => {
    assert.deepEqual(usesIn('pip install a > /tmp/log 2>&1 && pip install b 2> err >>out'), [
      'pip install: a',
      'pip install: b',
    ]);
  });

  it('reads inline sh -c scripts, with ranges inside the quotes', () => {
    const text =
      'FROM x\nRUN sh -c "pip install flask==3.0 && bash -euxo pipefail -c \'npm ci\'"\n';
    const facts = parseEachLineEnding(text);
    assert.deepEqual(summarize(facts.packageManagers), ['pip install: flask==3.0', 'npm ci: ']);
    assert.equal(textAt(text, facts.packageManagers[0]?.packages[0]?.specifierRange), '==3.0');
    assert.equal(textAt(text, facts.packageManagers[1]?.range), 'npm');
  });

  it('ignores comments and quoted text that only mentions a manager', () => {
    assert.deepEqual(usesIn('echo "pip install x" # pip install y'), []);
  });
});

describe('exec form and heredocs', () => {
  itEachLineEnding(
    'reads exec-form RUN',
    'FROM x\nRUN ["pip", "install", "django==3.2"]\nRUN ["/bin/sh", "-c", "apk add --no-cache git"]\n',
    (facts, text) => {
      assert.deepEqual(summarize(facts.packageManagers), [
        'pip install: django==3.2',
        'apk add: git',
      ]);
      assert.equal(textAt(text, facts.packageManagers[0]?.packages[0]?.nameRange), 'django');
      assert.equal(textAt(text, facts.packageManagers[1]?.packages[0]?.nameRange), 'git');
    },
  );

  itEachLineEnding(
    'reads heredoc scripts, and leaves heredocs that are data alone',
    [
      'FROM x',
      'RUN <<EOF',
      'set -e',
      'pip install \\',
      '  flask==3.0',
      'EOF',
      'RUN bash <<EOF',
      'npm ci',
      'EOF',
      'RUN cat <<EOF > requirements.txt',
      'pip install nothing',
      'EOF',
      'RUN python3 <<EOF',
      'print("pip install nothing")',
      'EOF',
      'RUN <<EOF',
      '#!/usr/bin/env python3',
      'import os',
      'EOF',
      '',
    ].join('\n'),
    (facts, text) => {
      assert.deepEqual(summarize(facts.packageManagers), ['pip install: flask==3.0', 'npm ci: ']);
      assert.equal(textAt(text, facts.packageManagers[0]?.packages[0]?.nameRange), 'flask');
      assert.equal(facts.packageManagers[0]?.packages[0]?.nameRange.start.line, 4);
    },
  );

  it('skips here-document bodies nested inside a heredoc script', () => {
    assert.deepEqual(
      summarize(
        parseEachLineEnding(
          'FROM x\nRUN <<EOF\ncat > /etc/pip.conf <<CONF\npip install nothing\nCONF\npip install real\nEOF\n',
        ).packageManagers,
      ),
      ['pip install: real'],
    );
  });
});

describe('stages', () => {
  it('numbers each use with its stage', () => {
    const facts = parseEachLineEnding(
      'FROM node:20 AS web\nRUN npm ci\nFROM python:3.12\nRUN pip install flask\n',
    );
    assert.deepEqual(
      facts.packageManagers.map((use) => [use.manager, use.stageIndex]),
      [
        ['npm', 0],
        ['pip', 1],
      ],
    );
  });
});
