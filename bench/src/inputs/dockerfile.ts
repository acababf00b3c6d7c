/**
 * Multi-stage Dockerfiles of an exact number of lines: Python, Node, Go and Rust build stages with
 * `ARG`-fed tags, continuation lines, `RUN --mount`, heredocs, shell and exec forms, and now and
 * then an Alpine image or a musl target, as real projects have them.
 */
import { Random } from './random';

const PYTHON_TAGS = [
  '3.12-slim',
  '3.11-slim-bookworm',
  '3.12',
  '3.10-bullseye',
  '3.9-slim',
  '3.12-alpine',
];
const NODE_TAGS = ['20-bookworm-slim', '18', '22-slim', '20-alpine', '16-bullseye', '20'];
const GO_TAGS = ['1.22', '1.21-bookworm', '1.22-alpine', '1.20', '1.22.5'];
const RUST_TAGS = ['1.77', '1.78-slim-bookworm', '1.76'];
const PIP_PACKAGES = [
  'django==4.2.11',
  'gunicorn==21.2.0',
  'psycopg2==2.9.9',
  'flask==3.0.3',
  'celery==5.3.6',
  'numpy==1.26.4',
  'uvicorn[standard]==0.29.0',
  'requests==2.31.0',
  'lxml==5.2.1',
  'cryptography==42.0.5',
];
const NPM_PACKAGES = [
  'express@4.19.2',
  'pm2@5.3.1',
  'sharp@0.33.3',
  'bcrypt@5.1.1',
  'typescript@5.4.5',
];
const APT_PACKAGES = [
  'build-essential',
  'libpq-dev',
  'curl',
  'ca-certificates',
  'git',
  'libffi-dev',
];
const FINAL_IMAGES = [
  'gcr.io/distroless/base-debian12:nonroot',
  'debian:bookworm-slim',
  'ubuntu:22.04',
  'python:3.12-slim',
  'node:20-bookworm-slim',
  'registry.cleanstart.com/cleanstart/python:3.12',
  'alpine:3.19',
];

function some(random: Random, items: readonly string[], count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(random.pick(items));
  return [...chosen];
}

function aptInstall(random: Random): string[] {
  return [
    'RUN apt-get update \\',
    `    && apt-get install -y --no-install-recommends ${some(random, APT_PACKAGES, 3).join(' ')} \\`,
    '    && rm -rf /var/lib/apt/lists/*',
  ];
}

function heredocRun(random: Random): string[] {
  return [
    'RUN <<EOF',
    'set -eux',
    `mkdir -p /opt/app/cache-${random.integer(1, 99)}`,
    'chown -R 65532:65532 /opt/app',
    'EOF',
  ];
}

function pythonStage(random: Random, name: string): string[] {
  const lines = [
    `ARG PYTHON_TAG=${random.pick(PYTHON_TAGS)}`,
    `FROM python:\${PYTHON_TAG} AS ${name}`,
  ];
  lines.push(
    'ENV PYTHONDONTWRITEBYTECODE=1 \\',
    '    PYTHONUNBUFFERED=1 \\',
    '    PIP_NO_CACHE_DIR=1',
    'WORKDIR /src',
  );
  if (random.chance(0.7)) lines.push(...aptInstall(random));
  lines.push('COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt');
  lines.push(`RUN pip install ${some(random, PIP_PACKAGES, random.integer(1, 3)).join(' ')}`);
  if (random.chance(0.3)) lines.push(...heredocRun(random));
  lines.push('COPY . .', 'RUN python -m compileall -q /src');
  return lines;
}

function nodeStage(random: Random, name: string): string[] {
  const lines = [`FROM node:${random.pick(NODE_TAGS)} AS ${name}`, 'WORKDIR /app'];
  lines.push('COPY package.json package-lock.json ./');
  lines.push(
    random.chance(0.5)
      ? 'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev'
      : 'RUN corepack enable && pnpm install --frozen-lockfile',
  );
  if (random.chance(0.4)) lines.push(`RUN npm install --global ${random.pick(NPM_PACKAGES)}`);
  lines.push('COPY . .', 'RUN npm run build \\', '    && npm prune --omit=dev');
  return lines;
}

function goStage(random: Random, name: string): string[] {
  return [
    `FROM golang:${random.pick(GO_TAGS)} AS ${name}`,
    'WORKDIR /go/src/app',
    'COPY go.mod go.sum ./',
    'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=0 GOOS=linux go build -trimpath \\',
    '    -ldflags="-s -w" \\',
    `    -o /out/service-${random.integer(1, 40)} ./cmd/server`,
  ];
}

function rustStage(random: Random, name: string): string[] {
  const target = random.chance(0.3) ? 'x86_64-unknown-linux-musl' : 'x86_64-unknown-linux-gnu';
  return [
    `FROM rust:${random.pick(RUST_TAGS)} AS ${name}`,
    `RUN rustup target add ${target}`,
    'WORKDIR /usr/src/app',
    'COPY Cargo.toml Cargo.lock ./',
    'COPY src ./src',
    `RUN cargo build --release --locked --target ${target}`,
  ];
}

function finalStage(random: Random, from: string): string[] {
  const lines = [
    `FROM ${random.pick(FINAL_IMAGES)} AS runtime`,
    `COPY --from=${from} /src /app`,
    'COPY <<EOF /etc/app/settings.ini',
    '[server]',
    'port = 8080',
    'EOF',
    'USER 65532:65532',
    'EXPOSE 8080',
    'HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]',
  ];
  lines.push(
    random.chance(0.5)
      ? 'CMD ["gunicorn", "app.wsgi:application", "--bind", "0.0.0.0:8080"]'
      : 'CMD gunicorn app.wsgi:application --bind 0.0.0.0:8080',
  );
  return lines;
}

const STAGES = [pythonStage, nodeStage, goStage, rustStage];

/** A Dockerfile of exactly `lineCount` lines (at least 20), the same for the same seed. */
export function generateDockerfile(lineCount: number, seed: number): string {
  const random = new Random(seed);
  const lines = ['# syntax=docker/dockerfile:1.7', 'ARG BUILD_REVISION=unknown', ''];
  const finalLength = 10;
  let stages = 0;
  for (;;) {
    const stage = random.pick(STAGES)(random, `build-${stages + 1}`);
    if (lines.length + stage.length + 1 + finalLength > lineCount) break;
    lines.push(...stage, '');
    stages++;
  }
  lines.push(...finalStage(random, stages > 0 ? `build-${stages}` : 'scratch'));
  let label = 0;
  while (lines.length < lineCount) {
    lines.push(`LABEL org.example.revision-${++label}="\${BUILD_REVISION}"`);
  }
  return lines.slice(0, lineCount).join('\n') + '\n';
}
