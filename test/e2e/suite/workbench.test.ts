/**
 * What a person sees in the workbench, checked in the rendered page and saved as screenshots.
 * Needs the browser the offline harness drives; under a desktop VS Code these tests are skipped.
 */
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { waitForRules } from './support/diagnostics';
import { moveCursor, openFile, rangeOf } from './support/documents';
import { hasBrowser, pressKey, screenshot } from './support/harness';

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
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover-card', '.monaco-hover:has-text("Tier 3")');
    await pressKey('Escape');
  });

  it('shows the quick-fix menu of a shell-form CMD', async () => {
    const editor = await openFile('Dockerfile');
    await waitForRules(editor.document.uri, ['shell-form']);
    moveCursor(editor, rangeOf(editor.document, 'python app.py').start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('quick-fix-menu', '.action-widget:has-text("exec form")');
    await pressKey('Escape');
  });

  it('lists the findings in the Problems panel', async () => {
    const { document } = await openFile('Dockerfile');
    await waitForRules(document.uri, ['runtime-support', 'musl-libc', 'shell-form']);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-panel', '.markers-panel .monaco-list-row:has-text("musl")');
  });
});
