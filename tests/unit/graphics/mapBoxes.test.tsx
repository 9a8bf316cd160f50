/** The map in every box of boxes.ts: each council its variant names is labelled, at the box's floor or more. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chooseScene, LEADER_DOT_PX, MapGraphic } from '../../../src/story/graphics/map/MapGraphic.tsx';
import { labelOverlaps, leaderCrossings } from '../../../src/story/graphics/map/mapLabels.ts';
import { councilStyles, MAP_VARIANTS, mapData } from '../../../src/story/graphics/map/mapModel.ts';
import { boxFor } from '../../../src/story/graphics/registry.ts';
import { boxesOverlap } from '../../../src/kit/graphics/text.ts';
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
// size, before a leader crosses a label (chooseScene). The narrow boxes of a 200% page zoom are below.
describe.each(BOXES.filter((b) => b.width >= 280))('the map’s callouts in $name', ({ width, height, font }) => {
  it.each(MAP_VARIANTS)('%s: no leader, nor the dot at its council, runs into a label or the key', (variant) => {
    const scene = chooseScene(mapData(storyChartModel), variant, { width, height, font, measured: true });
    expect(leaderCrossings(scene.labels, LEADER_DOT_PX / scene.scale, scene.key.boxes)).toEqual([]);
  });
});

// At 200% page zoom a phone's stacked layout gives the map 156-171 px (390 px wide, with and without
// a classic scrollbar; 164 px as Chromium draws it). No callout column clears the coast there: the
// region and the result list their councils below the map (MapForm.list), in a box as tall as it needs.
/** The form each variant takes at each width: the list where no callout column clears the coast. */
const NARROW_FORMS = {
  156: { 'north-of-tyne': 'list', region: 'list', result: 'list' },
  164: { 'north-of-tyne': 'callouts', region: 'list', result: 'list' },
  171: { 'north-of-tyne': 'callouts', region: 'callouts', result: 'list' },
} as const;

describe.each([156, 164, 171] as const)('the map in a stacked copy %i px wide, at 200% page zoom', (width) => {
  const box = boxFor('map', { width, height: 0, root: 16 }, true);
  const data = mapData(storyChartModel);

  it.each(MAP_VARIANTS)('%s: no text over text or the key, no leader or dot over a text, all inside, at 11 px or more', (variant) => {
    const scene = chooseScene(data, variant, box);
    expect(scene.form).toBe(NARROW_FORMS[width][variant]);
    expect(scene.strict).toBe(true);
    expect(labelOverlaps(scene.labels)).toEqual([]);
    expect(scene.labels.flatMap((l) => scene.key.boxes.filter((k) => boxesOverlap(l.box, k)))).toEqual([]);
    expect(leaderCrossings(scene.labels, LEADER_DOT_PX / scene.scale, scene.key.boxes)).toEqual([]);
    expect(scene.frame.font * scene.scale).toBeGreaterThanOrEqual(11);
    expect(scene.labels).toHaveLength(named(variant));
    expect(scene.drawHeight).toBeLessThanOrEqual(box.height);
  });

  it.each(MAP_VARIANTS.filter((v) => NARROW_FORMS[width][v] === 'list'))(
    '%s as a list: a row per council below the map, north to south, each with its council’s fill',
    (variant) => {
      const scene = chooseScene(data, variant, box);
      expect(scene.labels.every((l) => l.leader === null && l.swatch)).toBe(true);
      const mapBottom = scene.frame.dy + Math.max(...councils.map((c) => c.centroid[1]));
      const rows = [...scene.labels].sort((a, b) => a.box.y - b.box.y);
      expect(rows[0].box.y).toBeGreaterThan(mapBottom);
      expect(rows.map((r) => r.anchor[1])).toEqual([...rows.map((r) => r.anchor[1])].sort((a, b) => a - b));
      // Drawn as tall as the rows need, not the whole of the box.
      expect(scene.drawHeight).toBe(Math.ceil((rows.at(-1)!.box.y + rows.at(-1)!.box.height) * scene.scale));
      const html = renderToStaticMarkup(<MapGraphic variant={variant} box={box} model={storyChartModel} />);
      const styles = councilStyles(variant, 'x', data, { shaded: !scene.short });
      for (const label of scene.labels) {
        const swatch = html.match(new RegExp(`data-label-for="${label.id}"[^>]*><rect[^>]*data-swatch=""[^>]*style="([^"]*)"`));
        const style = styles.find((st) => st.code === label.id)!;
        expect(swatch?.[1]).toContain(style.emphasis === 'hatched' ? 'fill:url(#' : `fill:${style.fill}`);
      }
    },
  );
});

describe('the map in a box it fills (a pinned graphic)', () => {
  it('fills the box: the list form is drawn only as tall as it needs in a stacked copy', () => {
    for (const variant of MAP_VARIANTS)
      expect(chooseScene(mapData(storyChartModel), variant, { width: 390, height: 360, font: 13, measured: true }).drawHeight).toBe(360);
  });
});
