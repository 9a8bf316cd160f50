/**
 * Turning each feed's numbers into the visible band, in our document's pixels. Pure: the
 * providers do the listening, these do the arithmetic.
 */
import type { HostViewport, PymPosition } from './protocol.ts';

export interface BandGeometry {
  viewportTop: number;
  viewportHeight: number;
}

/**
 * Host pixels per pixel of ours: the frame's width on the host's screen over its width in our own
 * layout. 1.5 under a host's body { zoom: 1.5 }, 0.9 inside transform: scale(0.9). Near 1 is 1
 * (rounding), and nonsense (a frame mid-resize) falls back to 1.
 */
export function hostScale(hostWidth: number, ownWidth: number): number {
  if (!(hostWidth > 0 && ownWidth > 0)) return 1;
  const scale = hostWidth / ownWidth;
  return Math.abs(scale - 1) < 0.01 || scale < 0.1 || scale > 10 ? 1 : scale;
}

/** How far ahead a moving frame is predicted, at most: a few frames, never a guess about a fling. */
export const MAX_PREDICT_MS = 50;
const MAX_PREDICT_PX = 120;

/**
 * Our host script: the frame's top in the reader's viewport, below any sticky site header, in our
 * own pixels.
 */
export function bandFromRelay(m: HostViewport, scale = 1): BandGeometry {
  return { viewportTop: (m.insetTop - m.top) / scale, viewportHeight: (m.vh - m.insetTop) / scale };
}

/**
 * How far on a moving frame will be when the story draws (our pixels): its last speed times the
 * message's age plus `aheadMs` (the frame the story still has to draw, and the host's compositor
 * scrolling ahead of its main thread), within a cap. Moves the graphic only, never the steps.
 */
export function relayLead(m: HostViewport, scale = 1, aheadMs = 0): number {
  if (!m.vy) return 0;
  const ahead = m.vy * Math.min(Math.max(0, aheadMs), MAX_PREDICT_MS);
  return -Math.max(-MAX_PREDICT_PX, Math.min(MAX_PREDICT_PX, ahead)) / scale;
}

/** Pym's six numbers: viewport width and height, then the frame's rect (top left bottom right). */
export function bandFromPym(m: PymPosition, scale = 1): BandGeometry {
  return { viewportTop: -m.top / scale, viewportHeight: m.vh / scale };
}

/**
 * Whether a feed's last position agrees with what the probe strips see: the visible part of our
 * document implied by the feed against the one measured. `view` is the viewport's top and bottom
 * relative to our document's top, from the feed (sticky headers included: the probe sees them).
 */
export function feedAgreesWithProbe(view: { top: number; bottom: number }, reading: ProbeReading, tolerance = 64): boolean {
  const top = Math.max(0, view.top);
  const bottom = Math.min(reading.frameHeight, view.bottom);
  if (bottom <= top) return false;
  return Math.abs(top - reading.top) <= tolerance && Math.abs(bottom - reading.bottom) <= tolerance;
}

/** What the probe strips saw: the union of their latest intersection rects. */
export interface ProbeReading {
  /** Visible part of our document, or null when no strip intersects the reader's viewport. */
  top: number;
  bottom: number;
  /** The frame's own height: where the strips end. */
  frameHeight: number;
}

/**
 * The band from a probe reading. The reader's viewport height is only measurable when our
 * document is clipped at both ends; otherwise the best known height stands in for it.
 */
export function bandFromProbe(r: ProbeReading, knownHeight: number): BandGeometry & { measured: boolean } {
  const visible = r.bottom - r.top;
  const clippedTop = r.top > 0.5;
  const clippedBottom = r.bottom < r.frameHeight - 0.5;
  if (clippedTop && clippedBottom) return { viewportTop: r.top, viewportHeight: visible, measured: true };
  const height = Math.max(knownHeight, visible);
  if (clippedTop) return { viewportTop: r.top, viewportHeight: height, measured: false };
  if (clippedBottom) return { viewportTop: r.bottom - height, viewportHeight: height, measured: false };
  // The whole frame is on screen: the viewport's position around it is unknowable; centre it.
  return { viewportTop: -(height - visible) / 2, viewportHeight: height, measured: false };
}

/** Union of the strips' intersection rects (top, bottom pairs); null when none is visible. */
export function unionOfRects(rects: Iterable<readonly [number, number]>): { top: number; bottom: number } | null {
  let top = Infinity;
  let bottom = -Infinity;
  for (const [t, b] of rects) {
    if (t < top) top = t;
    if (b > bottom) bottom = b;
  }
  return top === Infinity ? null : { top, bottom };
}

/**
 * Strips covering a frame of the given height, each with enough thresholds to give 2 px. The
 * browser works out every strip's intersection on every frame the host scrolls, whatever the
 * thresholds: 40 px strips (550 in the story's frame) cost 7% of the story's main thread at 4x CPU
 * during a fling, so the strips are tall and the thresholds many.
 */
export const PROBE_STRIP = 200;
export const PROBE_THRESHOLDS = Array.from({ length: 101 }, (_, i) => i / 100);

export function stripCount(frameHeight: number): number {
  return Math.max(1, Math.ceil(Math.max(0, frameHeight) / PROBE_STRIP));
}

/**
 * The viewport height the auto-height layout is built on. Our height must not depend on the
 * reader's viewport height, or a toolbar that hides, a rotated phone or a resized window would
 * resize the frame; so it is fixed per frame width. A guess (before any feed has measured the
 * viewport) gives way to the first measurement.
 */
export function autoStableHeight(): (width: number, height: number, measured: boolean) => number {
  let width = -1;
  let stable = 0;
  let wasMeasured = false;
  return (w, h, measured) => {
    if (w !== width || (measured && !wasMeasured)) {
      width = w;
      stable = Math.round(h);
      wasMeasured = measured;
    }
    return stable;
  };
}
