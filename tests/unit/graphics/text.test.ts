import { describe, expect, it } from 'vitest';
import { balancedWrap, boxesOverlap, estimateTextWidth, segmentCrossesBox, svgId, wrapText } from '../../../src/kit/graphics/text.ts';

describe('estimateTextWidth', () => {
  it('grows with length, font size and weight', () => {
    expect(estimateTextWidth('Newcastle', 13)).toBeGreaterThan(estimateTextWidth('Newcas', 13));
    expect(estimateTextWidth('Newcastle', 15)).toBeGreaterThan(estimateTextWidth('Newcastle', 13));
    expect(estimateTextWidth('Newcastle', 13, true)).toBeGreaterThan(estimateTextWidth('Newcastle', 13));
  });
  it('errs on the generous side for a typical label (Arial "North Tyneside" at 13px is about 88 units)', () => {
    const w = estimateTextWidth('North Tyneside', 13);
    expect(w).toBeGreaterThanOrEqual(86);
    expect(w).toBeLessThan(110);
  });
  it('is zero for empty text', () => {
    expect(estimateTextWidth('')).toBe(0);
  });
});

/** wrapText as it was: each candidate line measured from its start. The fast one must break exactly where this does. */
function wrapByMeasuring(text: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(next, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

describe('wrapText', () => {
  it('breaks exactly where measuring each candidate line from its start does, at every width (to the last bit of the sum)', () => {
    const texts = [
      'Jamie Driscoll launches his independent campaign with a crowdfunder',
      'Labour’s panel leaves him off the shortlist — 2 June 2023',
      'Kim McGuinness 41.3% · Driscoll 28.0% · Ben Houchen’s party, the Conservatives',
      'Northumberland +5,256 (North East) iii lll WWW mmm 0.1 0.2 0.3',
    ];
    let compared = 0;
    for (const text of texts)
      for (const bold of [false, true])
        for (const fontSize of [11, 12.5, 13, 14.3, 15, 16, 48])
          for (let maxWidth = 10; maxWidth <= 700; maxWidth += 0.7) {
            expect(wrapText(text, maxWidth, fontSize, bold)).toEqual(wrapByMeasuring(text, maxWidth, fontSize, bold));
            compared += 1;
          }
    expect(compared).toBeGreaterThan(50_000);
  });

  it('keeps every line within the width and loses no words', () => {
    const text = 'Former Durham, Gateshead, South Tyneside and Sunderland authority';
    const lines = wrapText(text, 150);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateTextWidth(line)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(text);
  });
  it('gives an over-long word its own line', () => {
    expect(wrapText('a Renner-Thompson b', 20)).toEqual(['a', 'Renner-Thompson', 'b']);
  });
});

describe('boxesOverlap', () => {
  const a = { x: 0, y: 0, width: 10, height: 10 };
  it('detects overlap and separation', () => {
    expect(boxesOverlap(a, { x: 5, y: 5, width: 10, height: 10 })).toBe(true);
    expect(boxesOverlap(a, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(boxesOverlap(a, { x: 0, y: 11, width: 10, height: 10 })).toBe(false);
  });
});

describe('segmentCrossesBox', () => {
  const box = { x: 10, y: 10, width: 20, height: 10 };
  it('finds a segment through the box, one ending inside it, and one passing diagonally across a corner', () => {
    expect(segmentCrossesBox(0, 15, 40, 15, box)).toBe(true);
    expect(segmentCrossesBox(0, 0, 15, 12, box)).toBe(true);
    expect(segmentCrossesBox(5, 18, 18, 5, box)).toBe(true);
  });
  it('misses a segment that stops short of the box, or passes beside a corner its bounding box covers', () => {
    expect(segmentCrossesBox(0, 15, 8, 15, box)).toBe(false);
    expect(segmentCrossesBox(0, 12, 12, 0, box)).toBe(false);
    expect(segmentCrossesBox(20, 0, 20, 9, box)).toBe(false);
  });
  it('grows the box by pad (and shrinks it by a negative one)', () => {
    expect(segmentCrossesBox(20, 0, 20, 9, box, 2)).toBe(true);
    expect(segmentCrossesBox(10.5, 0, 10.5, 30, box, -1)).toBe(false);
  });
});

describe('svgId', () => {
  it('makes React ids safe inside url(#...)', () => {
    expect(svgId('«r1»', 'hatch')).toMatch(/^[A-Za-z][\w-]*$/);
    expect(svgId(':r1:', 'hatch')).not.toBe(svgId(':r2:', 'hatch'));
  });
});

describe('balancedWrap', () => {
  it('uses no more lines than wrapText but evens them out', () => {
    const text = "Left off Labour's longlist for North East mayor";
    const greedy = wrapText(text, 360, 15);
    const even = balancedWrap(text, 360, 15);
    expect(even).toHaveLength(greedy.length);
    expect(even.join(' ')).toBe(text);
    const spread = (lines: string[]) => Math.max(...lines.map((l) => estimateTextWidth(l, 15))) - Math.min(...lines.map((l) => estimateTextWidth(l, 15)));
    expect(spread(even)).toBeLessThanOrEqual(spread(greedy));
    if (greedy.length > 1) expect(even[even.length - 1].split(' ').length).toBeGreaterThan(1);
  });
  it('leaves a one-line text alone', () => {
    expect(balancedWrap('Polling day', 360)).toEqual(['Polling day']);
  });
});
