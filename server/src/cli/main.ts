/** The `cleanstart-compat` command: a thin shell over the engine. */
import { runCheckCommand } from './check';
import { processIo, type CliIo } from './io';
import { runMatrixCommand } from './matrixCommand';
import { VERSION } from '../productVersion';

const HELP = `Usage: cleanstart-compat <command> [options]

Tells whether a container project will run on CleanStart images.

Commands:
  check [paths...]   Check Dockerfiles, package.json, requirements files and go.mod files.
  matrix             Print the compatibility matrix in force (bundled, or with an override).

Run 'cleanstart-compat <command> --help' for a command's options.
Options: -h, --help   Show this help.   -v, --version   Show the version.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheckCommand(rest, io);
    case 'matrix':
      return runMatrixCommand([...rest], io);
    case '-v':
    case '--version':
      io.stdout(`${VERSION}\n`);
      return 0;
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.stdout(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(
        `cleanstart-compat: unknown command '${command}'. Run 'cleanstart-compat --help'.\n`,
      );
      return 2;
  }
}

/** Runs the command with the real process's arguments, streams and exit code. */
export function runFromProcess(): void {
  const io = processIo();
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.stderr(
        `cleanstart-compat: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runFromProcess();
