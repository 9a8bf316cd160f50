/** The map in every box of boxes.ts: each council its variant names is labelled, at the box's floor or more. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chooseScene, LEADER_DOT_PX, MapGraphic } from '../../../src/story/graphics/map/MapGraphic.tsx';
import { leaderCrossings } from '../../../src/story/graphics/map/mapLabels.ts';
import { MAP_VARIANTS, mapData } from '../../../src/story/graphics/map/mapModel.ts';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';
import { BOXES } from './boxes.ts';

const councils = storyChartModel.councilMap.councils;
const named = (variant: string) => councils.filter((c) => variant !== 'north-of-tyne' || c.group === 'north-of-tyne').length;

describe.each(BOXES)('the map in $name', ({ width, height, font, least }) => {
  it.each(MAP_VARIANTS)('%s: a label for every council it names, text at the floor or more', (variant) => {
    const html = renderToStaticMarkup(<MapGraphic variant={variant} box={{ width, height, font, measured: true }} model={storyChartModel} />);
    expect(html.match(/data-label-for=/g)?.length ?? 0).toBe(named(variant));
    expect(Number(html.match(/data-font="([^"]+)"/)![1])).toBeGreaterThanOrEqual(least);
    // The shade key explains the shading: where it is left out (a short box), the councils are unshaded.
    if (variant === 'result' && !html.includes('data-shade-key')) {
      const opacities = new Set([...html.matchAll(/<path[^>]*data-area[^>]*fill-opacity:([\d.]+)/g)].map((m) => m[1]));
      expect(opacities.size).toBe(1);
    }
  });
});

describe('the map in a 320 × 568 phone’s band (289 × 178)', () => {
  it('keeps every council’s callout by shortening the key', () => {
    for (const variant of MAP_VARIANTS) {
      const html = renderToStaticMarkup(<MapGraphic variant={variant} box={{ width: 289, height: 178, font: 13, measured: true }} model={storyChartModel} />);
      expect(html.match(/data-label-for=/g)?.length ?? 0).toBe(named(variant));
    }
  });
});

// In the boxes of a phone's band and wider (tests/browser/graphics.test.ts's sizes), at the default
// text size and at 200%, where the map is drawn smaller, or its text given back down to the default
// size, before a leader crosses a label (chooseScene). Not yet in the narrow boxes of a 200% page
// zoom (171 px), where the callouts sit over the map.
describe.each(BOXES.filter((b) => b.width >= 280))('the map’s callouts in $name', ({ width, height, font }) => {
  it.each(MAP_VARIANTS)('%s: no leader, nor the dot at its council, runs into a label or the key', (variant) => {
    const scene = chooseScene(mapData(storyChartModel), variant, { width, height, font, measured: true });
    expect(leaderCrossings(scene.labels, LEADER_DOT_PX / scene.scale, scene.key.boxes)).toEqual([]);
  });
});
