/**
 * The money chart's geometry. Milestones sit on a band scale in the order the sources report them
 * (several dates are approximate, so position is order, not time), then the union donation.
 */
import { scaleBand } from 'd3-scale';
import { formatPounds } from '../../data/format.ts';
import type { Fundraising, FundraisingMilestone } from '../../data/types.ts';
import { linearScale } from '../scale.ts';
import { estimateTextWidth, FONT_SIZE, LINE_HEIGHT, r1, type Box } from '../text.ts';

export const MONEY_VIEW = { width: 400, height: 320 } as const;
export const MONEY_PLOT = { left: 4, right: 396, top: 44, bottom: 262 } as const;
/** Gap between a bar's top (or the target line) and the baseline of the label above it. */
export const VALUE_GAP = 5;
/** Baseline of the first axis line under the bars. */
export const AXIS_BASELINE = MONEY_PLOT.bottom + 17;

/** "£93,000+" for a figure the sources give as "past" or "more than"; "c. £x" for "about". */
export function amountLabel(amount: number, qualifier: FundraisingMilestone['qualifier']): string {
  if (qualifier === 'about') return `c. ${formatPounds(amount)}`;
  return `${formatPounds(amount)}+`;
}

/**
 * A milestone's "when" as two short lines for the x axis: "17 Jul 2023, within about two hours"
 * becomes ["17 Jul", "2023"], "about 19 Jul 2023" ["c. 19 Jul", "2023"], "early 2024" ["early", "2024"].
 */
export function splitWhen(when: string): [string, string] {
  const head = when.split(',')[0].trim();
  const years = head.match(/\b\d{4}\b/g);
  const year = years ? years[years.length - 1] : '';
  const rest = head
    .replace(year, '')
    .replace(/^about\s+/i, 'c. ')
    // House style (README): charts shorten months to three letters where text and tables spell them out.
    .replace(/\b(January|February|March|April|June|July|August|September|October|November|December)\b/, (month) => month.slice(0, 3))
    .replace(/\s+/g, ' ')
    .trim();
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
  /** Label on top of the bar. */
  valueLabel: string;
  /** Two lines under the axis. */
  axisLines: [string, string];
  /** Centre x of the value label and of the axis lines: the bar's centre, nudged inwards at the edges of the view. */
  valueX: number;
  axisX: number;
}

/** Centre x for a label of the given width: `cx`, unless that would push it off the view. */
export function keepInside(cx: number, width: number, margin = 2): number {
  return Math.max(margin + width / 2, Math.min(MONEY_VIEW.width - margin - width / 2, cx));
}

const centreOf = (b: { x: number; width: number }) => b.x + b.width / 2;

export interface MoneyLayout {
  bars: MoneyBar[];
  targetY: number;
  /** Centre x of the band of the last slot, where the target line is labelled. */
  targetLabelX: number;
  baseline: number;
  yMax: number;
}

/** Every slot (milestones then union donations) has a band in both variants, so nothing moves when the union bar appears. */
export function moneyLayout(fundraising: Fundraising): MoneyLayout {
  const { milestones, targetPounds } = fundraising.crowdfunder;
  const unions = fundraising.unionDonations;
  const ids = [...milestones.map((m) => m.id), ...unions.map((u) => `union-${u.id}`)];
  const x = scaleBand<string>().domain(ids).range([MONEY_PLOT.left, MONEY_PLOT.right]).paddingInner(0.3).paddingOuter(0);
  const top = Math.max(targetPounds, ...milestones.map((m) => m.amountPounds), ...unions.map((u) => u.amountPounds));
  const y = linearScale([0, top], [MONEY_PLOT.bottom, MONEY_PLOT.top]).nice();
  const bar = (id: string, amount: number) => ({
    x: r1(x(id) ?? 0),
    width: r1(x.bandwidth()),
    y: y(amount),
    height: MONEY_PLOT.bottom - y(amount),
  });
  const raw = [
    ...milestones.map((m) => ({
      id: m.id,
      kind: 'milestone' as const,
      amount: m.amountPounds,
      ...bar(m.id, m.amountPounds),
      valueLabel: amountLabel(m.amountPounds, m.qualifier),
      axisLines: splitWhen(m.when),
    })),
    ...unions.map((u) => ({
      id: u.id,
      kind: 'union' as const,
      amount: u.amountPounds,
      ...bar(`union-${u.id}`, u.amountPounds),
      valueLabel: formatPounds(u.amountPounds),
      axisLines: [u.union, splitWhen(u.when)[0]] as [string, string],
    })),
  ];
  const bars: MoneyBar[] = raw.map((b) => ({
    ...b,
    valueX: keepInside(centreOf(b), estimateTextWidth(b.valueLabel, FONT_SIZE, b.kind === 'union')),
    axisX: keepInside(centreOf(b), Math.max(...b.axisLines.map((line, i) => estimateTextWidth(line, FONT_SIZE, i === 0 && b.kind === 'union')))),
  }));
  const last = ids[ids.length - 1];
  return {
    bars,
    targetY: y(targetPounds),
    targetLabelX: keepInside((x(last) ?? 0) + x.bandwidth() / 2, estimateTextWidth(formatPounds(targetPounds), FONT_SIZE, true)),
    baseline: MONEY_PLOT.bottom,
    yMax: y.domain()[1],
  };
}

/**
 * The boxes every label of the chart occupies, as MoneyGraphic draws them (both variants: the union
 * bar's labels included). Used to prove that no two labels collide.
 */
export function moneyLabelBoxes(layout: MoneyLayout, targetLabel: [string, string]): { id: string; box: Box }[] {
  const ascent = FONT_SIZE * 0.8;
  const descent = FONT_SIZE * 0.25;
  const centred = (text: string, cx: number, baseline: number, bold: boolean): Box => {
    const width = estimateTextWidth(text, FONT_SIZE, bold);
    return { x: cx - width / 2, y: baseline - ascent, width, height: ascent + descent };
  };
  const boxes: { id: string; box: Box }[] = [];
  for (const bar of layout.bars) {
    // Weights as drawn: the union bar's value and name are bold, everything else regular.
    const union = bar.kind === 'union';
    boxes.push({ id: `${bar.id}:value`, box: centred(bar.valueLabel, bar.valueX, bar.y - VALUE_GAP, union) });
    bar.axisLines.forEach((line, i) => {
      if (line) boxes.push({ id: `${bar.id}:axis${i}`, box: centred(line, bar.axisX, AXIS_BASELINE + i * LINE_HEIGHT, union && i === 0) });
    });
  }
  targetLabel.forEach((line, i) => {
    boxes.push({ id: `target:${i}`, box: centred(line, layout.targetLabelX, layout.targetY - VALUE_GAP - (1 - i) * LINE_HEIGHT, i === 0) });
  });
  return boxes;
}
