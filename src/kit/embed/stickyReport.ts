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

export function startStickyReport(win: Window, params: EmbedParams, channel: ChildChannel, relay: RelayFeed): StickyReport {
  const graphicReport = params.embedId !== '' ? startGraphicReport(win, (g) => channel.post({ type: 'graphic', ...g })) : null;
  let stepDue = false;
  let stepFrame = 0;
  const sendStep = () => {
    stepFrame = 0;
    if (!stepDue || !relay.hello) return;
    stepDue = false;
    const { index, progress } = sharedProgress.get();
    channel.post({ type: 'step', index, progress: Math.round(progress * 1000) / 1000 });
  };
  // At most once per animation frame: the graphic frame is a frame behind at worst, never swamped.
  const stopStep =
    params.embedId !== ''
      ? sharedProgress.subscribe(() => {
          stepDue = true;
          if (!stepFrame) stepFrame = win.requestAnimationFrame(sendStep);
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
      if (stepFrame) win.cancelAnimationFrame(stepFrame);
    },
  };
}
