/**
 * Which of the two scrolly layouts the story uses, and where in it the reader reads. Pure, so the
 * engine, the boot script and the tests agree: index.html's boot script gets chooseLayout's own
 * source at build (scripts/bootScript.ts), so chooseLayout stays a self-contained ES5 function
 * that names only this module's numeric constants.
 *
 * - 'band': portrait phones and tablets. The graphic is pinned in a band across the top of the
 *   screen and the text scrolls below it, never over it (it slides under the band's opaque
 *   background). The reading area is the part of the screen below the band.
 * - 'side': from 900 px wide, and on short landscape screens (phones on their side). Text and
 *   graphic sit side by side; the whole height is the reading area.
 * - 'stacked': a tiny CSS viewport (a phone at 200% page zoom is 195 px wide, or 195 px high on its
 *   side). A pinned band would leave the chart too small to read and little room to read in, and a
 *   pinned column too short (a 91 px high chart, its labels over each other, at 422 x 195), so each
 *   step's text is followed by its own graphic at full width and natural height, as in the no-JS
 *   stacked layout.
 */
export type StoryLayout = 'band' | 'side' | 'stacked';

/** Side by side from this width (the desktop layout). */
export const SIDE_MIN_WIDTH = 900;
/** A landscape screen below this height is a phone on its side: a band would leave no room to read. */
export const SHORT_MAX_HEIGHT = 500;

/** Narrower than this (no phone is, at 100% zoom), the graphics cannot be pinned legibly: stacked. */
export const STACKED_MAX_WIDTH = 260;
/**
 * Lower than this (no phone on its side is, at 100% zoom: the shortest is 320 px), a pinned graphic
 * is too short to read: stacked. About WCAG's reflow height (256 CSS px).
 */
export const STACKED_MAX_HEIGHT = 260;

/** Width is the window's (media-query) width; height the stable viewport height. */
export function chooseLayout(width: number, height: number): StoryLayout {
  if (width < STACKED_MAX_WIDTH || height < STACKED_MAX_HEIGHT) return 'stacked';
  if (width >= SIDE_MIN_WIDTH) return 'side';
  return height < SHORT_MAX_HEIGHT && width > height ? 'side' : 'band';
}

/** The trigger line sits this far down the reading area: the middle, where the reader's eyes are. */
export const TRIGGER_FRACTION = 0.5;

export interface ReadingArea {
  /** Viewport y where readable text starts (the band's bottom; 0 side by side). */
  top: number;
  /** Its height. */
  height: number;
}

export function readingArea(viewportHeight: number, bandBottom: number): ReadingArea {
  const top = Math.min(Math.max(0, bandBottom), viewportHeight);
  return { top, height: viewportHeight - top };
}

/** The trigger line's offset from the viewport top. */
export function triggerOffset(area: ReadingArea): number {
  return area.top + area.height * TRIGGER_FRACTION;
}

/** Where a jump (deep link, step button) puts a step's top: just inside the reading area. */
export const LANDING_INSET = 8;

/**
 * The scroll position for a jump to a step: its top just inside the reading area, so its heading is
 * the first thing read, while the trigger line (lower down) is inside the step, so that step and no
 * other is active.
 */
export function landingScroll(stepTop: number, stepHeight: number, area: ReadingArea): number {
  const wanted = stepTop - area.top - LANDING_INSET;
  const highest = stepTop + stepHeight - 1 - triggerOffset(area);
  return Math.max(0, Math.min(wanted, highest));
}
