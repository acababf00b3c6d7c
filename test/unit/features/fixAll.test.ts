import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Fix, TextEdit } from '../../../server/src/engine/finding';
import { conflicts, fixAllEdits } from '../../../server/src/features/fixAll';

function edit(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

function finding(fixes: Fix[]): Finding {
  return {
    rule: 'runtime-support',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: 'warning',
    message: 'm',
    fixes,
  };
}

function preferred(...edits: TextEdit[]): Fix {
  return { title: 'fix', isPreferred: true, edits };
}

describe('fix-all edits', () => {
  it('skips a fix that overlaps one already taken, whole', () => {
    const first = finding([preferred(edit(0, 5, 8, 'A'))]);
    const overlapping = finding([preferred(edit(0, 7, 9, 'B'), edit(3, 0, 1, 'C'))]);
    const apart = finding([preferred(edit(1, 0, 2, 'D'))]);
    assert.deepEqual(fixAllEdits([first, overlapping, apart]), [
      edit(0, 5, 8, 'A'),
      edit(1, 0, 2, 'D'),
    ]);
  });

  it('takes an edit two findings share once', () => {
    const shared = edit(2, 4, 8, '3.12');
    const result = fixAllEdits([
      finding([preferred(shared)]),
      finding([preferred(shared, edit(5, 0, 0, 'x'))]),
    ]);
    assert.deepEqual(result, [shared, edit(5, 0, 0, 'x')]);
  });

  it('orders edits by position, insertions before replacements at the same start', () => {
    const result = fixAllEdits([
      finding([preferred(edit(4, 0, 3, 'r'))]),
      finding([preferred(edit(1, 0, 0, 'i'))]),
      finding([preferred(edit(4, 0, 0, 'i'))]),
    ]);
    assert.deepEqual(result, [edit(1, 0, 0, 'i'), edit(4, 0, 0, 'i'), edit(4, 0, 3, 'r')]);
  });

  it('ignores findings without a preferred fix', () => {
    assert.deepEqual(fixAllEdits([finding([{ title: 'maybe', edits: [edit(0, 0, 1, 'x')] }])]), []);
  });
});

describe('edit conflicts', () => {
  it('are overlaps and insertions at one point, not ranges that only touch', () => {
    assert.equal(conflicts(edit(0, 0, 5, 'a'), edit(0, 4, 6, 'b')), true);
    assert.equal(conflicts(edit(0, 0, 5, 'a'), edit(0, 5, 6, 'b')), false);
    assert.equal(conflicts(edit(0, 3, 3, 'a'), edit(0, 3, 3, 'b')), true);
    assert.equal(conflicts(edit(0, 3, 3, 'a'), edit(0, 0, 5, 'b')), true);
    assert.equal(conflicts(edit(0, 0, 0, 'a'), edit(0, 0, 5, 'b')), false);
    assert.equal(conflicts(edit(0, 0, 1, 'a'), edit(1, 0, 1, 'b')), false);
  });
});
