import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandInstruction, DockerfileFacts } from '../../../server/src/parsers/types';
import { itEachLineEnding, parseEachLineEnding, textAt } from './dockerfileHelpers';

function commandsOf(facts: DockerfileFacts, stage = 0): readonly CommandInstruction[] {
  return facts.stages[stage]?.commands ?? [];
}

function only(facts: DockerfileFacts): CommandInstruction {
  const commands = commandsOf(facts);
  assert.equal(commands.length, 1);
  const [command] = commands;
  assert.ok(command);
  return command;
}

function execValues(text: string): readonly string[] | undefined {
  return only(parseEachLineEnding(`FROM x\n${text}\n`)).execArguments?.map(
    (argument) => argument.value,
  );
}

describe('shell form', () => {
  itEachLineEnding(
    'removes RUN flags and keeps the command with its range',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache --network=none pip install flask\n',
    (facts, text) => {
      const run = only(facts);
      assert.equal(run.keyword, 'RUN');
      assert.equal(run.form, 'shell');
      assert.equal(run.command, 'pip install flask');
      assert.equal(textAt(text, run.commandRange), 'pip install flask');
      assert.equal(textAt(text, run.keywordRange), 'RUN');
      assert.equal(run.execArguments, undefined);
      assert.equal(run.heredoc, undefined);
    },
  );

  itEachLineEnding(
    'joins continuations, dropping comment and empty lines inside them',
    'FROM x\nRUN apt-get update && \\\n    # tools\n\n    apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\nCMD run\n',
    (facts, text) => {
      const [run, cmd] = commandsOf(facts);
      assert.equal(
        run?.command,
        'apt-get update &&     apt-get install -y curl   && rm -rf /var/lib/apt/lists/*',
      );
      assert.equal(run?.commandRange?.start.line, 1);
      assert.equal(run?.commandRange?.end.line, 5);
      assert.ok(textAt(text, run?.commandRange)?.startsWith('apt-get update'));
      assert.ok(textAt(text, run?.commandRange)?.endsWith('lists/*'));
      assert.equal(textAt(text, run?.range)?.startsWith('RUN apt-get'), true);
      assert.equal(cmd?.command, 'run');
    },
  );

  itEachLineEnding(
    'reads flags on continuation lines',
    'FROM x\nRUN --mount=type=secret,id=npm \\\n    --network=host \\\n    npm ci\n',
    (facts, text) => {
      const run = only(facts);
      assert.equal(run.command, 'npm ci');
      assert.equal(textAt(text, run.commandRange), 'npm ci');
    },
  );

  itEachLineEnding(
    'reads CMD and ENTRYPOINT in shell form',
    'FROM x\nCMD python app.py\nENTRYPOINT exec ./start\n',
    (facts) => {
      const [cmd, entrypoint] = commandsOf(facts);
      assert.deepEqual([cmd?.form, cmd?.command], ['shell', 'python app.py']);
      assert.deepEqual([entrypoint?.keyword, entrypoint?.form], ['ENTRYPOINT', 'shell']);
    },
  );

  itEachLineEnding(
    'gives an instruction without arguments no form',
    'FROM x\nCMD\nRUN\n',
    (facts) => {
      assert.deepEqual(
        commandsOf(facts).map((command) => command.form),
        ['none', 'none'],
      );
    },
  );
});

describe('exec form', () => {
  itEachLineEnding(
    'reads the strings with their ranges, quotes included',
    'FROM x\nCMD ["python", "-m", "http.server"]\n',
    (facts, text) => {
      const cmd = only(facts);
      assert.equal(cmd.form, 'exec');
      assert.deepEqual(
        cmd.execArguments?.map((argument) => [argument.value, textAt(text, argument.range)]),
        [
          ['python', '"python"'],
          ['-m', '"-m"'],
          ['http.server', '"http.server"'],
        ],
      );
      assert.equal(textAt(text, cmd.execRange), '["python", "-m", "http.server"]');
      assert.equal(cmd.execStartsShell, false);
      assert.equal(cmd.command, undefined);
    },
  );

  itEachLineEnding(
    'reads an array across continuation lines',
    'FROM x\nENTRYPOINT ["node", \\\n  "server.js"]\n',
    (facts, text) => {
      const entrypoint = only(facts);
      assert.equal(entrypoint.form, 'exec');
      assert.equal(textAt(text, entrypoint.execArguments?.[1]?.range), '"server.js"');
      assert.equal(entrypoint.execRange?.end.line, 2);
    },
  );

  it('decodes JSON escapes', () => {
    assert.deepEqual(execValues('CMD ["echo", "a\\"b", "\\u0041\\t", "c:\\\\app"]'), [
      'echo',
      'a"b',
      'A\t',
      'c:\\app',
    ]);
  });

  it('reads an empty array as exec form', () => {
    const cmd = only(parseEachLineEnding('FROM x\nCMD []\n'));
    assert.equal(cmd.form, 'exec');
    assert.deepEqual(cmd.execArguments, []);
  });

  it('tells which programs are shells', () => {
    const shells = [
      '["sh", "-c", "echo"]',
      '["/bin/bash", "-lc", "echo"]',
      '["/bin/busybox", "sh", "-c", "echo"]',
      '["cmd.exe", "/S", "/C", "dir"]',
      '["C:\\\\Windows\\\\System32\\\\cmd.exe", "/C"]',
      '["powershell", "-Command", "dir"]',
      '["pwsh"]',
      '["/usr/bin/env", "bash", "-c", "echo"]',
      '["dash"]',
    ];
    for (const array of shells) {
      assert.equal(
        only(parseEachLineEnding(`FROM x\nCMD ${array}\n`)).execStartsShell,
        true,
        array,
      );
    }
    for (const array of [
      '["python", "app.py"]',
      '["/bin/shell-tool"]',
      '["/usr/bin/env", "python3"]',
    ]) {
      assert.equal(
        only(parseEachLineEnding(`FROM x\nCMD ${array}\n`)).execStartsShell,
        false,
        array,
      );
    }
  });

  itEachLineEnding(
    'reads SHELL in exec form',
    'FROM x\nSHELL ["powershell", "-Command"]\n',
    (facts) => {
      const shell = only(facts);
      assert.equal(shell.keyword, 'SHELL');
      assert.equal(shell.form, 'exec');
      assert.equal(shell.execStartsShell, true);
    },
  );
});

describe('invalid exec arrays', () => {
  itEachLineEnding(
    'reads them as shell form, as Docker does, and reports them',
    'FROM x\nCMD [ "a", ]\nCMD [\'single\']\nENTRYPOINT ["app", "--port"\n',
    (facts, text) => {
      assert.deepEqual(
        commandsOf(facts).map((command) => [command.form, command.command]),
        [
          ['shell', '[ "a", ]'],
          ['shell', "['single']"],
          ['shell', '["app", "--port"'],
        ],
      );
      assert.equal(facts.problems.length, 3);
      assert.equal(textAt(text, facts.problems[2]?.range), '["app", "--port"');
      assert.match(facts.problems[0]?.message ?? '', /CMD .*not valid JSON/);
      assert.match(facts.problems[2]?.message ?? '', /ENTRYPOINT/);
    },
  );

  it('leaves shell tests that start with a bracket alone', () => {
    const facts = parseEachLineEnding(
      'FROM x\nRUN [ "$TARGETARCH" = "amd64" ] && echo yes\nRUN [ -f /etc/os-release ]\n',
    );
    assert.deepEqual(
      commandsOf(facts).map((command) => command.form),
      ['shell', 'shell'],
    );
    assert.deepEqual(facts.problems, []);
  });
});

describe('heredocs', () => {
  itEachLineEnding(
    'reads RUN <<EOF as a shell-form heredoc',
    'FROM x\nRUN <<EOF\nset -e\npip install flask\nEOF\nCMD ["app"]\n',
    (facts, text) => {
      const [run, cmd] = commandsOf(facts);
      assert.equal(run?.form, 'shell');
      assert.equal(run?.heredoc, true);
      assert.equal(run?.command, '<<EOF\nset -e\npip install flask\nEOF');
      assert.equal(textAt(text, run?.commandRange)?.startsWith('<<EOF'), true);
      assert.equal(run?.commandRange?.end.line, 4);
      assert.equal(cmd?.form, 'exec');
    },
  );

  itEachLineEnding(
    'reads <<-, quoted delimiters and several heredocs',
    'FROM x\nRUN <<-"FIRST" <<\'SECOND\' bash\n\techo one\n\tFIRST\necho two\nSECOND\nRUN echo after\n',
    (facts) => {
      const [run, after] = commandsOf(facts);
      assert.equal(run?.heredoc, true);
      assert.equal(run?.commandRange?.end.line, 5);
      assert.equal(after?.command, 'echo after');
    },
  );

  itEachLineEnding(
    'reads an unterminated heredoc to the end of the file',
    'FROM x\nRUN <<EOF\npip install flask\n',
    (facts) => {
      const run = only(facts);
      assert.equal(run.heredoc, true);
      assert.equal(facts.packageManagers[0]?.manager, 'pip');
    },
  );
});

describe('HEALTHCHECK', () => {
  itEachLineEnding(
    'reads the CMD part in either form, and NONE',
    'FROM x\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD ["/app/healthcheck"]\nHEALTHCHECK NONE\n',
    (facts, text) => {
      const [shell, exec, none] = commandsOf(facts);
      assert.equal(shell?.form, 'shell');
      assert.equal(shell?.command, 'curl -f http://localhost/ || exit 1');
      assert.equal(textAt(text, shell?.commandRange), 'curl -f http://localhost/ || exit 1');
      assert.equal(exec?.form, 'exec');
      assert.deepEqual(
        exec?.execArguments?.map((argument) => argument.value),
        ['/app/healthcheck'],
      );
      assert.equal(none?.form, 'none');
      assert.equal(textAt(text, none?.keywordRange), 'HEALTHCHECK');
    },
  );
});

describe('stage membership', () => {
  itEachLineEnding(
    'files commands under their stage, and leaves ONBUILD triggers out',
    'CMD ignored\nFROM x AS a\nRUN one\nONBUILD RUN pip install flask\nFROM y\nCMD two\n',
    (facts) => {
      assert.deepEqual(
        facts.stages.map((stage) => stage.commands.map((command) => command.command)),
        [['one'], ['two']],
      );
      assert.deepEqual(facts.packageManagers, []);
    },
  );
});

describe('escape directive', () => {
  itEachLineEnding(
    'continues lines with a backquote and leaves backslashes alone',
    '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN pip install `\n    flask\nWORKDIR C:\\app\nCMD ["C:\\\\app\\\\run.exe"]\n',
    (facts, text) => {
      assert.equal(facts.escapeCharacter, '`');
      const [run, cmd] = commandsOf(facts);
      assert.equal(run?.command, 'pip install     flask');
      assert.equal(textAt(text, facts.packageManagers[0]?.packages[0]?.nameRange), 'flask');
      assert.deepEqual(
        cmd?.execArguments?.map((argument) => argument.value),
        ['C:\\app\\run.exe'],
      );
    },
  );

  it('defaults to a backslash', () => {
    assert.equal(parseEachLineEnding('FROM x\n').escapeCharacter, '\\');
  });
});
