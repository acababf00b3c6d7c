import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addYears,
  daysBetween,
  describeDays,
  formatMonth,
  isDay,
  lastDayOf,
  parseDay,
} from '../../../server/src/matrix/dates';

void describe('calendar days', () => {
  void it('accepts only real days', () => {
    assert.deepEqual(parseDay('2024-02-29'), { year: 2024, month: 2, day: 29 });
    for (const text of ['2023-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '']) {
      assert.equal(isDay(text), false, text);
    }
  });

  void it('finds the last day of a month, leap years included', () => {
    assert.equal(lastDayOf('2027-10'), '2027-10-31');
    assert.equal(lastDayOf('2026-04'), '2026-04-30');
    assert.equal(lastDayOf('2024-02'), '2024-02-29');
    assert.equal(lastDayOf('2100-02'), '2100-02-28');
    assert.equal(lastDayOf('2000-02'), '2000-02-29');
    assert.equal(lastDayOf('2026-09-15'), '2026-09-15');
    assert.equal(lastDayOf('2026-13'), undefined);
    assert.equal(lastDayOf('Oct 2027'), undefined);
  });

  void it('counts days between two days across months, years and leap days', () => {
    assert.equal(daysBetween('2026-12-03', '2026-12-03'), 0);
    assert.equal(daysBetween('2026-12-03', '2026-12-04'), 1);
    assert.equal(daysBetween('2026-12-04', '2026-12-03'), -1);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
    assert.throws(() => daysBetween('2026-02-30', '2026-03-01'), RangeError);
  });

  void it('adds days and years', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addYears('2023-12-25', 3), '2026-12-25');
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
    assert.equal(addYears('2024-02-29', 4), '2028-02-29');
    assert.equal(addYears('2023-12', 3), '2026-12');
    assert.equal(addYears('someday', 3), undefined);
  });

  void it('names months as the document writes them', () => {
    assert.equal(formatMonth('2027-10'), 'Oct 2027');
    assert.equal(formatMonth('2026-09-30'), 'Sep 2026');
    assert.equal(formatMonth('soon'), undefined);
  });
});

void describe('describeDays', () => {
  void it('says today, tomorrow and yesterday', () => {
    assert.equal(describeDays(0), 'ends today');
    assert.equal(describeDays(1), 'ends tomorrow');
    assert.equal(describeDays(-1), 'ended yesterday');
  });

  void it('counts days exactly under 60 days', () => {
    assert.equal(describeDays(2), 'ends in 2 days');
    assert.equal(describeDays(43), 'ends in 43 days');
    assert.equal(describeDays(59), 'ends in 59 days');
    assert.equal(describeDays(-2), 'ended 2 days ago');
    assert.equal(describeDays(-59), 'ended 59 days ago');
  });

  void it('switches to months at 60 days, never saying "1 month"', () => {
    assert.equal(describeDays(60), 'ends in 2 months');
    assert.equal(describeDays(-60), 'ended 2 months ago');
    assert.equal(describeDays(90), 'ends in 3 months');
    assert.equal(describeDays(-217), 'ended 7 months ago');
    assert.equal(describeDays(730), 'ends in 24 months');
  });

  void it('counts whole years from two years on, rounding down', () => {
    assert.equal(describeDays(731), 'ends in 2 years');
    assert.equal(describeDays(-1313), 'ended 3 years ago');
    assert.equal(describeDays(-2498), 'ended 6 years ago');
  });

  void it('rounds fractional counts to whole days', () => {
    assert.equal(describeDays(0.4), 'ends today');
    assert.equal(describeDays(-1.2), 'ended yesterday');
  });
});
