import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzedParams } from '../../server/src/lsp/protocol';
import { LanguageServer } from './support/languageServer';

function keys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`,
  );
}

/** A document as the fake editor holds it, kept in step with what the server was sent. */
class EditorDocument {
  private document: TextDocument;

  constructor(
    private readonly server: LanguageServer,
    readonly uri: string,
    languageId: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, languageId, 1, text);
  }

  get text(): string {
    return this.document.getText();
  }

  async open(): Promise<Diagnostic[]> {
    const mark = this.server.mark();
    await this.server.open(this.uri, this.document.languageId, this.text);
    return (await this.server.diagnostics(this.uri, (p) => p.version === 1, mark)).diagnostics;
  }

  /** Applies edits as the editor does and sends the new text; resolves with the new diagnostics. */
  async apply(edits: TextEdit[]): Promise<Diagnostic[]> {
    const version = this.document.version + 1;
    const text = TextDocument.applyEdits(this.document, edits);
    this.document = TextDocument.create(this.uri, this.document.languageId, version, text);
    const mark = this.server.mark();
    await this.server.change(this.uri, version, [{ text }]);
    await this.server.waitFor<AnalyzedParams>(
      'cleanstart/analyzed',
      (p) => p.uri === this.uri && p.version === version,
      mark,
    );
    return (await this.server.diagnostics(this.uri, (p) => p.version === version, mark))
      .diagnostics;
  }

  actions(diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return this.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: this.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
  }

  editsOf(action: CodeAction): TextEdit[] {
    const edits = action.edit?.changes?.[this.uri];
    assert.ok(edits && edits.length > 0, `"${action.title}" edits this document`);
    return edits;
  }
}

describe('language features over the connection', () => {
  let server: LanguageServer;
  before(async () => {
    server = await LanguageServer.start();
  });
  after(async () => {
    await server.stop();
  });

  it('hover describes the version under the cursor', async () => {
    const document = new EditorDocument(
      server,
      'file:///project/hover/Dockerfile',
      'dockerfile',
      'FROM python:3.10-slim\n',
    );
    await document.open();
    const hover: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: document.uri },
      position: { line: 0, character: 13 },
    });
    assert.ok(hover);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(
      contents.value,
      /^\*\*Python 3\.10\*\* — Tier 2 \(community tested\), support ended/,
    );
    assert.match(contents.value, /\*\*Recommended:\*\* Python 3\.12/);
    assert.deepEqual(hover.range, {
      start: { line: 0, character: 5 },
      end: { line: 0, character: 21 },
    });

    const nothing = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: document.uri },
      position: { line: 0, character: 1 },
    });
    assert.equal(nothing, null);
    await server.close(document.uri);
  });

  it('hover sees the latest edit even before the delay has passed', async () => {
    const document = new EditorDocument(
      server,
      'file:///project/hover-latest/requirements.txt',
      'pip-requirements',
      'flask==3.0\n',
    );
    await document.open();
    await server.change(document.uri, 2, [{ text: 'django==3.2\n' }]);
    const hover: Hover | null = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: document.uri },
      position: { line: 0, character: 2 },
    });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Django ==3\.2/);
    await server.close(document.uri);
  });

  it('a quick fix clears its finding and adds none', async () => {
    const document = new EditorDocument(
      server,
      'file:///project/fix/Dockerfile',
      'dockerfile',
      'FROM python:3.9 AS build\nRUN ["pip", "install", "django==3.2"]\nFROM gcr.io/distroless/python3\n',
    );
    const before = await document.open();
    const runtime = before.find((d) => d.code === 'runtime-support');
    assert.ok(runtime, keys(before).join(', '));

    const actions = await document.actions(runtime, ['quickfix']);
    const preferred = actions.filter((action) => action.isPreferred === true);
    assert.equal(preferred.length, 1, actions.map((a) => a.title).join('; '));
    const fix = preferred[0] as CodeAction;
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(
      fix.diagnostics?.map((d) => d.code),
      ['runtime-support'],
    );

    const after = await document.apply(document.editsOf(fix));
    assert.equal(document.text.split('\n')[0], 'FROM python:3.12 AS build');
    assert.deepEqual(
      keys(after),
      keys(before).filter((key) => key !== keys([runtime])[0]),
    );
    await server.close(document.uri);
  });

  it('a waiver comment hides the finding and adds none', async () => {
    const document = new EditorDocument(
      server,
      'file:///project/waive/requirements.txt',
      'pip-requirements',
      'flask>=3\n  django==3.2\n',
    );
    const before = await document.open();
    const dependency = before.find((d) => d.code === 'dependency-support');
    assert.ok(dependency);
    const actions = await document.actions(dependency);
    const waiver = actions.find((action) => action.title === 'Ignore dependency-support here');
    assert.ok(waiver, actions.map((a) => a.title).join('; '));
    const after = await document.apply(document.editsOf(waiver));
    assert.equal(
      document.text,
      'flask>=3\n  # cleanstart-ignore dependency-support -- <reason>\n  django==3.2\n',
    );
    assert.deepEqual(keys(after), []);
    await server.close(document.uri);
  });

  it('package.json explains where its waivers go', async () => {
    const document = new EditorDocument(
      server,
      'file:///project/waive/package.json',
      'json',
      '{ "engines": { "node": "14" } }\n',
    );
    const [runtime] = await document.open();
    assert.ok(runtime);
    const actions = await document.actions(runtime);
    const waiver = actions.find((action) => action.title === 'Ignore runtime-support here');
    assert.match(waiver?.disabled?.reason ?? '', /\.cleanstart\.yaml/);
    await server.close(document.uri);
  });

  it('fix all applies every preferred fix and the file comes back clean of them', async () => {
    const document = new EditorDocument(
      server,
      'file:///project/fix-all/requirements.txt',
      'pip-requirements',
      'flask==2.0\ndjango==3.2\nnumpy==1.20\n',
    );
    const before = await document.open();
    assert.equal(
      before.filter((d) => d.code === 'dependency-support').length,
      3,
      keys(before).join(', '),
    );
    const actions = await document.actions(before[0] as Diagnostic, ['source.fixAll']);
    assert.deepEqual(
      actions.map((action) => action.kind),
      ['source.fixAll.cleanstart'],
    );
    const after = await document.apply(document.editsOf(actions[0] as CodeAction));
    assert.equal(document.text, 'flask>=3,<4\ndjango>=4.2\nnumpy>=1.24\n');
    assert.deepEqual(
      keys(after),
      keys(before).filter((key) => !key.startsWith('dependency-support')),
    );
    await server.close(document.uri);
  });

  it('drafts an incompatibility report from the finding under the cursor', async () => {
    const document = new EditorDocument(
      server,
      'file:///project/draft/Dockerfile',
      'dockerfile',
      'FROM node:16\n',
    );
    await document.open();
    const draft: { markdown: string; subject: string } | null = await server.connection.sendRequest(
      'cleanstart/draftReport',
      { uri: document.uri, position: { line: 0, character: 11 } },
    );
    assert.ok(draft);
    assert.equal(draft.subject, 'Node.js 16');
    assert.match(draft.markdown, /^Title: Node\.js 16 incompatibility$/m);
    assert.match(draft.markdown, /^Image: node:16$/m);
    assert.match(draft.markdown, /^- Node\.js 16: Tier 3/m);
    await server.close(document.uri);
  });
});
