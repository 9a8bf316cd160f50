/**
 * Geometry of the poll/result bars: one x scale for both variants (so switching from the poll to
 * the result is a like-for-like comparison), one row order for both, and the growth curve that
 * draws the result bars in as the reader scrolls into the step.
 */
import { linearScale, type LinearScale } from '../scale.ts';
import type { CandidateResult } from '../../data/derive.ts';

export const BARS_VIEW = { width: 400, height: 392 } as const;
export const BARS_PLOT = { left: 8, right: 296, top: 30, rowHeight: 56 } as const;

/** Offsets within a row. */
export const ROW = { nameBaseline: 14, barY: 20, barHeight: 18, ghostY: 43, ghostHeight: 8 } as const;

/** Progress at which the result bars are fully grown. */
export const GROWTH_END = 0.1;

/**
 * Fraction of its full length a result bar has at a given step progress: 0 at the start of the
 * step, 1 from GROWTH_END on, easing out in between. Out-of-range or non-finite input is clamped.
 */
export function growth(progress: number, end: number = GROWTH_END): number {
  if (!Number.isFinite(progress) || progress <= 0) return 0;
  if (progress >= end) return 1;
  const t = progress / end;
  return 1 - (1 - t) ** 3;
}

/** Shared x scale: 0 to the largest share in either the poll or the result, rounded up to a tenth. */
export function shareScale(results: readonly CandidateResult[], pollPercents: readonly number[]): LinearScale {
  const largest = Math.max(0, ...results.map((r) => r.share), ...pollPercents.map((p) => p / 100));
  const top = Math.max(0.1, Math.ceil(largest * 10 - 1e-9) / 10);
  return linearScale([0, top], [BARS_PLOT.left, BARS_PLOT.right]);
}

/** Row order for both variants: the result's order, so bars never swap rows when the result arrives. */
export function rowOrder(results: readonly CandidateResult[]): string[] {
  return results.map((r) => r.id);
}

export function rowTop(index: number): number {
  return BARS_PLOT.top + index * BARS_PLOT.rowHeight;
}

/** The x axis under the last row: gridlines end here, tick labels sit on the baseline below. */
export function axisGeometry(rows: number): { y: number; labelBaseline: number } {
  const y = rowTop(rows) + 4;
  return { y, labelBaseline: y + 15 };
}
