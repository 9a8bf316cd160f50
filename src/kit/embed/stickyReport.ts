/**
 * embed.js's sticky mode, the story frame's side: only our own host script pins a graphic frame
 * over ours; it needs the section's geometry and the active step (which it relays to that frame),
 * nothing else.
 */
import type { ChildChannel } from './channel.ts';
import { startGraphicReport } from './graphicReport.ts';
import type { EmbedParams } from './protocol.ts';
import type { RelayFeed } from './relayFeed.ts';
import { sharedProgress } from './sharedProgress.ts';

export interface StickyReport {
  /** A host that (re)starts wants the geometry and step it has not heard yet. */
  resync(): void;
  stop(): void;
}

/** The longest a step change waits for an animation frame before it is sent anyway. */
const STEP_LATEST_MS = 100;

export function startStickyReport(win: Window, params: EmbedParams, channel: ChildChannel, relay: RelayFeed): StickyReport {
  const graphicReport = params.embedId !== '' ? startGraphicReport(win, (g) => channel.post({ type: 'graphic', ...g })) : null;
  let stepDue = false;
  let stepFrame = 0;
  let stepTimer: number | undefined;
  const cancelStep = () => {
    if (stepFrame) win.cancelAnimationFrame(stepFrame);
    if (stepTimer !== undefined) win.clearTimeout(stepTimer);
    stepFrame = 0;
    stepTimer = undefined;
  };
  const sendStep = () => {
    cancelStep();
    if (!stepDue || !relay.hello) return;
    stepDue = false;
    const { index, progress } = sharedProgress.get();
    channel.post({ type: 'step', index, progress: Math.round(progress * 1000) / 1000 });
  };
  // At most once per animation frame: the graphic frame is a frame behind at worst, never swamped.
  // A step change is sent once, so it must not wait on a frame that never comes: the browser may
  // pause a cross-origin frame's animation frames (one it counts as out of view) while our engine
  // still moves the step on the host's messages; the timer sends it then.
  const stopStep =
    params.embedId !== ''
      ? sharedProgress.subscribe(() => {
          stepDue = true;
          if (!stepFrame) stepFrame = win.requestAnimationFrame(sendStep);
          if (stepTimer === undefined) stepTimer = win.setTimeout(sendStep, STEP_LATEST_MS);
        })
      : () => {};

  return {
    resync() {
      graphicReport?.refresh();
      stepDue = true;
      sendStep();
    },
    stop() {
      graphicReport?.stop();
      stopStep();
      cancelStep();
    },
  };
}
