/**
 * Geometry of the poll/result bars, in CSS pixels for the box the chart gets. One x scale for both
 * variants (switching from the poll to the result is a like-for-like comparison), one row order for
 * both, and one geometry for both (nothing moves but the bars). Names sit above their bars where the
 * box is tall enough, else in a column to the left; the scale is the longest that keeps every value
 * label inside the box. The chart's title is its caption's (GraphicCaption.tsx), above the chart.
 */
import { fitFontSteps, fontFloors, LINE_RATIO, MIN_FONT } from '../../../kit/graphics/box.ts';
import { finish, remember, type Steps } from '../../../kit/graphics/steps.ts';
import { linearScale, tickStep, type LinearScale } from '../../../kit/graphics/scale.ts';
import type { CandidateResult } from '../../data/derive.ts';
import { estimateTextWidth } from '../../../kit/graphics/text.ts';

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
  /** The surname alone ("McGuinness"), for a name column too narrow for the party too. */
  surname: string;
  share: number;
  /** Poll share, 0..1. */
  poll: number;
  /** The result bar's label ("41.3% · 185,051") and the poll bar's labels in each variant. */
  resultLabel: string;
  /** The share alone ("41.3%"), for a compact row too narrow for the votes too. */
  shareLabel: string;
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
  /** Where the poll label sits in the result variant (beside the thin poll bar, or after the value label in a compact row). */
  ghostLabelX: number;
  /** Bar lengths at full growth. */
  resultWidth: number;
  pollWidth: number;
}

export interface BarsLayout {
  font: number;
  width: number;
  height: number;
  left: number;
  x: LinearScale;
  ticks: { value: number; x: number; anchor: 'start' | 'middle' | 'end' }[];
  /** The share axis's last tick: the first round value at or past the largest share (poll or result), never past 1; 0 with no axis. */
  axisMax: number;
  axisY: number;
  axisBaseline: number;
  rows: BarsRow[];
  /**
   * 'stacked': names above bars; 'side': names in a column on the left; 'compact' (a short box):
   * names on the left, one line per candidate (the poll's figure after the result's, its bar a thin
   * line under the result bar), no axis (the labels carry the figures).
   */
  mode: Mode;
  /** False when the value labels show the share alone (a compact row with no room for the votes; the table has them). */
  votesShown: boolean;
  /** False when names are the surname alone (a compact row with no room for the party; colour and the table carry it). */
  partyShown: boolean;
  /**
   * False when the result variant leaves the poll's figures off its thin poll bars (a compact row in a
   * band at 200% text size: the poll step showed them, and the table has them).
   */
  pollFiguresShown: boolean;
}

const GAP = 6;
/** Removes binary floating-point noise from tick values (0.30000000000000004 -> 0.3). */
const clean = (n: number) => Number(n.toPrecision(12));
type Mode = 'stacked' | 'side' | 'compact';

function attempt(
  rows: readonly BarsRowInput[],
  width: number,
  height: number,
  font: number,
  mode: Mode,
  force = false,
  withVotes = true,
  withParty = true,
  withPollFigures = true,
): BarsLayout | null {
  const valueLabel = (r: BarsRowInput) => (withVotes ? r.resultLabel : r.shareLabel);
  const name = (r: BarsRowInput) => (withParty ? r.name : r.surname);
  const compact = mode === 'compact';
  const line = Math.round(font * LINE_RATIO * 10) / 10;
  const nameCol = mode !== 'stacked' ? Math.max(...rows.map((r) => estimateTextWidth(name(r), font, true))) + GAP * 1.5 : 0;
  const left = mode !== 'stacked' ? nameCol : 1;
  const barH = compact ? Math.round(font * 1.25) : Math.round(font * 1.35);
  const ghostH = compact ? 3 : Math.max(6, Math.round(font * 0.55));
  const ghostBand = compact ? ghostH : Math.max(ghostH, font * 1.1);
  const nameH = mode === 'stacked' ? line : 0;
  // Rows at least a quarter em apart (spare height widens that, below): at 390 × 844 the six rows
  // beside their names need 216 px of the 220 the band's chart gets, where a third of an em left the
  // phone the compact form, its bars a third shorter and no share axis.
  const rowH = compact ? barH + 1 + ghostH + font * 0.3 : nameH + barH + 3 + ghostBand + font * 0.25;
  const axisH = compact ? 0 : font * 1.7;
  const sep = estimateTextWidth(' ', font);
  const natural = rows.length * rowH + axisH;
  if (natural > height && !force) return null;
  // Names above the bars have the box's width, and no more.
  if (mode === 'stacked' && !force && rows.some((r) => left + estimateTextWidth(name(r), font, true) > width - 2)) return null;
  // A little of any spare height goes between rows (up to a third more), the rest stays unused.
  const extra = Math.max(0, Math.min(height - natural, natural / 3)) / rows.length;
  const pitch = rowH + extra;
  // The longest scale (px per share) that keeps every label inside the box.
  let k = Infinity;
  for (const r of rows) {
    const end = width - 2 - left - GAP;
    if (r.share > 0) k = Math.min(k, (end - estimateTextWidth(valueLabel(r), font, true)) / r.share);
    if (compact) {
      if (r.poll > 0) k = Math.min(k, (end - estimateTextWidth(r.pollLabel, font, true)) / r.poll);
      if (!withPollFigures) continue;
      // The value label and the poll's figure share the line after the longer of the two bars.
      const both = estimateTextWidth(valueLabel(r), font, true) + sep + estimateTextWidth(r.ghostLabel, font);
      const longer = Math.max(r.share, r.poll);
      if (longer > 0) k = Math.min(k, (end - both) / longer);
      continue;
    }
    if (r.poll > 0) k = Math.min(k, (end - Math.max(estimateTextWidth(r.pollLabel, font, true), estimateTextWidth(r.ghostLabel, font))) / r.poll);
  }
  // Bars shorter than three ems for the leader would not read as a comparison.
  const maxShare = Math.max(...rows.map((r) => Math.max(r.share, r.poll)));
  if (!(k * maxShare >= font * 3)) {
    if (!force) return null;
    k = Math.max(k, (font * 3) / maxShare);
  }
  // The share axis: ticks at round steps from 0 to the first round value at or past the largest
  // share (never past 100%); where that value would not fit the box, the scale gives way (the bars
  // shorten a little) rather than the axis stop short of the longest bar.
  const plot = width - 2 - left;
  let step = 0;
  let axisMax = 0;
  if (!compact) {
    for (let pass = 0; pass < 3; pass += 1) {
      // About one tick per 4.5 ems of the longest bar.
      step = tickStep(0, maxShare, Math.max(1, Math.floor((k * maxShare) / (font * 4.5))));
      axisMax = Math.min(1, clean(Math.ceil(clean(maxShare / step)) * step));
      if (k * axisMax <= plot + 1e-9) break;
      k = plot / axisMax;
    }
  }
  const top = plot / k;
  const x = linearScale([0, top], [left, width - 2]);
  const rowsOut: BarsRow[] = rows.map((r, i) => {
    const y = i * pitch;
    const barY = y + nameH;
    const ghostY = compact ? barY + barH + 1 : barY + barH + 3 + (ghostBand - ghostH) / 2;
    const resultWidth = Math.round(k * r.share * 10) / 10;
    const pollWidth = Math.round(k * r.poll * 10) / 10;
    const barBaseline = barY + barH / 2 + font * 0.35;
    return {
      id: r.id,
      nameX: mode === 'stacked' ? left : 0,
      nameBaseline: mode !== 'stacked' ? barY + barH / 2 + font * 0.35 : y + font * 0.95,
      barY,
      barHeight: barH,
      ghostY,
      ghostHeight: ghostH,
      barBaseline,
      ghostBaseline: compact ? barBaseline : ghostY + ghostH / 2 + font * 0.35,
      ghostLabelX: compact
        ? Math.round((left + Math.max(resultWidth, pollWidth) + GAP + estimateTextWidth(valueLabel(r), font, true) + sep) * 10) / 10
        : left + pollWidth + GAP,
      resultWidth,
      pollWidth,
    };
  });
  const axisY = rows.length * pitch;
  const tickValues: number[] = [];
  if (step > 0) for (let i = 0; clean(i * step) <= axisMax + 1e-9; i += 1) tickValues.push(clean(i * step));
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
    left,
    x,
    ticks,
    axisMax,
    axisY,
    axisBaseline: axisY + font * 1.3,
    rows: rowsOut,
    mode,
    votesShown: withVotes,
    partyShown: withParty,
    pollFiguresShown: withPollFigures,
  };
}

/**
 * The layout at the reader's font size if it fits the box (names above bars first, then beside
 * them), else at the largest smaller font that fits, never under the floors (box.ts fontFloors).
 */
export function barsLayout(rows: readonly BarsRowInput[], width: number, height: number, font: number): BarsLayout {
  return finish(barsLayoutSteps(rows, width, height, font));
}

/** barsLayout, yielding after each font it tries (steps.ts). */
export function* barsLayoutSteps(rows: readonly BarsRowInput[], width: number, height: number, font: number): Steps<BarsLayout> {
  // Tiers, richest first; within a tier the largest font that fits any of its forms wins. First
  // names above or beside the bars, else the compact form. Only a box too short or narrow for those
  // (a 320 × 568 phone's band, a band at 200% text size) gives up the votes (the step's text and the
  // table have them), then the party (its colour, the poll step and the table carry it), then the
  // poll's figures on the result's thin poll bars (the poll step showed them): every candidate and
  // share stays. Each of those tiers tries names above the bars first: a box too narrow for a name
  // column (129 px, a 320 px phone at 200% zoom) still has the width for a bar and its share there.
  type Form = [Mode, boolean, boolean, boolean];
  const tiers: Form[][] = [
    [
      ['stacked', true, true, true],
      ['side', true, true, true],
      ['compact', true, true, true],
    ],
    [
      ['stacked', false, true, true],
      ['compact', false, true, true],
    ],
    [
      ['stacked', false, false, true],
      ['compact', false, false, true],
    ],
    [
      ['stacked', false, false, false],
      ['compact', false, false, false],
    ],
  ];
  // Per tier, its first form that fits at a font (each font tried once).
  const firstFit = tiers.map((tier) =>
    remember((f: number) => {
      for (const [mode, withVotes, withParty, withPoll] of tier) {
        const found = attempt(rows, width, height, f, mode, false, withVotes, withParty, withPoll);
        if (found) return found;
      }
      return null;
    }),
  );
  // The largest font that fits, not under the reader's floor (text grows with their text size), nor
  // under 14 px in a wide box where it holds them; only a box too small for anything at that floor
  // gives text back, floor by floor.
  for (const floor of fontFloors(font, width)) {
    for (const at of firstFit) {
      const found = at(yield* fitFontSteps(font, (f) => at(f) !== null, floor));
      if (found) return found;
    }
  }
  return attempt(rows, width, height, MIN_FONT, 'compact', true, false, false, false)!;
}

/** Shared x domain helper for tests: the share at the right edge of the plot. */
export function shareAtEdge(layout: BarsLayout): number {
  return layout.x.domain()[1];
}
