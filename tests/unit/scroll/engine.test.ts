import { describe, expect, it, vi } from 'vitest';
import { createScrollStore } from '../../../src/kit/scroll/store.ts';
import { stableHeightTracker } from '../../../src/kit/scroll/stableHeight.ts';
import { activeStepIndex, stepProgress } from '../../../src/kit/scroll/steps.ts';
import { emulatedStickyOffset } from '../../../src/kit/scroll/sticky.ts';
import type { Band } from '../../../src/kit/scroll/band.ts';

describe('activeStepIndex', () => {
  const tops = [1000, 1800, 2600, 3400];
  it('is -1 above the first step and the last step whose top is at or above the trigger', () => {
    expect(activeStepIndex(999, tops)).toBe(-1);
    expect(activeStepIndex(1000, tops)).toBe(0);
    expect(activeStepIndex(2599, tops)).toBe(1);
    expect(activeStepIndex(99999, tops)).toBe(3);
  });
  it('lands on the right step after a jump, with no intermediate steps needed', () => {
    expect(activeStepIndex(3500, tops)).toBe(3);
    expect(activeStepIndex(1200, tops)).toBe(0);
  });
  it('handles no steps', () => {
    expect(activeStepIndex(10, [])).toBe(-1);
  });
});

describe('stepProgress', () => {
  it('is the clamped fraction of the step the trigger line has passed', () => {
    expect(stepProgress(1000, 1000, 800)).toBe(0);
    expect(stepProgress(1400, 1000, 800)).toBe(0.5);
    expect(stepProgress(5000, 1000, 800)).toBe(1);
    expect(stepProgress(500, 1000, 800)).toBe(0);
    expect(stepProgress(1000, 1000, 0)).toBe(1);
  });
});

describe('emulatedStickyOffset', () => {
  const section = { sectionTop: 1000, sectionHeight: 5000, graphicHeight: 600 };
  it('pins the graphic to the viewport top inside its section', () => {
    expect(emulatedStickyOffset({ ...section, viewportTop: 2000, viewportHeight: 600, mode: 'top' })).toBe(1000);
  });
  it('never leaves the section', () => {
    expect(emulatedStickyOffset({ ...section, viewportTop: 0, viewportHeight: 600, mode: 'top' })).toBe(0);
    expect(emulatedStickyOffset({ ...section, viewportTop: 99999, viewportHeight: 600, mode: 'top' })).toBe(4400);
  });
});

describe('stableHeightTracker', () => {
  it('ignores toolbar-sized height changes but follows width changes and big jumps', () => {
    const stable = stableHeightTracker();
    expect(stable(390, 700)).toBe(700);
    expect(stable(390, 660)).toBe(700);
    expect(stable(390, 760)).toBe(760);
    expect(stable(390, 400)).toBe(400);
    expect(stable(844, 390)).toBe(390);
  });
});

describe('createScrollStore', () => {
  const band = (viewportTop: number): Band => ({ viewportTop, viewportHeight: 800, stableViewportHeight: 800, source: 'native' });

  it('coalesces pushes into one notification per frame with the latest band', () => {
    const frames: (() => void)[] = [];
    const store = createScrollStore((cb) => frames.push(cb));
    const listener = vi.fn();
    store.subscribe(listener);
    store.push(band(10));
    store.push(band(20));
    store.push(band(30));
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(band(30));
  });

  it('drops a band equal to the current one', () => {
    const frames: (() => void)[] = [];
    const store = createScrollStore((cb) => frames.push(cb));
    store.push(band(10));
    frames.shift()!();
    store.push(band(10));
    expect(frames).toHaveLength(0);
  });

  it('swaps providers, stopping the previous one', () => {
    const store = createScrollStore((cb) => cb());
    const stopA = vi.fn();
    store.useProvider({ name: 'relay', start: () => stopA });
    expect(store.providerName).toBe('relay');
    store.useProvider({ name: 'probe', start: (push) => (push(band(5)), () => undefined) });
    expect(stopA).toHaveBeenCalledOnce();
    expect(store.providerName).toBe('probe');
    expect(store.getSnapshot()?.viewportTop).toBe(5);
  });
});

describe('landing on a step', () => {
  it('lands past the point where scroll-linked bars are complete, so a deep link shows the whole state', async () => {
    const { landingScroll, readingArea, triggerOffset } = await import('../../../src/kit/scroll/layout.ts');
    const { GROWTH_END } = await import('../../../src/story/graphics/bars/barsLayout.ts');
    // The shortest step box at 320 × 568 (band layout) is about 700 px, the reading area about 330.
    for (const [viewport, band, stepHeight] of [
      [568, 238, 700],
      [844, 354, 900],
      [800, 0, 1200],
    ]) {
      const area = readingArea(viewport, band);
      const y = landingScroll(5000, stepHeight, area);
      const progress = (y + triggerOffset(area) - 5000) / stepHeight;
      expect(progress).toBeGreaterThan(GROWTH_END);
      expect(progress).toBeLessThan(1);
    }
  });
});
