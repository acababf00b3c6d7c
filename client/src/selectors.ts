/**
 * The files the server analyses, by name, so that the extension works whether or not another
 * extension gives them a language. Kept in step with the engine's `fileKindOf`.
 */
export const FILE_PATTERNS: readonly string[] = [
  '**/{Dockerfile,dockerfile,Containerfile,containerfile}',
  '**/*.{dockerfile,Dockerfile,containerfile,Containerfile}',
  '**/{Dockerfile,dockerfile,Containerfile,containerfile}.*',
  '**/package.json',
  '**/requirements*.{txt,in}',
  '**/requirements/*.{txt,in}',
  '**/*.in',
  '**/go.mod',
];

/** Languages other extensions give these files; the server maps them to a file kind too. */
export const LANGUAGES: readonly string[] = ['dockerfile', 'pip-requirements', 'go.mod'];

/** Accepted both by the editor API and by the language client's own selector type. */
export type FileFilter =
  | { readonly scheme: string; readonly pattern: string }
  | { readonly scheme: string; readonly language: string };

/** Files on disk, and in virtual workspaces (GitHub and Azure Repos opened without a clone). */
const SCHEMES = ['file', 'vscode-vfs'];

export const DOCUMENT_SELECTOR: FileFilter[] = [
  ...SCHEMES.flatMap((scheme) => FILE_PATTERNS.map((pattern) => ({ scheme, pattern }))),
  ...LANGUAGES.map((language) => ({ scheme: 'file', language })),
  ...LANGUAGES.map((language) => ({ scheme: 'untitled', language })),
];
