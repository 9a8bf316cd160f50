/**
 * Number formatting shared by copy, charts and tables, so a figure reads the same everywhere. The
 * words around a figure ("points", month names) come from data/story.json units, passed in, so these
 * stay pure and run alike in the validator and the browser.
 */
import type { Units } from './types.ts';

/**
 * A whole number with thousands commas, as en-GB's Intl.NumberFormat writes it (rounded half away
 * from zero). Not Intl itself: its first use loads the ICU number data, a 50 ms task at load on a
 * mid-range phone (the load trace: format.ts's module body, 4x CPU), for what a comma rule does.
 */
export function formatCount(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  const sign = n < 0 && digits !== '0' ? '-' : '';
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

export function formatPounds(n: number): string {
  return `£${formatCount(n)}`;
}

/** A share in 0..1 as a percentage, e.g. 0.41268 -> "41.3%". */
export function formatShare(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A whole-number percentage figure, e.g. 35 -> "35%". */
export function formatPercentFigure(percent: number): string {
  return `${percent}%`;
}

/** A difference of two shares in percentage points, e.g. 0.02 -> "2.0 points". */
export function formatPoints(shareDifference: number, units: Pick<Units, 'point' | 'points'>, digits = 1): string {
  const value = (shareDifference * 100).toFixed(digits);
  return `${value} ${value === (1).toFixed(digits) ? units.point : units.points}`;
}

/** House style: whole numbers under ten as words (the words are data/story.json units.numbers). */
export function formatSmallCount(n: number, words: readonly string[]): string {
  return Number.isInteger(n) && n >= 0 && n < words.length ? words[n] : formatCount(n);
}

/** An ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) as "2 June 2023", "June 2023" or "2023", with the given month names. */
export function formatIsoDate(iso: string, months: readonly string[]): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const month = months[m - 1];
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}
