/**
 * The visible band: the one source of truth for where the reader is in our document. Everything
 * scroll-linked (active step, step progress, the emulated sticky graphic) is a pure function of it.
 * Coordinates are our own document's pixels, whatever context we run in (top page or iframe).
 */

export type ScrollSourceName = 'native' | 'relay' | 'pym' | 'probe' | 'none';

export interface Band {
  /** Where the top of the reader's viewport falls in our document (negative above our top). */
  viewportTop: number;
  /** The reader's viewport height right now (moves with mobile toolbars). */
  viewportHeight: number;
  /** A viewport height that ignores toolbar jitter; for layout, never for positioning. */
  stableViewportHeight: number;
  source: ScrollSourceName;
  /**
   * How far the reader is predicted to have moved on by the time this band is drawn (px, our
   * document's). Applied to the emulated sticky layers only, never to step activation, so a
   * prediction that overshoots at a sudden stop can move the graphic for a frame but never flick
   * a step back and forth. Set only by the embed relay.
   */
  lead?: number;
}

/** Something that can tell where the reader is: native scroll, a host relay, Pym, or probe strips. */
export interface BandProvider {
  readonly name: ScrollSourceName;
  /** Starts pushing bands; returns a function that stops it. */
  start(push: (band: Band) => void): () => void;
}

export function bandsEqual(a: Band | null, b: Band | null): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.viewportTop === b.viewportTop &&
      a.viewportHeight === b.viewportHeight &&
      a.stableViewportHeight === b.stableViewportHeight &&
      a.source === b.source &&
      (a.lead ?? 0) === (b.lead ?? 0))
  );
}
