import { describe, expect, it } from 'vitest';
import { areasText } from '../../../src/story/graphics/areas/AreasGraphic.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';
import { areasLayout, barLabelWidth, LABEL_GAP, MAX_BARS, type AreasLayout } from '../../../src/story/graphics/areas/areasLayout.ts';
import { boxesOverlap, estimateTextWidth, type Box } from '../../../src/kit/graphics/text.ts';
import { BOXES } from './boxes.ts';

const { derived } = storyChartModel;
const AREAS_TEXT = areasText(storyChartModel);

const close = [derived.closestByVotes.code, derived.closestByShare.code];

/** Every text of the panels (name, lead, bar labels) and the note, each as `box` gives its box from its left, baseline and width. */
function textBoxes(layout: AreasLayout, box: (x: number, baseline: number, w: number) => Box): { id: string; box: Box }[] {
  const f = layout.font;
  const boxes: { id: string; box: Box }[] = [];
  for (const p of layout.panels) {
    boxes.push({ id: `${p.area.code} name`, box: box(p.x + 1, p.nameBaseline, estimateTextWidth(p.area.label, f, true)) });
    if (p.caption) {
      const w = estimateTextWidth(p.caption, f);
      boxes.push({ id: `${p.area.code} caption`, box: box(p.captionAnchor === 'end' ? p.captionX - w : p.captionX, p.captionBaseline, w) });
    }
    for (const b of p.bars) {
      const end = p.left + b.width + LABEL_GAP + barLabelWidth(AREAS_TEXT, layout.labelForm, b, f);
      boxes.push({ id: `${p.area.code} ${b.id}`, box: box(p.left, b.baseline, end - p.left) });
    }
  }
  layout.noteLines.forEach((l, i) => boxes.push({ id: `note ${i}`, box: box(layout.noteX, layout.noteBaseline + i * layout.line, estimateTextWidth(l, f)) }));
  return boxes;
}

/** The pairs of boxes that overlap by more than `tolerance`. */
const overlapping = (boxes: { id: string; box: Box }[], tolerance: number) =>
  boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => boxesOverlap(a.box, b.box, tolerance))
      .map((b) => `${a.id} × ${b.id}`),
  );

describe.each(BOXES)('areasLayout in $name', ({ width, height, font, least }) => {
  const layout = areasLayout(derived.areas, close, AREAS_TEXT, width, height, font);
  const bars = layout.panels.flatMap((p) => p.bars);
  const f = layout.font;
  const textBox = (x: number, baseline: number, w: number): Box => ({ x, y: baseline - f * 0.8, width: w, height: f * 1.05 });

  it('draws every bar in every panel on ONE votes scale (bar length means votes everywhere)', () => {
    for (const b of bars) expect(Math.abs(b.width - layout.length(b.votes))).toBeLessThanOrEqual(0.051);
    // So a bigger council's winner has the longer bar, whatever the shares.
    const byVotes = [...bars].sort((a, b) => a.votes - b.votes);
    byVotes.slice(1).forEach((b, i) => expect(b.width).toBeGreaterThanOrEqual(byVotes[i].width));
  });

  it('says on the chart what bar length means (and what the lead is, when it is shown)', () => {
    const note = layout.noteLines.join(' ');
    expect(note).toMatch(/votes/);
    expect(note).toMatch(/one scale/);
    const leads = layout.panels.filter((p) => p.caption).length;
    expect(note).toBe(leads ? AREAS_TEXT.note : AREAS_TEXT.noteWithoutLead);
  });

  it('shows every area, the winner and runner-up at least, in the box, with text at the floor or more', () => {
    expect(layout.panels.map((p) => p.area.code)).toEqual(derived.areas.map((a) => a.code));
    expect(layout.perArea).toBeGreaterThanOrEqual(2);
    expect(layout.perArea).toBeLessThanOrEqual(MAX_BARS);
    for (const p of layout.panels) expect(p.bars.map((b) => b.id)).toEqual(p.area.ranked.slice(0, layout.perArea).map((r) => r.id));
    expect(f).toBeGreaterThanOrEqual(least);
    expect(f).toBeLessThanOrEqual(font);
    expect(layout.height).toBeLessThanOrEqual(height);
  });

  it('keeps every label inside its panel and the box, clear of the others', () => {
    for (const p of layout.panels) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width).toBeLessThanOrEqual(width + 0.05);
      expect(p.y + p.height).toBeLessThanOrEqual(layout.height + 0.05);
      for (const b of p.bars) {
        const end = p.left + b.width + LABEL_GAP + barLabelWidth(AREAS_TEXT, layout.labelForm, b, f);
        expect(end, `${p.area.label} ${b.id}`).toBeLessThanOrEqual(p.x + p.width + 0.05);
      }
    }
    const boxes = textBoxes(layout, textBox);
    for (const { id, box } of boxes) {
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(width + 0.05);
      expect(box.y, id).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, id).toBeLessThanOrEqual(layout.height + 0.5);
    }
    expect(overlapping(boxes, 0.5)).toEqual([]);
  });

  // As Chromium measures text on Linux (DejaVu Sans: 0.93 em over the baseline, 0.24 under), and as
  // tests/browser/graphics.test.ts compares them: no two texts overlap by more than a pixel. In the
  // grid's header the first bar's label reached up into the council's name (320 × 568).
  it('keeps every text clear of the others as the browser measures them (its full box, to a pixel)', () => {
    const measured = (x: number, baseline: number, w: number): Box => ({ x, y: baseline - f * 0.93, width: w, height: f * 1.17 });
    expect(overlapping(textBoxes(layout, measured), 1)).toEqual([]);
  });

  it('marks the two closest counts', () => {
    expect(layout.panels.filter((p) => p.close).map((p) => p.area.code)).toEqual(derived.areas.filter((a) => close.includes(a.code)).map((a) => a.code));
  });
});

describe('areasLayout in a 320 × 568 phone’s band (289 × 178)', () => {
  const layout = areasLayout(derived.areas, close, AREAS_TEXT, 289, 178, 13);
  it('draws all seven councils as a grid of panels at 11 px or more, each bar labelled with who and how many', () => {
    expect(layout.mode).toBe('grid');
    expect(layout.columns).toBeGreaterThanOrEqual(2);
    expect(layout.panels).toHaveLength(7);
    for (const b of layout.panels.flatMap((p) => p.bars)) expect(b.label).toMatch(/\d/);
    expect(layout.panels.flatMap((p) => p.bars).every((b) => /[A-Za-z]/.test(b.label))).toBe(true);
  });
});
