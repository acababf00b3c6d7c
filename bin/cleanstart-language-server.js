#!/usr/bin/env node
// The CleanStart language server for any LSP client: speaks LSP over stdio (the default) or Node
// IPC (--node-ipc). Editors start it; run it with --help to see the options.
'use strict';

const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    [
      'Usage: cleanstart-language-server [--stdio | --node-ipc]',
      '',
      'Tells an editor whether a Dockerfile, package.json, requirements file or go.mod will run on',
      'CleanStart images, as LSP diagnostics, hover cards and quick fixes.',
      '',
      'Options:',
      '  --stdio      Speak LSP over standard input and output (the default).',
      '  --node-ipc   Speak LSP over the Node IPC channel (the parent must fork this process).',
      '  --version    Print the version and exit.',
      '  --help       Print this help and exit.',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
  process.exit(0);
}

// The connection reads its transport from the arguments; stdio unless told otherwise.
if (
  !args.some(
    (arg) =>
      arg === '--node-ipc' ||
      arg === '--stdio' ||
      arg.startsWith('--socket') ||
      arg.startsWith('--pipe'),
  )
) {
  process.argv.push('--stdio');
}

require('../dist/server.js');
