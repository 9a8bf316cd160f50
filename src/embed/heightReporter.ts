/**
 * Tells the host how tall our document is whenever that changes. The height is the root
 * element's box, which never depends on the frame's height (unlike scrollHeight, which is at least
 * the viewport and so could never shrink), so reporting it cannot start a resize loop.
 */
import { createHeightGate } from './heightGate.ts';

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

  const refresh = () => {
    win.cancelAnimationFrame(frame);
    win.clearTimeout(timer);
    frame = 0;
    timer = 0;
    const height = gate.accept(measureDocumentHeight(doc), win.performance.now());
    if (height !== null) send(height);
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
    },
  };
}
