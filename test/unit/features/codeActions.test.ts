import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../server/src/engine/analyze';
import type { Finding } from '../../../server/src/engine/finding';
import { codeActionsFor, FIX_ALL_KIND } from '../../../server/src/features/codeActions';
import type { FileKind } from '../../../server/src/parsers/types';
import type { Range } from '../../../server/src/util/text';
import { LineIndex } from '../../../server/src/util/text';
import { check, summary, withLineEndings } from '../engine/helpers';

const URI = 'file:///project/file';

function actions(
  kind: FileKind,
  text: string,
  analysis: Analysis,
  range: Range,
  options: { only?: string[]; disabledSupport?: boolean } = {},
): CodeAction[] {
  return codeActionsFor({
    uri: URI,
    kind,
    lines: new LineIndex(text),
    facts: analysis.facts,
    findings: analysis.findings,
    range,
    ...options,
  });
}

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Applies an action's edit the way an editor does. */
function apply(text: string, action: CodeAction): string {
  const edits: LspTextEdit[] = action.edit?.changes?.[URI] ?? [];
  assert.ok(edits.length > 0, `"${action.title}" has edits`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'plaintext', 1, text), edits);
}

function titled(list: readonly CodeAction[], title: string): CodeAction {
  const found = list.find((action) => action.title === title);
  assert.ok(found, `"${title}" among: ${list.map((action) => action.title).join('; ')}`);
  return found;
}

describe('quick fixes', () => {
  it('offer each fix the engine computed, with its diagnostic and preference', () => {
    const text = 'FROM python:3.9\nCMD ["python", "app.py"]\n';
    const analysis = check('Dockerfile', text);
    const list = actions('dockerfile', text, analysis, at(0, 13));
    const fixes = list.filter(
      (action) => !action.title.startsWith('Ignore') && action.kind === 'quickfix',
    );
    assert.ok(fixes.length >= 2, list.map((action) => action.title).join('; '));
    const preferred = fixes.filter((action) => action.isPreferred === true);
    assert.equal(preferred.length, 1);
    assert.match(preferred[0]?.title ?? '', /Python 3\.12/);
    for (const fix of fixes) {
      assert.equal(fix.diagnostics?.length, 1);
      assert.equal(fix.diagnostics?.[0]?.code, 'runtime-support');
      assert.equal(fix.diagnostics?.[0]?.source, 'cleanstart');
    }
  });

  it('clear the finding when applied, and add nothing', () => {
    const text = 'FROM python:3.9\nCMD ["python", "app.py"]\n';
    const before = check('Dockerfile', text);
    const preferred = actions('dockerfile', text, before, at(0, 13)).find(
      (action) => action.isPreferred,
    );
    assert.ok(preferred);
    const fixed = apply(text, preferred);
    assert.equal(fixed, 'FROM python:3.12\nCMD ["python", "app.py"]\n');
    assert.deepEqual(summary(check('Dockerfile', fixed)), []);
  });

  it('are offered only for findings at the range asked about', () => {
    const text = 'FROM python:3.9\nCMD ["python", "app.py"]\n';
    const analysis = check('Dockerfile', text);
    assert.deepEqual(actions('dockerfile', text, analysis, at(1, 3), { only: ['quickfix'] }), []);
  });

  it('leave suppressed findings alone', () => {
    const text = '# cleanstart-ignore runtime-support -- pinned by the vendor\nFROM python:3.9\n';
    const analysis = check('Dockerfile', text);
    assert.deepEqual(actions('dockerfile', text, analysis, at(1, 13)), []);
  });

  it('honour the kinds the editor asks for', () => {
    const text = 'FROM python:3.9\n';
    const analysis = check('Dockerfile', text);
    const unasked = actions('dockerfile', text, analysis, at(0, 13));
    assert.ok(unasked.length > 0 && unasked.every((action) => action.kind === 'quickfix'));
    const sourceOnly = actions('dockerfile', text, analysis, at(0, 13), { only: ['source'] });
    assert.deepEqual(
      sourceOnly.map((action) => action.kind),
      [FIX_ALL_KIND],
    );
    const quickOnly = actions('dockerfile', text, analysis, at(0, 13), { only: ['quickfix'] });
    assert.ok(quickOnly.length > 0 && quickOnly.every((action) => action.kind === 'quickfix'));
    assert.deepEqual(actions('dockerfile', text, analysis, at(0, 13), { only: ['refactor'] }), []);
  });
});

describe('waiver actions', () => {
  it('insert a suppression comment above the line, indented like it, in every line ending', () => {
    for (const { name, text } of withLineEndings('FROM python:3.12 AS base\n  FROM python:3.9\n')) {
      const analysis = check('Dockerfile', text);
      const waiver = titled(
        actions('dockerfile', text, analysis, at(1, 15)),
        'Ignore runtime-support here',
      );
      assert.equal(waiver.kind, 'quickfix');
      assert.equal(waiver.diagnostics?.[0]?.code, 'runtime-support');
      const waived = apply(text, waiver);
      const lineBreak = name === 'LF' ? '\n' : name === 'CRLF' ? '\r\n' : '\r';
      assert.equal(
        waived,
        `FROM python:3.12 AS base${lineBreak}  # cleanstart-ignore runtime-support -- <reason>${lineBreak}  FROM python:3.9${lineBreak}`,
        name,
      );
      const after = check('Dockerfile', waived);
      assert.deepEqual(summary(after), [], `${name}: the waiver takes`);
    }
  });

  it('put the comment above the first line of a continued instruction', () => {
    const text = 'FROM python:3.12\nRUN pip install \\\n    django==3.2\n';
    const analysis = check('Dockerfile', text);
    const dependency = analysis.findings.find((finding) => finding.rule === 'dependency-support');
    assert.ok(dependency, summary(analysis).join('; '));
    assert.equal(dependency.range.start.line, 2);
    const waiver = titled(
      actions('dockerfile', text, analysis, dependency.range),
      'Ignore dependency-support here',
    );
    const waived = apply(text, waiver);
    assert.equal(
      waived,
      'FROM python:3.12\n# cleanstart-ignore dependency-support -- <reason>\nRUN pip install \\\n    django==3.2\n',
    );
    assert.ok(
      !summary(check('Dockerfile', waived)).some((line) => line.endsWith('dependency-support')),
    );
  });

  it('use // in go.mod and # in requirements files', () => {
    const goMod = 'module example.com/app\n\ngo 1.19\n';
    const goWaiver = titled(
      actions('go.mod', goMod, check('go.mod', goMod), at(2, 4)),
      'Ignore runtime-support here',
    );
    assert.equal(
      apply(goMod, goWaiver),
      'module example.com/app\n\n// cleanstart-ignore runtime-support -- <reason>\ngo 1.19\n',
    );

    const requirements = 'flask>=3\ndjango==3.2\n';
    const requirementsWaiver = titled(
      actions('requirements', requirements, check('requirements.txt', requirements), at(1, 8)),
      'Ignore dependency-support here',
    );
    assert.equal(
      apply(requirements, requirementsWaiver),
      'flask>=3\n# cleanstart-ignore dependency-support -- <reason>\ndjango==3.2\n',
    );
  });

  it('explain that package.json waivers go in .cleanstart.yaml, or stay away', () => {
    const text = '{ "engines": { "node": "14" } }\n';
    const analysis = check('package.json', text);
    const range = at(0, 25);
    const disabled = titled(
      actions('package.json', text, analysis, range, { disabledSupport: true }),
      'Ignore runtime-support here',
    );
    assert.equal(disabled.edit, undefined);
    assert.match(disabled.disabled?.reason ?? '', /\.cleanstart\.yaml/);
    const plain = actions('package.json', text, analysis, range, { disabledSupport: false });
    assert.equal(
      plain.some((action) => action.title.startsWith('Ignore')),
      false,
    );
  });

  it('are not offered for unused waivers', () => {
    const text = '# cleanstart-ignore musl-libc -- old\nFROM python:3.12\n';
    const analysis = check('Dockerfile', text);
    const list = actions('dockerfile', text, analysis, at(0, 5));
    assert.equal(
      list.some((action) => action.title.startsWith('Ignore')),
      false,
    );
  });
});

describe('fix all', () => {
  it('applies every preferred fix at once', () => {
    const text = 'FROM python:3.9 AS build\nFROM node:14\nCMD ["node", "server.js"]\n';
    const analysis = check('Dockerfile', text);
    const fixAll = actions('dockerfile', text, analysis, at(2, 0), {
      only: ['source.fixAll'],
    }).find((action) => action.kind === FIX_ALL_KIND);
    assert.ok(fixAll);
    const fixed = apply(text, fixAll);
    assert.match(fixed, /^FROM python:3\.12 AS build\nFROM node:/);
    assert.doesNotMatch(fixed, /node:14/);
  });

  it('is not offered when nothing can be fixed', () => {
    const text = 'FROM python:3.12\n';
    const analysis = check('Dockerfile', text);
    const list = actions('dockerfile', text, analysis, at(0, 0), { only: [FIX_ALL_KIND] });
    assert.deepEqual(list, []);
  });

  it('takes only preferred fixes of findings that are not suppressed', () => {
    const finding = (line: number, suppressed: boolean): Finding => ({
      rule: 'runtime-support',
      range: { start: { line, character: 0 }, end: { line, character: 1 } },
      severity: 'warning',
      message: 'm',
      fixes: [
        {
          title: 'other',
          edits: [
            { range: { start: { line, character: 0 }, end: { line, character: 1 } }, newText: 'o' },
          ],
        },
        {
          title: 'best',
          isPreferred: true,
          edits: [
            { range: { start: { line, character: 0 }, end: { line, character: 1 } }, newText: 'b' },
          ],
        },
      ],
      ...(suppressed ? { suppressed: { reason: 'r', source: 'comment' as const } } : {}),
    });
    const text = 'a\na\n';
    const list = codeActionsFor({
      uri: URI,
      kind: 'dockerfile',
      lines: new LineIndex(text),
      findings: [finding(0, false), finding(1, true)],
      range: at(0, 0),
      only: [FIX_ALL_KIND],
    });
    assert.equal(list.length, 1);
    assert.equal(apply(text, list[0] as CodeAction), 'b\na\n');
  });
});
