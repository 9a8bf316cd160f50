/** Step activation as pure geometry: no enter/exit events, so jumps and reloads land correctly. */

/** Index of the last step whose top is at or above the trigger line; -1 above the first step. */
export function activeStepIndex(trigger: number, stepTops: readonly number[]): number {
  let lo = 0;
  let hi = stepTops.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (stepTops[mid] <= trigger) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** How far the trigger line has travelled through a step, clamped to 0..1. */
export function stepProgress(trigger: number, stepTop: number, stepHeight: number): number {
  if (stepHeight <= 0) return trigger >= stepTop ? 1 : 0;
  return Math.min(1, Math.max(0, (trigger - stepTop) / stepHeight));
}
