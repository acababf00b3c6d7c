import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cleanstart.cleanstart-compat';

/** The diagnostics' `source`, and the prefix of every command and setting. */
export const SOURCE = 'cleanstart';

export const COMMANDS = {
  restartServer: 'cleanstart.restartServer',
  showReport: 'cleanstart.showReport',
} as const;

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append(SOURCE);

interface Manifest {
  readonly contributes?: {
    readonly commands?: readonly { readonly command: string }[];
    readonly configuration?: { readonly properties?: Record<string, unknown> };
  };
}

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed in this editor`);
  return found;
}

export function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

/** Activates the extension (normally done by opening a checked file) and returns it. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const found = extension();
  if (!found.isActive) await found.activate();
  return found;
}

/** Fails with a clear message when the manifest does not contribute `command`. */
export function assertContributesCommand(command: string): void {
  const commands = manifest().contributes?.commands?.map((entry) => entry.command) ?? [];
  assert.ok(
    commands.includes(command),
    `package.json does not contribute ${command}: ${commands.join(', ')}`,
  );
}
