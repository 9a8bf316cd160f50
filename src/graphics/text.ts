/**
 * Text measurement without a DOM. Graphics are prerendered on the server, so label layout cannot
 * measure real glyphs; instead it uses the advance widths of a typical sans serif (Helvetica/Arial
 * metrics, the widest of the system sans stacks we ship), rounded up, so an estimate errs on the
 * side of a label being given a little more room than it needs.
 */

/** Label sizes in SVG user units. Every graphic's viewBox is about 400 units wide, so 13 units is
 * about 10.5 CSS px on a 320 px wide phone: the smallest text we allow. */
export const FONT_SIZE = 13;
export const FONT_SIZE_LARGE = 15;
export const LINE_HEIGHT = 16;

// Advance widths in em, Helvetica/Arial regular. Anything not listed counts as a wide glyph.
const NARROW = new Map<string, number>([
  ...[...'ijl|'].map((c) => [c, 0.23] as [string, number]),
  ...[...".,:;'!"].map((c) => [c, 0.28] as [string, number]),
  ...[...'ftrI()[]-/ '].map((c) => [c, 0.34] as [string, number]),
  ...[..."\u2019\u2018"].map((c) => [c, 0.23] as [string, number]),
  ...[...'\u00b7'].map((c) => [c, 0.28] as [string, number]),
]);
const DIGIT = 0.56;
const LOWER = 0.56;
const UPPER = 0.68;
const WIDE = new Set([...'mwMW%@\u2014']);

function advance(c: string): number {
  const narrow = NARROW.get(c);
  if (narrow !== undefined) return narrow;
  if (WIDE.has(c)) return 0.9;
  if (c >= '0' && c <= '9') return DIGIT;
  if (c >= 'A' && c <= 'Z') return UPPER;
  if (c >= 'a' && c <= 'z') return LOWER;
  return 0.6;
}

/** Estimated rendered width of `text` in user units; bold adds 7%, as it does in Arial. */
export function estimateTextWidth(text: string, fontSize = FONT_SIZE, bold = false): number {
  let em = 0;
  for (const c of text) em += advance(c);
  return em * fontSize * (bold ? 1.07 : 1);
}

/** Greedy word wrap to lines no wider than maxWidth (a single over-long word gets its own line). */
export function wrapText(text: string, maxWidth: number, fontSize = FONT_SIZE, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(next, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when two boxes overlap by more than `tolerance` in both directions. */
export function boxesOverlap(a: Box, b: Box, tolerance = 0): boolean {
  return (
    a.x + a.width - tolerance > b.x &&
    b.x + b.width - tolerance > a.x &&
    a.y + a.height - tolerance > b.y &&
    b.y + b.height - tolerance > a.y
  );
}

/** An id usable inside url(#...): React's useId may contain characters a url reference chokes on. */
export function svgId(reactId: string, name: string): string {
  return `g${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}-${name}`;
}
