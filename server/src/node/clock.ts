/**
 * The only clock the command line and the language server read. Analysis itself never reads it:
 * the day is passed in.
 */

/** The local calendar day, `YYYY-MM-DD`: a person's "today" is the one on their wall, not UTC's. */
export function localDay(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
