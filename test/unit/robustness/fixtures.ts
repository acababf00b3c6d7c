/**
 * Realistic files with known findings, one or more per file kind: the starting points that the
 * properties mutate. Each names the rules it must trigger, so that a mutation starts from a file
 * that exercises them.
 */
import type { RuleId } from '../../../server/src/engine/finding';

export interface Fixture {
  readonly fileName: string;
  readonly text: string;
  /** Rules that report at least one finding on the unmutated text. */
  readonly rules: readonly RuleId[];
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const DOCKERFILE: Fixture = {
  fileName: 'Dockerfile',
  text: lines(
    '# syntax=docker/dockerfile:1',
    'ARG PYTHON_VERSION=3.9',
    'FROM python:${PYTHON_VERSION}-alpine AS build',
    'RUN apk add --no-cache build-base \\',
    '    && pip install --prefix=/install psycopg2==2.9.9 numpy django==3.2',
    'RUN conda install -y pandas',
    '',
    'FROM node:18-alpine AS web',
    'RUN npm install bcrypt@5.1.1 next@13.5.6',
    'RUN cargo build --release --target x86_64-unknown-linux-musl',
    '',
    'FROM golang:1.20 AS tools',
    'FROM python:3.9-alpine',
    '# cleanstart-ignore musl-libc -- stale',
    'COPY --from=build /install /usr/local',
    'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
    'ENTRYPOINT python -m app',
    'CMD ["sh", "-c", "python app.py"]',
  ),
  rules: [
    'runtime-support',
    'dependency-support',
    'package-manager-support',
    'musl-libc',
    'shell-form',
    'native-extension',
    'unused-suppression',
  ],
};

/** Another escape character, a heredoc, a continued shell-form CMD with an exec-form fix. */
export const CONTAINERFILE: Fixture = {
  fileName: 'build/Containerfile',
  text: lines(
    '# escape=`',
    'FROM node:16 AS base',
    'RUN <<EOF',
    'npm install -g yarn@1.22.19',
    'EOF',
    'FROM ruby:3.3-alpine',
    'RUN gem install rails && `',
    '    yarn install',
    'CMD bundle exec `',
    '    rails server',
  ),
  rules: ['runtime-support', 'musl-libc', 'shell-form'],
};

/** Every runtime the matrix knows, versions at the edge of their support windows, an ARG tag. */
export const DOCKERFILE_RUNTIMES: Fixture = {
  fileName: 'services/api.dockerfile',
  text: lines(
    'ARG NODE_VERSION=18',
    'FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-alpine AS assets',
    'RUN corepack enable && pnpm add sharp@0.32 && yarn add bcrypt',
    'FROM golang:1.22.5-alpine3.19 AS build',
    'ENV CGO_ENABLED=0',
    'RUN go build -o /app ./cmd/api',
    'FROM rust:1.70-alpine AS tools',
    'RUN rustup target add aarch64-unknown-linux-musl',
    'FROM mcr.microsoft.com/dotnet/aspnet:6.0 AS dotnet',
    'FROM eclipse-temurin:11-jre AS java',
    'FROM ruby:2.7-slim AS ruby',
    'FROM php:7.4-fpm-alpine AS php',
    'FROM python:3.12.1-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS pinned',
    'FROM registry.cleanstart.com/python:3.12-stable',
    'COPY --from=build /app /app',
    'SHELL ["/bin/bash", "-c"]',
    'ENTRYPOINT ["/app"]',
    'HEALTHCHECK NONE',
  ),
  rules: ['runtime-support', 'musl-libc', 'shell-form', 'native-extension'],
};

export const REQUIREMENTS: Fixture = {
  fileName: 'requirements.txt',
  text: lines(
    '# Pinned for the old service',
    '--index-url https://pypi.org/simple',
    '-r base.txt',
    '# cleanstart-ignore native-extension -- built in the image',
    'numpy>=1.26',
    'Django==3.2.*',
    'psycopg2==2.9.9 \\',
    '    --hash=sha256:0123456789abcdef',
    'flask[async]>=1.0 ; python_version < "3.8"',
    'pymongo>=4.6',
    'fastapi==0.68',
    '-e git+https://github.com/example/lib.git#egg=lib',
    'requests>=2.31,<3',
  ),
  rules: ['dependency-support', 'native-extension'],
};

/** Constraints, URLs, markers, extras, `===` and a local path, under `requirements/`. */
export const REQUIREMENTS_PROD: Fixture = {
  fileName: 'requirements/prod.txt',
  text: lines(
    '-c constraints.txt',
    '--only-binary :all:',
    'Django>=3.2,<4 ; python_version >= "3.8"',
    'psycopg2 @ https://example.com/psycopg2-2.9.9.tar.gz',
    'numpy~=1.24.0',
    'celery[redis]==4.4.7',
    'sqlalchemy===1.3.24',
    'fastapi>=0.68,<0.100',
    'pymongo  # the driver',
    './vendor/internal-lib',
  ),
  rules: ['dependency-support', 'native-extension'],
};

export const PACKAGE_JSON: Fixture = {
  fileName: 'web/package.json',
  text: `${JSON.stringify(
    {
      name: 'shop',
      private: true,
      engines: { node: '^16.14.0' },
      volta: { node: '18.19.0' },
      packageManager: 'yarn@1.22.19+sha512.0123abcd',
      dependencies: {
        express: '^4.18.2',
        next: '^13.5.6',
        bcrypt: '^5.1.1',
        mongodb: '^4.0.0',
      },
      devDependencies: { typescript: '^5.4.0' },
    },
    null,
    2,
  )}\n`,
  rules: ['runtime-support', 'dependency-support', 'native-extension'],
};

/** Tabs, a range over several Node.js versions, aliases and optional dependencies. */
export const PACKAGE_JSON_RANGES: Fixture = {
  fileName: 'package.json',
  text: `${JSON.stringify(
    {
      name: 'api',
      engines: { node: '>=14 <21', npm: '>=8' },
      packageManager: 'pnpm@7.33.0',
      dependencies: {
        next: '13.x',
        react: '^18.2.0',
        bcrypt: '5.1.1',
        pg: '8',
        mongoose: '^6.0.0',
        aliased: 'npm:next@13',
      },
      optionalDependencies: { 'node-sass': '^7.0.0' },
      peerDependencies: { next: '>=12' },
    },
    null,
    '\t',
  )}\n`,
  rules: ['runtime-support', 'dependency-support'],
};

export const GO_MOD: Fixture = {
  fileName: 'go.mod',
  text: lines(
    'module example.com/shop/api',
    '',
    '// cleanstart-ignore runtime-support -- pinned by the platform team',
    'go 1.20',
    '',
    'toolchain go1.21.5',
    '',
    'require (',
    '\tgithub.com/gin-gonic/gin v1.9.1',
    '\tgo.mongodb.org/mongo-driver v1.13.1 // indirect',
    '\tgithub.com/lib/pq v1.10.9',
    ')',
    '',
    'require github.com/labstack/echo/v4 v4.11.4',
    '',
    'replace github.com/lib/pq => ../pq',
    'exclude github.com/gin-gonic/gin v1.9.0',
    'retract v0.1.0 // published by mistake',
  ),
  rules: ['runtime-support', 'dependency-support'],
};

/** Versions inside the last Tier 1 window, a quoted path, godebug, tool and ignore directives. */
export const GO_MOD_TOOLS: Fixture = {
  fileName: 'tools/go.mod',
  text: lines(
    'module example.com/tools',
    '',
    'go 1.21.5',
    '',
    'toolchain go1.21.5',
    '',
    'godebug default=go1.21',
    '',
    'require (',
    '\tgithub.com/gin-gonic/gin v1.7.0',
    '\t"github.com/go-sql-driver/mysql" v1.7.1',
    '\tgo.mongodb.org/mongo-driver v1.11.0',
    ')',
    '',
    'tool golang.org/x/tools/cmd/stringer',
    'ignore ./node_modules',
  ),
  rules: ['runtime-support', 'dependency-support'],
};

export const FIXTURES: readonly Fixture[] = [
  DOCKERFILE,
  CONTAINERFILE,
  DOCKERFILE_RUNTIMES,
  REQUIREMENTS,
  REQUIREMENTS_PROD,
  PACKAGE_JSON,
  PACKAGE_JSON_RANGES,
  GO_MOD,
  GO_MOD_TOOLS,
];
