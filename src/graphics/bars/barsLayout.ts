/**
 * Geometry of the poll/result bars, in CSS pixels for the box the chart gets. One x scale for both
 * variants (switching from the poll to the result is a like-for-like comparison), one row order for
 * both, and one geometry for both (nothing moves but the bars). Names sit above their bars where the
 * box is tall enough, else in a column to the left; the scale is the longest that keeps every value
 * label inside the box.
 */
import { fitFont, LINE_RATIO } from '../box.ts';
import { linearScale, type LinearScale } from '../scale.ts';
import type { CandidateResult } from '../../data/derive.ts';
import { estimateTextWidth, wrapText } from '../text.ts';

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

/** Row order for both variants: the result's order, so bars never swap rows when the result arrives. */
export function rowOrder(results: readonly CandidateResult[]): string[] {
  return results.map((r) => r.id);
}

export interface BarsRowInput {
  id: string;
  /** Name as drawn: "McGuinness Lab" (the first word bold). */
  name: string;
  share: number;
  /** Poll share, 0..1. */
  poll: number;
  /** The result bar's label ("41.3% · 185,051") and the poll bar's labels in each variant. */
  resultLabel: string;
  pollLabel: string;
  ghostLabel: string;
}

export interface BarsRow {
  id: string;
  nameX: number;
  nameBaseline: number;
  barY: number;
  barHeight: number;
  ghostY: number;
  ghostHeight: number;
  /** Baselines of the labels beside the main bar and beside the thin poll bar. */
  barBaseline: number;
  ghostBaseline: number;
  /** Bar lengths at full growth. */
  resultWidth: number;
  pollWidth: number;
}

export interface BarsLayout {
  font: number;
  width: number;
  height: number;
  titleLines: string[];
  titleBaseline: number;
  line: number;
  left: number;
  x: LinearScale;
  ticks: { value: number; x: number; anchor: 'start' | 'middle' | 'end' }[];
  axisY: number;
  axisBaseline: number;
  rows: BarsRow[];
  /** 'stacked': names above bars; 'side': names in a column on the left. */
  mode: 'stacked' | 'side';
}

const GAP = 6;

function attempt(
  rows: readonly BarsRowInput[],
  title: string,
  width: number,
  height: number,
  font: number,
  mode: 'stacked' | 'side',
  force = false,
): BarsLayout | null {
  const line = Math.round(font * LINE_RATIO * 10) / 10;
  const titleLines = wrapText(title, width - 2, font, true);
  const titleH = titleLines.length * line + font * 0.5;
  const nameCol = mode === 'side' ? Math.max(...rows.map((r) => estimateTextWidth(r.name, font, true))) + GAP * 1.5 : 0;
  const left = mode === 'side' ? nameCol : 1;
  const barH = Math.round(font * 1.35);
  const ghostH = Math.max(6, Math.round(font * 0.55));
  const ghostBand = Math.max(ghostH, font * 1.1);
  const nameH = mode === 'stacked' ? line : 0;
  const rowH = nameH + barH + 3 + ghostBand + font * 0.35;
  const axisH = font * 1.7;
  const natural = titleH + rows.length * rowH + axisH;
  if (natural > height && !force) return null;
  // A little of any spare height goes between rows (up to a third more), the rest stays unused.
  const extra = Math.max(0, Math.min(height - natural, natural / 3)) / rows.length;
  const pitch = rowH + extra;
  // The longest scale (px per share) that keeps every label inside the box.
  let k = Infinity;
  for (const r of rows) {
    const end = width - 2 - left - GAP;
    if (r.share > 0) k = Math.min(k, (end - estimateTextWidth(r.resultLabel, font, true)) / r.share);
    if (r.poll > 0) k = Math.min(k, (end - Math.max(estimateTextWidth(r.pollLabel, font, true), estimateTextWidth(r.ghostLabel, font))) / r.poll);
  }
  // Bars shorter than three ems for the leader would not read as a comparison.
  const maxShare = Math.max(...rows.map((r) => Math.max(r.share, r.poll)));
  if (!(k * maxShare >= font * 3)) {
    if (!force) return null;
    k = Math.max(k, (font * 3) / maxShare);
  }
  const top = (width - 2 - left) / k;
  const x = linearScale([0, top], [left, width - 2]);
  const plotTop = titleH;
  const rowsOut: BarsRow[] = rows.map((r, i) => {
    const y = plotTop + i * pitch;
    const barY = y + nameH;
    const ghostY = barY + barH + 3 + (ghostBand - ghostH) / 2;
    return {
      id: r.id,
      nameX: mode === 'side' ? 0 : left,
      nameBaseline: mode === 'side' ? barY + barH / 2 + font * 0.35 : y + font * 0.95,
      barY,
      barHeight: barH,
      ghostY,
      ghostHeight: ghostH,
      barBaseline: barY + barH / 2 + font * 0.35,
      ghostBaseline: ghostY + ghostH / 2 + font * 0.35,
      resultWidth: Math.round(k * r.share * 10) / 10,
      pollWidth: Math.round(k * r.poll * 10) / 10,
    };
  });
  const axisY = plotTop + rows.length * pitch;
  const tickValues = x.ticks(Math.max(2, Math.floor((width - left) / (font * 4.5)))).filter((t) => x(t) <= width - 2);
  const ticks = tickValues.map((value) => {
    const tx = x(value);
    const half = estimateTextWidth(`${Math.round(value * 100)}%`, font) / 2;
    const anchor: 'start' | 'middle' | 'end' = tx - half < 0 ? 'start' : tx + half > width ? 'end' : 'middle';
    return { value, x: Math.round(tx * 10) / 10, anchor };
  });
  return {
    font,
    width,
    height: force ? Math.ceil(axisY + axisH) : Math.min(height, Math.ceil(axisY + axisH)),
    titleLines,
    titleBaseline: font,
    line,
    left,
    x,
    ticks,
    axisY,
    axisBaseline: axisY + font * 1.3,
    rows: rowsOut,
    mode,
  };
}

/**
 * The layout at the reader's font size if it fits the box (names above bars first, then beside
 * them), else at the largest smaller font that fits, never under the minimum.
 */
export function barsLayout(rows: readonly BarsRowInput[], title: string, width: number, height: number, font: number): BarsLayout {
  const tryBoth = (f: number) => attempt(rows, title, width, height, f, 'stacked') ?? attempt(rows, title, width, height, f, 'side');
  const chosen = fitFont(font, (f) => tryBoth(f) !== null);
  return tryBoth(chosen) ?? attempt(rows, title, width, height, chosen, 'stacked', true)!;
}

/** Shared x domain helper for tests: the share at the right edge of the plot. */
export function shareAtEdge(layout: BarsLayout): number {
  return layout.x.domain()[1];
}
