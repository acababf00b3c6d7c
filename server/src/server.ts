/**
 * The CleanStart language server's entry. The transport (`--stdio`, `--node-ipc`, `--socket=…`)
 * comes from the command line, as editors pass it.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { describeError } from './lsp/logger';
import { startServer } from './lsp/startServer';

const connection = createConnection(ProposedFeatures.all);

// A failure outside any request must not end the session: log it and keep serving.
process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error: ${describeError(error)}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unexpected error: ${describeError(reason)}`);
});

startServer(connection);
