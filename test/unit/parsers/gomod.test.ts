import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoMod } from '../../../server/src/parsers/gomod';
import type { GoModFacts, Located } from '../../../server/src/parsers/types';
import { itEachLineEnding, problemWith, startOf, textAt } from './lineEndings';

function requires(facts: GoModFacts): string[] {
  return facts.requires.map((r) => `${r.path} ${r.version}${r.indirect ? ' indirect' : ''}`);
}

function written(text: string, located: Located | undefined): [string, string] | undefined {
  return located ? [located.value, textAt(text, located.range) ?? ''] : undefined;
}

describe('go.mod: module, go and toolchain', () => {
  itEachLineEnding(
    'reads the module path, the go version and the toolchain',
    '// The service.\nmodule example.com/service // trailing\n\ngo 1.22.1\n\ntoolchain go1.22.3\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(written(text, facts.module), ['example.com/service', 'example.com/service']);
      assert.deepEqual(written(text, facts.go), ['1.22.1', '1.22.1']);
      assert.deepEqual(written(text, facts.toolchain), ['1.22.3', '1.22.3']);
      assert.equal(startOf(facts.toolchain?.range), '5:12');
    },
  );

  it('reads quoted and raw module paths, ranges inside the quotes', () => {
    const quoted = parseGoMod('module "example.com/my mod"\n');
    assert.equal(quoted.module?.value, 'example.com/my mod');
    assert.equal(startOf(quoted.module?.range), '0:8');
    const raw = parseGoMod('module `example.com/raw`\n');
    assert.deepEqual(written('module `example.com/raw`\n', raw.module), [
      'example.com/raw',
      'example.com/raw',
    ]);
    const escaped = parseGoMod('module "example.com/\\x41\\u00e9\\101\\t"\n');
    assert.equal(escaped.module?.value, 'example.com/Aé\x41\t');
    assert.deepEqual(escaped.problems, []);
  });

  it('reads every toolchain spelling', () => {
    assert.equal(parseGoMod('toolchain go1.21rc1\n').toolchain?.value, '1.21rc1');
    assert.equal(parseGoMod('toolchain gccgo-go1.20.3\n').toolchain?.value, '1.20.3');
    for (const name of ['default', 'local']) {
      const facts = parseGoMod(`toolchain ${name}\n`);
      assert.equal(facts.toolchain, undefined);
      assert.deepEqual(facts.problems, []);
    }
    const bad = parseGoMod('toolchain 1.22\n');
    assert.equal(bad.toolchain, undefined);
    assert.match(problemWith(bad.problems, '`1.22`').message, /go1\.23\.0/);
  });

  itEachLineEnding(
    'reports go versions the go command refuses, with a fix when one is plain',
    'go go1.22\ngo 1.22.x\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.match(problemWith(facts.problems, '`go1.22`').message, /Write `go 1\.22`/);
      assert.match(problemWith(facts.problems, 'only once').message, /`go`/);
      assert.equal(facts.go, undefined);
    },
  );

  it('reports a repeated module, even when the first was unreadable', () => {
    const facts = parseGoMod('module\nmodule example.com/a\n');
    assert.equal(facts.module, undefined);
    assert.equal(facts.problems.length, 2);
    assert.match(problemWith(facts.problems, 'only once').message, /`module`/);
  });
});

describe('go.mod: require and exclude', () => {
  itEachLineEnding(
    'reads single-line and block requirements with their indirect marks',
    [
      'module example.com/m',
      'require github.com/a/b v1.2.3 // indirect',
      'require (',
      '\tgithub.com/c/d v0.0.0-20230101120000-abcdef123456',
      '\tgithub.com/docker/docker v28.0.0+incompatible // indirect; used by tests',
      '\tgolang.org/x/sys v0.20.0 //indirect',
      '\tgithub.com/e/f v1.0.0 // not indirect',
      '\t// a comment line inside the block',
      '\t"github.com/quoted/path" `v1.0.0`',
      '\tgopkg.in/yaml.v3 v3.0.1',
      '\tgithub.com/g/h/v2 v2.1.0',
      ')',
      '',
    ].join('\n'),
    (text) => {
      const facts = parseGoMod(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(requires(facts), [
        'github.com/a/b v1.2.3 indirect',
        'github.com/c/d v0.0.0-20230101120000-abcdef123456',
        'github.com/docker/docker v28.0.0+incompatible indirect',
        'golang.org/x/sys v0.20.0 indirect',
        'github.com/e/f v1.0.0',
        'github.com/quoted/path v1.0.0',
        'gopkg.in/yaml.v3 v3.0.1',
        'github.com/g/h/v2 v2.1.0',
      ]);
      for (const requirement of facts.requires) {
        assert.equal(textAt(text, requirement.pathRange), requirement.path);
        assert.equal(textAt(text, requirement.versionRange), requirement.version);
      }
      assert.equal(textAt(text, facts.requires[0]?.range), 'require github.com/a/b v1.2.3');
      assert.equal(startOf(facts.requires[5]?.pathRange), '8:2');
    },
  );

  itEachLineEnding(
    'reads exclusions',
    'exclude example.com/bad v1.0.1\nexclude (\n\texample.com/bad v1.0.2\n)\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        (facts.exclusions ?? []).map((e) => [written(text, e.path), written(text, e.version)]),
        [
          [
            ['example.com/bad', 'example.com/bad'],
            ['v1.0.1', 'v1.0.1'],
          ],
          [
            ['example.com/bad', 'example.com/bad'],
            ['v1.0.2', 'v1.0.2'],
          ],
        ],
      );
      assert.equal(facts.requires.length, 0);
    },
  );

  itEachLineEnding(
    'reports versions the go command refuses',
    'require (\n\texample.com/x 1.2.3\n\texample.com/m/v2 v1.0.0\n\texample.com/n v2.0.0\n\texample.com/o v1.0.0+incompatible\n\texample.com/p v01.0.0\n\texample.com/q\n\texample.com/r v1.0.0 extra\n)\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.match(problemWith(facts.problems, '`1.2.3`').message, /Write `v1\.2\.3`/);
      assert.equal(textAt(text, problemWith(facts.problems, 'only v2').range), 'v1.0.0');
      assert.match(problemWith(facts.problems, '`v2.0.0`').message, /\/v2/);
      assert.equal(textAt(text, problemWith(facts.problems, '`v01.0.0`').range), 'v01.0.0');
      const usages = facts.problems.filter((p) => p.message.includes('expects `require'));
      assert.deepEqual(
        usages.map((p) => textAt(text, p.range)),
        ['example.com/q', 'example.com/r v1.0.0 extra'],
      );
      assert.deepEqual(requires(facts), ['example.com/o v1.0.0+incompatible']);
    },
  );
});

describe('go.mod: replace, retract, tool, godebug and ignore', () => {
  itEachLineEnding(
    'reads every form of replace',
    [
      'replace example.com/a => ../a',
      'replace example.com/b v1.0.0 => example.com/fork v1.1.0',
      'replace example.com/c => example.com/fork v1.2.0',
      'replace (',
      '\texample.com/d v1.0.0 => ./d',
      '\texample.com/e => C:\\src\\e',
      ')',
      '',
    ].join('\n'),
    (text) => {
      const facts = parseGoMod(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        (facts.replacements ?? []).map((r) => [
          r.old.value,
          r.oldVersion?.value ?? '',
          r.new.value,
          r.newVersion?.value ?? '',
        ]),
        [
          ['example.com/a', '', '../a', ''],
          ['example.com/b', 'v1.0.0', 'example.com/fork', 'v1.1.0'],
          ['example.com/c', '', 'example.com/fork', 'v1.2.0'],
          ['example.com/d', 'v1.0.0', './d', ''],
          ['example.com/e', '', 'C:\\src\\e', ''],
        ],
      );
      const second = facts.replacements?.[1];
      assert.equal(textAt(text, second?.newVersion?.range), 'v1.1.0');
      assert.equal(
        textAt(text, second?.range),
        'replace example.com/b v1.0.0 => example.com/fork v1.1.0',
      );
    },
  );

  itEachLineEnding(
    'reports replacements the go command refuses',
    'replace example.com/a => example.com/b\nreplace example.com/a => ../a v1.0.0\nreplace example.com/a ../a\nreplace example.com/a => example.com/b@v1.0.0\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.equal(
        textAt(text, problemWith(facts.problems, '`example.com/b`').range),
        'example.com/b',
      );
      assert.equal(textAt(text, problemWith(facts.problems, 'takes no version').range), 'v1.0.0');
      assert.equal(
        textAt(text, problemWith(facts.problems, 'expects `replace').range),
        'replace example.com/a ../a',
      );
      assert.match(problemWith(facts.problems, 'path@version').message, /not `path@version`/);
      assert.deepEqual(facts.replacements, []);
    },
  );

  itEachLineEnding(
    'reads retractions with their rationale',
    [
      'module example.com/m',
      'retract v1.0.0 // published by mistake',
      '// Broken build.',
      '// Do not use.',
      'retract [v1.1.0, v1.1.5]',
      '',
      '// Security hole in all of these.',
      'retract (',
      '\tv1.2.0',
      '\t[ v1.3.0 , v1.3.2 ] // own reason',
      ')',
      'retract v1.4.0',
      '',
    ].join('\n'),
    (text) => {
      const facts = parseGoMod(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        (facts.retractions ?? []).map((r) => [r.low.value, r.high.value, r.rationale]),
        [
          ['v1.0.0', 'v1.0.0', 'published by mistake'],
          ['v1.1.0', 'v1.1.5', 'Broken build.\nDo not use.'],
          ['v1.2.0', 'v1.2.0', 'Security hole in all of these.'],
          ['v1.3.0', 'v1.3.2', 'own reason'],
          ['v1.4.0', 'v1.4.0', undefined],
        ],
      );
      const interval = facts.retractions?.[1];
      assert.equal(textAt(text, interval?.high.range), 'v1.1.5');
      assert.equal(textAt(text, interval?.range), 'retract [v1.1.0, v1.1.5]');
    },
  );

  it('reports malformed retractions', () => {
    const facts = parseGoMod('retract [v1.0.0 v1.1.0]\nretract v1.0.0 v1.1.0\nretract latest\n');
    assert.equal(facts.problems.length, 3);
    assert.deepEqual(facts.retractions, []);
  });

  itEachLineEnding(
    'reads tools, godebug settings and ignored directories',
    'tool golang.org/x/tools/cmd/stringer\ntool (\n\texample.com/cmd/a\n\texample.com/cmd/b\n)\ngodebug default=go1.21\ngodebug (\n\tpanicnil=1\n)\nignore ./node_modules\nignore (\n\t./docs\n)\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.deepEqual(facts.problems, []);
      assert.deepEqual(
        (facts.tools ?? []).map((tool) => written(text, tool)?.[1]),
        ['golang.org/x/tools/cmd/stringer', 'example.com/cmd/a', 'example.com/cmd/b'],
      );
      assert.deepEqual(
        (facts.godebug ?? []).map((setting) => [
          written(text, setting.key),
          written(text, setting.value),
        ]),
        [
          [
            ['default', 'default'],
            ['go1.21', 'go1.21'],
          ],
          [
            ['panicnil', 'panicnil'],
            ['1', '1'],
          ],
        ],
      );
      assert.deepEqual(
        (facts.ignores ?? []).map((ignore) => ignore.value),
        ['./node_modules', './docs'],
      );
    },
  );

  it('reports godebug lines that are not key=value', () => {
    const facts = parseGoMod('godebug panicnil\ngodebug =1\ngodebug "a=1"\n');
    assert.equal(facts.problems.length, 3);
    assert.deepEqual(facts.godebug, []);
  });
});

describe('go.mod: structure and recovery', () => {
  itEachLineEnding(
    'reports an unknown directive and reads on',
    'module example.com/m\nfrobnicate x y\nrequire example.com/a v1.0.0\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.equal(textAt(text, problemWith(facts.problems, '`frobnicate`').range), 'frobnicate');
      assert.deepEqual(requires(facts), ['example.com/a v1.0.0']);
    },
  );

  itEachLineEnding(
    'reports a stray `)` and an unterminated block, keeping what the block held',
    ')\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.1.0\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.equal(startOf(problemWith(facts.problems, 'closes no block').range), '0:0');
      assert.equal(textAt(text, problemWith(facts.problems, 'never closed').range), '(');
      assert.deepEqual(requires(facts), ['example.com/a v1.0.0', 'example.com/b v1.1.0']);
    },
  );

  itEachLineEnding(
    'ends an unclosed block at the next directive',
    'require (\n\texample.com/a v1.0.0\ngo 1.22\nreplace example.com/a => ../a\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.equal(facts.problems.length, 1);
      assert.match(facts.problems[0]?.message ?? '', /never closed/);
      assert.equal(facts.go?.value, '1.22');
      assert.equal(facts.replacements?.length, 1);
    },
  );

  itEachLineEnding(
    'reads blocks that open and close on unusual lines',
    'require (example.com/a v1.0.0\n\texample.com/b v1.0.0 )\nexclude ()\nrequire (\n) // done\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.deepEqual(requires(facts), ['example.com/a v1.0.0', 'example.com/b v1.0.0']);
      assert.equal(facts.problems.length, 1);
      assert.match(facts.problems[0]?.message ?? '', /`\)` on a line of its own/);
    },
  );

  it('reports blocks the go command does not know', () => {
    const facts = parseGoMod(
      'go (\n\t1.22\n)\nrequire foo (\n\tx v1.0.0\n)\nfrobnicate (\n\tx\n)\n',
    );
    assert.equal(facts.problems.length, 3);
    assert.match(facts.problems[0]?.message ?? '', /`go` takes no block/);
    assert.equal(facts.go, undefined);
    assert.deepEqual(facts.requires, []);
  });

  it('reports text after a closing `)`', () => {
    const facts = parseGoMod('require (\n\texample.com/a v1.0.0\n) example.com/b v1.0.0\n');
    assert.equal(facts.problems.length, 1);
    assert.equal(
      textAt(
        'require (\n\texample.com/a v1.0.0\n) example.com/b v1.0.0\n',
        facts.problems[0]?.range,
      ),
      'example.com/b v1.0.0',
    );
  });

  itEachLineEnding(
    'reports lexical errors and reads the rest of the file',
    'module "example.com/m\nrequire example.com/a "v1.0.\\q"\n/* block\ncomment */\nrequire example.com/b v1.0.0\nrequire exa"mple.com/c v1.0.0\nrequire example.com/\u00a0d v1.0.0\n',
    (text) => {
      const facts = parseGoMod(text);
      assert.equal(
        textAt(text, problemWith(facts.problems, 'string is never closed').range),
        '"example.com/m',
      );
      assert.equal(textAt(text, problemWith(facts.problems, 'escape sequence').range), '\\q');
      assert.match(problemWith(facts.problems, '`//` comments').message, /`\/\*`/);
      assert.equal(
        textAt(text, problemWith(facts.problems, 'quotes inside').range),
        'exa"mple.com/c',
      );
      assert.equal(textAt(text, problemWith(facts.problems, 'U+00A0').range), '\u00a0');
      assert.ok(facts.requires.some((r) => r.path === 'example.com/b'));
    },
  );

  it('reads empty, blank and comment-only files as nothing', () => {
    for (const text of ['', '\n', '\ufeff', '// only a comment', '\r\n\t \r\n']) {
      const facts = parseGoMod(text);
      assert.deepEqual([facts.module, facts.requires, facts.problems], [undefined, [], []]);
    }
  });

  it('skips a byte order mark, keeping ranges on the original text', () => {
    const text = '\ufeffmodule example.com/m\n';
    const facts = parseGoMod(text);
    assert.deepEqual(facts.problems, []);
    assert.equal(startOf(facts.module?.range), '0:8');
  });

  it('copes with NUL bytes, binary data and replacement characters', () => {
    const nul = parseGoMod('module example.com/m\n\u0000\u0000\nrequire example.com/a v1.0.0\n');
    assert.equal(nul.requires.length, 1);
    assert.match(nul.problems[0]?.message ?? '', /U\+0000/);

    const replaced = parseGoMod('module example.com/\ufffd\n');
    assert.equal(replaced.module?.value, 'example.com/\ufffd');

    let binary = '';
    for (let i = 0; i < 50_000; i++) binary += String.fromCharCode((i * 7919) % 65_536);
    const facts = parseGoMod(binary);
    assert.ok(facts.problems.length <= 101);
  });

  it('reads a 1 MB line and a 10,000-line file quickly', () => {
    const long = parseGoMod(`module ${'a'.repeat(1_000_000)}\nmodule "${'\\q'.repeat(300_000)}`);
    assert.equal(long.module?.value.length, 1_000_000);
    assert.equal(long.problems.length, 101);

    const lines = Array.from(
      { length: 10_000 },
      (_, i) => `\texample.com/p${i} v1.${i}.0 // indirect`,
    );
    const many = parseGoMod(`module m\r\nrequire (\r\n${lines.join('\r\n')}\r\n)\r\n`);
    assert.equal(many.requires.length, 10_000);
    assert.deepEqual(many.problems, []);
    assert.equal(startOf(many.requires[9_999]?.versionRange), '10001:19');
  });
});
