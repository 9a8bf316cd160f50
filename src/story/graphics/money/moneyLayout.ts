/**
 * The money chart's geometry, in CSS pixels for the box. Milestones sit on a band scale in the order
 * the sources report them, evenly spaced: several dates are approximate ("late Aug", "early 2024"),
 * so position is order, not time, and the chart says so in a note under its title. Then the union
 * donation. Every label stays inside the box and clear of the others.
 */
import { scaleBand } from 'd3-scale';
import { formatPounds } from '../../data/format.ts';
import { fillSlots } from '../../data/tokens.ts';
import type { Fundraising, FundraisingMilestone, Units } from '../../data/types.ts';
import { fitFontSteps, fontFloors, LINE_RATIO, MIN_FONT } from '../../../kit/graphics/box.ts';
import { finish, remember, type Steps } from '../../../kit/graphics/steps.ts';
import { linearScale } from '../../../kit/graphics/scale.ts';
import { boxesOverlap, estimateTextWidth, r1, TEXT_ASCENT, wrapText, type Box } from '../../../kit/graphics/text.ts';

/** The words the money chart puts around its figures (data/story.json units). */
export type MoneyUnits = Pick<Units, 'about' | 'months' | 'monthsShort'>;

/** "£93,000+" for a figure the sources give as "past" or "more than"; "c. £x" (units.about) for "about". */
export function amountLabel(amount: number, qualifier: FundraisingMilestone['qualifier'], units: Pick<Units, 'about'>): string {
  if (qualifier === 'about') return fillSlots(units.about, { value: formatPounds(amount) });
  return `${formatPounds(amount)}+`;
}

/**
 * A milestone's "when" as two short parts for the x axis: "17 Jul 2023, within about two hours"
 * becomes ["17 Jul", "2023"], "about 19 Jul 2023" ["c. 19 Jul", "2023"], "early 2024" ["early", "2024"].
 */
export function splitWhen(when: string, units: MoneyUnits): [string, string] {
  const head = when.split(',')[0].trim();
  const years = head.match(/\b\d{4}\b/g);
  const year = years ? years[years.length - 1] : '';
  const words = head.replace(year, '').split(/\s+/).filter(Boolean);
  // House style (README): charts shorten months where text and tables spell them out.
  const short = words.map((w) => (units.months.includes(w) ? units.monthsShort[units.months.indexOf(w)] : w));
  // "about" is how data/fundraising.json words an approximate date; the chart shows it as units.about.
  const rest = short[0]?.toLowerCase() === 'about' ? fillSlots(units.about, { value: short.slice(1).join(' ') }).trim() : short.join(' ');
  return rest ? [rest, year] : [year, ''];
}

export interface MoneyBar {
  id: string;
  kind: 'milestone' | 'union';
  amount: number;
  x: number;
  width: number;
  y: number;
  height: number;
  /** Label on top of the bar, and its baseline (raised when it would collide with a neighbour's). */
  valueLabel: string;
  valueBaseline: number;
  /** The date (and, for a union, its name first) under the axis, wrapped to the band. */
  axisLines: string[];
  /** Centre x of the value label and of the axis lines: the bar's centre, nudged inwards at the edges. */
  valueX: number;
  axisX: number;
  /** Baseline of the first axis line, and how the value and axis labels are anchored. */
  axisBaseline: number;
  valueAnchor: 'middle' | 'start';
  axisAnchor: 'middle' | 'end' | 'start';
}

/** Centre x for a label of the given width: `cx`, unless that would push it out of [0, viewWidth]. */
export function keepInside(cx: number, width: number, viewWidth: number, margin = 2): number {
  return Math.max(margin + width / 2, Math.min(viewWidth - margin - width / 2, cx));
}

const centreOf = (b: { x: number; width: number }) => b.x + b.width / 2;

export interface MoneyText {
  title: string;
  /** The note that says how bars are placed (not to a time scale). */
  note: string;
  targetLabel: [string, string];
  units: MoneyUnits;
}

export interface MoneyLayout {
  font: number;
  line: number;
  width: number;
  height: number;
  titleLines: string[];
  noteLines: string[];
  bars: MoneyBar[];
  /** The target line and its two-line label (x of the label, baseline of its first line, anchor). */
  target: { x1: number; y1: number; x2: number; y2: number; labelX: number; baseline: number; anchor: 'middle' | 'start' };
  /** 'columns': vertical bars over a date axis; 'rows': horizontal bars with the dates on the left (narrow boxes). */
  mode: 'columns' | 'rows' | 'rows2';
  baseline: number;
  axisBaseline: number;
  yMax: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Every label's box, as drawn (used to prove none collide or leave the box). */
  labelBoxes: { id: string; box: Box }[];
  /** Every bar's box at full height (used to prove no label covers one). */
  barBoxes: { id: string; box: Box }[];
}

/** The target line's half-width and the clear space kept around it, CSS px. */
const TARGET_CLEAR = 1.5;

function attempt(fundraising: Fundraising, text: MoneyText, width: number, height: number, font: number, headroom: number, force = false): MoneyLayout | null {
  const { milestones, targetPounds } = fundraising.crowdfunder;
  const unions = fundraising.unionDonations;
  const line = Math.round(font * LINE_RATIO * 10) / 10;
  const ascent = font * 0.8;
  const descent = font * 0.25;
  const titleLines = wrapText(text.title, width - 2, font, true);
  const noteLines = wrapText(text.note, width - 2, font);
  const headH = (titleLines.length + noteLines.length) * line + font * 0.3;
  const ids = [...milestones.map((m) => m.id), ...unions.map((u) => `union-${u.id}`)];
  const plot = { left: 2, right: width - 2, top: 0, bottom: 0 };
  const x = scaleBand<string>().domain(ids).range([plot.left, plot.right]).paddingInner(0.3).paddingOuter(0);
  const step = x.step();
  const wrapAxis = (s: string, bold: boolean) => wrapText(s, step - 4, font, bold);
  const axisLines = [
    ...milestones.map((m) => wrapAxis(splitWhen(m.when, text.units).join(' ').trim(), false)),
    ...unions.map((u) => [u.union, ...wrapAxis(splitWhen(u.when, text.units)[0], false)]),
  ];
  const axisRows = Math.max(...axisLines.map((l) => l.length));
  const axisH = axisRows * line + font * 0.4;
  // Room above the tallest bar for its label, two lines of it if labels must be raised.
  plot.top = headH + line * headroom + font * 0.2;
  plot.bottom = height - axisH - 4;
  if (plot.bottom - plot.top < font * 6 && !force) return null;
  if (!force && axisLines.some((lines, i) => lines.some((l) => estimateTextWidth(l, font, i >= milestones.length) > step - 2))) return null;
  const top = Math.max(targetPounds, ...milestones.map((m) => m.amountPounds), ...unions.map((u) => u.amountPounds));
  const y = linearScale([0, top], [plot.bottom, plot.top]).nice();
  const bar = (id: string, amount: number) => ({
    x: r1(x(id) ?? 0),
    width: r1(x.bandwidth()),
    y: r1(y(amount)),
    height: r1(plot.bottom - y(amount)),
  });
  const raw = [
    ...milestones.map((m, i) => ({
      id: m.id,
      kind: 'milestone' as const,
      amount: m.amountPounds,
      ...bar(m.id, m.amountPounds),
      valueLabel: amountLabel(m.amountPounds, m.qualifier, text.units),
      axisLines: axisLines[i],
    })),
    ...unions.map((u, i) => ({
      id: u.id,
      kind: 'union' as const,
      amount: u.amountPounds,
      ...bar(`union-${u.id}`, u.amountPounds),
      valueLabel: formatPounds(u.amountPounds),
      axisLines: axisLines[milestones.length + i],
    })),
  ];
  const axisBaseline = plot.bottom + font * 1.25;
  const labelBoxes: { id: string; box: Box }[] = [];
  const centred = (t: string, cx: number, baseline: number, bold: boolean): Box => {
    const w = estimateTextWidth(t, font, bold);
    return { x: cx - w / 2, y: baseline - ascent, width: w, height: ascent + descent };
  };
  // The bars as drawn: no label may cover one (a wide label at a large text size reaches over its
  // neighbours' bands).
  const barBoxes: { id: string; box: Box }[] = raw.map((b) => ({ id: b.id, box: { x: b.x, y: b.y, width: b.width, height: b.height } }));
  // The target line's label sits over the last band (empty until the union bar shows, and that bar is short).
  const last = ids[ids.length - 1];
  const targetY = r1(y(targetPounds));
  // Kept clear of the bar before it (a label wider than the band would reach over that bar; where
  // even the gap cannot hold it, the checks below reject this font for a smaller one, or rows).
  const targetW = estimateTextWidth(text.targetLabel[0], font, true);
  const previousRight = ids.length > 1 ? (x(ids[ids.length - 2]) ?? 0) + x.bandwidth() : 0;
  const targetLabelX = Math.max(keepInside((x(last) ?? 0) + x.bandwidth() / 2, targetW, width), previousRight + 2 + targetW / 2);
  const targetBaseline = targetY - 5 - line;
  text.targetLabel.forEach((t, i) => labelBoxes.push({ id: `target:${i}`, box: centred(t, targetLabelX, targetBaseline + i * line, i === 0) }));
  const bars: MoneyBar[] = raw.map((b) => {
    const union = b.kind === 'union';
    const valueX = keepInside(centreOf(b), estimateTextWidth(b.valueLabel, font, union), width);
    // Raise the value label above anything it would collide with: a label (a neighbour's, or the
    // target's) or a neighbour's bar.
    let valueBaseline = b.y - 5;
    let box = centred(b.valueLabel, valueX, valueBaseline, union);
    for (let guard = 0; guard < 8; guard += 1) {
      const hit = [...labelBoxes, ...barBoxes].find((l) => boxesOverlap(box, l.box, 0.5));
      if (!hit) break;
      valueBaseline = hit.box.y - descent - 2;
      box = centred(b.valueLabel, valueX, valueBaseline, union);
    }
    labelBoxes.push({ id: `${b.id}:value`, box });
    const axisWidth = Math.max(...b.axisLines.map((l, i) => estimateTextWidth(l, font, union && i === 0)));
    const axisX = keepInside(centreOf(b), axisWidth, width);
    b.axisLines.forEach((l, i) => labelBoxes.push({ id: `${b.id}:axis${i}`, box: centred(l, axisX, axisBaseline + i * line, union && i === 0) }));
    return {
      ...b,
      valueBaseline: r1(valueBaseline),
      valueX: r1(valueX),
      axisX: r1(axisX),
      axisBaseline: r1(axisBaseline),
      valueAnchor: 'middle' as const,
      axisAnchor: 'middle' as const,
    };
  });
  const headBottom = headH - font * 0.3;
  if (!force && labelBoxes.some((l) => l.box.y < headBottom)) return null;
  // A bar short of the target keeps its figure under the target line, clear of it (its box as a
  // browser measures it): the union's £10,000 sat across the line, struck through (844 × 390); raised
  // clear of it, it would float over the target's label, reading as a figure above the line. (A bar
  // at or over the target has its figure above its own top, so above the line.)
  const wrongSide = (b: MoneyBar) => b.amount < targetPounds && b.valueBaseline - font * TEXT_ASCENT < targetY + TARGET_CLEAR;
  if (!force && bars.some(wrongSide)) return null;
  if (!force && labelBoxes.some((a, i) => labelBoxes.slice(i + 1).some((b) => boxesOverlap(a.box, b.box, 0.5)))) return null;
  if (!force && labelBoxes.some((l) => l.box.x < 0 || l.box.x + l.box.width > width)) return null;
  if (!force && labelBoxes.some((l) => barBoxes.some((b) => boxesOverlap(l.box, b.box, 0.5)))) return null;
  return {
    font,
    line,
    width,
    height: Math.ceil(axisBaseline + (axisRows - 1) * line + descent + 2),
    titleLines,
    noteLines,
    bars,
    target: { x1: plot.left, x2: plot.right, y1: targetY, y2: targetY, labelX: r1(targetLabelX), baseline: r1(targetBaseline), anchor: 'middle' },
    mode: 'columns',
    baseline: plot.bottom,
    axisBaseline: r1(axisBaseline),
    yMax: y.domain()[1],
    plot,
    labelBoxes,
    barBoxes,
  };
}

/**
 * Narrow boxes: one row per slot, the date (and union) on the left, the bar and its value to the
 * right, the target as a vertical line labelled under the last row. Same order, same note.
 */
function rowsAttempt(
  fundraising: Fundraising,
  text: MoneyText,
  width: number,
  height: number,
  font: number,
  { twoLine = false, force = false, withTitle = true }: { twoLine?: boolean; force?: boolean; withTitle?: boolean } = {},
): MoneyLayout | null {
  const { milestones, targetPounds } = fundraising.crowdfunder;
  const unions = fundraising.unionDonations;
  const line = Math.round(font * LINE_RATIO * 10) / 10;
  const ascent = font * 0.8;
  const descent = font * 0.25;
  // The title is the first thing a short box gives up; the note (how to read the bars) stays.
  const titleLines = withTitle ? wrapText(text.title, width - 2, font, true) : [];
  const noteLines = wrapText(text.note, width - 2, font);
  const headH = (titleLines.length + noteLines.length) * line + font * 0.4;
  const slots = [
    ...milestones.map((m) => ({
      id: m.id,
      kind: 'milestone' as const,
      amount: m.amountPounds,
      value: amountLabel(m.amountPounds, m.qualifier, text.units),
      lines: [splitWhen(m.when, text.units).join(' ').trim()],
      bold: false,
    })),
    ...unions.map((u) => ({
      id: u.id,
      kind: 'union' as const,
      amount: u.amountPounds,
      value: formatPounds(u.amountPounds),
      lines: [`${u.union} ${splitWhen(u.when, text.units)[0]}`.trim()],
      bold: true,
    })),
  ];
  // One line per slot with the date in a left column; or (twoLine) the date on a line of its own above the bar.
  const dateCol = twoLine ? 1 : Math.max(...slots.flatMap((s) => s.lines.map((l) => estimateTextWidth(l, font, s.bold)))) + 6;
  const valueW = Math.max(...slots.map((s) => estimateTextWidth(s.value, font, s.bold)));
  const barSpace = width - 2 - dateCol - 5 - valueW;
  const top = Math.max(targetPounds, ...slots.map((s) => s.amount));
  if (barSpace < font * 3 && !force) return null;
  const pitch = line * (twoLine ? 2.05 : 1.15);
  const rowsTop = headH;
  // The target's one-line label under the last row: its baseline 1.1 em below, its descent 0.25 em more.
  const natural = rowsTop + slots.length * pitch + font * 1.1 + descent + 2;
  if (natural > height && !force) return null;
  const x = linearScale([0, top], [dateCol, dateCol + Math.max(barSpace, font * 3)]);
  const targetX = r1(x(targetPounds));
  // Two-line rows put each date on a line of its own above its bar, from the left edge, where the
  // target line would cross it: the dates start after the line instead, where they fit.
  const widestDate = Math.max(...slots.flatMap((s) => s.lines.map((l, k) => estimateTextWidth(l, font, s.bold && k === 0))));
  const dateX = twoLine && targetX + 5 + widestDate <= width - 2 ? r1(targetX + 5) : 1;
  const barH = Math.round(font * 0.95);
  const labelBoxes: { id: string; box: Box }[] = [];
  const bars: MoneyBar[] = slots.map((s, i) => {
    const rowY = rowsTop + i * pitch;
    const baseline = r1(twoLine ? rowY + line * 1.5 + font * 0.35 : rowY + pitch / 2 + font * 0.35);
    const w = r1(x(s.amount) - dateCol);
    // A value label the target line would cross (a bar ending just short of it) starts after the line.
    const valueW = estimateTextWidth(s.value, font, s.bold);
    const afterBar = dateCol + w + 5;
    const valueX = r1(afterBar < targetX + 3 && afterBar + valueW > targetX - 3 ? targetX + 5 : afterBar);
    const axisBaseline = r1(twoLine ? rowY + line / 2 + font * 0.35 : baseline);
    labelBoxes.push({
      id: `${s.id}:value`,
      box: { x: valueX, y: baseline - ascent, width: valueW, height: ascent + descent },
    });
    s.lines.forEach((l, k) => {
      const lw = estimateTextWidth(l, font, s.bold && k === 0);
      const ax = twoLine ? dateX : Math.max(0, dateCol - 6 - lw);
      labelBoxes.push({ id: `${s.id}:axis${k}`, box: { x: ax, y: axisBaseline + k * line - ascent, width: lw, height: ascent + descent } });
    });
    return {
      id: s.id,
      kind: s.kind,
      amount: s.amount,
      x: dateCol,
      width: w,
      y: r1(twoLine ? rowY + line * 1.5 - barH / 2 : rowY + (pitch - barH) / 2),
      height: barH,
      valueLabel: s.value,
      valueBaseline: baseline,
      axisLines: s.lines,
      valueX,
      axisX: twoLine ? dateX : r1(dateCol - 6),
      axisBaseline,
      valueAnchor: 'start' as const,
      axisAnchor: twoLine ? ('start' as const) : ('end' as const),
    };
  });
  const rowsBottom = rowsTop + slots.length * pitch;
  const tx = targetX;
  const targetBaseline = rowsBottom + font * 1.1;
  const targetW = estimateTextWidth(text.targetLabel.join(' '), font, true);
  const labelX = Math.max(0, Math.min(tx, width - 2 - targetW));
  labelBoxes.push({ id: 'target:0', box: { x: labelX, y: targetBaseline - ascent, width: targetW, height: ascent + descent } });
  return {
    font,
    line,
    width,
    height: Math.ceil(force ? natural : Math.min(height, natural)),
    titleLines,
    noteLines,
    bars,
    target: { x1: tx, x2: tx, y1: rowsTop, y2: rowsBottom + 2, labelX: r1(labelX), baseline: r1(targetBaseline), anchor: 'start' },
    mode: twoLine ? 'rows2' : 'rows',
    baseline: dateCol,
    axisBaseline: 0,
    yMax: top,
    plot: { left: dateCol, right: width - 2, top: rowsTop, bottom: rowsBottom },
    labelBoxes,
    barBoxes: bars.map((b) => ({ id: b.id, box: { x: b.x, y: b.y, width: b.width, height: b.height } })),
  };
}

/** Every slot (milestones then union donations) has a band in both variants, so nothing moves when the union bar appears. */
export function moneyLayout(fundraising: Fundraising, text: MoneyText, width: number, height: number, font: number): MoneyLayout {
  return finish(moneyLayoutSteps(fundraising, text, width, height, font));
}

/** moneyLayout, yielding after each font it tries (steps.ts). */
export function* moneyLayoutSteps(fundraising: Fundraising, text: MoneyText, width: number, height: number, font: number): Steps<MoneyLayout> {
  // Raised value labels need headroom over the tallest bar: as little as will do.
  const tryAll = remember((f: number) => {
    for (let headroom = 2; headroom <= 6; headroom += 1) {
      const layout = attempt(fundraising, text, width, height, f, headroom);
      if (layout) return layout;
    }
    return null;
  });
  // Rows are tried only where they fit: a forced layout is drawn too tall and scaled down, which
  // shrinks its text under the floor and can push labels past the box.
  const rowsAt = remember((f: number) => rowsAttempt(fundraising, text, width, height, f));
  const untitledRowsAt = remember((f: number) => rowsAttempt(fundraising, text, width, height, f, { withTitle: false }));
  // The largest font either form fits at, not under the reader's floor (text grows with their text
  // size), nor under 14 px in a wide box that holds it; columns at a tie. Only where neither fits
  // with its title at that floor do rows give the title up (the note, how to read the bars, stays);
  // only a box too small for any of them at that floor gives text back, floor by floor (box.ts fontFloors).
  for (const floor of fontFloors(font, width)) {
    const columns = yield* fitFontSteps(font, (f) => tryAll(f) !== null, floor);
    const best = tryAll(columns);
    const rowsFont = yield* fitFontSteps(font, (f) => rowsAt(f) !== null, floor);
    const rows = rowsAt(rowsFont);
    if (best && (!rows || columns >= rowsFont)) return best;
    if (rows) return rows;
    const untitled = untitledRowsAt(yield* fitFontSteps(font, (f) => untitledRowsAt(f) !== null, floor));
    if (untitled) return untitled;
  }
  // Forced: never null.
  return rowsAttempt(fundraising, text, width, height, MIN_FONT, { twoLine: true, force: true })!;
}
