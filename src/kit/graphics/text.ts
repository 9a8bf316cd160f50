/**
 * Text measurement without a DOM. Graphics are prerendered on the server, so label layout cannot
 * measure real glyphs; instead it uses the advance widths of a typical sans serif (Helvetica/Arial
 * metrics, the widest of the system sans stacks we ship), rounded up, so an estimate errs on the
 * side of a label being given a little more room than it needs.
 */

/**
 * Default label sizes, in SVG user units. A graphic lays out for the box it is drawn in, its viewBox
 * that box's size in CSS px (box.ts), so a unit is a CSS pixel: 13 is the label size at the default
 * 16 px root font (box.ts DEFAULT_FONT). Layouts take the box's own font where they have one, and
 * never draw under box.ts MIN_FONT, 11 CSS px.
 */
export const FONT_SIZE = 13;
export const FONT_SIZE_LARGE = 15;
export const LINE_HEIGHT = 16;

// Advance widths in em, rounded up from DejaVu Sans (the fallback sans on Linux, and the widest of
// the faces our stack can land on: Roboto, San Francisco, Segoe UI and Arial are all narrower).
const NARROW = new Map<string, number>([
  ...[...'ijl|'].map((c) => [c, 0.28] as [string, number]),
  ...[...".,:;'!\u2019\u2018\u00b7"].map((c) => [c, 0.33] as [string, number]),
  ...[...'ftrI()[]/ '].map((c) => [c, 0.4] as [string, number]),
  ['-', 0.37],
]);
const DIGIT = 0.66;
const LOWER = 0.63;
const UPPER = 0.74;
const WIDE = new Set([...'mwMW%@\u2014']);

function advance(c: string): number {
  const narrow = NARROW.get(c);
  if (narrow !== undefined) return narrow;
  if (WIDE.has(c)) return 0.98;
  if (c >= '0' && c <= '9') return DIGIT;
  if (c >= 'A' && c <= 'Z') return UPPER;
  if (c >= 'a' && c <= 'z') return LOWER;
  return 0.7;
}

/**
 * A bounded memo: the same labels are measured again in every layout a chart tries (at every font
 * size, every box), and a layout tries hundreds.
 */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      result = compute(text);
      if (results.size >= 4096) results.clear();
      results.set(text, result);
    }
    return result;
  };
}

const emWidth = memo((text) => {
  let em = 0;
  for (const c of text) em += advance(c);
  return em;
});

/** Estimated rendered width of `text` in user units; bold is about 13% wider. */
export function estimateTextWidth(text: string, fontSize = FONT_SIZE, bold = false): number {
  return emWidth(text) * fontSize * (bold ? 1.13 : 1);
}

/** Each word's advances, character by character. */
const advancesOf = memo((word): readonly number[] => Array.from(word, advance));
const SPACE = advance(' ');

/**
 * Greedy word wrap to lines no wider than maxWidth (a single over-long word gets its own line).
 * A line's width is carried from word to word rather than measured again from its start each time
 * (layouts wrap the same labels at many widths: this was most of a timeline layout's time). The sum
 * runs character by character in the same order as estimateTextWidth's, so it is the same number
 * to the last bit and every line breaks exactly where that would.
 */
export function wrapText(text: string, maxWidth: number, fontSize = FONT_SIZE, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const factor = bold ? 1.13 : 1;
  const lines: string[] = [];
  let line = '';
  let lineEm = 0;
  for (const word of words) {
    const advances = advancesOf(word);
    let em = line ? lineEm + SPACE : 0;
    for (const a of advances) em += a;
    if (line && em * fontSize * factor > maxWidth) {
      lines.push(line);
      line = word;
      em = 0;
      for (const a of advances) em += a;
    } else {
      line = line ? `${line} ${word}` : word;
    }
    lineEm = em;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A text's box above and below its baseline as a browser measures it (getBoundingClientRect), in ems:
 * DejaVu Sans, the widest face of our stack, has 0.93 and 0.24; rounded up.
 */
export const TEXT_ASCENT = 0.95;
export const TEXT_DESCENT = 0.26;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when two boxes overlap by more than `tolerance` in both directions. */
export function boxesOverlap(a: Box, b: Box, tolerance = 0): boolean {
  return a.x + a.width - tolerance > b.x && b.x + b.width - tolerance > a.x && a.y + a.height - tolerance > b.y && b.y + b.height - tolerance > a.y;
}

/**
 * True when any of the segment from (x1, y1) to (x2, y2) lies inside the box grown by `pad` on every
 * side (a leader line running into a label; Liang-Barsky clipping). A negative pad shrinks the box.
 */
export function segmentCrossesBox(x1: number, y1: number, x2: number, y2: number, box: Box, pad = 0): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - (box.x - pad)],
    [dx, box.x + box.width + pad - x1],
    [-dy, y1 - (box.y - pad)],
    [dy, box.y + box.height + pad - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  return t0 <= t1;
}

/** An id usable inside url(#...): React's useId may contain characters a url reference chokes on. */
export function svgId(reactId: string, name: string): string {
  return `g${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}-${name}`;
}

/** Rounds a coordinate to a tenth of a unit: finer detail is invisible and only bloats the markup. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Word wrap to as few lines as wrapText needs at maxWidth, but with the lines as even as possible
 * (no single-word last line under a long first one).
 */
export function balancedWrap(text: string, maxWidth: number, fontSize = FONT_SIZE, bold = false): string[] {
  const lines = wrapText(text, maxWidth, fontSize, bold);
  if (lines.length < 2) return lines;
  let lo = 0;
  let hi = maxWidth;
  for (let i = 0; i < 20; i += 1) {
    const mid = (lo + hi) / 2;
    if (wrapText(text, mid, fontSize, bold).length <= lines.length) hi = mid;
    else lo = mid;
  }
  return wrapText(text, hi, fontSize, bold);
}
