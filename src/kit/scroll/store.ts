/**
 * The scroll store: holds the latest band and notifies listeners at most once per animation frame.
 * Providers push; the story engine listens. Swapping the provider (native scroll, host relay, Pym,
 * probe) never touches the listeners.
 */
import { bandsEqual, type Band, type BandProvider, type ScrollSourceName } from './band.ts';

type Listener = (band: Band) => void;
/** Moves the reader to a y in our document; the embed runtime replaces it when a host must scroll. */
export type ScrollToFn = (documentY: number, smooth: boolean) => void;

export interface ScrollStore {
  getSnapshot(): Band | null;
  subscribe(listener: Listener): () => void;
  push(band: Band): void;
  /** Replaces the active provider; the previous one is stopped. */
  useProvider(provider: BandProvider | null): void;
  readonly providerName: ScrollSourceName;
  scrollTo: ScrollToFn;
  setScrollTo(fn: ScrollToFn): void;
}

const defaultScrollTo: ScrollToFn = (y, smooth) => window.scrollTo({ top: y, behavior: smooth ? 'smooth' : 'auto' });

export function createScrollStore(schedule: (cb: () => void) => void = (cb) => requestAnimationFrame(cb)): ScrollStore {
  let snapshot: Band | null = null;
  let pending = false;
  let stop: (() => void) | null = null;
  let providerName: ScrollSourceName = 'none';
  let scrollTo = defaultScrollTo;
  const listeners = new Set<Listener>();

  const flush = () => {
    pending = false;
    if (snapshot) for (const l of listeners) l(snapshot);
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (snapshot) listener(snapshot);
      return () => listeners.delete(listener);
    },
    push(band) {
      if (bandsEqual(band, snapshot)) return;
      snapshot = band;
      if (!pending) {
        pending = true;
        schedule(flush);
      }
    },
    useProvider(provider) {
      stop?.();
      stop = null;
      providerName = provider?.name ?? 'none';
      if (provider) stop = provider.start((band) => this.push(band));
    },
    get providerName() {
      return providerName;
    },
    get scrollTo() {
      return scrollTo;
    },
    setScrollTo(fn) {
      scrollTo = fn;
    },
  };
}

/** The page's single store. */
export const scrollStore = createScrollStore();
