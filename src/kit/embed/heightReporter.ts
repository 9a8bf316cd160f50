/**
 * Tells the host how tall our document is whenever that changes. The height is the root
 * element's box, which never depends on the frame's height (unlike scrollHeight, which is at least
 * the viewport and so could never shrink), so reporting it cannot start a resize loop.
 */
import { createHeightGate, OSCILLATION_WINDOW_MS } from './heightGate.ts';

export interface HeightReporter {
  /** Measures now and sends if the height changed (the first call sends the first height). */
  refresh(): void;
  /** The last height sent, or null. */
  readonly last: number | null;
  stop(): void;
}

export function measureDocumentHeight(doc: Document): number {
  return doc.documentElement.getBoundingClientRect().height;
}

export function startHeightReporter(win: Window, send: (height: number) => void): HeightReporter {
  const doc = win.document;
  const gate = createHeightGate();
  let frame = 0;
  let timer = 0;
  let recheck = 0;

  const refresh = () => {
    win.cancelAnimationFrame(frame);
    win.clearTimeout(timer);
    frame = 0;
    timer = 0;
    const measured = measureDocumentHeight(doc);
    const height = gate.accept(measured, win.performance.now());
    if (height !== null) send(height);
    // The oscillation guard keeps the larger of two heights while a layout flips; once the story
    // has settled, its own height must win, or the host shows a blank band below it (an AMP host
    // ended 1,076 px too tall that way).
    else if (gate.last !== null && Math.abs(Math.ceil(measured - 0.01) - gate.last) >= 1 && !recheck) {
      recheck = win.setTimeout(() => {
        recheck = 0;
        if (Math.abs(Math.ceil(measureDocumentHeight(doc) - 0.01) - (gate.last ?? 0)) < 1) return;
        gate.reset();
        refresh();
      }, 2 * OSCILLATION_WINDOW_MS);
    }
  };
  // Read after layout settles, on the next frame; the timer covers frames the browser throttles
  // (an off-screen cross-origin frame gets no animation frames at all).
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(refresh);
    if (!timer) timer = win.setTimeout(refresh, 200);
  };

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  observer?.observe(doc.documentElement);
  if (doc.body) observer?.observe(doc.body);
  win.addEventListener('load', schedule);
  void doc.fonts?.ready.then(schedule, () => {});

  return {
    refresh,
    get last() {
      return gate.last;
    },
    stop() {
      observer?.disconnect();
      win.removeEventListener('load', schedule);
      win.cancelAnimationFrame(frame);
      win.clearTimeout(timer);
      win.clearTimeout(recheck);
    },
  };
}
