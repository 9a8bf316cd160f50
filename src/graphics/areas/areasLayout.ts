/**
 * Small multiples by council, one row per area: the area's name and the winner's lead on the left,
 * its top candidates' votes as bars on the right. Every bar in every panel is on ONE votes scale
 * (the printed figures are votes, so the bar lengths are too): a bigger council has longer bars.
 * Laid out in CSS pixels for the box: three candidates per area where the box has room, else two
 * (the winner and the runner-up, which carry the story); names above the bars in a narrow box.
 */
import type { AreaResult, CandidateResult } from '../../data/derive.ts';
import { fitFont } from '../box.ts';
import { linearScale, type LinearScale } from '../scale.ts';
import { estimateTextWidth, r1, wrapText } from '../text.ts';

export const MAX_BARS = 3;
const GAP = 6;

export interface AreaBar extends CandidateResult {
  y: number;
  height: number;
  width: number;
  /** Baseline of the label at the bar's end. */
  baseline: number;
  label: string;
}

export interface AreaPanel {
  area: AreaResult;
  caption: string;
  /** Top and height of the panel's band. */
  y: number;
  height: number;
  nameBaseline: number;
  /** Baseline and x of the lead line ("+1,411 (2.0 points)"). */
  captionBaseline: number;
  captionX: number;
  captionAnchor: 'start' | 'end';
  bars: AreaBar[];
  /** True for the closest count by votes or by share: those panels are marked. */
  close: boolean;
}

export interface AreasLayout {
  /** True when bar labels leave out the party (a very narrow box). */
  shortLabels: boolean;
  font: number;
  line: number;
  width: number;
  height: number;
  /** The note saying what bar length means, wrapped. */
  noteLines: string[];
  left: number;
  x: LinearScale;
  panels: AreaPanel[];
  perArea: number;
  mode: 'columns' | 'stacked';
}

export interface AreasText {
  /** The bar label for one candidate in an area ("McGuinness Lab 27,992"). */
  barLabel: (r: CandidateResult) => string;
  /** Without the party, for a box too narrow for the full label. */
  shortBarLabel: (r: CandidateResult) => string;
  caption: (area: AreaResult) => string;
  /** The lead in votes only ("+1,411"), for a header too narrow for the full caption. */
  shortCaption: (area: AreaResult) => string;
  note: string;
}

function attempt(
  areas: readonly AreaResult[],
  closeCodes: readonly string[],
  text: AreasText,
  width: number,
  height: number,
  font: number,
  perArea: number,
  mode: 'columns' | 'stacked',
  force = false,
): AreasLayout | null {
  const line = Math.round(font * 1.2 * 10) / 10;
  const noteLines = wrapText(text.note, width - 2, font);
  const noteH = noteLines.length * line + font * 0.2;
  // Columns: name and caption on the left; stacked: name and caption on a header line above the bars.
  const nameCol =
    mode === 'columns'
      ? Math.max(...areas.map((a) => Math.max(estimateTextWidth(a.label, font, true), estimateTextWidth(text.caption(a), font)))) + GAP * 1.5
      : 0;
  const left = mode === 'columns' ? nameCol : 1;
  // A stacked header holds the name and the caption on one line; the short caption if the full one does not fit.
  const headerWidth = (caption: (a: AreaResult) => string) =>
    Math.max(...areas.map((a) => estimateTextWidth(a.label, font, true) + GAP * 2 + estimateTextWidth(caption(a), font)));
  const short = mode === 'stacked' && headerWidth(text.caption) > width - 2;
  if (mode === 'stacked' && short && headerWidth(text.shortCaption) > width - 2 && !force) return null;
  const barLines = Math.max(perArea, mode === 'columns' ? 2 : 0);
  const headerH = mode === 'stacked' ? line : 0;
  const panelH = headerH + barLines * line + font * 0.3;
  const natural = noteH + areas.length * panelH;
  if (natural > height && !force) return null;
  const extra = Math.max(0, Math.min(height - natural, natural / 4)) / areas.length;
  const pitch = panelH + extra;
  const scaleFor = (label: (r: CandidateResult) => string) => {
    let best = Infinity;
    for (const a of areas) {
      for (const r of a.ranked.slice(0, perArea)) {
        if (r.votes > 0) best = Math.min(best, (width - 2 - left - GAP - estimateTextWidth(label(r), font)) / r.votes);
      }
    }
    return best;
  };
  const maxVotes = Math.max(...areas.flatMap((a) => a.ranked.slice(0, perArea).map((r) => r.votes)));
  let k = scaleFor(text.barLabel);
  // Party names go first when the box is too narrow for bars three ems long.
  const shortLabels = !(k * maxVotes >= font * 3) && mode === 'stacked';
  if (shortLabels) k = scaleFor(text.shortBarLabel);
  const barLabel = shortLabels ? text.shortBarLabel : text.barLabel;
  if (!(k * maxVotes >= font * 3)) {
    if (!force) return null;
    k = Math.max(0, k, (font * 3) / maxVotes);
  }
  const x = linearScale([0, (width - 2 - left) / k], [left, width - 2]);
  const barH = Math.round(font * 0.9);
  const panels: AreaPanel[] = areas.map((area, i) => {
    const y = noteH + i * pitch;
    const barsTop = y + headerH + font * 0.2;
    return {
      area,
      caption: short ? text.shortCaption(area) : text.caption(area),
      y,
      height: pitch - font * 0.2,
      nameBaseline: y + font * 1.05,
      captionBaseline: mode === 'columns' ? y + font * 1.05 + line : y + font * 1.05,
      captionX: mode === 'columns' ? 1 : width - 2,
      captionAnchor: mode === 'columns' ? 'start' : 'end',
      close: closeCodes.includes(area.code),
      bars: area.ranked.slice(0, perArea).map((r, j) => {
        const top = barsTop + j * line;
        return {
          ...r,
          y: r1(top + (line - barH) / 2),
          height: barH,
          width: r1(x(r.votes) - left),
          baseline: r1(top + line / 2 + font * 0.35),
          label: barLabel(r),
        };
      }),
    };
  });
  return {
    shortLabels,
    font,
    line,
    width,
    height: force ? Math.ceil(noteH + areas.length * pitch) : Math.min(height, Math.ceil(noteH + areas.length * pitch)),
    noteLines,
    left,
    x,
    panels,
    perArea,
    mode,
  };
}

/**
 * The richest layout that fits the box at the reader's font size (three bars, then two; names
 * beside, then above the bars), else the same at the largest smaller font that fits.
 */
export function areasLayout(
  areas: readonly AreaResult[],
  closeCodes: readonly string[],
  text: AreasText,
  width: number,
  height: number,
  font: number,
): AreasLayout {
  const options = (f: number) =>
    attempt(areas, closeCodes, text, width, height, f, MAX_BARS, 'columns') ??
    attempt(areas, closeCodes, text, width, height, f, MAX_BARS, 'stacked') ??
    attempt(areas, closeCodes, text, width, height, f, 2, 'columns') ??
    attempt(areas, closeCodes, text, width, height, f, 2, 'stacked');
  const chosen = fitFont(font, (f) => options(f) !== null);
  return options(chosen) ?? attempt(areas, closeCodes, text, width, height, chosen, 2, 'stacked', true)!;
}
