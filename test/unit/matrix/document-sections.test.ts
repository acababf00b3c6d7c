import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledMatrix } from '../../../server/src/matrix/generated/bundledMatrix';

// The parts of the document that are not table rows, as the document gives them.

void describe('support tiers', () => {
  const tier = (number: number) => bundledMatrix.tiers.find((info) => info.tier === number);

  void it('describes tiers 1, 2 and 3 once each', () => {
    assert.deepEqual(
      bundledMatrix.tiers.map((info) => info.tier),
      [1, 2, 3],
    );
  });

  void it('gives each tier its title and promised reaction', () => {
    assert.equal(tier(1)?.title, 'Officially Tested');
    assert.equal(tier(2)?.title, 'Community Tested');
    assert.equal(tier(3)?.title, 'Expected Compatible');
    assert.deepEqual(tier(1)?.response, { kind: 'response-time', text: '1-2 business days' });
    assert.deepEqual(tier(2)?.response, { kind: 'fix-timeline', text: '2-4 weeks' });
    assert.deepEqual(tier(3)?.response, {
      kind: 'fix-timeline',
      text: '4 or more weeks, or sometimes longer',
    });
  });

  void it('keeps "What this means for you" in full', () => {
    assert.equal(
      tier(1)?.meaning,
      'Issues in Tier 1 frameworks are bugs and get fixed with SLA coverage. Security patches are ' +
        'prioritized for these frameworks, and comprehensive documentation is available. You can ' +
        'expect a response time of 1-2 business days for issues.',
    );
    assert.equal(
      tier(2)?.meaning,
      'Tier 2 frameworks are generally stable, though edge cases may exist. Issues are accepted ' +
        'but treated with lower priority than Tier 1. You can expect a fix timeline of 2-4 weeks. ' +
        'The community may provide workarounds before an official fix is available.',
    );
    assert.equal(
      tier(3)?.meaning,
      'Tier 3 frameworks receive no official support. Issues are reported as feature requests ' +
        'rather than bugs. The fix timeline is 4 or more weeks, or sometimes longer. You may need ' +
        'to work around issues yourself rather than waiting for an official fix.',
    );
  });

  void it('gives each tier its testing scope', () => {
    assert.match(tier(1)?.testingScope ?? '', /^Tier 1 testing verifies that your application /);
    assert.match(tier(1)?.testingScope ?? '', /\(no-shell, read-only FS, non-root\)/);
    assert.match(tier(2)?.testingScope ?? '', /may not be tested with the latest image version/);
    assert.match(tier(3)?.testingScope ?? '', /^No specific testing\./);
    assert.match(tier(3)?.testingScope ?? '', /any GLIBC-compatible application should run/);
  });

  void it('gives each tier its summary', () => {
    assert.match(tier(1)?.summary ?? '', /continuous integration pipeline/);
    assert.match(tier(2)?.summary ?? '', /validated by customers and community members/);
    assert.match(tier(3)?.summary ?? '', /Use at your own risk\.$/);
  });
});

void describe('known incompatibilities', () => {
  const incompatibilities = bundledMatrix.incompatibilities;

  void it('lists the six, numbered in the document order', () => {
    assert.deepEqual(
      incompatibilities.map((item) => [item.number, item.title]),
      [
        [1, 'Alpine Linux (musl) Applications'],
        [2, 'Node.js Native Modules (node-gyp)'],
        [3, 'Python C Extensions (numpy, psycopg2)'],
        [4, 'Statically-Linked Binaries'],
        [5, 'GUI/X11 Applications'],
        [6, 'Shell Depending Applications'],
      ],
    );
    assert.equal(new Set(incompatibilities.map((item) => item.id)).size, 6);
  });

  void it('gives the problems and symptoms', () => {
    const [alpine, native, extensions, , gui, shell] = incompatibilities;
    assert.equal(
      alpine?.problem,
      "CleanStart uses GLIBC, Alpine uses musl libc. Applications compiled for Alpine won't run.",
    );
    assert.match(
      alpine?.symptom ?? '',
      /^error: \/usr\/local\/bin\/myapp: no such file or directory/,
    );
    assert.equal(native?.problem, 'Native modules must be compiled for GLIBC, not musl.');
    assert.match(native?.symptom ?? '', /^Error: Could not locate the bindings file\n/);
    assert.match(extensions?.problem ?? '', /They must be compiled for GLIBC\.$/);
    assert.equal(gui?.problem, 'CleanStart is server-focused, no X11 stack.');
    assert.equal(shell?.problem, 'Some legacy applications assume a shell exists.');
    assert.match(shell?.symptom ?? '', /system\("echo hello"\)/);
  });

  void it('restores the line breaks of the examples', () => {
    const examples = incompatibilities.flatMap((item) =>
      item.workarounds.flatMap((workaround) => workaround.example ?? []),
    );
    assert.ok(examples.length >= 6);
    for (const example of examples) {
      for (const line of example.split('\n')) {
        assert.doesNotMatch(line, /\S\s*(FROM|RUN|COPY|ENTRYPOINT) /, `one instruction per line`);
      }
    }
    const alpine = incompatibilities[0]?.workarounds.map((workaround) => workaround.title);
    assert.deepEqual(alpine, ['Use GLIBC-compiled binaries', 'Rebuild from source']);
    const staticExample = incompatibilities[3]?.workarounds[0]?.example ?? '';
    assert.deepEqual(staticExample.split('\n'), [
      '# ✅ WORKS: Static binaries from Go, Rust, etc.',
      'FROM registry.cleanstart.com/golang:1.22-static',
      'COPY ./myapp-static /app/myapp',
      'ENTRYPOINT ["/app/myapp"]',
    ]);
    const subprocessExample = incompatibilities[5]?.workarounds[0]?.example ?? '';
    assert.deepEqual(subprocessExample.split('\n').slice(1), [
      'import subprocess',
      "result = subprocess.run(['echo', 'hello'], capture_output=True)",
    ]);
  });
});

void describe('GLIBC, performance and quick reference', () => {
  void it('sets the GLIBC floor at 2.31', () => {
    assert.equal(bundledMatrix.glibc.minimum, '2.31');
    assert.match(bundledMatrix.glibc.note, /ldd --version/);
  });

  void it('parses the startup times into milliseconds', () => {
    assert.deepEqual(
      bundledMatrix.performance.startup.map((figure) => [
        figure.subject,
        figure.language,
        figure.cold?.text,
        figure.cold?.ms,
        figure.warm?.text,
        figure.warm?.ms,
      ]),
      [
        ['Python (Flask)', 'python', '500-800ms', [500, 800], '200-400ms', [200, 400]],
        ['Node.js (Express)', 'node', '300-600ms', [300, 600], '100-300ms', [100, 300]],
        ['Go', 'go', '50-100ms', [50, 100], '50-100ms', [50, 100]],
        ['Java (Spring Boot)', 'java', '2-5s', [2000, 5000], '2-5s (JVM warmup)', [2000, 5000]],
        ['Rust (Actix)', 'rust', '100-200ms', [100, 200], '100-200ms', [100, 200]],
      ],
    );
  });

  void it('parses the idle memory into megabytes', () => {
    assert.deepEqual(
      bundledMatrix.performance.memory.map((figure) => [
        figure.subject,
        figure.language,
        figure.memory?.text,
        figure.memory?.mb,
      ]),
      [
        ['Go binary', 'go', '5-20MB', [5, 20]],
        ['Node.js app', 'node', '30-80MB', [30, 80]],
        ['Python app', 'python', '50-150MB', [50, 150]],
        ['Java app', 'java', '200-500MB', [200, 500]],
        ['Rust binary', 'rust', '10-50MB', [10, 50]],
      ],
    );
    assert.match(bundledMatrix.performance.note, /^These are typical values\./);
  });

  void it('gives the quick reference per language', () => {
    const text = bundledMatrix.quickReference.map(
      (item) =>
        `${item.language}: ${item.versions
          .map((entry) => (entry.label ? `${entry.version} (${entry.label})` : entry.version))
          .join(', ')}`,
    );
    assert.deepEqual(text, [
      'python: 3.12 (latest), 3.11 (LTS), 3.10 (migration path)',
      'node: 20 LTS (latest), 18 LTS (previous)',
      'go: 1.22+ (latest 2-3 versions)',
      'java: 21 LTS (11-year support), 17 LTS (10-year support)',
      'rust: Latest stable (6-week release cycle)',
      'dotnet: 8 LTS, 6 LTS',
      'ruby: 3.3, 3.2',
      'php: 8.3, 8.2 LTS',
    ]);
  });
});

void describe('report template', () => {
  void it('restores the line breaks and keeps the placeholders', () => {
    const lines = bundledMatrix.reportTemplate.split('\n');
    assert.equal(lines[0], 'Title: [Framework] [Version] incompatibility');
    for (const expected of [
      'Image: registry.cleanstart.com/python:3.12-stable',
      'Framework: Django 4.2.7',
      'Container Runtime: Docker 24.0.6',
      'Host OS: Ubuntu 22.04',
      'Issue:',
      '[Description]',
      'Reproduction:',
      '[Steps to reproduce]',
      'Expected:',
      '[What should happen]',
      'Actual:',
      '[What happens instead]',
      'Error:',
      '[Full error message]',
    ]) {
      assert.ok(lines.includes(expected), expected);
    }
  });
});
