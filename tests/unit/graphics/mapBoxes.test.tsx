/** The map in every box of boxes.ts: each council its variant names is labelled, at the box's floor or more. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MapGraphic } from '../../../src/story/graphics/map/MapGraphic.tsx';
import { MAP_VARIANTS } from '../../../src/story/graphics/map/mapModel.ts';
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
