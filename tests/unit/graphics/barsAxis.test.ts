/**
 * Issue #18: the bars' share axis means something. It is never ticked past 100%, its last tick is the
 * first round value at or past the largest share (poll or result), and the poll and the result are
 * drawn on one scale in a box, so the two steps compare. And in a wide box (a desktop column, 15 px
 * text) the bars' text stays at 14 px or more.
 */
import { describe, expect, it } from 'vitest';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';
import { barsInput, barsScene } from '../../../src/story/graphics/bars/BarsGraphic.tsx';
import { barsLayout } from '../../../src/story/graphics/bars/barsLayout.ts';
import { chartFont, WIDE_MIN_FONT } from '../../../src/kit/graphics/box.ts';
import { estimateTextWidth } from '../../../src/kit/graphics/text.ts';
import { BOXES } from './boxes.ts';

const { rows } = barsInput(storyChartModel);
const maxShare = Math.max(...rows.map((r) => Math.max(r.share, r.poll)));

/** Many boxes: phone bands to wide desktop columns, at text sizes from the default to 200%. */
const GRID = [
  ...BOXES.map(({ width, height, font }) => ({ width, height, font })),
  ...[150, 200, 260, 300, 343, 374, 390, 420, 480, 529, 560, 600, 605, 640, 720, 800, 1000, 1280, 1600].flatMap((width) =>
    [180, 240, 360, 480, 640, 800, 1300].flatMap((height) => [11, 13, 15, 16, 20, 26, 30].map((font) => ({ width, height, font }))),
  ),
];

describe('the bars’ share axis', () => {
  it('has boxes to check', () => {
    expect(GRID.length).toBeGreaterThan(800);
  });

  it('is never ticked past 100%, and ends at a round value at or past the largest share', () => {
    const bad: string[] = [];
    let axes = 0;
    for (const { width, height, font } of GRID) {
      const layout = barsLayout(rows, width, height, font);
      if (layout.ticks.length === 0) continue;
      axes += 1;
      const values = layout.ticks.map((t) => t.value);
      const last = values[values.length - 1];
      const at = `${width}x${height} at ${font}px`;
      if (values.some((v) => v > 1)) bad.push(`${at}: ticks ${values.join(', ')} past 100%`);
      if (last < maxShare) bad.push(`${at}: last tick ${last} short of the largest share ${maxShare}`);
      if (last !== layout.axisMax) bad.push(`${at}: last tick ${last} is not the axis's end ${layout.axisMax}`);
      // The last tick is the first step at or past the largest share: no tick past it says nothing.
      const step = values.length > 1 ? values[1] - values[0] : last;
      if (last - step >= maxShare - 1e-9) bad.push(`${at}: ticks ${values.join(', ')} run a step past the largest share`);
      // Every tick is on the plot and its label inside the box.
      for (const t of layout.ticks) {
        if (t.x > width - 2 + 0.05) bad.push(`${at}: tick ${t.value} at ${t.x} is off the plot`);
        const w = estimateTextWidth(`${Math.round(t.value * 100)}%`, layout.font);
        const x0 = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
        if (x0 < -0.5 || x0 + w > width + 0.5) bad.push(`${at}: tick label ${t.value} outside the box`);
      }
      // Tick labels do not run into each other.
      layout.ticks.slice(1).forEach((t, i) => {
        const w = estimateTextWidth('00%', layout.font);
        if (t.x - layout.ticks[i].x < w + 2) bad.push(`${at}: ticks ${layout.ticks[i].value} and ${t.value} are ${t.x - layout.ticks[i].x} px apart`);
      });
    }
    expect(axes).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  }, 120_000);

  it('is the same for the poll and the result in the same box', () => {
    for (const { width, height, font } of GRID.filter((_, i) => i % 4 === 0)) {
      const box = { width, height, font, measured: true };
      const poll = barsScene(storyChartModel, 'poll', box).layout;
      const result = barsScene(storyChartModel, 'result', box).layout;
      expect(poll.x.domain(), `${width}x${height} at ${font}px`).toEqual(result.x.domain());
      expect(poll.x.range()).toEqual(result.x.range());
      expect(poll.axisMax).toBe(result.axisMax);
      expect(poll.ticks).toEqual(result.ticks);
      poll.rows.forEach((r, i) => {
        expect(r.pollWidth).toBe(result.rows[i].pollWidth);
        expect(r.resultWidth).toBe(result.rows[i].resultWidth);
      });
    }
  }, 120_000);
});

describe('the bars’ text in a wide box', () => {
  it.each([
    [600, 640],
    [605, 672],
    [640, 732],
    [640, 1376],
    [800, 700],
    [1280, 1312],
  ])('is at least 14 px in a %d x %d box at the desktop size (15 px)', (width, height) => {
    const font = chartFont(16, width);
    expect(font).toBe(15);
    const layout = barsLayout(rows, width, height, font);
    expect(layout.font).toBeGreaterThanOrEqual(WIDE_MIN_FONT);
    expect(layout.height).toBeLessThanOrEqual(height);
    // Rows apart, and every value label inside the box.
    layout.rows.slice(1).forEach((r, i) => expect(r.barY).toBeGreaterThan(layout.rows[i].ghostY + layout.rows[i].ghostHeight));
    layout.rows.forEach((r, i) => {
      const value = layout.votesShown ? rows[i].resultLabel : rows[i].shareLabel;
      expect(layout.left + r.resultWidth + 6 + estimateTextWidth(value, layout.font, true)).toBeLessThanOrEqual(width);
    });
  });
});
