import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, summarize } from '../measure/statistics';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });
});

describe('summarize', () => {
  it('gives median, min, max and count', () => {
    assert.deepEqual(summarize([5, 1, 9, 3]), { median: 4, min: 1, max: 9, count: 4 });
  });

  it('gives nothing for no values, so nothing passes for zero', () => {
    assert.equal(summarize([]), undefined);
  });
});
