/**
 * Mobile toolbars change the viewport height while the reader scrolls. Layout must not follow that
 * jitter (it would shift content and, in an auto-height iframe, resize the frame in a loop), so
 * layout reads a height that changes only when the width changes or the height jumps by over 20%.
 */
export function stableHeightTracker(): (width: number, height: number) => number {
  let width = -1;
  let stable = 0;
  return (w, h) => {
    if (w !== width || Math.abs(h - stable) > stable * 0.2) {
      width = w;
      stable = h;
    } else if (h > stable) {
      stable = h;
    }
    return stable;
  };
}
