// The runtime tables of the document and the framework, package manager and tool tables of each
// language.
import type { Table } from './table';
import { packageManagerTable, plainTable, runtimeTable, versionedTable } from './table';

export const languageTables: readonly Table[] = [
  runtimeTable(
    'python',
    'Python',
    `
3.12 | 1 | Full | Oct 2027 | Current primary version, all packages tested |
3.11 | 1 | Full | Oct 2027 | LTS, widely used, full support |
3.10 | 2 | Community | Oct 2026 | Approaching EOL, migration path recommended |
3.9 | 3 | None | Oct 2025 | EOL, not tested, use 3.10+ if possible |
3.8 | 3 | None | Oct 2024 | EOL, use 3.10+ |
2.7 | 3 | None | Jan 2020 | EOL, no longer supported anywhere |`,
  ),
  versionedTable(
    'framework',
    'python',
    'Python Framework Compatibility',
    `
Flask | 3.x | 1 | Fully tested, async support in 2.x+ |
FastAPI | 0.100+ | 1 | Async tested, Starlette verified |
Django | 4.2+ | 1 | Full ORM, migrations, async views |
Django | 3.2 | 2 | LTS version, community tested |
Celery | 5.x | 2 | Task queue, async broker tested |
SQLAlchemy | 2.x | 1 | ORM fully supported, async engine tested |
Pandas | 2.x | 1 | Data manipulation, CSV/Parquet I/O tested |
NumPy | 1.24+ | 1 | Numerical computing verified |
Requests | 2.x | 1 | HTTP library, SSL verified |
pydantic | 2.x | 1 | Validation, async validators tested |
asyncio | stdlib | 1 | Built-in, full support |
pytest | 7.x+ | 1 | Testing framework included |`,
  ),
  packageManagerTable(
    'python',
    'Python Package Manager Compatibility',
    `
pip |  | 1 | Standard method, lock files supported |
poetry |  | 1 | Dependency resolution, lock files |
pipenv |  | 2 | Virtual env management (slower on startup) |
uv |  | 1 | Fast replacement for pip, drop-in compatible |
conda | N/A | 3 | Not supported (adds heavy dependencies) |`,
  ),
  versionedTable(
    'web-server',
    'python',
    'Python Web Server Deployment',
    `
Gunicorn | 20.x+ | 1 | Most common, worker types tested |
uWSGI | 2.x | 2 | Works but not routinely tested |
Hypercorn | 0.x | 1 | ASGI server for async apps |
Uvicorn | 0.2x+ | 1 | FastAPI default, fully tested |`,
  ),
  runtimeTable(
    'node',
    'Node.js',
    `
20 LTS | 1 | Full | April 2026 | Current LTS, all packages tested |
18 LTS | 1 | Full | April 2025 | Previous LTS, still widely used |
22 | 2 | Community | Oct 2025 | Latest, early adoption only |
16 LTS | 3 | None | Sept 2023 | EOL, migrate to 18+ |
14 LTS | 3 | None | April 2023 | EOL, use 18+ |`,
  ),
  versionedTable(
    'framework',
    'node',
    'Node.js Framework Compatibility',
    `
Express | 4.x | 1 | Web framework, middleware tested |
Fastify | 4.x | 1 | Fast HTTP server, async/await native |
Nest.js | 10.x | 1 | Enterprise framework, TypeScript tested |
Next.js | 14.x | 1 | React framework, SSR/SSG tested |
React | 18.x | 1 | Frontend (in Node SSR contexts) |
Vue | 3.x | 1 | Frontend framework |
Hapi | 21.x | 2 | Enterprise framework, less common |
Koa | 2.x | 1 | Lightweight HTTP framework |
Socket.io | 4.x | 1 | Real-time communication |
GraphQL-js | 16.x+ | 1 | GraphQL implementation |
Apollo Server | 4.x | 1 | Apollo GraphQL server |
Prisma | 5.x | 1 | ORM, migrations verified |
TypeORM | 0.3.x | 1 | ORM for TypeScript |
Sequelize | 6.x | 1 | ORM for SQL databases |`,
  ),
  packageManagerTable(
    'node',
    'Node.js Package Manager Compatibility',
    `
npm |  | 1 | Standard, lock files default |
yarn |  | 1 | Alternative, v3+ with corepack |
pnpm |  | 1 | Faster, monorepo support |
Corepack | Built-in | 1 | Version manager for npm/yarn/pnpm |`,
  ),
  plainTable(
    'runtime-feature',
    'node',
    'Node.js Runtime Features',
    `
async/await | 1 | Native, no transpilation needed |
Promises | 1 | Native |
Worker Threads | 1 | Multi-threading support |
Cluster module | 1 | Process clustering |
Stream API | 1 | Streaming I/O |
Buffer API | 1 | Binary data handling |`,
  ),
  runtimeTable(
    'go',
    'Go',
    `
1.22 | 1 | Full | Feb 2025 | Current stable |
1.21 | 1 | Full | Aug 2024 | Previous stable, still supported |
1.20 | 2 | Community | Feb 2024 | Older, approaching EOL |
1.19 | 3 | None | Dec 2023 | EOL |`,
  ),
  versionedTable(
    'framework',
    'go',
    'Go Framework Compatibility',
    `
Gin | 1.x | 1 | HTTP web framework, high performance |
Echo | 4.x | 1 | Lightweight web framework |
Gorilla/mux | - | 1 | Router, middleware, request handling |
gRPC | 1.x | 1 | RPC framework, protocol buffers |
GORM | 1.x | 1 | ORM for databases |
sqlc | - | 1 | SQL code generator, type-safe |
Cobra | - | 1 | CLI framework |
testify | - | 1 | Testing assertions and mocks |`,
  ),
  plainTable(
    'deployment',
    'go',
    'Go Deployment',
    `
Static binary | 1 | Go's default, smallest images |
CGO (C interop) | 2 | Requires libc, supported but watch binary size |
Go modules | 1 | Dependency management, lock files |`,
  ),
  runtimeTable(
    'java',
    'Java',
    `
21 LTS | 1 | Full | Sept 2026+ | Current LTS (11-year support) |
17 LTS | 1 | Full | Sept 2026 | Previous LTS (10-year support) |
11 LTS | 2 | Community | Sept 2026 | Oldest supported LTS |
8 LTS | 3 | None | Dec 2030 | EOL commercially, use 11+ |`,
  ),
  versionedTable(
    'framework',
    'java',
    'Java Framework Compatibility',
    `
Spring Boot | 3.x | 1 | Enterprise app framework, tested end-to-end |
Spring Boot | 2.x | 2 | Older version, still common |
Spring Data | 3.x | 1 | Data access abstraction |
Hibernate | 6.x | 1 | ORM |
Micronaut | 4.x | 1 | Lightweight, fast startup |
Quarkus | 3.x | 1 | Container-native, GraalVM tested |
Dropwizard | 4.x | 2 | REST services framework |
Play Framework | 2.x | 2 | Web framework (legacy) |
Vert.x | 4.x | 1 | Async toolkit |
JUnit 5 | - | 1 | Testing framework |
Mockito | - | 1 | Mocking library |`,
  ),
  plainTable(
    'runtime-option',
    'java',
    'Java Runtime Options',
    `
Hotspot JVM | 1 | Default, fully supported |
G1GC (garbage collector) | 1 | Default in modern Java, tested |
ZGC | 1 | Low-latency GC, supported |
Serialization | 1 | Works, but JSON preferred for APIs |
Maven | 1 | Build tool, dependency management |
Gradle | 1 | Build tool, supported |`,
  ),
  runtimeTable(
    'rust',
    'Rust',
    `
1.75+ | 1 | Full | Current stable released every 6 weeks | |
MSRV (1.70) | 1 | Full | Minimum supported Rust version |`,
  ),
  versionedTable(
    'framework',
    'rust',
    'Rust Framework Compatibility',
    `
Actix-web | 4.x | 1 | Web framework, async/await, performance tested |
Axum | 0.7+ | 1 | Typed web framework |
Rocket | 0.5.x | 2 | Web framework (slower compilation) |
Tokio | 1.x | 1 | Async runtime |
Serde | - | 1 | Serialization framework |
sqlx | - | 1 | SQL toolkit, compile-time checking |
diesel | - | 1 | ORM |`,
  ),
  plainTable(
    'deployment',
    'rust',
    'Rust Deployment',
    `
Static binary | 1 | Rust's default, excellent for containers |
musl builds | 3 | Rust supports, but CleanStart uses GLIBC (use gnu target) |
Cargo | 1 | Package manager, lock files standard |`,
  ),
  runtimeTable(
    'dotnet',
    '.NET',
    `
.NET 8 | 1 | Full | Nov 2026 | Current LTS |
.NET 7 | 2 | Community | May 2024 | Maintenance, approaching EOL |
.NET 6 | 2 | Community | Nov 2024 | LTS, still supported |
.NET Framework 4.x | 3 | None | Windows only, not applicable |`,
  ),
  versionedTable(
    'framework',
    'dotnet',
    '.NET Framework Compatibility',
    `
ASP.NET Core | 8.x | 1 | Web framework, full tested stack |
Entity Framework Core | 8.x | 1 | ORM |
NUnit | - | 1 | Testing framework |
xUnit | - | 1 | Testing framework |`,
  ),
  runtimeTable(
    'ruby',
    'Ruby',
    `
3.3 | 1 | Community | 3 years after release | Current stable |
3.2 | 1 | Community | 3 years after release | Previous stable |
3.1 | 2 | Community | 3 years after release | Older, approaching EOL |
3.0 | 2 | Community | EOL April 2024 | Legacy, migrate to 3.2+ |`,
  ),
  versionedTable(
    'framework',
    'ruby',
    'Ruby Framework Compatibility',
    `
Rails | 7.x | 1 | Full-stack web framework |
Rails | 6.x | 2 | Older version, still common |
Sinatra | 3.x | 1 | Lightweight web framework |
Sidekiq | 7.x | 1 | Background job processing |
Bundler | 2.x | 1 | Dependency management |
RSpec | 3.x | 1 | Testing framework |`,
  ),
  runtimeTable(
    'php',
    'PHP',
    `
8.3 | 1 | Community | Dec 2025 | Current stable |
8.2 | 1 | Community | Dec 2024 | LTS, long support |
8.1 | 2 | Community | Nov 2023 | Older, approaching EOL |
8.0 | 3 | None | Nov 2023 | EOL |
7.x | 3 | None | EOL | Migrate to 8.2+ |`,
  ),
  versionedTable(
    'framework',
    'php',
    'PHP Framework Compatibility',
    `
Laravel | 10.x | 1 | Full-stack framework, community tested |
Symfony | 7.x | 1 | Component-based framework |
WordPress | 6.x | 1 | CMS (heavy on packages) |
Composer | 2.x | 1 | Dependency management |
PHPUnit | 11.x | 1 | Testing framework |`,
  ),
];
