import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/parsers/dockerfile';
import { itEachLineEnding, parseEachLineEnding, textAt } from './dockerfileHelpers';

describe('musl targets', () => {
  itEachLineEnding(
    'finds targets in RUN, ENV and ARG of a stage, with exact ranges',
    [
      'FROM rust:1.77 AS build',
      'ARG TARGET=aarch64-unknown-linux-musl',
      'ENV CARGO_BUILD_TARGET=x86_64-unknown-linux-musl',
      'RUN rustup target add armv7-unknown-linux-musleabihf arm-unknown-linux-musleabi && \\',
      '    cargo build --release --target=i686-unknown-linux-musl',
      'FROM scratch',
      'COPY --from=build /app/target/x86_64-unknown-linux-musl/release/app /app',
      '',
    ].join('\n'),
    (facts, text) => {
      assert.deepEqual(
        facts.muslTargets.map((target) => [
          target.target,
          textAt(text, target.range),
          target.stageIndex,
        ]),
        [
          ['aarch64-unknown-linux-musl', 'aarch64-unknown-linux-musl', 0],
          ['x86_64-unknown-linux-musl', 'x86_64-unknown-linux-musl', 0],
          ['armv7-unknown-linux-musleabihf', 'armv7-unknown-linux-musleabihf', 0],
          ['arm-unknown-linux-musleabi', 'arm-unknown-linux-musleabi', 0],
          ['i686-unknown-linux-musl', 'i686-unknown-linux-musl', 0],
        ],
      );
      assert.equal(facts.muslTargets[4]?.range.start.line, 4);
    },
  );

  itEachLineEnding(
    'finds targets in exec form and heredoc scripts',
    'FROM rust\nRUN ["cargo", "build", "--target", "x86_64-unknown-linux-musl"]\nRUN <<EOF\nrustup target add aarch64-unknown-linux-musl\nEOF\n',
    (facts, text) => {
      assert.deepEqual(
        facts.muslTargets.map((target) => textAt(text, target.range)),
        ['x86_64-unknown-linux-musl', 'aarch64-unknown-linux-musl'],
      );
    },
  );

  itEachLineEnding(
    'credits a global default to the first stage that re-declares it',
    'ARG TARGET=x86_64-unknown-linux-musl\nFROM rust AS one\nARG TARGET\nFROM rust AS two\nARG TARGET\nRUN cargo build --target $TARGET\n',
    (facts, text) => {
      assert.deepEqual(
        facts.muslTargets.map((target) => [
          textAt(text, target.range),
          target.range.start.line,
          target.stageIndex,
        ]),
        [['x86_64-unknown-linux-musl', 0, 0]],
      );
    },
  );

  it('ignores global defaults no stage uses, comments, and look-alikes', () => {
    const facts = parseEachLineEnding(
      [
        'ARG TARGET=x86_64-unknown-linux-musl',
        'FROM rust',
        '# RUN rustup target add x86_64-unknown-linux-musl',
        'RUN echo x86_64-unknown-linux-gnu my-x86_64-unknown-linux-musl -unknown-linux-musl \\',
        '    # cargo build --target x86_64-unknown-linux-musl',
        '    x86_64-unknown-linux-muslx',
        '',
      ].join('\n'),
    );
    assert.deepEqual(facts.muslTargets, []);
  });

  it('stays linear on a long run of architecture characters', () => {
    // Quadratic work on this input would take hours, and the suite would never finish.
    const facts = parseDockerfile(`FROM x\nRUN ${'a'.repeat(1_000_000)}-unknown-linux-musl\n`);
    assert.equal(facts.muslTargets.length, 1);
  });
});
