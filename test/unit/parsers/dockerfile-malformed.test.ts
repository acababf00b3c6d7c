import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { locateInReference, parseDockerfile } from '../../../server/src/parsers/dockerfile';
import type { DockerfileFacts } from '../../../server/src/parsers/types';
import { comparePositions, LineIndex, type Range } from '../../../server/src/util/text';
import { itEachLineEnding, textAt } from './dockerfileHelpers';

function isRange(value: unknown): value is Range {
  const candidate = value as Partial<Range> | null;
  return typeof candidate?.start?.line === 'number' && typeof candidate.end?.character === 'number';
}

/** Every range in the facts lies inside the text and runs forward. */
function assertRangesInside(facts: DockerfileFacts, text: string): void {
  const lines = new LineIndex(text);
  const visit = (value: unknown): void => {
    if (isRange(value)) {
      for (const position of [value.start, value.end]) {
        assert.ok(position.line >= 0 && position.line < lines.lineCount, `line ${position.line}`);
        const length = lines.lineText(position.line).length;
        assert.ok(position.character >= 0 && position.character <= length, 'character');
      }
      assert.ok(comparePositions(value.start, value.end) <= 0, 'forward');
      return;
    }
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(facts);
}

/** Parses a large input; work growing with the square of its size would never finish. */
function timed(text: string): DockerfileFacts {
  return parseDockerfile(text);
}

function parsed(text: string): DockerfileFacts {
  const facts = parseDockerfile(text);
  assertRangesInside(facts, text);
  return facts;
}

describe('malformed and unusual input', () => {
  it('reads an empty file and a file of comments as no stages', () => {
    for (const text of ['', '\n\n', '# only\n# comments\n', '   \t  ']) {
      const facts = parsed(text);
      assert.deepEqual(facts.stages, []);
      assert.deepEqual(facts.problems, []);
    }
  });

  itEachLineEnding(
    'reports FROM without an image',
    'FROM\nRUN pip install flask\n',
    (facts, text) => {
      assert.equal(facts.stages.length, 1);
      assert.equal(facts.stages[0]?.image, undefined);
      assert.equal(facts.problems.length, 1);
      assert.equal(textAt(text, facts.problems[0]?.range), 'FROM');
      assert.match(facts.problems[0]?.message ?? '', /no base image/);
      assert.equal(facts.packageManagers[0]?.stageIndex, 0);
    },
  );

  it('caps the number of problems', () => {
    const problems = parsed(`FROM x\n${'CMD ["a",]\n'.repeat(500)}`).problems;
    assert.equal(problems.length, 101);
    assert.match(problems[100]?.message ?? '', /400 more problems/);
  });

  it('reports FROM with only a flag', () => {
    assert.equal(parsed('FROM --platform=linux/amd64\n').problems.length, 1);
  });

  itEachLineEnding(
    'skips a byte-order mark',
    '\uFEFFFROM python:3.12\nRUN pip install flask\n',
    (facts, text) => {
      assert.equal(facts.stages[0]?.image?.text, 'python:3.12');
      assert.equal(textAt(text, facts.stages[0]?.image?.tagRange), '3.12');
    },
  );

  it('reads a byte-order mark before an escape directive', () => {
    const facts = parsed('\uFEFF# escape=`\nFROM python:3.12\nRUN pip install `\n  flask\n');
    assert.equal(facts.escapeCharacter, '`');
    assert.equal(facts.packageManagers[0]?.packages[0]?.name, 'flask');
  });

  it('survives binary garbage and NUL bytes', () => {
    let garbage = '';
    let seed = 7;
    for (let index = 0; index < 200_000; index++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      garbage += String.fromCharCode(seed % 256);
    }
    parsed(garbage);
    const facts = parsed('FROM python:3.12\0\nRUN pip install \0flask\0 django\n\0\0\0');
    assert.equal(facts.stages.length, 1);
  });

  it('survives unterminated strings, arrays, heredocs and substitutions', () => {
    for (const text of [
      'FROM x\nCMD ["unterminated',
      'FROM x\nCMD [',
      'FROM x\nRUN <<EOF',
      'FROM x\nRUN <<',
      'FROM x\nRUN <<"EOF\nbody',
      'FROM x\nRUN pip install "unterminated',
      "FROM x\nRUN pip install 'unterminated",
      'FROM x\nRUN echo $(unterminated',
      'FROM x\nRUN echo `unterminated',
      'FROM ${',
      'FROM ${X:-',
      'ARG X="unterminated\nFROM $X',
      'FROM x\\',
      'FROM x\nRUN \\',
      'FROM x\nHEALTHCHECK',
      'FROM x\nHEALTHCHECK --interval=1s',
      'FROM x\nONBUILD',
      'ARG\nFROM x AS\n',
    ]) {
      parsed(text);
    }
  });

  it('gives up, without throwing, on substitutions built to explode', () => {
    const nested = '${A:-'.repeat(50_000) + 'x' + '}'.repeat(50_000);
    assert.equal(parsed(`FROM ${nested}\n`).stages[0]?.image, undefined);
    assert.equal(parsed(`ARG X=${nested}\nFROM $X\n`).stages[0]?.image, undefined);

    const doubling = Array.from(
      { length: 60 },
      (_, index) => `ARG A${index + 1}=$A${index}$A${index}`,
    );
    assert.equal(
      parsed(`ARG A0=ab\n${doubling.join('\n')}\nFROM $A60\n`).stages[0]?.image,
      undefined,
    );

    const chain = Array.from({ length: 1000 }, (_, index) => `ARG A${index + 1}=\${A${index}}x`);
    assert.equal(
      parsed(`ARG A0=a\n${chain.join('\n')}\nFROM $A1000\n`).stages[0]?.image,
      undefined,
    );
    assert.equal(
      parsed(`ARG A0=a\n${chain.slice(0, 5).join('\n')}\nFROM $A5\n`).stages[0]?.image?.text,
      'axxxxx',
    );
  });

  it('reports more uses than fit in one function call', () => {
    const many = 'pip;'.repeat(150_000);
    for (const text of [
      `FROM x\nRUN ${many}\n`,
      `FROM x\nRUN <<EOF\n${many}\nEOF\n`,
      `FROM x\nRUN sh -c "${many}"\n`,
    ]) {
      assert.equal(timed(text).packageManagers.length, 150_000);
    }
  });

  it('reads many stages', () => {
    const stages = Array.from({ length: 10_000 }, (_, index) => `FROM s${index} AS s${index + 1}`);
    assert.equal(timed(stages.join('\n')).stages[9_999]?.baseStage, 9_998);
  });

  it('reads 1 MB lines', () => {
    const words = 'flask '.repeat(170_000);
    assert.equal(
      timed(`FROM python:3.12\nRUN pip install ${words}\n`).packageManagers[0]?.packages.length,
      170_000,
    );
    assert.equal(timed(`FROM ${'a'.repeat(1_000_000)}:3.12\n`).stages[0]?.image, undefined);
    assert.equal(
      timed(`FROM x\nCMD ["${'a'.repeat(1_000_000)}"]\n`).stages[0]?.commands[0]?.form,
      'exec',
    );
    assert.equal(timed(`FROM x\nCMD ["${'a'.repeat(1_000_000)}\n`).problems.length, 1);
  });

  it('reads 50,000 lines', () => {
    const facts = timed(
      `FROM python:3.12\n${'RUN pip install flask==3.0 && echo done\n'.repeat(50_000)}`,
    );
    assert.equal(facts.stages[0]?.commands.length, 50_000);
    assert.equal(facts.packageManagers.length, 50_000);
  });

  it('never throws and keeps every range inside the text (generated input)', () => {
    const pieces = fc.constantFrom(
      'FROM ',
      'RUN ',
      'CMD ',
      'ARG ',
      'ENV ',
      'HEALTHCHECK ',
      'SHELL ',
      'ONBUILD ',
      'AS ',
      'CMD',
      'NONE',
      '--platform=',
      '--mount=type=cache ',
      'python:3.9',
      '${X:-3}',
      '$X',
      '${X:+a}',
      'X=1 ',
      '"',
      "'",
      '[',
      ']',
      ',',
      '"a"',
      '\\',
      '`',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '\t',
      '#',
      '# escape=`\n',
      '<<EOF',
      '<<-"E"',
      'EOF',
      '&&',
      '|',
      ';',
      '(',
      ')',
      '$(',
      '>',
      '2>&1',
      'pip install ',
      'npm i ',
      'apk add ',
      'sh -c ',
      'django==3.2',
      '@1.0',
      '=',
      ':',
      'x86_64-unknown-linux-musl',
      '\uFEFF',
      '\0',
      'é',
      '😀',
      '@sha256:ab',
      '/',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const facts = parsed(text);
        for (const stage of facts.stages) {
          const image = stage.image;
          if (!image) continue;
          for (let start = 0; start <= image.text.length; start += 3) {
            locateInReference(image, start, Math.min(start + 2, image.text.length));
          }
        }
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parsed(text);
      }),
      { numRuns: 1000 },
    );
  });
});
