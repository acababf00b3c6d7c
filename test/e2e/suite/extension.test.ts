import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  assertContributesCommand,
  COMMANDS,
  EXTENSION_ID,
  manifest,
} from './support/extension';
import { harness } from './support/harness';

describe('The extension', () => {
  it('activates in a workspace with a Dockerfile', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
  });

  it('is loaded from the package in a package run, from the working tree otherwise', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // The package ships bundles, not sources; the working tree has both.
    const sources = vscode.Uri.joinPath(extension.extensionUri, 'client', 'src');
    const hasSources = await vscode.workspace.fs.stat(sources).then(
      () => true,
      () => false,
    );
    if (harness.mode === 'vsix') {
      // An installed extension lives in the extensions folder as `<publisher>.<name>-<version>`.
      assert.match(
        extension.extensionPath,
        /[\\/]cleanstart\.cleanstart-compat-\d+\.\d+\.\d+[^\\/]*$/,
      );
      assert.equal(hasSources, false, `the package at ${extension.extensionPath} ships client/src`);
    } else {
      assert.equal(hasSources, true, `${extension.extensionPath} is not the working tree`);
    }
  });

  it('contributes its commands and the per-rule setting', () => {
    assertContributesCommand(COMMANDS.restartServer);
    assertContributesCommand(COMMANDS.showReport);
    const properties = manifest().contributes?.configuration?.properties ?? {};
    assert.ok('cleanstart.rules' in properties, 'cleanstart.rules is not a contributed setting');
  });

  it('registers its commands once active', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const command of Object.values(COMMANDS)) {
      assert.ok(commands.includes(command), `${command} is not registered`);
    }
  });
});
