import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { AnalyzedParams } from '../../server/src/lsp/protocol';
import { LanguageServer, messageOf } from './support/languageServer';

/** `rule@line:character`, 0-based, for compact assertions. */
function keys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`,
  );
}

describe('diagnostics of open documents', () => {
  let server: LanguageServer;
  before(async () => {
    server = await LanguageServer.start();
  });
  after(async () => {
    await server.stop();
  });

  it('are published on open for each kind of file, with their rule, link and tags', async () => {
    const files: [string, string, string, string][] = [
      ['file:///project/Dockerfile', 'dockerfile', 'FROM python:3.9\n', 'runtime-support@0:12'],
      ['file:///project/Containerfile', 'plaintext', 'FROM python:3.9\n', 'runtime-support@0:12'],
      ['file:///project/api.dockerfile', 'dockerfile', 'FROM python:3.9\n', 'runtime-support@0:12'],
      [
        'file:///project/Dockerfile.prod',
        'dockerfile',
        'FROM python:3.9\n',
        'runtime-support@0:12',
      ],
      [
        'file:///project/package.json',
        'json',
        '{ "engines": { "node": "14" } }',
        'runtime-support@0:24',
      ],
      [
        'file:///project/requirements.txt',
        'pip-requirements',
        'django==3.2\n',
        'dependency-support@0:6',
      ],
      [
        'file:///project/requirements/dev.txt',
        'pip-requirements',
        'django==3.2\n',
        'dependency-support@0:6',
      ],
      ['file:///project/requirements.in', 'plaintext', 'django==3.2\n', 'dependency-support@0:6'],
      [
        'file:///project/go.mod',
        'go.mod',
        'module example.com/app\n\ngo 1.19\n',
        'runtime-support@2:3',
      ],
      ['untitled:Untitled-1', 'dockerfile', 'FROM python:3.9\n', 'runtime-support@0:12'],
    ];
    for (const [uri, languageId, text, expected] of files) {
      const mark = server.mark();
      await server.open(uri, languageId, text);
      const published = await server.diagnostics(uri, () => true, mark);
      assert.equal(published.version, 1, uri);
      assert.ok(
        keys(published.diagnostics).includes(expected),
        `${uri}: ${keys(published.diagnostics).join(', ')}`,
      );
      await server.close(uri);
    }
  });

  it('carry what editors show', async () => {
    const uri = 'file:///project/shapes/Dockerfile';
    const mark = server.mark();
    await server.open(
      uri,
      'dockerfile',
      'ARG VERSION=3.9\nFROM python:${VERSION}\nCMD python app.py\n',
    );
    const { diagnostics } = await server.diagnostics(uri, () => true, mark);
    const runtime = diagnostics.find((d) => d.code === 'runtime-support');
    assert.ok(runtime, keys(diagnostics).join(', '));
    assert.equal(runtime.source, 'cleanstart');
    assert.equal(
      runtime.codeDescription?.href,
      'https://github.com/cleanstart/cleanstart-compat/blob/main/docs/rules/runtime-support.md',
    );
    assert.deepEqual(runtime.tags, [2], 'ended support is drawn struck through');
    assert.match(messageOf(runtime), /Python 3\.9 is Tier 3 on CleanStart/);
    assert.equal(runtime.relatedInformation?.[0]?.location.uri, uri);
    assert.match(runtime.relatedInformation?.[0]?.message ?? '', /ARG VERSION/);
    assert.ok(
      diagnostics.some((d) => d.code === 'shell-form'),
      keys(diagnostics).join(', '),
    );
    await server.close(uri);
  });

  it('leave files of other kinds alone', async () => {
    const uri = 'file:///project/README.md';
    const mark = server.mark();
    await server.open(uri, 'markdown', 'FROM python:3.9\n');
    const probe = 'file:///project/probe/Dockerfile';
    await server.open(probe, 'dockerfile', 'FROM python:3.12\n');
    await server.diagnostics(probe, () => true, mark);
    assert.deepEqual(
      server
        .received<PublishDiagnosticsParams>('textDocument/publishDiagnostics', mark)
        .filter((p) => p.uri === uri),
      [],
    );
    await server.close(uri);
    await server.close(probe);
  });

  it('analyse a burst of changes once, after the last', async () => {
    const uri = 'file:///project/burst/Dockerfile';
    let mark = server.mark();
    await server.open(uri, 'dockerfile', 'FROM python:3.12\n');
    await server.waitFor<AnalyzedParams>(
      'cleanstart/analyzed',
      (p) => p.uri === uri && p.version === 1,
      mark,
    );

    mark = server.mark();
    // Typing "3.9" over the tag "3.12", a keystroke at a time.
    const keystrokes = [
      { range: { start: { line: 0, character: 12 }, end: { line: 0, character: 16 } }, text: '3' },
      { range: { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } }, text: '.' },
      { range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } }, text: '9' },
    ];
    for (const [index, keystroke] of keystrokes.entries()) {
      await server.change(uri, index + 2, [keystroke]);
    }
    await server.waitFor<AnalyzedParams>(
      'cleanstart/analyzed',
      (p) => p.uri === uri && p.version === 4,
      mark,
    );
    const published = await server.diagnostics(uri, (p) => p.version === 4, mark);
    assert.deepEqual(keys(published.diagnostics), ['runtime-support@0:12']);
    const analyses = server
      .received<AnalyzedParams>('cleanstart/analyzed', mark)
      .filter((p) => p.uri === uri);
    assert.deepEqual(
      analyses.map((p) => p.version),
      [4],
      'one analysis for the burst',
    );
    await server.close(uri);
  });

  it('apply incremental changes in every line ending', async () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const uri = `file:///project/endings-${lineBreak.length}-${lineBreak.charCodeAt(0)}/Dockerfile`;
      let mark = server.mark();
      await server.open(
        uri,
        'dockerfile',
        `FROM python:3.12${lineBreak}CMD ["python", "a.py"]${lineBreak}`,
      );
      await server.diagnostics(uri, (p) => p.version === 1, mark);
      mark = server.mark();
      await server.change(uri, 2, [
        {
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } },
          text: 'CMD python a.py',
        },
      ]);
      const published = await server.diagnostics(uri, (p) => p.version === 2, mark);
      assert.deepEqual(keys(published.diagnostics), ['shell-form@1:4'], JSON.stringify(lineBreak));
      await server.close(uri);
    }
  });

  it('are cleared when a document closes, and follow a rename', async () => {
    const uri = 'file:///project/rename/Dockerfile';
    let mark = server.mark();
    await server.open(uri, 'dockerfile', 'FROM python:3.9\n');
    await server.diagnostics(uri, (p) => p.diagnostics.length > 0, mark);

    // Editors rename as a close of the old name and an open of the new one.
    mark = server.mark();
    const renamed = 'file:///project/rename/Dockerfile.old';
    await server.close(uri);
    await server.open(renamed, 'dockerfile', 'FROM python:3.9\n');
    const cleared = await server.diagnostics(uri, () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
    const moved = await server.diagnostics(renamed, () => true, mark);
    assert.deepEqual(keys(moved.diagnostics), ['runtime-support@0:12']);
    await server.close(renamed);
  });

  it('turn bad input into findings, never a crash', async () => {
    const inputs: [string, string][] = [
      ['file:///project/bad/package.json', '{ "dependencies": { "express": '],
      ['file:///project/bad/Dockerfile', '\uFEFFFROM python:3.9\r\nRUN \\'],
      ['file:///project/binary/Dockerfile', 'FROM \u0000\u0001\u0002python'],
      ['file:///project/bad/go.mod', 'module\n\ngo one.twenty\nrequire (\n'],
      ['file:///project/bad/requirements.txt', '-r\n===\ndjango==\n'],
    ];
    for (const [uri, text] of inputs) {
      const mark = server.mark();
      await server.open(uri, 'plaintext', text);
      const published = await server.diagnostics(uri, () => true, mark);
      assert.ok(Array.isArray(published.diagnostics), uri);
      await server.close(uri);
    }
    const binary = server
      .received<PublishDiagnosticsParams>('textDocument/publishDiagnostics')
      .filter((p) => p.uri === 'file:///project/binary/Dockerfile' && p.diagnostics.length > 0)[0];
    assert.match(messageOf(binary?.diagnostics[0]), /binary/);
    const errors = server
      .received<{ type: number; message: string }>('window/logMessage')
      .filter((m) => m.type === 1);
    assert.deepEqual(errors, []);
  });
});
