// The database client, host operating system, container runtime and Kubernetes tables of the
// document.
import type { Table } from './table';
import { cell, databaseTable } from './table';

export const infrastructureTables: readonly Table[] = [
  databaseTable(
    'Database Client Matrix: SQL Databases',
    `
PostgreSQL | psycopg2 | Python | 1 | Native GLIBC support |
PostgreSQL | libpq | Any | 1 | Native C library |
PostgreSQL | pg | Node.js | 1 | Pure JS, tested |
PostgreSQL | pq | Go | 1 | Pure Go, tested |
PostgreSQL | JDBC | Java | 1 | Java driver, tested |
MySQL | mysqlclient | Python | 1 | Native, but consider PyMySQL |
MySQL | PyMySQL | Python | 1 | Pure Python, slower but compatible |
MySQL | mysql2 | Node.js | 1 | Fast native driver |
MySQL | go-sql-driver | Go | 1 | Pure Go, tested |
MySQL | JDBC | Java | 1 | MySQL JDBC driver |
SQLite | sqlite3 | Python | 1 | Built-in, file-based |
SQLite | better-sqlite3 | Node.js | 1 | Fast synchronous driver |
SQLite | stdlib | Go | 1 | CGO-based, works |
MariaDB | mysql2 | Node.js | 1 | MySQL-compatible |
MariaDB | PyMySQL | Python | 1 | Compatible |`,
  ),
  databaseTable(
    'Database Client Matrix: NoSQL Databases',
    `
Redis | redis-py | Python | 1 | Fully tested |
Redis | ioredis | Node.js | 1 | Async, typed |
Redis | go-redis | Go | 1 | Fully featured |
Redis | Jedis | Java | 1 | Standard driver |
MongoDB | pymongo | Python | 2 | Works, community tested |
MongoDB | mongoose | Node.js | 2 | ODM, community tested |
MongoDB | go.mongodb.org/mongo-driver | Go | 2 | Official driver, less tested |
MongoDB | MongoDB JDBC | Java | 2 | Official driver |
Elasticsearch | elasticsearch-py | Python | 2 | API client, community tested |
Elasticsearch | @elastic/elasticsearch | Node.js | 2 | Official client |
Cassandra | cassandra-driver | Python | 3 | Should work, not tested |
DynamoDB | boto3 | Python | 2 | AWS SDK, tested with real DynamoDB |
DynamoDB | aws-sdk-js-v3 | Node.js | 2 | AWS SDK |`,
  ),
  {
    section: 'Operating System Compatibility',
    rows: `
Ubuntu | 22.04 LTS | 1 | Docker, containerd, Podman | Primary test target |
Ubuntu | 20.04 LTS | 1 | Docker, containerd, Podman | Still widely used, supported |
Ubuntu | 24.04 LTS | 1 | Docker, containerd, Podman | New LTS, tested |
Debian | 12 (Bookworm) | 1 | Docker, containerd, Podman | Current stable |
Debian | 11 (Bullseye) | 2 | Docker, containerd, Podman | Previous stable |
RHEL | 9.x | 1 | podman, Docker | Enterprise target |
RHEL | 8.x | 2 | podman, Docker | Still common, supported |
CentOS | 9 Stream | 2 | podman, Docker | RHEL-compatible |
CentOS | 8 Stream | 3 | podman, Docker | EOL, use Stream 9+ |
Amazon Linux | 2023 | 1 | Docker, containerd | AWS standard |
Amazon Linux | 2 | 2 | Docker, containerd | Previous version |
Fedora | 39+ | 2 | podman, Docker | Cutting edge, may have issues |
Fedora | 38 | 2 | podman, Docker | Stable, tested |
SUSE | 15.x | 2 | Docker, containerd | Enterprise, community tested |
Oracle Linux | 9.x | 2 | Docker, containerd | RHEL-compatible |
Alpine Linux | - | 3 | docker | musl-based, not GLIBC (workarounds exist) |`,
    expect: (c) => ({
      category: 'host-os',
      name: cell(c, 0),
      version: cell(c, 1),
      tier: Number(cell(c, 2)),
      containerRuntimes: cell(c, 3).split(', '),
      notes: cell(c, 4),
    }),
  },
  {
    section: 'Container Runtime Matrix',
    rows: `
containerd | 1.7+ | 1 | Default | CNCF standard, most common in K8s |
containerd | 1.6 | 2 | Supported | Older version, still works |
Docker Engine | 24.x | 1 | Desktop only | Local development, Compose |
Docker Engine | 23.x | 2 | Desktop only | Older version, still works |
CRI-O | 1.28+ | 1 | OpenShift | Kubernetes-focused runtime |
CRI-O | 1.27 | 2 | OpenShift | Slightly older |
Podman | 4.x+ | 2 | Rootless possible | Rootless containers, similar to Docker |
Podman | 3.x | 2 | With caveats | Older version |`,
    expect: (c) => ({
      category: 'container-runtime',
      name: cell(c, 0),
      version: cell(c, 1),
      tier: Number(cell(c, 2)),
      kubernetes: cell(c, 3),
      notes: cell(c, 4),
    }),
  },
  {
    section: 'Kubernetes Version Matrix',
    rows: `
1.28.x | 1 | Current | Latest stable release |
1.27.x | 1 | Previous (n-1) | Officially supported |
1.26.x | 1 | Previous (n-2) | Officially supported, approaching EOL |
1.25.x | 2 | n-3 | Community tested, approaching EOL |
1.24.x | 2 | n-4 | Older, not recommended |
<1.24 | 3 | Legacy | Use at your own risk |`,
    expect: (c) => ({
      category: 'kubernetes',
      name: 'Kubernetes',
      version: cell(c, 0),
      tier: Number(cell(c, 1)),
      releaseStatus: cell(c, 2),
      notes: cell(c, 3),
    }),
  },
  {
    section: 'Kubernetes Features Used by CleanStart',
    rows: `
securityContext (runAsNonRoot) | 1.19+ | 1 | Standard security |
readOnlyRootFilesystem | 1.19+ | 1 | All versions support |
networkPolicy | 1.19+ | 1 | Network segmentation |
PodDisruptionBudget | 1.21+ | 1 | High availability |
Ephemeral containers | 1.23+ | 1 | Debugging without shell |
seccompProfile | 1.19+ | 1 | Syscall filtering |
Horizontal Pod Autoscaling | 1.19+ | 1 | Scaling on metrics |
StatefulSets | 1.19+ | 1 | Ordered, stable identities |`,
    expect: (c) => ({
      category: 'kubernetes-feature',
      name: cell(c, 0),
      requires: { text: cell(c, 1), range: `>=${cell(c, 1).replace('+', '')}` },
      tier: Number(cell(c, 2)),
      notes: cell(c, 3),
    }),
  },
];
