/**
 * The three auto-height feeds' shared state: each feed's latest band, a scroll-store provider per
 * feed, the stable height the auto layout is built on and the best known height of the reader's
 * viewport. While a feed drives the layout, its numbers are the layout's viewport units.
 */
import type { Band, BandProvider } from '../scroll/band.ts';
import { writeViewportVars } from '../scroll/viewportVars.ts';
import { autoStableHeight, type BandGeometry } from './bands.ts';
import type { AutoSource } from './context.ts';

/** Until a feed measures the reader's viewport, the screen is the best guess at its height. */
export function guessViewportHeight(win: Window): number {
  const h = win.screen?.availHeight;
  return typeof h === 'number' && h >= 320 && h <= 2000 ? h : 700;
}

export interface AutoFeeds {
  /** The reader's viewport height as best known (a guess until a feed measures it). */
  readonly knownHeight: number;
  /** The stable height for the frame's current width, from the best known viewport height. */
  stableNow(): number;
  /** The stable height for the frame's current width, from a viewport height the host measured. */
  stableFor(hostViewportHeight: number): number;
  /** A height from the host's own numbers may re-space the layout once; the probe's may not. */
  measured(viewportHeight: number, fromHost: boolean): void;
  /** A feed's new band, in our document's coordinates; `lead` moves the graphic only. */
  publish(source: AutoSource, g: BandGeometry, stableHeight: number, lead?: number): void;
  /** The scroll store's provider for a feed: its latest band at once, then each new one. */
  provider(source: AutoSource): BandProvider;
  /** The feed the layout follows now (null: not an auto-height frame); writes its viewport units at once. */
  drive(source: AutoSource | null): void;
}

export function createAutoFeeds(win: Window): AutoFeeds {
  const root = win.document.documentElement;
  const latest: Record<AutoSource, Band | null> = { relay: null, pym: null, probe: null };
  const listeners: Record<AutoSource, Set<(band: Band) => void>> = { relay: new Set(), pym: new Set(), probe: new Set() };
  const stable = autoStableHeight();
  let knownVh = guessViewportHeight(win);
  let knownVhMeasured = false;
  let driving: AutoSource | null = null;
  const stableNow = () => stable(win.innerWidth, knownVh, knownVhMeasured);

  return {
    get knownHeight() {
      return knownVh;
    },
    stableNow,
    stableFor: (h) => stable(win.innerWidth, h, true),
    measured(vh, fromHost) {
      knownVh = vh;
      if (fromHost) knownVhMeasured = true;
    },
    publish(source, g, stableHeight, lead = 0) {
      const band: Band = {
        viewportTop: g.viewportTop + win.scrollY,
        viewportHeight: g.viewportHeight,
        stableViewportHeight: stableHeight,
        source,
        ...(lead ? { lead } : {}),
      };
      latest[source] = band;
      // The story engine writes the same values on its next animation frame, but an off-screen
      // frame gets none, and the height we report must already be the final one.
      if (driving === source) writeViewportVars(root, band.viewportHeight, band.stableViewportHeight);
      for (const l of listeners[source]) l(band);
    },
    provider: (source) => ({
      name: source,
      start(push) {
        const band = latest[source];
        if (band) push(band);
        listeners[source].add(push);
        return () => listeners[source].delete(push);
      },
    }),
    drive(source) {
      driving = source;
      if (source === null) return;
      const band = latest[source];
      if (band) writeViewportVars(root, band.viewportHeight, band.stableViewportHeight);
      else writeViewportVars(root, knownVh, stableNow());
    },
  };
}
