import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildBootScript } from '../../../scripts/bootScript.ts';
import { chooseLayout, landingScroll, readingArea, triggerOffset } from '../../../src/kit/scroll/layout.ts';
import { pickAnchor, restoreScroll, type Blocks } from '../../../src/kit/scroll/place.ts';

describe('chooseLayout', () => {
  it('puts the graphic in a band on portrait phones and tablets, side by side on wide or short landscape screens', () => {
    expect(chooseLayout(320, 568)).toBe('band');
    expect(chooseLayout(390, 844)).toBe('band');
    expect(chooseLayout(768, 1024)).toBe('band');
    expect(chooseLayout(844, 390)).toBe('side');
    expect(chooseLayout(568, 320)).toBe('side');
    expect(chooseLayout(1024, 768)).toBe('side');
    expect(chooseLayout(1440, 900)).toBe('side');
    // A small desktop window that is not short: still a band.
    expect(chooseLayout(800, 700)).toBe('band');
  });

  it('stacks each step with its own graphic in a tiny CSS viewport (a phone at 200% page zoom, upright or on its side)', () => {
    expect(chooseLayout(195, 422)).toBe('stacked');
    expect(chooseLayout(259, 500)).toBe('stacked');
    expect(chooseLayout(260, 500)).toBe('band');
    // On its side: a pinned column would be a 91 px high chart.
    expect(chooseLayout(422, 195)).toBe('stacked');
    expect(chooseLayout(640, 259)).toBe('stacked');
    expect(chooseLayout(640, 260)).toBe('side');
    // A desktop window at 400% zoom (1280 x 800 lays out 320 x 200).
    expect(chooseLayout(320, 200)).toBe('stacked');
    // The shortest phone on its side at 100% zoom keeps its pinned column.
    expect(chooseLayout(568, 320)).toBe('side');
  });

  it('is the rule the boot script in index.html applies before first paint', () => {
    // As built and served: scripts/bootScript.ts copies chooseLayout's source into the boot script.
    const html = buildBootScript(readFileSync(resolve(import.meta.dirname, '../../../index.html'), 'utf8'));
    const boot = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    for (const [width, height] of [
      [320, 568],
      [844, 390],
      [899, 499],
      [900, 400],
      [768, 1024],
      [600, 480],
      [195, 422],
      [259, 900],
      [422, 195],
      [900, 259],
    ]) {
      const dataset: Record<string, string> = {};
      const root = { dataset, style: { getPropertyValue: () => '', setProperty: () => undefined } };
      const win = { innerWidth: width, innerHeight: height } as Record<string, unknown>;
      win.self = win;
      win.top = win;
      runInNewContext(boot, {
        document: { documentElement: root, addEventListener: () => undefined },
        window: win,
        location: { hash: '', search: '' },
        screen: {},
        setTimeout: () => undefined,
      });
      expect(dataset.layout, `${width}×${height}`).toBe(chooseLayout(width, height));
      expect(dataset.embedContext).toBe('top');
    }
  });
});

describe('reading area and landing', () => {
  it('starts below the band and puts the trigger in its middle', () => {
    const area = readingArea(844, 354);
    expect(area).toEqual({ top: 354, height: 490 });
    expect(triggerOffset(area)).toBe(599);
    expect(triggerOffset(readingArea(800, 0))).toBe(400);
  });

  it('lands a jump with the step top just inside the reading area and the trigger inside the step', () => {
    const area = readingArea(844, 354);
    const y = landingScroll(5000, 900, area);
    expect(5000 - y).toBe(354 + 8);
    expect(y + triggerOffset(area)).toBeGreaterThanOrEqual(5000);
    // A step shorter than the distance to the trigger: held so the trigger stays inside it.
    const short = landingScroll(5000, 100, area);
    expect(short + triggerOffset(area)).toBeLessThan(5100);
  });
});

// Two steps: step 0 at 1000 (blocks at 1000, 1100, 1400), step 1 at 2000 (blocks at 2000, 2100).
const blocks: Blocks = { tops: [1000, 1100, 1400, 2000, 2100], heights: [60, 280, 120, 60, 300], steps: [0, 0, 0, 1, 1] };
const steps = { tops: [1000, 2000], heights: [1000, 1000] };

describe('pickAnchor', () => {
  // Band layout: the reading area is the lower 500 px of an 800 px screen.
  const area = readingArea(800, 300);
  it('is the first block starting in the reading area, with where its top sat there', () => {
    const a = pickAnchor(1100 - 300 - 50, area, blocks, steps)!;
    expect(a.block).toBe(1);
    expect(a.step).toBe(0);
    expect(a.position).toBeCloseTo(50 / 500);
  });
  it('is a block cut by the top of the reading area while at least half of it is readable', () => {
    // Block 1 (1100–1380) cut at 1200: 180 of 280 px readable.
    expect(pickAnchor(1200 - 300, area, blocks, steps)).toMatchObject({ block: 1, position: -100 / 500 });
    // Cut at 1300: 80 px readable, so the next block (1400) is the one being read.
    expect(pickAnchor(1300 - 300, area, blocks, steps)!.block).toBe(2);
  });
  it('is null above the story and past its last step', () => {
    expect(pickAnchor(0, area, blocks, steps)).toBeNull();
    expect(pickAnchor(3000 - 300, area, blocks, steps)).toBeNull();
  });
});

describe('restoreScroll', () => {
  it('puts the block back at the same height in the new reading area', () => {
    const before = readingArea(844, 354);
    const anchor = pickAnchor(2050 - 354, before, blocks, steps)!;
    expect(anchor.position).toBeCloseTo(50 / 490);
    expect(anchor.block).toBe(4);
    // Side by side, 390 tall, with the block 50 px lower down the document after reflow.
    const moved = { ...blocks, tops: blocks.tops.map((t) => t + 50) };
    const movedSteps = { tops: steps.tops.map((t) => t + 50), heights: steps.heights };
    const after = readingArea(390, 0);
    const y = restoreScroll(anchor, after, triggerOffset(after), moved, movedSteps)!;
    const top = 2150 - y;
    // Wholly in view (300 px fits in 390), as near as that allows to the same relative height.
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top + 300).toBeLessThanOrEqual(390);
  });

  it('keeps the trigger line inside the anchor step, so the same step stays active', () => {
    const area = readingArea(1440, 0);
    // The last block of step 0 at the very top: a tall screen would put the trigger in step 1.
    const anchor = { block: 2, step: 0, position: 0 };
    const y = restoreScroll(anchor, area, triggerOffset(area), blocks, steps)!;
    const trigger = y + triggerOffset(area);
    expect(trigger).toBeGreaterThanOrEqual(1000);
    expect(trigger).toBeLessThan(2000);
  });

  it('returns null for an anchor that no longer exists', () => {
    const area = readingArea(800, 0);
    expect(restoreScroll({ block: 99, step: 0, position: 0 }, area, 400, blocks, steps)).toBeNull();
  });
});
