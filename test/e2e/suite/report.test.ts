import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { waitForRules } from './support/diagnostics';
import { openFile } from './support/documents';
import { COMMANDS } from './support/extension';

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

/** Resolves with the first tab opened from now on that `accept` takes. */
function waitForTab(accept: (tab: vscode.Tab) => boolean, timeoutMs = 20_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.window.tabGroups.onDidChangeTabs((event) => {
      const tab = [...event.opened, ...event.changed].find(accept);
      if (!tab) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(tab);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const open = allTabs()
        .map((tab) => tab.label)
        .join(', ');
      reject(new Error(`No report tab opened within ${timeoutMs} ms; open tabs: ${open}`));
    }, timeoutMs);
  });
}

/** Resolves with the first document, open now or opened later, that `accept` takes. */
function waitForDocument(
  accept: (document: vscode.TextDocument) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const open = vscode.workspace.textDocuments.find(accept);
    if (open) {
      resolve(open);
      return;
    }
    const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!accept(document)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`No report document opened within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

describe('The report command', () => {
  it('opens the workspace compatibility report', async () => {
    const { document } = await openFile('Dockerfile');
    await waitForRules(document.uri, ['runtime-support']);
    const before = new Set(allTabs());

    const opened = waitForTab((tab) => !before.has(tab) && tab.label !== 'Dockerfile');
    // The preview renders a markdown document: the findings of the workspace by file and rule.
    const rendered = waitForDocument(
      (candidate) => candidate.uri.scheme !== 'file' && /runtime-support/.test(candidate.getText()),
    );
    await vscode.commands.executeCommand(COMMANDS.showReport);
    const tab = await opened;
    assert.match(tab.label, /report|cleanstart|compatib/i, `tab "${tab.label}"`);

    const report = await rendered;
    const text = report.getText();
    for (const expected of [
      'Dockerfile',
      'go.mod',
      'package.json',
      'requirements.txt',
      'musl-libc',
      'shell-form',
    ]) {
      assert.ok(text.includes(expected), `the report does not mention ${expected}:\n${text}`);
    }
  });
});
