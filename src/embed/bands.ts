/**
 * Turning each feed's numbers into the visible band, in our document's pixels. Pure: the
 * providers do the listening, these do the arithmetic.
 */
import type { HostViewport, PymPosition } from './protocol.ts';

export interface BandGeometry {
  viewportTop: number;
  viewportHeight: number;
}

/** Our host script: the frame's top in the reader's viewport, below any sticky site header. */
export function bandFromRelay(m: HostViewport): BandGeometry {
  return { viewportTop: m.insetTop - m.top, viewportHeight: m.vh - m.insetTop };
}

/** Pym's six numbers: viewport width and height, then the frame's rect (top left bottom right). */
export function bandFromPym(m: PymPosition): BandGeometry {
  return { viewportTop: -m.top, viewportHeight: m.vh };
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

/** Strip offsets covering a frame of the given height; thin enough that thresholds give ~2 px. */
export const PROBE_STRIP = 40;
export const PROBE_THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

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
