import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG } from '../../server/src/engine/config';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { analysisFileName, analyzeSource } from '../../server/src/lsp/analyzer';
import { DEFAULT_EDITOR_SETTINGS } from '../../server/src/lsp/configuration';
import { Logger } from '../../server/src/lsp/logger';
import type { FileContext } from '../../server/src/lsp/projectContext';
import { indexMatrix } from '../../server/src/matrix/lookup';
import { BUNDLED_MATRIX } from '../../server/src/matrix/load';
import type { Matrix } from '../../server/src/matrix/types';

function context(matrix: Matrix = BUNDLED_MATRIX, ignored = false): FileContext {
  return {
    editor: DEFAULT_EDITOR_SETTINGS,
    settings: DEFAULT_SETTINGS,
    suppressions: [],
    matrix: {
      matrix,
      index: indexMatrix(BUNDLED_MATRIX),
      info: { title: 't', origin: 'o', updated: '2026-12-03', problems: [] },
      problems: [],
    },
    today: '2026-12-03',
    ignored,
    config: { config: EMPTY_CONFIG, problems: [] },
  };
}

function recordingLogger(): { logger: Logger; errors: string[] } {
  const errors: string[] = [];
  const ignore = (): void => undefined;
  return {
    logger: new Logger({
      error: (message) => errors.push(message),
      warn: ignore,
      info: ignore,
      debug: ignore,
    }),
    errors,
  };
}

describe('analysing a source', () => {
  it('names files by their kind when the name does not tell it', () => {
    assert.equal(analysisFileName('file:///p/Dockerfile', 'dockerfile'), '/p/Dockerfile');
    assert.equal(analysisFileName('untitled:Untitled-1', 'dockerfile'), 'Dockerfile');
    assert.equal(analysisFileName('untitled:Untitled-2', 'pip-requirements'), 'requirements.txt');
    assert.equal(analysisFileName('file:///p/build.docker', 'dockerfile'), 'Dockerfile');
    assert.equal(analysisFileName('file:///p/notes.md', 'markdown'), undefined);
  });

  it('logs a failure once per document version and reports nothing for it', () => {
    const { logger, errors } = recordingLogger();
    const broken = { ...BUNDLED_MATRIX, entries: null } as unknown as Matrix;
    const source = { uri: 'file:///p/Dockerfile', text: 'FROM python:3.9\n', version: 3 };
    for (let i = 0; i < 3; i++) {
      const file = analyzeSource(source, context(broken), logger);
      assert.equal(file.failed, true);
      assert.deepEqual(file.analysis.findings, []);
    }
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /Analysis of file:\/\/\/p\/Dockerfile failed/);
    analyzeSource({ ...source, version: 4 }, context(broken), logger);
    assert.equal(errors.length, 2);
  });

  it('leaves out files the config file ignores', () => {
    const { logger } = recordingLogger();
    const file = analyzeSource(
      { uri: 'file:///p/Dockerfile', text: 'FROM python:3.9\n', version: null },
      context(BUNDLED_MATRIX, true),
      logger,
    );
    assert.equal(file.origin, 'disk');
    assert.deepEqual(file.analysis.findings, []);
  });
});
