import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateInReference } from '../../../server/src/parsers/dockerfile';
import type { DockerfileFacts, ImageReference } from '../../../server/src/parsers/types';
import { itEachLineEnding, parseEachLineEnding, textAt } from './dockerfileHelpers';

function imageOf(facts: DockerfileFacts, index = 0): ImageReference {
  const image = facts.stages[index]?.image;
  assert.ok(image, `stage ${index} has an image`);
  return image;
}

function resolved(text: string): string | undefined {
  return parseEachLineEnding(text).stages[0]?.image?.text;
}

describe('ARG substitution in FROM', () => {
  itEachLineEnding(
    'resolves ${X} and maps the tag back into the ARG default',
    'ARG PYTHON_VERSION=3.9\nFROM python:${PYTHON_VERSION}-slim\n',
    (facts, text) => {
      const image = imageOf(facts);
      assert.equal(image.text, 'python:3.9-slim');
      assert.equal(image.tag, '3.9-slim');
      assert.equal(image.tagStart, 7);
      assert.equal(image.tagRange, undefined);
      assert.equal(image.tagFrom?.name, 'PYTHON_VERSION');
      assert.equal(image.tagFrom?.value, '3.9');
      assert.equal(image.tagFrom?.inStage, false);
      assert.equal(textAt(text, image.tagFrom?.valueRange), '3.9');
      assert.equal(textAt(text, image.tagFrom?.range), 'PYTHON_VERSION=3.9');
      assert.deepEqual(
        image.args.map((arg) => arg.name),
        ['PYTHON_VERSION'],
      );

      const version = locateInReference(image, 7, 10);
      assert.equal(version?.arg?.name, 'PYTHON_VERSION');
      assert.equal(textAt(text, version?.range), '3.9');
      assert.equal(textAt(text, locateInReference(image, 10, 15)?.range), '-slim');
      assert.equal(locateInReference(image, 10, 15)?.arg, undefined);
      assert.equal(textAt(text, locateInReference(image, 0, 6)?.range), 'python');
      assert.equal(locateInReference(image, 5, 9), undefined, 'a span across pieces has no range');
    },
  );

  itEachLineEnding(
    'resolves $X and a whole reference from one ARG',
    'ARG IMAGE=node:20-alpine\nFROM $IMAGE AS web\n',
    (facts, text) => {
      const image = imageOf(facts);
      assert.equal(image.text, 'node:20-alpine');
      assert.equal(image.tagFrom?.name, 'IMAGE');
      assert.equal(textAt(text, image.range), '$IMAGE');
      assert.equal(textAt(text, locateInReference(image, 5, 7)?.range), '20');
    },
  );

  itEachLineEnding(
    'reads quoted defaults',
    'ARG A="3.11"\nARG B=\'slim\'\nFROM python:${A}-${B}\n',
    (facts, text) => {
      const image = imageOf(facts);
      assert.equal(image.text, 'python:3.11-slim');
      assert.equal(image.tagFrom, undefined, 'two ARGs share the tag');
      const [first, second] = image.args;
      assert.equal(first?.value, '3.11');
      assert.equal(textAt(text, first?.valueRange), '3.11');
      assert.equal(textAt(text, second?.valueRange), 'slim');
      assert.equal(textAt(text, locateInReference(image, 7, 11)?.range), '3.11');
    },
  );

  itEachLineEnding(
    'uses ${X:-default} only when X is empty or unset',
    [
      'ARG SET=3.12',
      'ARG UNSET',
      'FROM python:${SET:-3.10}',
      'FROM python:${UNSET:-3.10}',
      'FROM python:${NEVER:-3.10}',
      '',
    ].join('\n'),
    (facts, text) => {
      assert.equal(imageOf(facts, 0).text, 'python:3.12');
      assert.equal(imageOf(facts, 1).text, 'python:3.10');
      assert.equal(imageOf(facts, 2).text, 'python:3.10');
      const fallback = imageOf(facts, 1);
      assert.equal(textAt(text, locateInReference(fallback, 7, 11)?.range), '3.10');
      assert.equal(locateInReference(fallback, 7, 11)?.arg, undefined);
    },
  );

  itEachLineEnding(
    'uses ${X:+alt} only when X is set and not empty',
    'ARG SLIM=1\nARG EMPTY=\nFROM python:3.12${SLIM:+-slim}\nFROM python:3.12${EMPTY:+-slim}\n',
    (facts) => {
      assert.equal(imageOf(facts, 0).text, 'python:3.12-slim');
      assert.equal(imageOf(facts, 1).text, 'python:3.12');
      assert.deepEqual(
        imageOf(facts, 0).args.map((arg) => arg.name),
        ['SLIM'],
      );
    },
  );

  itEachLineEnding(
    'reads an empty default as empty, and the tag stays literal',
    'ARG VARIANT=""\nFROM busybox:stable${VARIANT}\n',
    (facts, text) => {
      const image = imageOf(facts);
      assert.equal(image.text, 'busybox:stable');
      assert.equal(textAt(text, image.tagRange), 'stable');
      assert.equal(image.tagFrom, undefined);
      assert.equal(image.args[0]?.value, '');
      const empty = image.args[0]?.valueRange;
      assert.deepEqual(empty?.start, empty?.end);
      assert.equal(empty?.start.character, 13, 'just inside the quotes');
    },
  );

  itEachLineEnding(
    'follows defaults that use earlier ARGs',
    'ARG VERSION=3.9\nARG BASE=python:${VERSION}\nFROM ${BASE}-slim\n',
    (facts, text) => {
      const image = imageOf(facts);
      assert.equal(image.text, 'python:3.9-slim');
      assert.deepEqual(
        image.args.map((arg) => arg.name),
        ['BASE', 'VERSION'],
      );
      const version = locateInReference(image, 7, 10);
      assert.equal(version?.arg?.name, 'VERSION');
      assert.equal(textAt(text, version?.range), '3.9');
      assert.equal(locateInReference(image, 0, 6)?.arg?.name, 'BASE');
      assert.equal(textAt(text, locateInReference(image, 0, 6)?.range), 'python');
      assert.equal(image.tagFrom?.name, 'VERSION', 'BASE gives none of the tag');
    },
  );

  itEachLineEnding(
    'reads several ARGs in one instruction',
    'ARG NAME=python TAG=3.12\nFROM $NAME:$TAG\n',
    (facts) => {
      assert.equal(imageOf(facts).text, 'python:3.12');
      assert.equal(imageOf(facts).tagFrom?.name, 'TAG');
    },
  );

  itEachLineEnding(
    'says nothing when a value cannot be known',
    [
      'ARG IMAGE',
      'FROM $IMAGE',
      'FROM python:${NOT_DECLARED}',
      'FROM golang:1.22-${TARGETARCH}',
      'FROM golang:1.22-${TARGETARCH:-amd64}',
      'FROM python:${IMAGE#3}',
      'FROM python:${IMAGE',
      '',
    ].join('\n'),
    (facts) => {
      assert.equal(facts.stages.length, 6);
      for (const stage of facts.stages) assert.equal(stage.image, undefined);
      assert.deepEqual(facts.problems, []);
    },
  );

  itEachLineEnding(
    'gives FROM only the ARGs declared before the first FROM',
    [
      'ARG V=3.9',
      'FROM python:$V',
      'ARG V=3.12',
      'ARG LOCAL=1',
      'FROM python:$V',
      'FROM python:3${LOCAL:+.13}',
      '',
    ].join('\n'),
    (facts) => {
      assert.equal(imageOf(facts, 0).text, 'python:3.9');
      assert.equal(imageOf(facts, 1).text, 'python:3.9');
      assert.equal(imageOf(facts, 2).text, 'python:3');
    },
  );

  itEachLineEnding(
    'treats a platform ARG in --platform as text, not as the image',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    (facts) => {
      assert.equal(facts.stages[0]?.platform?.value, '$BUILDPLATFORM');
      assert.equal(imageOf(facts).text, 'golang:1.22');
    },
  );

  itEachLineEnding(
    'resolves a stage name that comes from an ARG',
    'ARG BASE=builder\nFROM golang:1.22 AS builder\nFROM ${BASE}\n',
    (facts) => {
      assert.equal(facts.stages[1]?.baseStage, 0);
      assert.equal(facts.stages[1]?.image, undefined);
    },
  );

  it('keeps escaped characters literal', () => {
    assert.equal(resolved('ARG V=3.9\nFROM python:\\$V\n'), 'python:$V');
  });

  it('locates nothing outside the text', () => {
    const image = parseEachLineEnding('FROM python:3.12\n').stages[0]?.image;
    assert.ok(image);
    assert.equal(locateInReference(image, -1, 2), undefined);
    assert.equal(locateInReference(image, 3, 2), undefined);
    assert.equal(locateInReference(image, 0, 99), undefined);
    assert.deepEqual(locateInReference(image, 7, 7)?.range.start, { line: 0, character: 12 });
  });
});
