import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { DockerfileFacts, ImageReference } from '../../../server/src/parsers/types';
import { itEachLineEnding, textAt } from './dockerfileHelpers';

function imageOf(facts: DockerfileFacts, index = 0): ImageReference {
  const image = facts.stages[index]?.image;
  assert.ok(image, `stage ${index} has an image`);
  return image;
}

describe('FROM: image references', () => {
  itEachLineEnding('reads repository and tag', 'FROM python:3.9-slim\n', (facts, text) => {
    const image = imageOf(facts);
    assert.equal(image.text, 'python:3.9-slim');
    assert.equal(image.registry, undefined);
    assert.equal(image.repository, 'python');
    assert.equal(image.tag, '3.9-slim');
    assert.equal(image.tagStart, 7);
    assert.equal(textAt(text, image.tagRange), '3.9-slim');
    assert.equal(textAt(text, image.range), 'python:3.9-slim');
    assert.equal(image.digest, undefined);
    assert.deepEqual(image.args, []);
    assert.equal(textAt(text, facts.stages[0]?.fromRange), 'FROM python:3.9-slim');
  });

  itEachLineEnding(
    'keeps docker.io as the registry but not in the repository',
    'FROM docker.io/library/python:3.12\n',
    (facts, text) => {
      const image = imageOf(facts);
      assert.equal(image.text, 'docker.io/library/python:3.12');
      assert.equal(image.registry, 'docker.io');
      assert.equal(image.repository, 'python');
      assert.equal(image.tagStart, 25);
      assert.equal(textAt(text, image.tagRange), '3.12');
    },
  );

  itEachLineEnding('drops library/ on Docker Hub', 'FROM library/node:20\n', (facts) => {
    assert.equal(imageOf(facts).registry, undefined);
    assert.equal(imageOf(facts).repository, 'node');
  });

  itEachLineEnding(
    'reads a registry with a port, and keeps library/ off Docker Hub',
    'FROM localhost:5000/python:3.9\nFROM localhost:5000/library/python\n',
    (facts, text) => {
      const first = imageOf(facts, 0);
      assert.equal(first.registry, 'localhost:5000');
      assert.equal(first.repository, 'python');
      assert.equal(first.tag, '3.9');
      assert.equal(textAt(text, first.tagRange), '3.9');
      const second = imageOf(facts, 1);
      assert.equal(second.repository, 'library/python');
      assert.equal(second.tag, undefined);
    },
  );

  itEachLineEnding(
    'reads registries, nested repositories and digests',
    [
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim',
      'FROM bitnami/python:3.11',
      'FROM 123.22.33.123:2345/base/image@sha256:6136',
      'FROM python:3.12@sha256:abcd',
      'FROM python',
      '',
    ].join('\n'),
    (facts, text) => {
      const dotnet = imageOf(facts, 0);
      assert.equal(dotnet.registry, 'mcr.microsoft.com');
      assert.equal(dotnet.repository, 'dotnet/aspnet');
      assert.equal(dotnet.tag, '8.0-bookworm-slim');

      const bitnami = imageOf(facts, 1);
      assert.equal(bitnami.registry, undefined);
      assert.equal(bitnami.repository, 'bitnami/python');

      const pinned = imageOf(facts, 2);
      assert.equal(pinned.registry, '123.22.33.123:2345');
      assert.equal(pinned.repository, 'base/image');
      assert.equal(pinned.tag, undefined);
      assert.equal(pinned.digest, 'sha256:6136');

      const both = imageOf(facts, 3);
      assert.equal(both.tag, '3.12');
      assert.equal(textAt(text, both.tagRange), '3.12');
      assert.equal(both.digest, 'sha256:abcd');

      assert.equal(imageOf(facts, 4).tag, undefined);
      assert.equal(imageOf(facts, 4).tagStart, undefined);
    },
  );

  itEachLineEnding(
    'reads --platform',
    'FROM --platform=linux/amd64 python:3.12 AS app\n',
    (facts, text) => {
      const stage = facts.stages[0];
      assert.equal(stage?.platform?.value, 'linux/amd64');
      assert.equal(textAt(text, stage?.platform?.range), 'linux/amd64');
      assert.equal(imageOf(facts).text, 'python:3.12');
      assert.equal(textAt(text, stage?.name?.range), 'app');
    },
  );

  itEachLineEnding(
    'joins an image name split by a continuation and an empty line',
    'FROM pyt\\\n\nhon:3.9\n',
    (facts, text) => {
      const image = imageOf(facts);
      assert.equal(image.text, 'python:3.9');
      assert.equal(image.tag, '3.9');
      assert.equal(textAt(text, image.tagRange), '3.9');
      assert.equal(image.pieces.length, 2);
    },
  );

  itEachLineEnding(
    'reads AS across a continuation with a comment inside',
    'FROM python:3.12 \\\n  # the builder\n  AS build\nRUN make\n',
    (facts, text) => {
      assert.equal(facts.stages.length, 1);
      assert.equal(facts.stages[0]?.name?.value, 'build');
      assert.equal(textAt(text, facts.stages[0]?.name?.range), 'build');
      assert.equal(imageOf(facts).text, 'python:3.12');
    },
  );
});

describe('FROM: stages', () => {
  itEachLineEnding(
    'numbers stages, marks the last final and resolves earlier stage names',
    [
      'FROM golang:1.22 AS Build',
      'RUN go build',
      'FROM build AS test',
      'FROM BUILD',
      'FROM gcr.io/distroless/static',
      '',
    ].join('\n'),
    (facts) => {
      assert.deepEqual(
        facts.stages.map((stage) => [
          stage.index,
          stage.isFinal,
          stage.baseStage,
          stage.image?.text,
        ]),
        [
          [0, false, undefined, 'golang:1.22'],
          [1, false, 0, undefined],
          [2, false, 0, undefined],
          [3, true, undefined, 'gcr.io/distroless/static'],
        ],
      );
      assert.equal(facts.stages[0]?.name?.value, 'Build');
    },
  );

  itEachLineEnding(
    'reads a name that only a later stage declares as an image',
    'FROM later\nFROM python:3.12 AS later\n',
    (facts) => {
      assert.equal(facts.stages[0]?.baseStage, undefined);
      assert.equal(imageOf(facts, 0).repository, 'later');
    },
  );

  itEachLineEnding('reads scratch as written', 'FROM scratch\nCOPY app /\n', (facts) => {
    assert.equal(imageOf(facts).repository, 'scratch');
    assert.equal(facts.stages[0]?.isFinal, true);
  });

  itEachLineEnding(
    'accepts lower-case keywords',
    'from python:3.12 as build\nrun pip install flask\n',
    (facts) => {
      assert.equal(facts.stages[0]?.name?.value, 'build');
      assert.equal(facts.stages[0]?.commands.length, 1);
      assert.equal(facts.packageManagers[0]?.manager, 'pip');
    },
  );
});
