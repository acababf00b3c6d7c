/**
 * Calendar arithmetic on `YYYY-MM-DD` and `YYYY-MM` strings, in UTC so that the answer never
 * depends on the machine's time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

export interface CalendarDay {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
}

/** Reads a real calendar day (`2024-02-29` yes, `2023-02-29` no), or undefined. */
export function parseDay(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isDay(text: string): boolean {
  return parseDay(text) !== undefined;
}

export function formatDay(day: CalendarDay): string {
  const month = String(day.month).padStart(2, '0');
  const date = String(day.day).padStart(2, '0');
  return `${String(day.year).padStart(4, '0')}-${month}-${date}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The last day a date names: a month (`2027-10`) ends on its last day (`2027-10-31`), a day names
 * itself. Undefined when the text is neither.
 */
export function lastDayOf(date: string): string | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (!month) return parseDay(date) ? date : undefined;
  const year = Number(month[1]);
  const monthNumber = Number(month[2]);
  if (monthNumber < 1 || monthNumber > 12) return undefined;
  return formatDay({ year, month: monthNumber, day: daysInMonth(year, monthNumber) });
}

function toEpochDay(text: string): number {
  const day = parseDay(text);
  if (!day) throw new RangeError(`Expected a day as YYYY-MM-DD, got "${text}"`);
  return Date.UTC(day.year, day.month - 1, day.day) / DAY_MS;
}

/**
 * Whole days from `from` to `to`: positive when `to` is later. Throws a RangeError on text that is
 * not a real `YYYY-MM-DD` day; callers check input with `isDay` first.
 */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** `day` moved by `days` (negative moves back). Throws like `daysBetween`. */
export function addDays(day: string, days: number): string {
  const date = new Date((toEpochDay(day) + days) * DAY_MS);
  return formatDay({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/**
 * `date` moved by whole years. A `YYYY-MM` month stays a month; 29 February lands on 28 February
 * in a year without one, since the anniversary must not spill into March.
 */
export function addYears(date: string, years: number): string | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) {
    const monthNumber = Number(month[2]);
    if (monthNumber < 1 || monthNumber > 12) return undefined;
    return `${String(Number(month[1]) + years).padStart(4, '0')}-${month[2]}`;
  }
  const day = parseDay(date);
  if (!day) return undefined;
  const year = day.year + years;
  return formatDay({
    year,
    month: day.month,
    day: Math.min(day.day, daysInMonth(year, day.month)),
  });
}

/** "Oct 2027" for `2027-10` or `2027-10-31`, as the document writes months; undefined otherwise. */
export function formatMonth(date: string): string | undefined {
  const day = lastDayOf(date);
  if (day === undefined) return undefined;
  return `${MONTH_NAMES[Number(day.slice(5, 7)) - 1] ?? ''} ${day.slice(0, 4)}`;
}

/** Average month and year in days, for spans people read in round figures. */
const MONTH_DAYS = 365.25 / 12;
const YEAR_DAYS = 365.25;

/** Spans shorter than this are counted in days. Two months at most, so "1 month" never shows. */
const DAYS_UNTIL_MONTHS = 60;
/** Spans of this many days or more are counted in years. */
const DAYS_UNTIL_YEARS = 731;

function describeSpan(days: number): string {
  if (days < DAYS_UNTIL_MONTHS) return `${days} days`;
  if (days < DAYS_UNTIL_YEARS) return `${Math.round(days / MONTH_DAYS)} months`;
  // Whole years, rounded down: "3 years" for three and a half, never more than has passed.
  return `${Math.floor(days / YEAR_DAYS)} years`;
}

/**
 * The end of a support window, relative to today, for people: "ended 7 months ago", "ended
 * yesterday", "ends today", "ends tomorrow", "ends in 43 days", "ends in 3 months". Under 60 days
 * the count is exact; then months, rounded to the nearest; from two years on, whole years.
 */
export function describeDays(daysLeft: number): string {
  const days = Math.round(daysLeft);
  if (days === 0) return 'ends today';
  if (days === 1) return 'ends tomorrow';
  if (days === -1) return 'ended yesterday';
  if (days > 0) return `ends in ${describeSpan(days)}`;
  return `ended ${describeSpan(-days)} ago`;
}
