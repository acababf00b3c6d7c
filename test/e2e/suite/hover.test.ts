import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { waitForRules } from './support/diagnostics';
import { openFile, openScratch, rangeOf } from './support/documents';

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    position,
  );
}

describe('Hover cards', () => {
  it('on the tag 3.9 of python:3.9-alpine say Tier 3 and support ended', async () => {
    const { document } = await openFile('Dockerfile');
    // Diagnostics first: they show the server has read the file.
    await waitForRules(document.uri, ['runtime-support']);

    const tag = rangeOf(document, '3.9');
    const hovers = await hoversAt(document.uri, tag.start.translate(0, 1));
    const text = hoverText(hovers);
    assert.match(text, /python/i);
    assert.match(text, /tier\s*3/i, text);
    assert.match(text, /ended/i, text);
    assert.match(text, /3\.12|3\.11/, `the card recommends a supported version:\n${text}`);

    const card = hovers.find((hover) => /tier/i.test(hoverText([hover])));
    assert.ok(card?.range, 'the card says which text it is about');
    assert.ok(card.range.contains(tag), 'the card covers the tag');
    assert.equal(card.range.start.line, 0);
  });

  it('on a supported image say Tier 1', async () => {
    const { document } = await openScratch(
      'Dockerfile',
      'FROM python:3.12-slim\nCMD python app.py\n',
    );
    // The shell-form CMD is there only so that a diagnostic shows the server has read the file.
    await waitForRules(document.uri, ['shell-form']);
    const text = hoverText(await hoversAt(document.uri, rangeOf(document, '3.12').start));
    assert.match(text, /tier\s*1/i, text);
    assert.doesNotMatch(text, /tier\s*3/i, text);
  });

  it('on a dependency in requirements.txt name the framework and its tier', async () => {
    const { document } = await openFile('requirements.txt');
    await waitForRules(document.uri, ['dependency-support']);
    const text = hoverText(await hoversAt(document.uri, rangeOf(document, 'django').start));
    assert.match(text, /django/i);
    assert.match(text, /tier\s*2/i, text);
  });
});
