import { describe, expect, it } from 'vitest';
import type { Band } from '../../../src/kit/scroll/band.ts';
import { createFlingWatch, FLING_PX_PER_S, SETTLE_MS } from '../../../src/kit/scroll/fling.ts';

/** A store the test pushes bands into, and a clock and timers the test moves by hand. */
function setup() {
  let listener: ((band: Band) => void) | null = null;
  let t = 0;
  let timer: { at: number; run: () => void } | null = null;
  const watch = createFlingWatch(
    { subscribe: (l) => ((listener = l), () => (listener = null)) },
    {
      now: () => t,
      setTimer: (run, ms) => {
        const mine = { at: t + ms, run };
        timer = mine;
        return () => {
          if (timer === mine) timer = null;
        };
      },
    },
  );
  const changes: boolean[] = [];
  watch.subscribe(() => changes.push(watch.get()));
  const band = (top: number, afterMs = 16) => {
    t += afterMs;
    if (timer && timer.at <= t) timer.run();
    listener!({ viewportTop: top, viewportHeight: 800, stableViewportHeight: 800, source: 'native' });
  };
  const wait = (ms: number) => {
    t += ms;
    if (timer && timer.at <= t) {
      const due = timer;
      timer = null;
      due.run();
    }
  };
  return { watch, changes, band, wait };
}

describe('createFlingWatch', () => {
  it('is not flinging at reading speed (a line or a paragraph at a time)', () => {
    const { watch, changes, band } = setup();
    for (let i = 1; i <= 30; i++) band(i * 16, 16); // 1,000 px/s
    expect(watch.get()).toBe(false);
    expect(changes).toEqual([]);
  });

  it('flings from the second frame in a row faster than the limit, until the scroll slows under it', () => {
    const { watch, changes, band } = setup();
    band(0);
    band(((FLING_PX_PER_S * 2) / 1000) * 16); // twice the limit
    expect(watch.get()).toBe(false);
    band(100, 16);
    expect(watch.get()).toBe(true);
    band(150, 16);
    expect(watch.get()).toBe(true);
    band(160, 16); // 625 px/s
    expect(watch.get()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('never flings on a jump (one fast band, then the reader is where they meant to be)', () => {
    const { watch, changes, band, wait } = setup();
    band(0);
    band(8000, 16);
    wait(SETTLE_MS * 2);
    band(8005, 200);
    expect(watch.get()).toBe(false);
    expect(changes).toEqual([]);
  });

  it('settles when no band comes for a while (a fling that stops dead, a jump)', () => {
    const { watch, band, wait } = setup();
    band(0);
    band(3000, 16);
    band(6000, 16);
    expect(watch.get()).toBe(true);
    wait(SETTLE_MS - 1);
    expect(watch.get()).toBe(true);
    wait(2);
    expect(watch.get()).toBe(false);
  });
});
