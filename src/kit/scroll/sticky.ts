/**
 * Where to draw the graphic when CSS sticky cannot work (an auto-height iframe never scrolls, so
 * sticky never sticks): keep it in the reader's viewport, inside its section.
 */
export interface StickyInput {
  /** Reader's viewport top, in document px. */
  viewportTop: number;
  viewportHeight: number;
  sectionTop: number;
  sectionHeight: number;
  graphicHeight: number;
  /** 'top' pins to the viewport top; 'centre' centres the graphic in the viewport. */
  mode: 'top' | 'centre';
}

/** Offset of the graphic from the section's top, in px. */
export function emulatedStickyOffset(input: StickyInput): number {
  const { viewportTop, viewportHeight, sectionTop, sectionHeight, graphicHeight, mode } = input;
  const inset = mode === 'centre' ? Math.max(0, (viewportHeight - graphicHeight) / 2) : 0;
  const desired = viewportTop + inset - sectionTop;
  const max = Math.max(0, sectionHeight - graphicHeight);
  return Math.min(max, Math.max(0, desired));
}
