/**
 * A jump to a step (the step buttons): the step is shown at once, in the frame after the press, and
 * the scroll follows (smoothly, unless the reader asked for reduced motion). Until the scroll gets
 * there the bands it passes through would name the steps in between, or the step it left; the jump
 * holds the step it goes to while the scroll keeps closing in on its target, and lets go when it
 * arrives, when the reader moves it elsewhere (the distance grows: a wheel, a swipe, the host page
 * scrolled), or when the scroll stops short. Pure: the engine keeps the state and the clock.
 */

export interface Jump {
  /** The step the jump goes to. */
  index: number;
  /** Where the scroll is going (our document's px). */
  y: number;
  /** How far the last band was from y. */
  distance: number;
}

/** Within this many px of its target the scroll has arrived (scroll positions are rounded). */
export const ARRIVED_PX = 1.5;

/**
 * A scroll that has brought no band for this long has stopped (short of its target, e.g. clamped at
 * the page's end): the jump lets go. Longer than a long frame on a slow phone, so a scroll that has
 * not started yet, behind the press's own frame, is not taken for one that stopped.
 */
export const JUMP_STALL_MS = 500;

/** A jump from where the reader is (`from`: the last band's top, null if none yet); null if already there. */
export function startJump(index: number, y: number, from: number | null): Jump | null {
  const distance = from === null ? Number.POSITIVE_INFINITY : Math.abs(from - y);
  return distance <= ARRIVED_PX ? null : { index, y, distance };
}

/** The jump after a band at viewportTop: still held (closer, or no further), or over (null). */
export function followJump(jump: Jump, viewportTop: number): Jump | null {
  const distance = Math.abs(viewportTop - jump.y);
  if (distance <= ARRIVED_PX || distance > jump.distance + ARRIVED_PX) return null;
  return { ...jump, distance: Math.min(distance, jump.distance) };
}
