/**
 * Regressions for cases the robustness properties found: fixes that kept their own finding, and
 * messages that quoted megabyte-long tokens whole.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, type CheckOptions } from '../engine/helpers';
import { assertEditsApply } from './invariants';

const MB = 1024 * 1024;

describe('found by the properties', () => {
  it('offers no runtime version fix that keeps the version the finding is about', () => {
    const cases: [string, string, CheckOptions][] = [
      ['go.mod', 'module x\n\ngo 1.22.5\n', {}],
      ['go.mod', 'module x\n\ngo 1.22\n\ntoolchain go1.22.5\n', {}],
      ['Dockerfile', 'FROM python:3.12.1-slim\n', { today: '2028-06-01' }],
      ['package.json', '{"engines":{"node":"20.11.1"}}', { today: '2028-06-01' }],
    ];
    for (const [fileName, text, options] of cases) {
      for (const finding of check(fileName, text, options).findings) {
        for (const fix of finding.fixes) {
          const fixed = assertEditsApply(text, fix.edits);
          const still = check(fileName, fixed, options).findings.some(
            (other) => other.rule === finding.rule && other.entryId === finding.entryId,
          );
          assert.equal(still, false, `${fileName}: "${fix.title}" keeps ${finding.entryId}`);
        }
      }
    }
  });

  it('keeps messages and fix titles short when they quote a 1 MB token', () => {
    const token = 'x'.repeat(MB);
    const cases: [string, string][] = [
      ['requirements.txt', `requests>=1${token}\n`],
      ['requirements.txt', `requests; ${token}\n`],
      ['requirements.txt', `--${token}\n`],
      ['go.mod', `module x\ngo 1${token}\n`],
      ['go.mod', `module x\n${token}\n`],
      ['go.mod', `module x\nrequire a v${token}\n`],
      ['package.json', `{"packageManager":"${token}"}`],
      ['Dockerfile', `FROM python:3.12-slim AS ${token}\nCMD ${token}\n`],
    ];
    for (const [fileName, text] of cases) {
      for (const finding of check(fileName, text).findings) {
        assert.ok(finding.message.length < 2000, `${fileName}: ${finding.rule} message`);
        for (const fix of finding.fixes) {
          assert.ok(fix.title.length < 2000, `${fileName}: ${fix.title.slice(0, 60)}`);
        }
      }
    }
  });
});
