import type { EditorSettings } from './configuration';
import { readEditorSettings, SETTINGS_SECTION } from './configuration';
import type { Logger } from './logger';
import { describeError } from './logger';

/** Asks the editor for the `cleanstart` section for a resource (`workspace/configuration`). */
export type ConfigurationRequest = (scopeUri: string | undefined) => Promise<unknown>;

/**
 * The editor settings per resource, pulled from the editor and kept until the editor says they
 * changed. Without `workspace/configuration` support, the section sent at initialization (or in
 * `didChangeConfiguration`) applies everywhere.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<EditorSettings>>();

  private request: ConfigurationRequest | undefined;
  private fallback: unknown;

  constructor(private readonly logger: Logger) {}

  /** Sets how settings are read once the editor has said what it supports. */
  configure(request: ConfigurationRequest | undefined, fallback: unknown): void {
    this.request = request;
    this.fallback = fallback;
    this.cache.clear();
  }

  forResource(uri: string | undefined): Promise<EditorSettings> {
    const key = uri ?? '';
    let settings = this.cache.get(key);
    if (settings === undefined) {
      settings = this.fetch(uri);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** Forgets every answer; `pushed` is the section the editor sent along, if it sent one. */
  invalidate(pushed?: unknown): void {
    if (pushed !== undefined && pushed !== null) this.fallback = pushed;
    this.cache.clear();
  }

  private async fetch(uri: string | undefined): Promise<EditorSettings> {
    if (this.request === undefined) return readEditorSettings(this.fallback);
    try {
      return readEditorSettings(await this.request(uri));
    } catch (error) {
      this.logger.warn(
        `Could not read the ${SETTINGS_SECTION} settings from the editor; using the defaults. ${describeError(error)}`,
      );
      return readEditorSettings(this.fallback);
    }
  }
}
