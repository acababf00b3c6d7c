import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledMatrix } from '../../../server/src/matrix/generated/bundledMatrix';

// How each version text of the document becomes a machine-checkable range. Outside the runtime
// tables a version text means the same wherever it appears.
const rangeOfVersion: Record<string, string> = {
  '-': '*',
  stdlib: '*',
  '0.100+': '>=0.100',
  '0.2x+': '>=0.20',
  '0.3.x': '>=0.3 <0.4',
  '0.5.x': '>=0.5 <0.6',
  '0.7+': '>=0.7',
  '0.x': '>=0 <1',
  '1.24+': '>=1.24',
  '1.x': '>=1 <2',
  '2.x': '>=2 <3',
  '3.2': '>=3.2 <3.3',
  '3.x': '>=3 <4',
  '4.2+': '>=4.2',
  '4.x': '>=4 <5',
  '5.x': '>=5 <6',
  '6.x': '>=6 <7',
  '7.x': '>=7 <8',
  '7.x+': '>=7',
  '8.x': '>=8 <9',
  '9.x': '>=9 <10',
  '10.x': '>=10 <11',
  '11.x': '>=11 <12',
  '14.x': '>=14 <15',
  '15.x': '>=15 <16',
  '16.x+': '>=16',
  '18.x': '>=18 <19',
  '20.x+': '>=20',
  '21.x': '>=21 <22',
  '22.04 LTS': '>=22.04 <22.05',
  '20.04 LTS': '>=20.04 <20.05',
  '24.04 LTS': '>=24.04 <24.05',
  '12 (Bookworm)': '>=12 <13',
  '11 (Bullseye)': '>=11 <12',
  '9 Stream': '>=9 <10',
  '8 Stream': '>=8 <9',
  '2023': '>=2023 <2024',
  '2': '>=2 <3',
  '39+': '>=39',
  '38': '>=38 <39',
  '1.7+': '>=1.7',
  '1.6': '>=1.6 <1.7',
  '24.x': '>=24 <25',
  '23.x': '>=23 <24',
  '1.28+': '>=1.28',
  '1.27': '>=1.27 <1.28',
  '4.x+': '>=4',
  '1.28.x': '>=1.28 <1.29',
  '1.27.x': '>=1.27 <1.28',
  '1.26.x': '>=1.26 <1.27',
  '1.25.x': '>=1.25 <1.26',
  '1.24.x': '>=1.24 <1.25',
  '<1.24': '<1.24',
};

// Runtime versions, by language.
const rangeOfRuntime: Record<string, Record<string, string>> = {
  python: {
    '3.12': '>=3.12 <3.13',
    '3.11': '>=3.11 <3.12',
    '3.10': '>=3.10 <3.11',
    '3.9': '>=3.9 <3.10',
    '3.8': '>=3.8 <3.9',
    '2.7': '>=2.7 <2.8',
  },
  node: {
    '20 LTS': '>=20 <21',
    '18 LTS': '>=18 <19',
    '22': '>=22 <23',
    '16 LTS': '>=16 <17',
    '14 LTS': '>=14 <15',
  },
  go: {
    '1.22': '>=1.22 <1.23',
    '1.21': '>=1.21 <1.22',
    '1.20': '>=1.20 <1.21',
    '1.19': '>=1.19 <1.20',
  },
  java: { '21 LTS': '>=21 <22', '17 LTS': '>=17 <18', '11 LTS': '>=11 <12', '8 LTS': '>=8 <9' },
  rust: { '1.75+': '>=1.75', 'MSRV (1.70)': '>=1.70 <1.75' },
  dotnet: {
    '.NET 8': '>=8 <9',
    '.NET 7': '>=7 <8',
    '.NET 6': '>=6 <7',
    '.NET Framework 4.x': '>=4 <5',
  },
  ruby: { '3.3': '>=3.3 <3.4', '3.2': '>=3.2 <3.3', '3.1': '>=3.1 <3.2', '3.0': '>=3.0 <3.1' },
  php: {
    '8.3': '>=8.3 <8.4',
    '8.2': '>=8.2 <8.3',
    '8.1': '>=8.1 <8.2',
    '8.0': '>=8.0 <8.1',
    '7.x': '>=7 <8',
  },
};

void describe('version ranges', () => {
  void it('turns each runtime version into the range of its release line', () => {
    for (const entry of bundledMatrix.entries.filter((item) => item.category === 'runtime')) {
      const expected = rangeOfRuntime[entry.language ?? '']?.[entry.version ?? ''];
      assert.equal(entry.range, expected, entry.id);
    }
  });

  void it('turns every other version text into the same range wherever it appears', () => {
    for (const entry of bundledMatrix.entries.filter((item) => item.category !== 'runtime')) {
      const expected = entry.version === undefined ? '*' : rangeOfVersion[entry.version];
      assert.equal(entry.range, expected, `${entry.id}: "${entry.version}"`);
    }
  });

  void it('gives Kubernetes features the minimum version they require', () => {
    const features = bundledMatrix.entries.filter((item) => item.category === 'kubernetes-feature');
    assert.equal(features.length, 8);
    for (const entry of features) {
      assert.equal(entry.requires?.range, `>=${entry.requires?.text.replace(/\+$/, '')}`);
    }
  });
});
