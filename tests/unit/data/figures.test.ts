/**
 * One path for the story's figures: the static components read data/dataset.ts's storyFigures and the
 * graphics' chart model is built on that same object, so derive() runs once and the candidate lookup
 * is one function.
 */
import { describe, expect, it } from 'vitest';
import { candidate, dataset, derived, storyFigures, units } from '../../../src/story/data/dataset.ts';
import islandCopy from 'virtual:island-copy';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';

describe('the story figures', () => {
  it('are the objects the chart model carries', () => {
    expect(storyChartModel.data).toBe(storyFigures.data);
    expect(storyChartModel.derived).toBe(storyFigures.derived);
    expect(storyChartModel.candidate).toBe(storyFigures.candidate);
    expect(storyChartModel.units).toBe(units);
    expect(units).toBe(islandCopy.units);
    expect([dataset, derived, candidate]).toEqual([storyFigures.data, storyFigures.derived, storyFigures.candidate]);
  });

  it('look candidates up by id, and refuse an unknown id', () => {
    for (const c of dataset.candidates) expect(candidate(c.id)).toBe(c);
    expect(() => candidate('nobody')).toThrow(/No candidate "nobody"/);
  });
});
