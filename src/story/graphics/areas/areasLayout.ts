/**
 * Small multiples by council: each area's name, the winner's lead, and its top candidates' votes as
 * bars. Every bar in every panel is on ONE votes scale (the printed figures are votes, so the bar
 * lengths are too): a bigger council has longer bars. Laid out in CSS pixels for the box, richest
 * form first:
 * - 'columns': one panel per row, name and lead in a column on the left, bars on the right;
 * - 'stacked': one panel per row, name and lead on a header line above the bars;
 * - 'grid': panels in two or three columns (a short wide box: a phone's band), the note in the grid's
 *   free cell; labels shortened (surname or party, then votes) and the lead left out where the
 *   panel is too narrow for them (the bars' figures give it, and the table).
 * Three candidates per area where there is room, else two (the winner and the runner-up, which carry
 * the story).
 */
import type { AreaResult, CandidateResult } from '../../data/derive.ts';
import { fitFontSteps, fontFloors, MIN_FONT } from '../../../kit/graphics/box.ts';
import { finish, remember, type Steps } from '../../../kit/graphics/steps.ts';
import { linearScale, type LinearScale } from '../../../kit/graphics/scale.ts';
import { estimateTextWidth, r1, wrapText } from '../../../kit/graphics/text.ts';

export const MAX_BARS = 3;
const GAP = 6;
/** Space between a bar's end and its label (the component draws labels at bar end + LABEL_GAP). */
export const LABEL_GAP = 5;
/**
 * A grid panel's header, in ems: the name's baseline (its box, 0.95 em over the baseline as a browser
 * measures it, starts at the panel's top), the header line's height (the name's box, 0.26 em under
 * its baseline, ends where the first bar label's box starts: 0.95 em over its baseline, 0.35 em under
 * the middle of its line), and the space under the last bar. A header one grid line tall (1.15 em)
 * with the name's baseline 1 em down let the first bar's label reach up into the name (320 × 568).
 * The panel is as tall as before: 1.22 + 2 × 1.15 + 0.08 = 3 × 1.15 + 0.15.
 */
const GRID_HEADER = { baselineEm: 0.95, heightEm: 1.22, bottomEm: 0.08 } as const;
/** The shortest the longest bar of a grid may be, in px (three ems at the minimum font). */
const MIN_BAR = 3 * MIN_FONT;

/** How a bar is labelled: "McGuinness Lab 27,992", "McGuinness 27,992" or "Lab 27,992". */
export type BarLabelForm = 'full' | 'surname' | 'party';

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
  /** The lead line ("+1,411 (2.0 points)"); empty when the panel has no room for it. */
  caption: string;
  /** The panel's band: left, top, width, height. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where its bars start. */
  left: number;
  nameBaseline: number;
  /** Baseline and x of the lead line. */
  captionBaseline: number;
  captionX: number;
  captionAnchor: 'start' | 'end';
  bars: AreaBar[];
  /** True for the closest count by votes or by share: those panels are marked. */
  close: boolean;
}

export interface AreasLayout {
  labelForm: BarLabelForm;
  font: number;
  line: number;
  width: number;
  height: number;
  /** The note saying what bar length means, wrapped, and where it is drawn (top left of its first line's box). */
  noteLines: string[];
  noteX: number;
  noteBaseline: number;
  /** Votes to bar length in px: one scale for every bar of every panel. */
  length: LinearScale;
  panels: AreaPanel[];
  perArea: number;
  mode: 'columns' | 'stacked' | 'grid';
  /** Columns of panels (1 unless a grid). */
  columns: number;
}

export interface AreasText {
  /** The bar label for one candidate in an area ("McGuinness Lab 27,992"). */
  barLabel: (r: CandidateResult) => string;
  /** Without the party, for a box too narrow for the full label. */
  shortBarLabel: (r: CandidateResult) => string;
  /** The party and the votes ("Lab 27,992"), for the narrowest panels. */
  partyBarLabel: (r: CandidateResult) => string;
  /** The bold word of a label: the surname, or the party in the party form. */
  surname: (r: CandidateResult) => string;
  party: (r: CandidateResult) => string;
  caption: (area: AreaResult) => string;
  /** The lead in votes only ("+1,411"), for a header too narrow for the full caption. */
  shortCaption: (area: AreaResult) => string;
  /** What bar length means, and what the lead figure is. */
  note: string;
  /** What bar length means, for panels drawn without the lead. */
  noteWithoutLead: string;
}

const labelFor = (text: AreasText, form: BarLabelForm) => (form === 'full' ? text.barLabel : form === 'surname' ? text.shortBarLabel : text.partyBarLabel);

/** A bar label's width: its first word (the surname, or the party in the party form) is bold. */
export function barLabelWidth(text: AreasText, form: BarLabelForm, r: CandidateResult, font: number): number {
  const bold = form === 'party' ? text.party(r) : text.surname(r);
  return estimateTextWidth(labelFor(text, form)(r), font) + estimateTextWidth(bold, font, true) - estimateTextWidth(bold, font);
}

/** The votes scale (px per vote) that keeps every label of the top `perArea` bars inside `room` px from the bars' start. */
function scaleFor(areas: readonly AreaResult[], perArea: number, room: number, text: AreasText, form: BarLabelForm, font: number): number {
  let best = Infinity;
  for (const a of areas) {
    for (const r of a.ranked.slice(0, perArea)) {
      if (r.votes > 0) best = Math.min(best, (room - LABEL_GAP - barLabelWidth(text, form, r, font)) / r.votes);
    }
  }
  return best;
}

function bars(area: AreaResult, perArea: number, top: number, line: number, font: number, k: number, label: (r: CandidateResult) => string): AreaBar[] {
  const barH = Math.round(font * 0.9);
  return area.ranked.slice(0, perArea).map((r, j) => {
    const y = top + j * line;
    return {
      ...r,
      y: r1(y + (line - barH) / 2),
      height: barH,
      width: r1(k * r.votes),
      baseline: r1(y + line / 2 + font * 0.35),
      label: label(r),
    };
  });
}

function listAttempt(
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
  // A stacked header holds the name and the caption on one line: the short caption if the full one
  // does not fit, none (the bars' figures give the lead) if neither does.
  const headerWidth = (caption: (a: AreaResult) => string) =>
    Math.max(...areas.map((a) => estimateTextWidth(a.label, font, true) + GAP * 2 + estimateTextWidth(caption(a), font)));
  const caption =
    mode === 'columns' || headerWidth(text.caption) <= width - 2 ? text.caption : headerWidth(text.shortCaption) <= width - 2 ? text.shortCaption : null;
  if (mode === 'stacked' && Math.max(...areas.map((a) => estimateTextWidth(a.label, font, true))) > width - 2 && !force) return null;
  const noteLines = wrapText(caption ? text.note : text.noteWithoutLead, width - 2, font);
  const noteH = noteLines.length * line + font * 0.2;
  // Columns: name and caption on the left; stacked: name and caption on a header line above the bars.
  const nameCol =
    mode === 'columns'
      ? Math.max(...areas.map((a) => Math.max(estimateTextWidth(a.label, font, true), estimateTextWidth(text.caption(a), font)))) + GAP * 1.5
      : 0;
  const left = mode === 'columns' ? nameCol : 1;
  const barLines = Math.max(perArea, mode === 'columns' ? 2 : 0);
  const headerH = mode === 'stacked' ? line : 0;
  const panelH = headerH + barLines * line + font * 0.3;
  const natural = noteH + areas.length * panelH;
  if (natural > height && !force) return null;
  const extra = Math.max(0, Math.min(height - natural, natural / 4)) / areas.length;
  const pitch = panelH + extra;
  const room = width - 2 - left;
  // Party names go first when the box is too narrow for bars three ems long.
  const maxVotes = Math.max(...areas.flatMap((a) => a.ranked.slice(0, perArea).map((r) => r.votes)));
  const forms: BarLabelForm[] = mode === 'stacked' ? ['full', 'surname', 'party'] : ['full'];
  const fitting = forms.find((f) => scaleFor(areas, perArea, room, text, f, font) * maxVotes >= font * 3);
  if (!fitting && !force) return null;
  const labelForm = fitting ?? 'surname';
  const label = labelFor(text, labelForm);
  const k = Math.max(scaleFor(areas, perArea, room, text, labelForm, font), fitting ? 0 : (font * 3) / maxVotes);
  const panels: AreaPanel[] = areas.map((area, i) => {
    const y = noteH + i * pitch;
    return {
      area,
      caption: caption ? caption(area) : '',
      x: 0,
      y,
      width,
      height: pitch - font * 0.2,
      left,
      nameBaseline: y + font * 1.05,
      captionBaseline: mode === 'columns' ? y + font * 1.05 + line : y + font * 1.05,
      captionX: mode === 'columns' ? 1 : width - 2,
      captionAnchor: mode === 'columns' ? 'start' : 'end',
      close: closeCodes.includes(area.code),
      bars: bars(area, perArea, y + headerH + font * 0.2, line, font, k, label),
    };
  });
  return {
    labelForm,
    font,
    line,
    width,
    height: Math.min(height, Math.ceil(noteH + areas.length * pitch)),
    noteLines,
    noteX: 1,
    noteBaseline: font,
    length: linearScale([0, 1], [0, k]),
    panels,
    perArea,
    mode,
    columns: 1,
  };
}

/**
 * Panels in `columns` columns, row by row: a header line (the name, and the lead if it fits beside
 * it), then the bars. The note takes the grid's free cell where there is one and it fits, else a
 * line above the grid.
 */
function gridAttempt(
  areas: readonly AreaResult[],
  closeCodes: readonly string[],
  text: AreasText,
  width: number,
  height: number,
  font: number,
  perArea: number,
  columns: number,
): AreasLayout | null {
  // Lines a little tighter than in a list: a grid is for a short box.
  const line = Math.round(font * 1.15 * 10) / 10;
  const colGap = Math.round(font * 0.8);
  const panelW = (width - 2 - (columns - 1) * colGap) / columns;
  const inner = panelW - 4;
  const nameW = Math.max(...areas.map((a) => estimateTextWidth(a.label, font, true)));
  if (nameW > inner) return null;
  const headerFits = (caption: (a: AreaResult) => string) =>
    areas.every((a) => estimateTextWidth(a.label, font, true) + GAP * 2 + estimateTextWidth(caption(a), font) <= inner);
  const caption = headerFits(text.caption) ? text.caption : headerFits(text.shortCaption) ? text.shortCaption : null;
  const note = caption ? text.note : text.noteWithoutLead;
  const rows = Math.ceil(areas.length / columns);
  const headerH = r1(font * GRID_HEADER.heightEm);
  const panelH = headerH + line * perArea + font * GRID_HEADER.bottomEm;
  // The note in the free cell (bottom right) if it fits there, else above the grid.
  const cellNote = wrapText(note, inner, font);
  const inCell = rows * columns > areas.length && cellNote.length * line <= panelH;
  const noteLines = inCell ? cellNote : wrapText(note, width - 2, font);
  const noteH = inCell ? 0 : noteLines.length * line + font * 0.2;
  const natural = noteH + rows * panelH;
  if (natural > height) return null;
  const extra = Math.max(0, Math.min(height - natural, natural / 4)) / rows;
  const pitch = panelH + extra;
  const maxVotes = Math.max(...areas.flatMap((a) => a.ranked.slice(0, perArea).map((r) => r.votes)));
  const room = inner - 2;
  // The longest bar at least MIN_BAR: a comparison still reads at that length whatever the text size.
  const labelForm = (['full', 'surname', 'party'] as const).find((f) => scaleFor(areas, perArea, room, text, f, font) * maxVotes >= MIN_BAR);
  if (!labelForm) return null;
  const label = labelFor(text, labelForm);
  const k = scaleFor(areas, perArea, room, text, labelForm, font);
  const cellX = (i: number) => r1((i % columns) * (panelW + colGap));
  const cellY = (i: number) => noteH + Math.floor(i / columns) * pitch;
  const panels: AreaPanel[] = areas.map((area, i) => {
    const x = cellX(i);
    const y = cellY(i);
    return {
      area,
      caption: caption ? caption(area) : '',
      x,
      y,
      width: r1(panelW),
      height: pitch - font * 0.2,
      left: x + 2,
      nameBaseline: r1(y + font * GRID_HEADER.baselineEm),
      captionBaseline: r1(y + font * GRID_HEADER.baselineEm),
      captionX: r1(x + panelW - 2),
      captionAnchor: 'end',
      close: closeCodes.includes(area.code),
      bars: bars(area, perArea, y + headerH, line, font, k, label),
    };
  });
  return {
    labelForm,
    font,
    line,
    width,
    height: Math.min(height, Math.ceil(noteH + rows * pitch)),
    noteLines,
    noteX: inCell ? r1(cellX(rows * columns - 1) + 2) : 1,
    noteBaseline: r1(inCell ? cellY(rows * columns - 1) + font : font),
    length: linearScale([0, 1], [0, k]),
    panels,
    perArea,
    mode: 'grid',
    columns,
  };
}

/**
 * The richest layout that fits the box at the reader's font size (three bars, then two; names
 * beside, then above the bars; then a grid of panels), else the same at the largest smaller font
 * that fits, not under the reader's floors, nor under 14 px in a wide box that holds it (box.ts fontFloors).
 */
export function areasLayout(...args: AreasLayoutArgs): AreasLayout {
  return finish(areasLayoutSteps(...args));
}

type AreasLayoutArgs = [areas: readonly AreaResult[], closeCodes: readonly string[], text: AreasText, width: number, height: number, font: number];

/** areasLayout, yielding after each font it tries (steps.ts). */
export function* areasLayoutSteps(...[areas, closeCodes, text, width, height, font]: AreasLayoutArgs): Steps<AreasLayout> {
  // Tiers, richest first (one panel per row, then a grid); within a tier the largest font that fits.
  const tiers = [
    remember(
      (f: number) =>
        listAttempt(areas, closeCodes, text, width, height, f, MAX_BARS, 'columns') ??
        listAttempt(areas, closeCodes, text, width, height, f, MAX_BARS, 'stacked') ??
        listAttempt(areas, closeCodes, text, width, height, f, 2, 'columns') ??
        listAttempt(areas, closeCodes, text, width, height, f, 2, 'stacked'),
    ),
    remember((f: number) => gridAttempt(areas, closeCodes, text, width, height, f, 2, 3) ?? gridAttempt(areas, closeCodes, text, width, height, f, 2, 2)),
  ];
  for (const floor of fontFloors(font, width)) {
    for (const tier of tiers) {
      const found = tier(yield* fitFontSteps(font, (f) => tier(f) !== null, floor));
      if (found) return found;
    }
  }
  // A box too small for any form at the minimum: the two-column grid, or failing that one panel per
  // row, drawn as tall as it needs (the box clips it), never a label under the minimum.
  return (
    gridAttempt(areas, closeCodes, text, width, Infinity, MIN_FONT, 2, 2) ??
    listAttempt(areas, closeCodes, text, width, Infinity, MIN_FONT, 2, 'stacked', true)!
  );
}
