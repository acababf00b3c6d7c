/** What the rules know about base images beyond the matrix: libc, shells, CleanStart's own names. */
import { CLEANSTART_REGISTRY, type MatrixIndex } from '../matrix/lookup';
import type { Language } from '../matrix/types';
import type { DockerfileFacts, ImageReference, Stage } from '../parsers/types';

export function isCleanStartImage(reference: ImageReference): boolean {
  return reference.registry?.toLowerCase() === CLEANSTART_REGISTRY;
}

/** How messages name an image: registry, repository and tag, without a digest. */
export function displayImage(reference: ImageReference): string {
  const name = reference.registry
    ? `${reference.registry}/${reference.repository}`
    : reference.repository;
  return reference.tag === undefined ? name : `${name}:${reference.tag}`;
}

/**
 * Windows images (`mcr.microsoft.com/windows/servercore`, `golang:1.22-windowsservercore-ltsc2022`):
 * CleanStart images are Linux images, so the rules have nothing to say about these stages.
 */
export function isWindowsImage(reference: ImageReference): boolean {
  const repository = reference.repository.toLowerCase();
  const tag = reference.tag?.toLowerCase() ?? '';
  return (
    repository.startsWith('windows/') ||
    repository === 'windows' ||
    /(^|\/)(windowsservercore|nanoserver|servercore)$/.test(repository) ||
    /(^|-)(windowsservercore|nanoserver|ltsc\d{4}|windows)(-|$)/.test(tag)
  );
}

/** `python:3.9-alpine`, `node:lts-alpine3.19`, `alpine:3.19`, `golang:alpine`. */
export function isAlpineImage(reference: ImageReference): boolean {
  const repository = reference.repository.toLowerCase();
  if (repository === 'alpine' || repository.endsWith('/alpine')) return true;
  const tag = reference.tag?.toLowerCase() ?? '';
  return tag.split('-').some((part) => /^(alpine|musl)[\d.]*$/.test(part));
}

/** The tag part that names Alpine (`alpine3.19`), with its offset in the tag. */
export function alpineTagPart(tag: string): { start: number; text: string } | undefined {
  let offset = 0;
  for (const part of tag.split('-')) {
    if (/^alpine[\d.]*$/i.test(part)) return { start: offset, text: part };
    offset += part.length + 1;
  }
  return undefined;
}

/**
 * The glibc variant that replaces an Alpine tag part, per image repository: Debian "slim" where the
 * image has one, the default (Debian or Ubuntu) variant where it has not.
 */
const GLIBC_VARIANTS: Readonly<Record<string, string>> = {
  python: 'slim',
  node: 'slim',
  ruby: 'slim',
  rust: 'slim',
  openjdk: 'slim',
  golang: 'bookworm',
  php: '',
  'eclipse-temurin': '',
  amazoncorretto: '',
  'dotnet/aspnet': 'bookworm-slim',
  'dotnet/runtime': 'bookworm-slim',
  'dotnet/sdk': 'bookworm',
  'dotnet/runtime-deps': 'bookworm-slim',
};

/** The tag with its Alpine part swapped for the glibc variant, or undefined when none is known. */
export function glibcTag(reference: ImageReference): string | undefined {
  const tag = reference.tag;
  if (tag === undefined) return undefined;
  const replacement = GLIBC_VARIANTS[reference.repository.toLowerCase()];
  if (replacement === undefined) return undefined;
  const parts = tag.split('-');
  const index = parts.findIndex((part) => /^alpine[\d.]*$/i.test(part));
  if (index < 0) return undefined;
  const rest = parts.filter((_, i) => i !== index);
  const result =
    replacement === '' ? rest : [...rest.slice(0, index), replacement, ...rest.slice(index)];
  const unique = result.filter((part, i) => part !== '' && result.indexOf(part) === i);
  return unique.length > 0 ? unique.join('-') : replacement === '' ? 'latest' : replacement;
}

/** Image repositories of CleanStart per runtime (`registry.cleanstart.com/python`). */
export function cleanStartRepository(language: Language): string {
  return language === 'go' ? 'golang' : language;
}

/**
 * The CleanStart tag for a version, following the document's own examples
 * (`registry.cleanstart.com/python:3.12-stable`, `registry.cleanstart.com/golang:1.22-static`).
 */
export function cleanStartTag(language: Language, version: string): string {
  return language === 'go' ? `${version}-static` : `${version}-stable`;
}

/**
 * Whether the image of a stage has a shell. CleanStart images, `scratch` and distroless images
 * have none; an image that cannot be known is assumed to have one, so nothing is reported on a
 * guess.
 */
export function stageHasShell(
  facts: DockerfileFacts,
  stage: Stage,
  seen = new Set<number>(),
): boolean {
  if (stage.baseStage !== undefined) {
    const base = facts.stages[stage.baseStage];
    if (!base || seen.has(base.index)) return true;
    seen.add(stage.index);
    return stageHasShell(facts, base, seen);
  }
  const reference = stage.image;
  if (!reference) return true;
  return imageHasShell(reference);
}

export function imageHasShell(reference: ImageReference): boolean {
  if (isCleanStartImage(reference)) return false;
  const repository = reference.repository.toLowerCase();
  const registry = reference.registry?.toLowerCase();
  const tag = reference.tag?.toLowerCase() ?? '';
  if (repository === 'scratch' && registry === undefined) return false;
  if (registry === 'gcr.io' && repository.startsWith('distroless/')) return tag.includes('debug');
  return true;
}

/** The image a stage ultimately starts from, following references to earlier stages. */
export function stageImage(
  facts: DockerfileFacts,
  stage: Stage,
  depth = 0,
): { stage: Stage; reference?: ImageReference } {
  if (stage.baseStage === undefined || depth > facts.stages.length)
    return { stage, reference: stage.image };
  const base = facts.stages[stage.baseStage];
  return base ? stageImage(facts, base, depth + 1) : { stage, reference: stage.image };
}

export function imageLanguage(reference: ImageReference, index: MatrixIndex): Language | undefined {
  return index.runtimeForImage(reference.repository, reference.registry);
}
