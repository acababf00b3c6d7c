import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequirements } from '../../../server/src/parsers/requirements';
import type { Requirement, RequirementsFacts } from '../../../server/src/parsers/types';
import { itEachLineEnding, problemWith, startOf, textAt } from './lineEndings';

function only(facts: RequirementsFacts, name: string): Requirement {
  const found = facts.requirements.filter((requirement) => requirement.name === name);
  assert.equal(found.length, 1, `one requirement named ${name}`);
  const [requirement] = found;
  assert.ok(requirement);
  return requirement;
}

function clausesOf(requirement: Requirement): string[] {
  return requirement.clauses.map((clause) => `${clause.operator}|${clause.version}`);
}

describe('requirements: names, extras and specifiers', () => {
  itEachLineEnding(
    'reads names, extras and PEP 503 normalised names',
    'Django==4.2.7\nuvicorn[standard]>=0.30\nFlask_SQL.alchemy[a, b ,a]\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        facts.requirements.map((r) => [r.name, r.normalizedName, r.line]),
        [
          ['Django', 'django', 0],
          ['uvicorn', 'uvicorn', 1],
          ['Flask_SQL.alchemy', 'flask-sql-alchemy', 2],
        ],
      );
      const uvicorn = only(facts, 'uvicorn');
      assert.deepEqual(uvicorn.extras, ['standard']);
      assert.equal(textAt(text, uvicorn.nameRange), 'uvicorn');
      assert.deepEqual(only(facts, 'Flask_SQL.alchemy').extras, ['a', 'b']);
    },
  );

  itEachLineEnding(
    'reads every PEP 440 operator with exact ranges',
    'a==1.0\nb!=1.0\nc<=1.0\nd>=1.0\ne<1.0\nf>1.0\ng~=1.4.2\nh===weird-build\ni==3.2.*\nj!=3.*\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      const written = facts.requirements.map((r) => {
        const [clause] = r.clauses;
        assert.ok(clause);
        assert.equal(textAt(text, clause.range), `${clause.operator}${clause.version}`);
        assert.equal(textAt(text, clause.operatorRange), clause.operator);
        assert.equal(textAt(text, clause.versionRange), clause.version);
        return `${r.name}${clause.operator}${clause.version}`;
      });
      assert.deepEqual(written, text.split(/\r\n|\r|\n/).filter(Boolean));
    },
  );

  itEachLineEnding(
    'reads several clauses with blanks anywhere',
    'skip\ndjango >= 3.2 , < 4.0,!= 3.2.1\n',
    (text) => {
      const facts = parseRequirements(text);
      const django = only(facts, 'django');
      assert.deepEqual(clausesOf(django), ['>=|3.2', '<|4.0', '!=|3.2.1']);
      assert.equal(django.specifier, '>= 3.2 , < 4.0,!= 3.2.1');
      assert.equal(textAt(text, django.specifierRange), django.specifier);
      assert.deepEqual(
        django.clauses.map((clause) => textAt(text, clause.range)),
        ['>= 3.2', '< 4.0', '!= 3.2.1'],
      );
      assert.equal(startOf(django.clauses[1]?.versionRange), '1:18');
    },
  );

  itEachLineEnding(
    'accepts a trailing comma and a parenthesised specifier, as pip does',
    'a>=1.0,\nb (>=1.0, <2)\nc ()\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(clausesOf(only(facts, 'a')), ['>=|1.0']);
      assert.deepEqual(clausesOf(only(facts, 'b')), ['>=|1.0', '<|2']);
      assert.equal(textAt(text, only(facts, 'b').specifierRange), '>=1.0, <2');
      assert.deepEqual(clausesOf(only(facts, 'c')), []);
    },
  );

  itEachLineEnding(
    'reports an invalid specifier on its range and keeps the name',
    'django==3.2.x\nflask>=2.0,<3.x\n',
    (text) => {
      const facts = parseRequirements(text);
      const django = only(facts, 'django');
      assert.equal(django.invalidSpecifier, true);
      assert.deepEqual(django.clauses, [], 'half a specifier would widen the range');
      const problem = problemWith(facts.problems, '`==3.2.x`');
      assert.equal(textAt(text, problem.range), '==3.2.x');
      assert.match(problem.message, /Write `==3\.2\.\*`/);

      const flask = only(facts, 'flask');
      assert.equal(flask.invalidSpecifier, true);
      assert.equal(textAt(text, problemWith(facts.problems, '`<3.x`').range), '<3.x');
    },
  );

  itEachLineEnding(
    'reports versions without an operator, operators without versions and stray commas',
    'django 3.2\nflask>=\nrequests>=1,,<2\nnumpy~=1\nscipy>=1.0.*\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.equal(textAt(text, problemWith(facts.problems, 'no comparison').range), '3.2');
      assert.match(problemWith(facts.problems, 'no comparison').message, /`==3\.2`/);
      assert.equal(textAt(text, problemWith(facts.problems, 'no version').range), '>=');
      const comma = problemWith(facts.problems, 'comma');
      assert.equal(textAt(text, comma.range), ',');
      assert.equal(startOf(comma.range), '2:12');
      assert.equal(textAt(text, problemWith(facts.problems, '`~=1`').range), '~=1');
      assert.equal(textAt(text, problemWith(facts.problems, '`>=1.0.*`').range), '>=1.0.*');
      assert.deepEqual(
        facts.requirements.map((r) => [r.name, r.invalidSpecifier]),
        [
          ['django', true],
          ['flask', true],
          ['requests', true],
          ['numpy', true],
          ['scipy', true],
        ],
      );
    },
  );

  itEachLineEnding('reports unclosed extras and parentheses', 'a[b\nc (>=1\n', (text) => {
    const facts = parseRequirements(text);
    assert.equal(textAt(text, problemWith(facts.problems, 'extras').range), '[b');
    assert.equal(textAt(text, problemWith(facts.problems, 'parenthesis').range), '(>=1');
    assert.deepEqual(
      facts.requirements.map((r) => r.name),
      ['a', 'c'],
    );
  });
});

describe('requirements: markers, URLs and paths', () => {
  itEachLineEnding(
    'reads environment markers after the semicolon',
    'pywin32>=306 ; sys_platform == "win32"\ntomli; python_version < "3.11" and (os_name == \'nt\' or platform.machine == "x")\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      const pywin32 = only(facts, 'pywin32');
      assert.equal(pywin32.marker, 'sys_platform == "win32"');
      assert.equal(textAt(text, pywin32.markerRange), pywin32.marker);
      assert.deepEqual(clausesOf(pywin32), ['>=|306']);
      assert.equal(textAt(text, only(facts, 'tomli').markerRange), only(facts, 'tomli').marker);
    },
  );

  itEachLineEnding(
    'reports markers pip refuses',
    'a; python_version < "3" x\nb; (os_name == "nt"\nc; foo == "1"\nd ;\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.equal(textAt(text, problemWith(facts.problems, 'not `x`').range), 'x');
      assert.equal(textAt(text, problemWith(facts.problems, 'closing `)`').range), '"');
      assert.equal(textAt(text, problemWith(facts.problems, 'not `foo`').range), 'foo');
      assert.equal(textAt(text, problemWith(facts.problems, 'No environment marker').range), ';');
      assert.equal(facts.requirements.length, 4);
    },
  );

  itEachLineEnding(
    'reads `name @ URL` requirements with a marker',
    'pkg[extra] @ https://example.com/pkg-1.0.tar.gz#sha256=abc ; python_version >= "3.9"\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      const pkg = only(facts, 'pkg');
      assert.equal(pkg.url?.value, 'https://example.com/pkg-1.0.tar.gz#sha256=abc');
      assert.equal(textAt(text, pkg.url?.range), pkg.url?.value);
      assert.deepEqual(pkg.extras, ['extra']);
      assert.equal(pkg.marker, 'python_version >= "3.9"');
      assert.equal(pkg.specifier, '');
    },
  );

  itEachLineEnding(
    'records what URL, VCS and path lines tell, and flags none of them',
    [
      'git+https://github.com/org/repo.git@v1.2#egg=my_pkg',
      'https://example.com/numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.whl',
      './vendor/thing',
      'git+https://${TOKEN}@github.com/org/private.git',
      'file:///opt/wheels/x.zip',
      '',
    ].join('\n'),
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      const named = only(facts, 'my_pkg');
      assert.equal(named.normalizedName, 'my-pkg');
      assert.equal(textAt(text, named.nameRange), 'my_pkg');
      assert.equal(named.url?.value, 'git+https://github.com/org/repo.git@v1.2#egg=my_pkg');
      assert.equal(textAt(text, only(facts, 'numpy').nameRange), 'numpy');
      assert.deepEqual(
        (facts.unnamed ?? []).map((entry) => [entry.value, entry.editable, startOf(entry.range)]),
        [
          ['./vendor/thing', false, '2:0'],
          ['git+https://${TOKEN}@github.com/org/private.git', false, '3:0'],
          ['file:///opt/wheels/x.zip', false, '4:0'],
        ],
      );
    },
  );

  itEachLineEnding(
    'reads editable lines',
    '-e .\n--editable git+https://github.com/org/repo.git#egg=tool\n-e ./libs/core[dev]\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      const tool = only(facts, 'tool');
      assert.equal(tool.editable, true);
      assert.equal(textAt(text, tool.nameRange), 'tool');
      assert.deepEqual(
        (facts.unnamed ?? []).map((entry) => [
          entry.value,
          entry.editable,
          textAt(text, entry.range),
        ]),
        [
          ['.', true, '.'],
          ['./libs/core[dev]', true, './libs/core[dev]'],
        ],
      );
    },
  );

  it('reports a line that is neither a requirement nor a location', () => {
    const facts = parseRequirements('~=1.0\n"quoted"\n');
    assert.equal(facts.requirements.length, 0);
    assert.equal(facts.problems.length, 2);
    assert.match(facts.problems[0]?.message ?? '', /cannot read `~=1\.0`/);
  });
});

describe('requirements: comments, continuations and options', () => {
  itEachLineEnding(
    'drops comments but not a `#` inside a word',
    '# header\n  # indented\nflask==2.0  # pinned\nx==1#frag\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(clausesOf(only(facts, 'flask')), ['==|2.0']);
      assert.equal(textAt(text, only(facts, 'flask').range), 'flask==2.0');
      assert.equal(textAt(text, problemWith(facts.problems, '`==1#frag`').range), '==1#frag');
    },
  );

  itEachLineEnding(
    'joins continuation lines and keeps ranges on each physical line',
    'alembic==1.18.5 \\\n    --hash=sha256:aaa \\\n    --hash sha256:bbb\n    # via -r main.in\nrequests \\\n  >=2.31 \\\n  ; python_version >= "3.8"\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      const alembic = only(facts, 'alembic');
      assert.equal(alembic.line, 0);
      assert.deepEqual(
        (alembic.options ?? []).map((o) => [o.name, o.value, textAt(text, o.valueRange)]),
        [
          ['--hash', 'sha256:aaa', 'sha256:aaa'],
          ['--hash', 'sha256:bbb', 'sha256:bbb'],
        ],
      );
      assert.equal(startOf(alembic.options?.[1]?.range), '2:4');

      const requests = only(facts, 'requests');
      assert.deepEqual(clausesOf(requests), ['>=|2.31']);
      assert.equal(startOf(requests.clauses[0]?.range), '5:2');
      assert.equal(requests.marker, 'python_version >= "3.8"');
      assert.equal(startOf(requests.markerRange), '6:4');
    },
  );

  itEachLineEnding(
    'ends a continuation at a comment line, as pip does',
    'flask>=2.0, <3\\\n# a comment \\\nnumpy\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(clausesOf(only(facts, 'flask')), ['>=|2.0', '<|3']);
      assert.equal(only(facts, 'numpy').line, 2);
    },
  );

  itEachLineEnding(
    'reads includes in every spelling',
    '-r base.txt\n--requirement=dev.txt\n-rlocal.txt\n-c constraints.txt\n--constraint "my constraints.txt"\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        facts.includes.map((include) => [include.kind, include.path, textAt(text, include.range)]),
        [
          ['requirement', 'base.txt', 'base.txt'],
          ['requirement', 'dev.txt', 'dev.txt'],
          ['requirement', 'local.txt', 'local.txt'],
          ['constraint', 'constraints.txt', 'constraints.txt'],
          ['constraint', 'my constraints.txt', '"my constraints.txt"'],
        ],
      );
    },
  );

  itEachLineEnding(
    'reads option lines with their values',
    [
      '-i https://pypi.example/simple',
      '--extra-index-url=https://extra.example/simple --pre',
      '-f ./wheels',
      '--find-links https://example.com/links',
      '--no-binary :all:',
      '--only-binary=numpy,scipy',
      '--prefer-binary',
      '--require-hashes',
      '--trusted-host pypi.example',
      '--use-feature truststore',
      '--no-index',
      '--extra-index https://abbreviated.example',
      '',
    ].join('\n'),
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        (facts.options ?? []).map((o) => [
          o.name,
          o.value ?? null,
          textAt(text, o.valueRange) ?? null,
        ]),
        [
          ['--index-url', 'https://pypi.example/simple', 'https://pypi.example/simple'],
          ['--extra-index-url', 'https://extra.example/simple', 'https://extra.example/simple'],
          ['--pre', null, null],
          ['--find-links', './wheels', './wheels'],
          ['--find-links', 'https://example.com/links', 'https://example.com/links'],
          ['--no-binary', ':all:', ':all:'],
          ['--only-binary', 'numpy,scipy', 'numpy,scipy'],
          ['--prefer-binary', null, null],
          ['--require-hashes', null, null],
          ['--trusted-host', 'pypi.example', 'pypi.example'],
          ['--use-feature', 'truststore', 'truststore'],
          ['--no-index', null, null],
          ['--extra-index-url', 'https://abbreviated.example', 'https://abbreviated.example'],
        ],
      );
      assert.equal(textAt(text, facts.options?.[2]?.range), '--pre');
    },
  );

  itEachLineEnding(
    'reports options pip refuses or ignores',
    '--frobnicate\n--no :all:\n--pre=yes\n-r\nflask==2.0 --index-url x\n--pre stray\n-r "unterminated.txt\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.equal(
        textAt(text, problemWith(facts.problems, '`--frobnicate`').range),
        '--frobnicate',
      );
      assert.match(problemWith(facts.problems, 'could mean').message, /--no-index/);
      assert.equal(textAt(text, problemWith(facts.problems, 'takes no value').range), '--pre=yes');
      assert.equal(textAt(text, problemWith(facts.problems, 'needs a value').range), '-r');
      assert.equal(
        textAt(text, problemWith(facts.problems, 'ignores `--index-url`').range),
        '--index-url x',
      );
      assert.equal(textAt(text, problemWith(facts.problems, 'ignores `stray`').range), 'stray');
      assert.equal(
        textAt(text, problemWith(facts.problems, 'never closed').range),
        '"unterminated.txt',
      );
      assert.deepEqual(clausesOf(only(facts, 'flask')), ['==|2.0']);
    },
  );

  itEachLineEnding(
    'reads pip-compile input and output alike',
    '# requirements.in\n-c constraints.txt\ndjango>=4.2\n#\n# pip-compile output\ndjango==4.2.7 \\\n    --hash=sha256:abc\n    # via -r requirements.in\n',
    (text) => {
      const facts = parseRequirements(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        facts.requirements.map((r) => [r.name, r.specifier, r.line]),
        [
          ['django', '>=4.2', 2],
          ['django', '==4.2.7', 5],
        ],
      );
    },
  );
});

describe('requirements: malformed input', () => {
  it('reads empty and blank files as nothing', () => {
    for (const text of ['', '\n', '\r\n\r\n', '   \t', '\ufeff', '\\']) {
      const facts = parseRequirements(text);
      assert.deepEqual([facts.requirements, facts.problems], [[], []], JSON.stringify(text));
    }
  });

  it('skips a byte order mark and keeps ranges on the original text', () => {
    const text = '\ufeffdjango==4.2\n';
    const facts = parseRequirements(text);
    assert.deepEqual(facts.problems, []);
    const django = only(facts, 'django');
    assert.equal(startOf(django.nameRange), '0:1');
    assert.equal(textAt(text, django.nameRange), 'django');
  });

  it('reports NUL bytes and replacement characters without losing the other lines', () => {
    const text = 'flask==2.0\n\u0000\u0000\u0000\ndj\ufffdngo==1\nnumpy==1.26\n';
    const facts = parseRequirements(text);
    assert.deepEqual(
      facts.requirements.map((r) => r.name),
      ['flask', 'dj', 'numpy'],
    );
    assert.ok(facts.problems.length >= 2);
  });

  it('reads a 1 MB line and a 10,000-line file quickly', () => {
    const long = `django==${'1.'.repeat(500_000)}0\n${'x'.repeat(1_000_000)}\n`;
    const facts = parseRequirements(long);
    assert.equal(facts.requirements.length, 2);

    const lines = Array.from(
      { length: 10_000 },
      (_, i) => `package-${i}>=${i % 7}.${i},<${i + 1}.0`,
    );
    const many = parseRequirements(lines.join('\r\n'));
    assert.equal(many.requirements.length, 10_000);
    assert.deepEqual(many.problems, []);
    assert.equal(many.requirements[9_999]?.line, 9_999);
  });

  it('stops listing problems after a hundred, and says how many more there are', () => {
    const facts = parseRequirements('django 1\n'.repeat(500));
    assert.equal(facts.problems.length, 101);
    assert.match(facts.problems[100]?.message ?? '', /^400 more problems/);
    assert.equal(facts.requirements.length, 500);
  });

  it('copes with binary data', () => {
    let text = '';
    for (let i = 0; i < 20_000; i++) text += String.fromCharCode((i * 7919) % 256);
    const facts = parseRequirements(text);
    assert.ok(facts.problems.length <= 101);
  });
});
