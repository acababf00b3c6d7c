/** Numbers as the results print them. */
import type { Summary } from '../measure/statistics';

/** Milliseconds with three significant digits or so: 0.412, 4.71, 47.1, 471. */
export function milliseconds(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

/** `4.71 ms (4.52–6.03)`. */
export function spread(summary: Summary | undefined): string {
  if (summary === undefined) return '–';
  return `${milliseconds(summary.median)} ms (${milliseconds(summary.min)}–${milliseconds(summary.max)})`;
}

export function bytes(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  return `${(value / 1024).toFixed(1)} KiB`;
}

export function ratio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}
