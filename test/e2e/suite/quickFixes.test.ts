import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type * as vscode from 'vscode';
import { applyAction, describeActions, previewAction, quickFixesAt } from './support/codeActions';
import {
  describeDiagnostics,
  rulesOf,
  waitForDiagnostics,
  waitForRules,
  withRule,
} from './support/diagnostics';
import { openScratch } from './support/documents';

const DOCKERFILE = 'FROM python:3.9-alpine\nCOPY app.py /app/app.py\nCMD python app.py\n';
const ALL_RULES = ['musl-libc', 'runtime-support', 'shell-form'];

interface FixCase {
  readonly rule: string;
  /** Which of the offered fixes to apply, judged by the text it would produce. */
  readonly picks: (after: string, action: vscode.CodeAction) => boolean;
}

/**
 * Opens a fresh copy of the Dockerfile, applies the quick fix `picks` selects for `rule`, and waits
 * until that finding is gone. Fixing it must leave the other findings and bring no new one.
 */
async function applyFix({ rule, picks }: FixCase): Promise<vscode.TextDocument> {
  const { document } = await openScratch('Dockerfile', DOCKERFILE);
  const before = await waitForRules(document.uri, ALL_RULES);
  const [diagnostic] = withRule(before, rule);
  assert.ok(diagnostic);

  const actions = await quickFixesAt(document.uri, diagnostic);
  const action = actions.find((candidate) => picks(previewAction(document, candidate), candidate));
  assert.ok(action, `no suitable quick fix for ${rule} among:\n${describeActions(actions)}`);
  await applyAction(action);

  const after = await waitForDiagnostics(
    document.uri,
    (diagnostics) => withRule(diagnostics, rule).length === 0,
    `${rule} to clear after "${action.title}"`,
  );
  const others = ALL_RULES.filter((other) => other !== rule);
  assert.deepEqual(
    rulesOf(after),
    others,
    `after "${action.title}":\n${describeDiagnostics(after)}`,
  );
  return document;
}

function lines(text: string): string[] {
  return text.split('\n');
}

describe('Quick fixes', () => {
  it('move an old runtime to a supported version', async () => {
    const document = await applyFix({
      rule: 'runtime-support',
      picks: (after) => /^FROM python:3\.1[1-9]-alpine$/.test(lines(after)[0] ?? ''),
    });
    assert.match(document.lineAt(0).text, /^FROM python:3\.1[1-9]-alpine$/);
    assert.equal(document.lineAt(2).text, 'CMD python app.py');
  });

  it('replace an Alpine base with its glibc variant', async () => {
    const document = await applyFix({
      rule: 'musl-libc',
      picks: (after, action) =>
        action.isPreferred === true &&
        /^FROM python:3\.9-(?!alpine)\S+$/.test(lines(after)[0] ?? ''),
    });
    assert.match(document.lineAt(0).text, /^FROM python:3\.9-\S+$/);
    assert.doesNotMatch(document.lineAt(0).text, /alpine/);
  });

  it('turn a shell-form CMD into exec form', async () => {
    const document = await applyFix({
      rule: 'shell-form',
      picks: (after) => lines(after)[2] === 'CMD ["python", "app.py"]',
    });
    assert.equal(document.lineAt(2).text, 'CMD ["python", "app.py"]');
    assert.equal(document.lineAt(0).text, 'FROM python:3.9-alpine');
  });

  it('waive a finding with a cleanstart-ignore comment above its line', async () => {
    const document = await applyFix({
      rule: 'shell-form',
      picks: (after) => /^#\s*cleanstart-ignore\s+shell-form\b/m.test(after),
    });
    const text = lines(document.getText());
    const comment = text.findIndex((line) => line.includes('cleanstart-ignore'));
    assert.ok(comment >= 0, document.getText());
    assert.equal(text[comment + 1], 'CMD python app.py', 'the comment stands right above the line');
  });
});
