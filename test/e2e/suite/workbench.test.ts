/**
 * What a person sees in the workbench, checked in the rendered page and saved as screenshots.
 * Needs the browser the offline harness drives; under a desktop VS Code these tests are skipped.
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeActionsAt } from './support/codeActions';
import { waitForRules } from './support/diagnostics';
import { moveCursor, openFile, rangeOf } from './support/documents';
import { hasBrowser, pressKey, screenshot } from './support/harness';

/**
 * Runs `show` (a command that opens a widget) in the focused editor and saves a screenshot once
 * `selector` is visible. A widget closes when the editor loses focus, which background work in the
 * workbench can cause now and then: one more try tells that apart from a widget that never shows.
 */
async function showAndCapture(name: string, selector: string, show: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand(show);
    try {
      await screenshot(name, selector);
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

describe('The workbench', () => {
  before(function () {
    if (!hasBrowser()) {
      console.log('No browser shows this workbench: the screenshot tests are skipped.');
      this.skip();
    }
  });

  it('shows squiggles under the findings of a Dockerfile', async () => {
    const { document } = await openFile('Dockerfile');
    await waitForRules(document.uri, ['runtime-support', 'musl-libc', 'shell-form']);
    await screenshot('dockerfile-squiggles', '.monaco-editor .squiggly-error');
  });

  it('shows the hover card of a Tier 3 tag', async () => {
    const editor = await openFile('Dockerfile');
    await waitForRules(editor.document.uri, ['runtime-support']);
    moveCursor(editor, rangeOf(editor.document, '3.9').start.translate(0, 1));
    // The card itself (rendered markdown), not only the diagnostics' messages above it.
    const card = '.monaco-hover .rendered-markdown:has-text("Tier 3")';
    await showAndCapture('hover-card', card, 'editor.action.showHover');
    await pressKey('Escape');
  });

  it('shows the quick-fix menu of a shell-form CMD', async () => {
    const editor = await openFile('Dockerfile');
    await waitForRules(editor.document.uri, ['shell-form']);
    const command = rangeOf(editor.document, 'python app.py');
    // The menu lists what the provider offers: make sure it offers something first.
    const actions = await codeActionsAt(
      editor.document.uri,
      command,
      vscode.CodeActionKind.QuickFix,
    );
    assert.ok(actions.length > 0, 'no quick fix is offered on the shell-form CMD');
    moveCursor(editor, command.start);
    const menu = '.action-widget:has-text("exec form")';
    await showAndCapture('quick-fix-menu', menu, 'editor.action.quickFix');
    await pressKey('Escape');
  });

  it('lists the findings in the Problems panel', async () => {
    const { document } = await openFile('Dockerfile');
    await waitForRules(document.uri, ['runtime-support', 'musl-libc', 'shell-form']);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-panel', '.markers-panel .monaco-list-row:has-text("musl")');
  });
});
