import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexMatrix, normalizePypiName } from '../../../server/src/matrix/lookup';
import { sampleMatrix } from './sampleMatrix';

const index = indexMatrix(sampleMatrix());

function ids(entries: readonly { id: string }[]): string[] {
  return entries.map((candidate) => candidate.id);
}

void describe('runtimeForImage', () => {
  void it('reads Docker Hub names in every form', () => {
    assert.equal(index.runtimeForImage('python'), 'python');
    assert.equal(index.runtimeForImage('library/python'), 'python');
    assert.equal(index.runtimeForImage('python', 'docker.io'), 'python');
    assert.equal(index.runtimeForImage('library/python', 'docker.io'), 'python');
    assert.equal(index.runtimeForImage('docker.io/library/node'), 'node');
    assert.equal(index.runtimeForImage('index.docker.io/library/golang'), 'go');
    assert.equal(index.runtimeForImage('eclipse-temurin'), 'java');
    assert.equal(index.runtimeForImage('Python'), 'python');
  });

  void it('ignores a tag or digest left on the name', () => {
    assert.equal(index.runtimeForImage('python:3.12-slim'), 'python');
    assert.equal(index.runtimeForImage('python@sha256:0123abcd'), 'python');
    assert.equal(index.runtimeForImage('localhost:5000/python:3.12'), undefined);
  });

  void it('reads every Microsoft .NET image', () => {
    assert.equal(index.runtimeForImage('dotnet/aspnet', 'mcr.microsoft.com'), 'dotnet');
    assert.equal(index.runtimeForImage('dotnet/runtime-deps', 'mcr.microsoft.com'), 'dotnet');
    assert.equal(index.runtimeForImage('mcr.microsoft.com/dotnet/sdk'), 'dotnet');
    assert.equal(index.runtimeForImage('mssql/server', 'mcr.microsoft.com'), undefined);
  });

  void it('reads CleanStart repositories by Docker Hub name or runtime key', () => {
    assert.equal(index.runtimeForImage('golang', 'registry.cleanstart.com'), 'go');
    assert.equal(index.runtimeForImage('python', 'registry.cleanstart.com'), 'python');
    assert.equal(index.runtimeForImage('go', 'registry.cleanstart.com'), 'go');
    assert.equal(index.runtimeForImage('registry.cleanstart.com/node'), 'node');
    assert.equal(index.runtimeForImage('nginx', 'registry.cleanstart.com'), undefined);
  });

  void it('does not take a look-alike from another registry or organisation', () => {
    assert.equal(index.runtimeForImage('bitnami/python'), undefined);
    assert.equal(index.runtimeForImage('python', 'ghcr.io'), undefined);
    assert.equal(index.runtimeForImage('alpine'), undefined);
  });
});

void describe('isCleanStartImage', () => {
  void it('recognises the registry written apart or in the repository', () => {
    assert.equal(index.isCleanStartImage('registry.cleanstart.com', 'python'), true);
    assert.equal(index.isCleanStartImage('Registry.CleanStart.com', 'python'), true);
    assert.equal(index.isCleanStartImage(undefined, 'registry.cleanstart.com/python'), true);
    assert.equal(index.isCleanStartImage(undefined, 'python'), false);
    assert.equal(index.isCleanStartImage('docker.io', 'cleanstart/python'), false);
  });
});

void describe('runtime entries', () => {
  void it('lists a language’s runtimes in document order', () => {
    assert.deepEqual(ids(index.runtimeEntries('go')), [
      'runtime/go/1.22',
      'runtime/go/1.21',
      'runtime/go/1.20',
      'runtime/go/1.19',
    ]);
    assert.deepEqual(index.runtimeEntries('ruby').length, 3);
  });

  void it('finds the entry covering a version', () => {
    assert.equal(index.entryForRuntimeVersion('python', '3.12.4')?.id, 'runtime/python/3.12');
    assert.equal(index.entryForRuntimeVersion('python', '3.1')?.id, undefined);
    assert.equal(index.entryForRuntimeVersion('node', 'v20.11.1')?.id, 'runtime/node/20');
    assert.equal(index.entryForRuntimeVersion('java', '1.8')?.id, 'runtime/java/8');
    assert.equal(index.entryForRuntimeVersion('go', [1, 22, 3])?.id, 'runtime/go/1.22');
    assert.equal(index.entryForRuntimeVersion('python', '3.13'), undefined);
    assert.equal(index.entryForRuntimeVersion('python', 'latest'), undefined);
  });

  void it('prefers the narrowest entry when ranges overlap', () => {
    assert.equal(index.entryForRuntimeVersion('rust', '1.70')?.id, 'runtime/rust/msrv');
    assert.equal(index.entryForRuntimeVersion('rust', '1.80.1')?.id, 'runtime/rust/1.75+');
  });

  void it('finds entries by id', () => {
    assert.equal(index.entry('runtime/php/8.3')?.version, '8.3');
    assert.equal(index.entry('runtime/php/9'), undefined);
  });
});

void describe('packageEntries', () => {
  void it('normalises PyPI names as pip does', () => {
    assert.equal(normalizePypiName('Psycopg2_Binary'), 'psycopg2-binary');
    assert.equal(normalizePypiName(' zope.interface '), 'zope-interface');
    assert.equal(normalizePypiName('a-_.b'), 'a-b');
    assert.deepEqual(ids(index.packageEntries('pypi', 'DJANGO')), [
      'framework/python/django/4.2',
      'framework/python/django/3.2',
    ]);
    assert.deepEqual(ids(index.packageEntries('pypi', 'psycopg2_binary')), [
      'database-client/python/psycopg2',
    ]);
    assert.deepEqual(index.packageEntries('pypi', 'flask'), []);
  });

  void it('matches npm names exactly', () => {
    assert.deepEqual(ids(index.packageEntries('npm', '@nestjs/core')), ['framework/node/nest/10']);
    assert.deepEqual(index.packageEntries('npm', '@nestjs/common'), []);
    assert.deepEqual(index.packageEntries('pypi', '@nestjs/core'), []);
  });

  void it('matches Go modules exactly and across major-version suffixes', () => {
    assert.deepEqual(ids(index.packageEntries('go', 'github.com/labstack/echo/v4')), [
      'framework/go/echo/4',
    ]);
    // The same module at v3 or v5: the entry is found, and its range rejects the version.
    assert.deepEqual(ids(index.packageEntries('go', 'github.com/labstack/echo')), [
      'framework/go/echo/4',
    ]);
    assert.deepEqual(ids(index.packageEntries('go', 'github.com/labstack/echo/v5')), [
      'framework/go/echo/4',
    ]);
    assert.deepEqual(ids(index.packageEntries('go', 'github.com/gorilla/mux')), [
      'framework/go/gorilla-mux',
    ]);
    // An entry without a suffix matches only its exact path.
    assert.deepEqual(index.packageEntries('go', 'github.com/gorilla/mux/v2'), []);
    assert.deepEqual(index.packageEntries('go', 'github.com/Labstack/echo/v4'), []);
    assert.deepEqual(index.packageEntries('go', 'github.com/labstack/echo-contrib'), []);
  });
});

void describe('packageManagerEntry', () => {
  void it('finds a tool by command, path, versioned command or name', () => {
    assert.equal(index.packageManagerEntry('pip')?.id, 'package-manager/python/pip');
    assert.equal(index.packageManagerEntry('pip3.12')?.id, 'package-manager/python/pip');
    assert.equal(
      index.packageManagerEntry('/usr/local/bin/pip3')?.id,
      'package-manager/python/pip',
    );
    assert.equal(index.packageManagerEntry('corepack')?.id, 'package-manager/node/corepack');
    assert.equal(index.packageManagerEntry('Conda')?.id, 'package-manager/python/conda');
    assert.equal(index.packageManagerEntry('mvn')?.id, 'runtime-option/java/maven');
    assert.equal(index.packageManagerEntry('apt-get'), undefined);
  });

  void it('keeps to the language when one is given', () => {
    assert.equal(index.packageManagerEntry('pip', 'python')?.id, 'package-manager/python/pip');
    assert.equal(index.packageManagerEntry('pip', 'node'), undefined);
  });
});
