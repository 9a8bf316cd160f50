/**
 * Keeping the reader's place across layout changes (rotation, resize, text zoom). Pure geometry:
 * the engine measures, these functions decide.
 *
 * The anchor is the block of text being read: the paragraph, quote or heading at the top of the
 * reading area (one cut by its top edge if at least half of it is still readable there, else the
 * first one starting inside it), with where its top sat in the reading area. After a layout change
 * the same block is put at the same relative height (wholly in the reading area if it fits there),
 * and the scroll is held inside its step, so the same step stays active.
 */
import type { ReadingArea } from './layout.ts';

export interface Blocks {
  /** Document tops and heights of the story's text blocks, in reading order. */
  tops: readonly number[];
  heights: readonly number[];
  /** Index of the step each block belongs to. */
  steps: readonly number[];
}

export interface StepBoxes {
  tops: readonly number[];
  heights: readonly number[];
}

export interface Anchor {
  block: number;
  step: number;
  /** Where the block's top sat, as a fraction of the reading area's height from its top (may be < 0). */
  position: number;
}

/** The block being read at scroll position viewportTop, or null outside the story's text. */
export function pickAnchor(viewportTop: number, area: ReadingArea, blocks: Blocks, steps: StepBoxes): Anchor | null {
  const n = blocks.tops.length;
  const last = steps.tops.length - 1;
  if (n === 0 || last < 0 || area.height <= 0) return null;
  const readTop = viewportTop + area.top;
  const readBottom = readTop + area.height;
  if (readBottom <= blocks.tops[0] || readTop >= steps.tops[last] + steps.heights[last]) return null;
  let cut = -1;
  let first = -1;
  for (let i = 0; i < n && first < 0; i++) {
    const top = blocks.tops[i];
    if (top >= readTop) first = i;
    else if (top + blocks.heights[i] > readTop) cut = i;
  }
  const readable = cut < 0 ? 0 : Math.min(blocks.tops[cut] + blocks.heights[cut], readBottom) - readTop;
  const block = cut >= 0 && (readable >= blocks.heights[cut] / 2 || first < 0 || blocks.tops[first] >= readBottom) ? cut : first;
  if (block < 0 || blocks.tops[block] >= readBottom) return null;
  return { block, step: blocks.steps[block], position: (blocks.tops[block] - readTop) / area.height };
}

/**
 * The scroll position that puts the anchor's block back where it was in the new layout, held so the
 * trigger line stays inside the anchor's step.
 */
export function restoreScroll(anchor: Anchor, area: ReadingArea, trigger: number, blocks: Blocks, steps: StepBoxes): number | null {
  const top = blocks.tops[anchor.block];
  const stepTop = steps.tops[anchor.step];
  const stepHeight = steps.heights[anchor.step];
  if (top === undefined || stepTop === undefined || stepHeight === undefined) return null;
  let wanted = top - area.top - anchor.position * area.height;
  // A block that fits in the reading area is shown whole: the reader was reading it.
  const height = blocks.heights[anchor.block] ?? 0;
  if (height <= area.height) wanted = Math.min(top - area.top, Math.max(top + height - area.top - area.height, wanted));
  const lowest = stepTop - trigger;
  const highest = stepTop + Math.max(0, stepHeight - 1) - trigger;
  // Whole pixels, rounded down so a block put at the reading area's top is not cut by a fraction,
  // but never above the step's own range.
  const y = Math.floor(Math.min(highest, Math.max(lowest, wanted)));
  return Math.max(0, y < lowest ? Math.ceil(lowest) : y);
}
