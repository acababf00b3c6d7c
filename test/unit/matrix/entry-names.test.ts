import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledMatrix } from '../../../server/src/matrix/generated/bundledMatrix';
import type { EntryNames, Language, MatrixEntry } from '../../../server/src/matrix/types';

function entriesNamed(kind: keyof EntryNames, name: string): MatrixEntry[] {
  return bundledMatrix.entries.filter((entry) => entry.names?.[kind]?.includes(name));
}

// [where the name is written, the name, the document's name for the entry it resolves to]
const packageNames: readonly (readonly [keyof EntryNames, string, string])[] = [
  ['pypi', 'flask', 'Flask'],
  ['pypi', 'fastapi', 'FastAPI'],
  ['pypi', 'django', 'Django'],
  ['pypi', 'celery', 'Celery'],
  ['pypi', 'sqlalchemy', 'SQLAlchemy'],
  ['pypi', 'pandas', 'Pandas'],
  ['pypi', 'numpy', 'NumPy'],
  ['pypi', 'requests', 'Requests'],
  ['pypi', 'pydantic', 'pydantic'],
  ['pypi', 'pytest', 'pytest'],
  ['pypi', 'gunicorn', 'Gunicorn'],
  ['pypi', 'uwsgi', 'uWSGI'],
  ['pypi', 'hypercorn', 'Hypercorn'],
  ['pypi', 'uvicorn', 'Uvicorn'],
  ['pypi', 'psycopg2', 'psycopg2'],
  ['pypi', 'psycopg2-binary', 'psycopg2'],
  ['pypi', 'mysqlclient', 'mysqlclient'],
  ['pypi', 'pymysql', 'PyMySQL'],
  ['pypi', 'redis', 'redis-py'],
  ['pypi', 'pymongo', 'pymongo'],
  ['pypi', 'elasticsearch', 'elasticsearch-py'],
  ['pypi', 'cassandra-driver', 'cassandra-driver'],
  ['pypi', 'boto3', 'boto3'],
  ['npm', 'express', 'Express'],
  ['npm', 'fastify', 'Fastify'],
  ['npm', '@nestjs/core', 'Nest.js'],
  ['npm', '@nestjs/common', 'Nest.js'],
  ['npm', 'next', 'Next.js'],
  ['npm', 'react', 'React'],
  ['npm', 'react-dom', 'React'],
  ['npm', 'vue', 'Vue'],
  ['npm', '@hapi/hapi', 'Hapi'],
  ['npm', 'koa', 'Koa'],
  ['npm', 'socket.io', 'Socket.io'],
  ['npm', 'graphql', 'GraphQL-js'],
  ['npm', '@apollo/server', 'Apollo Server'],
  ['npm', 'prisma', 'Prisma'],
  ['npm', '@prisma/client', 'Prisma'],
  ['npm', 'typeorm', 'TypeORM'],
  ['npm', 'sequelize', 'Sequelize'],
  ['npm', 'pg', 'pg'],
  ['npm', 'mysql2', 'mysql2'],
  ['npm', 'better-sqlite3', 'better-sqlite3'],
  ['npm', 'ioredis', 'ioredis'],
  ['npm', 'mongoose', 'mongoose'],
  ['npm', '@elastic/elasticsearch', '@elastic/elasticsearch'],
  ['npm', '@aws-sdk/client-dynamodb', 'aws-sdk-js-v3'],
  ['npm', '@aws-sdk/lib-dynamodb', 'aws-sdk-js-v3'],
  ['go', 'github.com/gin-gonic/gin', 'Gin'],
  ['go', 'github.com/labstack/echo/v4', 'Echo'],
  ['go', 'github.com/gorilla/mux', 'Gorilla/mux'],
  ['go', 'google.golang.org/grpc', 'gRPC'],
  ['go', 'gorm.io/gorm', 'GORM'],
  ['go', 'github.com/sqlc-dev/sqlc', 'sqlc'],
  ['go', 'github.com/spf13/cobra', 'Cobra'],
  ['go', 'github.com/stretchr/testify', 'testify'],
  ['go', 'github.com/lib/pq', 'pq'],
  ['go', 'github.com/go-sql-driver/mysql', 'go-sql-driver'],
  ['go', 'github.com/redis/go-redis/v9', 'go-redis'],
  ['go', 'github.com/go-redis/redis/v8', 'go-redis'],
  ['go', 'go.mongodb.org/mongo-driver', 'go.mongodb.org/mongo-driver'],
  ['go', 'go.mongodb.org/mongo-driver/v2', 'go.mongodb.org/mongo-driver'],
  ['go', 'github.com/mattn/go-sqlite3', 'stdlib'],
  ['maven', 'org.springframework.boot:spring-boot', 'Spring Boot'],
  ['maven', 'org.hibernate.orm:hibernate-core', 'Hibernate'],
  ['maven', 'org.postgresql:postgresql', 'JDBC'],
  ['maven', 'com.mysql:mysql-connector-j', 'JDBC'],
  ['maven', 'redis.clients:jedis', 'Jedis'],
  ['maven', 'org.mongodb:mongodb-driver-sync', 'MongoDB JDBC'],
  ['rubygems', 'rails', 'Rails'],
  ['rubygems', 'sinatra', 'Sinatra'],
  ['rubygems', 'sidekiq', 'Sidekiq'],
  ['rubygems', 'bundler', 'Bundler'],
  ['rubygems', 'rspec', 'RSpec'],
  ['composer', 'laravel/framework', 'Laravel'],
  ['composer', 'symfony/framework-bundle', 'Symfony'],
  ['composer', 'phpunit/phpunit', 'PHPUnit'],
  ['composer', 'composer/composer', 'Composer'],
  ['nuget', 'Microsoft.EntityFrameworkCore', 'Entity Framework Core'],
  ['nuget', 'NUnit', 'NUnit'],
  ['nuget', 'xunit', 'xUnit'],
  ['crates', 'actix-web', 'Actix-web'],
  ['crates', 'axum', 'Axum'],
  ['crates', 'rocket', 'Rocket'],
  ['crates', 'tokio', 'Tokio'],
  ['crates', 'serde', 'Serde'],
  ['crates', 'sqlx', 'sqlx'],
  ['crates', 'diesel', 'diesel'],
  ['commands', 'pip', 'pip'],
  ['commands', 'pip3', 'pip'],
  ['commands', 'poetry', 'poetry'],
  ['commands', 'pipenv', 'pipenv'],
  ['commands', 'uv', 'uv'],
  ['commands', 'conda', 'conda'],
  ['commands', 'mamba', 'conda'],
  ['commands', 'micromamba', 'conda'],
  ['commands', 'npm', 'npm'],
  ['commands', 'yarn', 'yarn'],
  ['commands', 'pnpm', 'pnpm'],
  ['commands', 'corepack', 'Corepack'],
];

const runtimeImages: Record<Language, readonly string[]> = {
  python: ['python', 'registry.cleanstart.com/python'],
  node: ['node', 'registry.cleanstart.com/node'],
  go: ['golang', 'registry.cleanstart.com/golang'],
  java: ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'registry.cleanstart.com/java'],
  rust: ['rust', 'registry.cleanstart.com/rust'],
  dotnet: [
    'mcr.microsoft.com/dotnet/aspnet',
    'mcr.microsoft.com/dotnet/runtime',
    'mcr.microsoft.com/dotnet/sdk',
    'mcr.microsoft.com/dotnet/runtime-deps',
    'registry.cleanstart.com/dotnet',
  ],
  ruby: ['ruby', 'registry.cleanstart.com/ruby'],
  php: ['php', 'registry.cleanstart.com/php'],
};

void describe('entry names', () => {
  void it('resolves every package and command name to its entry', () => {
    for (const [kind, name, entryName] of packageNames) {
      const entries = entriesNamed(kind, name);
      assert.ok(entries.length > 0, `${kind} ${name}`);
      for (const entry of entries) assert.equal(entry.name, entryName, `${kind} ${name}`);
    }
  });

  void it('resolves every runtime image to all runtime entries of its language', () => {
    for (const [language, images] of Object.entries(runtimeImages)) {
      const runtimes = bundledMatrix.entries.filter(
        (entry) => entry.category === 'runtime' && entry.language === language,
      );
      assert.ok(runtimes.length > 0, language);
      for (const entry of runtimes) assert.deepEqual(entry.names?.images, images, entry.id);
      for (const image of images) assert.deepEqual(entriesNamed('images', image), runtimes, image);
    }
  });

  void it('resolves a framework name to every version row of that framework', () => {
    const django = entriesNamed('pypi', 'django').map((entry) => entry.version);
    assert.deepEqual(django, ['4.2+', '3.2']);
    const rails = entriesNamed('rubygems', 'rails').map((entry) => entry.version);
    assert.deepEqual(rails, ['7.x', '6.x']);
  });

  void it('writes PyPI names as pip normalises them', () => {
    for (const entry of bundledMatrix.entries) {
      for (const name of entry.names?.pypi ?? []) {
        assert.equal(name, name.toLowerCase().replace(/[-_.]+/g, '-'), name);
      }
    }
  });

  void it('keeps the language of an entry in step with where its names live', () => {
    const registries: Partial<Record<keyof EntryNames, Language>> = {
      pypi: 'python',
      npm: 'node',
      go: 'go',
      maven: 'java',
      rubygems: 'ruby',
      composer: 'php',
      nuget: 'dotnet',
      crates: 'rust',
    };
    for (const entry of bundledMatrix.entries) {
      for (const [kind, language] of Object.entries(registries)) {
        if (entry.names?.[kind as keyof EntryNames] !== undefined) {
          assert.equal(entry.language, language, entry.id);
        }
      }
    }
  });
});
