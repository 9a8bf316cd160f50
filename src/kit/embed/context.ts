/**
 * Which context the story runs in, as a pure function of a few measurements, so every rule can be
 * unit-tested without a browser. Re-run on every resize: a host may start or stop sizing us.
 */
import type { ScrollSourceName } from '../scroll/band.ts';
import type { EmbedContext } from './embedState.ts';

/** Below this a fixed frame is a scroll trap on a phone: readers get the stacked layout instead. */
export const MIN_READABLE_FRAME = 420;
/** Rounding slack between our measured height and the frame's height. */
const SLACK = 2;

export type AutoSource = 'relay' | 'pym' | 'probe';

export interface ContextInput {
  isTop: boolean;
  /** The frame's viewport height (our innerHeight). */
  frameHeight: number;
  /** Our document's height, as reported to hosts. */
  docHeight: number;
  /**
   * The reader's viewport height (measured by the probe when the frame overflows it at both ends,
   * else the screen's): a frame taller than that never shows its sticky graphic whole.
   */
  readerHeight?: number;
  /**
   * A host has sized the frame to a height we reported, and our latest report has not yet been
   * applied: the mismatch is in flight, not a sign that the frame is fixed.
   */
  resizeInFlight: boolean;
  /** The first height handshake window is still open: do not commit to a fixed layout yet. */
  awaitingHost: boolean;
  /**
   * Our URL says a sizing host made this frame (our id from embed.js, or Pym's childId): until
   * the handshake window closes, lay out for the auto-height frame we are about to become, so
   * the first height we report is already the right one.
   */
  hostExpected: boolean;
  /** The best band source available for an auto-height frame, or null when none can work. */
  autoSource: AutoSource | null;
}

export interface ContextDecision {
  context: EmbedContext;
  source: ScrollSourceName;
}

export function decideContext(input: ContextInput): ContextDecision {
  if (input.isTop) return { context: 'top', source: 'native' };
  const autoHeight = input.frameHeight >= input.docHeight - SLACK || input.resizeInFlight || (input.awaitingHost && input.hostExpected);
  if (autoHeight) {
    return input.autoSource ? { context: 'auto', source: input.autoSource } : { context: 'stacked', source: 'none' };
  }
  // The frame scrolls by itself: native scroll and CSS sticky work, if there is room to read.
  if (input.awaitingHost) return { context: 'stacked', source: 'none' };
  if (input.frameHeight < MIN_READABLE_FRAME) return { context: 'stacked', source: 'native' };
  if (input.readerHeight !== undefined && input.frameHeight > input.readerHeight + SLACK) return { context: 'stacked', source: 'native' };
  return { context: 'fixed', source: 'native' };
}

export interface FeedHealth {
  /** Our host script said hello and is not known to have gone quiet. */
  relay: boolean;
  /** A Pym parent answered with a position and is not known to have gone quiet. */
  pym: boolean;
  /** IntersectionObserver exists, so probe strips can find the band on their own. */
  probe: boolean;
}

/** Most precise first: the host's own numbers beat Pym's, which beat what the probe infers. */
export function pickAutoSource(health: FeedHealth): AutoSource | null {
  if (health.relay) return 'relay';
  if (health.pym) return 'pym';
  if (health.probe) return 'probe';
  return null;
}
