/**
 * embed.js's sticky mode, the story frame's side: only our own host script pins a graphic frame
 * over ours; it needs the section's geometry, the active step and the step control's state (which
 * it relays to that frame, which draws a copy of the control), nothing else.
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
    const { index, progress, story, focus } = sharedProgress.get();
    channel.post({ type: 'step', index, progress: Math.round(progress * 1000) / 1000, story, focus });
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

  const stopFocus = params.embedId !== '' ? watchControlFocus(win.document) : () => {};

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
      stopFocus();
    },
  };
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * Which part of the step control has keyboard focus, for the copy the graphic frame draws over it
 * (the control itself is unseen while pinned, so its focus ring would be too). Focus-visible only,
 * as the browser draws it: a click on a button leaves no ring.
 */
function watchControlFocus(doc: Document): () => void {
  const update = () => {
    const nav = __STORY_NAV_LAYER__ ? doc.querySelector(__STORY_NAV_LAYER__) : null;
    const active = doc.activeElement;
    let focus = -1;
    if (nav && active && nav.contains(active) && matchesFocusVisible(active)) focus = [...nav.querySelectorAll(FOCUSABLE)].indexOf(active);
    sharedProgress.setFocus(focus);
  };
  // focusout fires before the next element has focus: look once it has.
  const later = () => queueMicrotask(update);
  doc.addEventListener('focusin', update);
  doc.addEventListener('focusout', later);
  return () => {
    doc.removeEventListener('focusin', update);
    doc.removeEventListener('focusout', later);
  };
}

function matchesFocusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true;
  }
}
