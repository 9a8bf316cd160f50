/**
 * The box a graphic is drawn for. Graphics lay out in real CSS pixels for the box they get (a short
 * wide band on a portrait phone, a column beside the text elsewhere), instead of a fixed viewBox
 * scaled to fit, so chart text keeps its size: derived from the reader's root font size (it grows
 * with text zoom) and never under MIN_FONT. Pure functions; the browser side is useGraphicBox.ts.
 */
import { finish, type Steps } from './steps.ts';

export interface ChartBox {
  /** Drawing width and height in CSS pixels. */
  width: number;
  height: number;
  /** Label font size in CSS pixels. */
  font: number;
  /**
   * True when the box was measured in the page. False for the prerendered default box, which the
   * SVG scales to fit (static copies, and the live graphic until hydration measures its box).
   */
  measured: boolean;
  /**
   * True in a box as tall as the chart it holds (the stacked layout's static copies): `height` is the
   * most the chart may take, and a chart that needs less is drawn shorter. Absent: the chart fills
   * the box (a pinned graphic's slot).
   */
  heightIsMost?: boolean;
}

/** The smallest chart text we draw, in CSS pixels. */
export const MIN_FONT = 11;
/** Chart labels relative to the root font size: 13 px at the default 16 px. */
export const FONT_RATIO = 13 / 16;
/** Chart label size at the default 16 px root font. */
export const DEFAULT_FONT = 16 * FONT_RATIO;
/** Larger text (timeline title) relative to labels. */
export const LARGE_RATIO = 15 / 13;
/** Line advance relative to the font size. */
export const LINE_RATIO = 16 / 13;

/** Boxes at least this wide (a column beside the text on a laptop) get larger chart text. */
export const WIDE_BOX = 600;
/** Chart labels in a wide box relative to the root font size: 15 px at the default 16 px, for a reader at arm's length from a laptop. */
export const WIDE_FONT_RATIO = 15 / 16;
/** The least chart text in a box at least WIDE_BOX wide, where the box holds it (issue #18): a layout gives back at most a pixel of WIDE_FONT_RATIO's 15 px. */
export const WIDE_MIN_FONT = 14;

/** Label font for a root font size (px) and a box width: grows with text zoom and in wide boxes, never under MIN_FONT. */
export function chartFont(rootFontPx: number, boxWidth = 0): number {
  const root = Number.isFinite(rootFontPx) && rootFontPx > 0 ? rootFontPx : 16;
  const ratio = boxWidth >= WIDE_BOX ? WIDE_FONT_RATIO : FONT_RATIO;
  return Math.max(MIN_FONT, Math.round(root * ratio * 10) / 10);
}

/**
 * The largest font from `preferred` down to MIN_FONT (in half-pixel steps) for which `fits` holds;
 * MIN_FONT when none does. Lets a layout keep the reader's text size where the box has room and
 * give a little back (never below the floor, MIN_FONT or higher) where it has not.
 */
export function fitFont(preferred: number, fits: (font: number) => boolean, floor = MIN_FONT): number {
  return finish(fitFontSteps(preferred, fits, floor));
}

/** fitFont, yielding after each font it tries (steps.ts). */
export function* fitFontSteps(preferred: number, fits: (font: number) => boolean, floor = MIN_FONT): Steps<number> {
  const least = Math.max(MIN_FONT, floor);
  for (let f = Math.max(least, preferred); f > least; f = Math.max(least, f - 0.5)) {
    const fit = fits(f);
    yield;
    if (fit) return f;
  }
  return least;
}

/**
 * The least a layout may shrink text to for a box: MIN_FONT at the default text size, and as much
 * larger as the reader has made their text (a 200% text size never draws labels at 11 px).
 */
export function fontFloor(boxFont: number): number {
  return Math.max(MIN_FONT, Math.round(((boxFont * MIN_FONT) / (FONT_RATIO * 16)) * 2) / 2);
}

/**
 * The floors a layout tries in turn, highest first: fontFloor (11 px in proportion to the reader's
 * text size), then half the reader's root font size (16 px at a 200% text size: a pinned band 230 px
 * tall cannot hold six bars, or seven councils, at 22 px, but must still draw text larger than at the
 * default size), then the default label size (13 px: a 320 px phone's band at 200% text size, 273 ×
 * 231, cannot hold the bars at 16 px, since "Renner-Thompson" alone takes 165 px of it, but a reader
 * who enlarged their text never gets it smaller than everyone's default), then MIN_FONT for a box too
 * small for anything else. Highest first, none above fontFloor, duplicates dropped.
 *
 * A box at least WIDE_BOX wide (a desktop column) tries WIDE_MIN_FONT (or the box's font, if smaller)
 * before any floor under it: every graphic keeps 14 px text there wherever its box holds it at all.
 */
export function fontFloors(boxFont: number, boxWidth = 0): number[] {
  const floor = fontFloor(boxFont);
  const half = Math.max(MIN_FONT, Math.round((boxFont / (FONT_RATIO * 2)) * 2) / 2);
  const normal = Math.max(MIN_FONT, Math.min(boxFont, DEFAULT_FONT));
  const floors = [floor, half, normal, MIN_FONT].map((f) => Math.min(f, floor));
  const wide = boxWidth >= WIDE_BOX ? [Math.min(boxFont, WIDE_MIN_FONT)] : [];
  return [...new Set([...wide, ...floors])].sort((a, b) => b - a);
}

/**
 * A graphic's default box (width × height at 13 px text), used where no box can be measured: the
 * prerendered HTML, the static copies of the stacked and print layouts; and its aspect. The story
 * gives one per graphic (320 wide, the narrowest phone, so the copies scale up more often than down).
 * naturalHeight: in a box as tall as the chart it holds, how many times this aspect's height the
 * chart may take (1 if absent: a chart that fills whatever height it is given keeps its aspect).
 */
export interface BoxShape {
  readonly width: number;
  readonly height: number;
  readonly naturalHeight?: number;
}

export function defaultBox(shape: BoxShape): ChartBox {
  return { width: shape.width, height: shape.height, font: 13, measured: false };
}

/**
 * The box to draw in from a measured element's content size. A box of no height (an element sized
 * by its content) takes the default aspect ratio; an extremely wide one is capped, so a chart never
 * turns into a ribbon. Sizes are floored to whole pixels so sub-pixel resizes do not re-render.
 */
export function boxFromMeasure(shape: BoxShape, width: number, height: number, rootFontPx: number): ChartBox | null {
  if (!(width > 0)) return null;
  const w = Math.floor(width);
  const h = height > 0 ? Math.floor(height) : Math.round((w * shape.height) / shape.width);
  return { width: w, height: h, font: chartFont(rootFontPx, w), measured: true };
}
