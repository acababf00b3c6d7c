import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { DEFAULT_EDITOR_SETTINGS, readEditorSettings } from '../../server/src/lsp/configuration';

describe('editor settings', () => {
  it('default everything that is missing', () => {
    assert.deepEqual(readEditorSettings(undefined), DEFAULT_EDITOR_SETTINGS);
    assert.deepEqual(readEditorSettings({}), DEFAULT_EDITOR_SETTINGS);
    assert.deepEqual(readEditorSettings('cleanstart'), DEFAULT_EDITOR_SETTINGS);
  });

  it('read every setting', () => {
    const settings = readEditorSettings({
      rules: { 'shell-form': 'off', 'musl-libc': 'warning', 'runtime-support': 'default' },
      lookaheadDays: 30,
      matrixOverridePath: ' config/matrix.yaml ',
      checkWorkspaceOnStartup: false,
      files: { dockerfile: { enabled: false }, goMod: { enabled: false } },
      reportNewerVersions: true,
      trace: { server: 'verbose' },
    });
    assert.deepEqual(settings, {
      analysis: {
        rules: { 'shell-form': 'off', 'musl-libc': 'warning' },
        lookaheadDays: 30,
        reportNewerVersions: true,
        fileKinds: { dockerfile: false, 'package.json': true, requirements: true, 'go.mod': false },
      },
      matrixOverridePath: 'config/matrix.yaml',
      checkWorkspaceOnStartup: false,
    });
  });

  it('drop values that are not what the setting takes', () => {
    const settings = readEditorSettings({
      rules: { 'shell-form': 'loud', 'no-such-rule': 'error', 'musl-libc': 3 },
      lookaheadDays: -1,
      matrixOverridePath: 42,
      checkWorkspaceOnStartup: 'yes',
      files: { dockerfile: 'no', packageJson: { enabled: 'false' } },
      reportNewerVersions: 1,
    });
    assert.deepEqual(settings.analysis, { ...DEFAULT_SETTINGS, rules: {} });
    assert.equal(settings.matrixOverridePath, '');
    assert.equal(settings.checkWorkspaceOnStartup, true);
    assert.equal(
      readEditorSettings({ lookaheadDays: 1.5 }).analysis.lookaheadDays,
      DEFAULT_SETTINGS.lookaheadDays,
    );
    assert.equal(readEditorSettings({ lookaheadDays: 0 }).analysis.lookaheadDays, 0);
  });
});
