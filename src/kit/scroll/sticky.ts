/**
 * Where to draw the graphic when CSS sticky cannot work (an auto-height iframe never scrolls, so
 * sticky never sticks): keep it in the reader's viewport, inside its section.
 */
export interface StickyInput {
  /** Reader's viewport top, in document px. */
  viewportTop: number;
  /** Reader's viewport height; pinning to the top does not need it (optional). */
  viewportHeight?: number;
  sectionTop: number;
  sectionHeight: number;
  graphicHeight: number;
  /** The graphic pins to the viewport's top, the only mode (optional). */
  mode?: 'top';
}

/** Offset of the graphic from the section's top, in px: pinned to the viewport's top, inside its section. */
export function emulatedStickyOffset(input: StickyInput): number {
  const { viewportTop, sectionTop, sectionHeight, graphicHeight } = input;
  const desired = viewportTop - sectionTop;
  const max = Math.max(0, sectionHeight - graphicHeight);
  return Math.min(max, Math.max(0, desired));
}
