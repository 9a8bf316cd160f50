/**
 * Finds the visible band with no help from the host. Thin invisible strips cover the frame; an
 * IntersectionObserver with the implicit root (the reader's viewport, across origins) reports
 * each strip's visible part in our own coordinates, and in an auto-height frame the union of
 * those parts is exactly the visible band of our document.
 */
import { PROBE_STRIP, PROBE_THRESHOLDS, stripCount, unionOfRects, type ProbeReading } from './bands.ts';

export interface Probe {
  /** The last reading; null when no strip is on screen. */
  reading(): ProbeReading | null;
  /** Re-lays the strips after the frame's height changed. */
  resize(): void;
  stop(): void;
}

export function startProbe(win: Window, onReading: (reading: ProbeReading | null) => void): Probe | null {
  if (typeof IntersectionObserver !== 'function') return null;
  const doc = win.document;
  const layer = doc.createElement('div');
  layer.setAttribute('aria-hidden', 'true');
  layer.setAttribute('data-embed-probe', '');
  // Fixed to the frame's own viewport and clipped to it: the probe never adds to our document's
  // height (which would loop with a sizing host), and still tells whether the frame is on screen
  // when the frame scrolls by itself. In an auto-height frame, viewport and document coincide.
  layer.style.cssText = 'position:fixed;top:0;left:0;bottom:0;width:1px;overflow:clip;contain:strict;pointer-events:none;opacity:0;z-index:-1';

  const strips: HTMLElement[] = [];
  const index = new Map<Element, number>();
  const rects = new Map<number, readonly [number, number]>();
  let last: ProbeReading | null = null;

  const observer = new IntersectionObserver(
    (entries) => {
      const scrollY = win.scrollY;
      for (const entry of entries) {
        const i = index.get(entry.target);
        if (i === undefined) continue;
        const r = entry.intersectionRect;
        if (entry.isIntersecting && r.height > 0) rects.set(i, [r.top + scrollY, r.bottom + scrollY]);
        else rects.delete(i);
      }
      const union = unionOfRects(rects.values());
      last = union ? { ...union, frameHeight: win.innerHeight } : null;
      onReading(last);
    },
    { threshold: PROBE_THRESHOLDS },
  );

  const layout = () => {
    const wanted = stripCount(win.innerHeight);
    while (strips.length < wanted) {
      const strip = doc.createElement('div');
      strip.style.cssText = `position:absolute;left:0;width:1px;top:${strips.length * PROBE_STRIP}px;height:${PROBE_STRIP}px`;
      index.set(strip, strips.length);
      strips.push(strip);
      layer.appendChild(strip);
      observer.observe(strip);
    }
    while (strips.length > wanted) {
      const strip = strips.pop()!;
      observer.unobserve(strip);
      index.delete(strip);
      rects.delete(strips.length);
      strip.remove();
    }
  };

  doc.body.appendChild(layer);
  layout();

  return {
    reading: () => last,
    resize: layout,
    stop() {
      observer.disconnect();
      layer.remove();
    },
  };
}
