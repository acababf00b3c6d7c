import type { WorkspaceFolder } from 'vscode-languageserver';
import { documentKey, relativeTo, uriToPath } from './uris';

export interface Folder {
  readonly uri: string;
  readonly name: string;
  /** Its path on disk; `undefined` for a virtual folder. */
  readonly path?: string;
}

/** The workspace folders the editor has open, and which one holds a file. */
export class WorkspaceFolders {
  private folders: Folder[] = [];

  set(folders: readonly WorkspaceFolder[]): void {
    this.folders = folders.map((folder) => ({
      uri: folder.uri,
      name: folder.name,
      path: uriToPath(folder.uri),
    }));
  }

  add(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => documentKey(folder.uri)));
    const kept = this.folders.filter((folder) => !gone.has(documentKey(folder.uri)));
    this.set([...kept, ...added]);
  }

  all(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder holding `filePath`. */
  folderOf(filePath: string | undefined): Folder | undefined {
    if (filePath === undefined) return undefined;
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (folder.path === undefined) continue;
      const inside = folder.path === filePath || relativeTo(folder.path, filePath) !== undefined;
      if (inside && (best?.path === undefined || folder.path.length > best.path.length))
        best = folder;
    }
    return best;
  }

  /** `filePath` as people see it in the workspace: relative to its folder when inside one. */
  displayPath(uri: string): string {
    const filePath = uriToPath(uri);
    const folder = this.folderOf(filePath);
    if (filePath === undefined) return uri;
    if (folder?.path === undefined) return filePath;
    const relative = relativeTo(folder.path, filePath) ?? filePath;
    return this.folders.length > 1 ? `${folder.name}/${relative}` : relative;
  }
}
