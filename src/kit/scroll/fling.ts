/**
 * Whether the reader is flinging: scrolling faster than anyone reads. While they are, the graphic
 * keeps the state it shows and draws the step they land on once the scroll slows or stops, instead
 * of every step flung past: on a mid-range phone each of those was a render and commit inside the
 * fling's frames (issue #17's long animation frames). Read from the one scroll store, so native
 * scroll, a host's relayed scroll and Pym all count alike.
 */
import type { Band } from './band.ts';
import { scrollStore, type ScrollStore } from './store.ts';

/** Faster than this (CSS px per second) is flinging: reading scrolls a line or a paragraph at a time. */
export const FLING_PX_PER_S = 1500;
/** The scroll has settled when no band has moved for this long. */
export const SETTLE_MS = 120;

export interface FlingWatch {
  /** True while the reader flings. */
  get(): boolean;
  subscribe(listener: () => void): () => void;
}

interface Clock {
  now(): number;
  setTimer(run: () => void, ms: number): () => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimer: (run, ms) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

/**
 * Follows the store's bands: flinging from the second band in a row that moved faster than
 * FLING_PX_PER_S since the one before, until a band moves slower or none comes for SETTLE_MS. One
 * fast band alone is a jump (a link, Home, a deep link): it passes no step on the way, so the
 * graphic draws where the reader lands at once.
 */
export function createFlingWatch(store: Pick<ScrollStore, 'subscribe'>, clock: Clock = realClock): FlingWatch {
  const listeners = new Set<() => void>();
  let flinging = false;
  let last: { top: number; at: number } | null = null;
  let fastInARow = 0;
  let cancelSettle = () => {};
  let started = false;

  const set = (next: boolean) => {
    if (next === flinging) return;
    flinging = next;
    for (const l of listeners) l();
  };
  const onBand = (band: Band) => {
    const at = clock.now();
    const speed = last && at > last.at ? (Math.abs(band.viewportTop - last.top) * 1000) / (at - last.at) : 0;
    last = { top: band.viewportTop, at };
    cancelSettle();
    fastInARow = speed > FLING_PX_PER_S ? fastInARow + 1 : 0;
    cancelSettle = clock.setTimer(() => {
      fastInARow = 0;
      set(false);
    }, SETTLE_MS);
    set(fastInARow >= 2);
  };

  return {
    get: () => flinging,
    subscribe(listener) {
      if (!started) {
        started = true;
        store.subscribe(onBand);
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's watch, on the page's one scroll store. */
export const flingWatch = createFlingWatch(scrollStore);
