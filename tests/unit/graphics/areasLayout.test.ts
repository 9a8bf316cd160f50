import { describe, expect, it } from 'vitest';
import { areasText } from '../../../src/graphics/areas/AreasGraphic.tsx';
import { storyChartModel } from '../../../src/graphics/storyChartModel.ts';
import { areasLayout, MAX_BARS } from '../../../src/graphics/areas/areasLayout.ts';
import { estimateTextWidth } from '../../../src/graphics/text.ts';
import { BOXES } from './boxes.ts';

const { derived } = storyChartModel;
const AREAS_TEXT = areasText(storyChartModel);

const close = [derived.closestByVotes.code, derived.closestByShare.code];

describe.each(BOXES)('areasLayout in $name', ({ width, height, font }) => {
  const layout = areasLayout(derived.areas, close, AREAS_TEXT, width, height, font);
  const bars = layout.panels.flatMap((p) => p.bars);

  it('draws every bar in every panel on ONE votes scale (bar length means votes everywhere)', () => {
    for (const b of bars) expect(Math.abs(b.width - (layout.x(b.votes) - layout.left))).toBeLessThanOrEqual(0.051);
    // So a bigger council's winner has the longer bar, whatever the shares.
    const byVotes = [...bars].sort((a, b) => a.votes - b.votes);
    byVotes.slice(1).forEach((b, i) => expect(b.width).toBeGreaterThanOrEqual(byVotes[i].width));
  });

  it('says on the chart what bar length means', () => {
    expect(AREAS_TEXT.note).toMatch(/votes/);
    expect(AREAS_TEXT.note).toMatch(/one scale/);
    expect(layout.noteLines.join(' ')).toBe(AREAS_TEXT.note);
  });

  it('shows every area, the winner and runner-up at least, in the box, with text of 11 px or more', () => {
    expect(layout.panels.map((p) => p.area.code)).toEqual(derived.areas.map((a) => a.code));
    expect(layout.perArea).toBeGreaterThanOrEqual(2);
    expect(layout.perArea).toBeLessThanOrEqual(MAX_BARS);
    expect(layout.font).toBeGreaterThanOrEqual(11);
    expect(layout.height).toBeLessThanOrEqual(height);
    for (const b of bars) expect(layout.left + b.width + 5 + estimateTextWidth(b.label, layout.font)).toBeLessThanOrEqual(width);
    for (const line of layout.noteLines) expect(estimateTextWidth(line, layout.font)).toBeLessThanOrEqual(width);
  });

  it('marks the two closest counts', () => {
    expect(layout.panels.filter((p) => p.close).map((p) => p.area.code)).toEqual(derived.areas.filter((a) => close.includes(a.code)).map((a) => a.code));
  });
});
