import { describe, expect, it } from 'vitest';
import { compactPath } from '../../../src/story/geo/mapLayout.ts';

/** Replays a compact path back to absolute points, as an SVG renderer would. */
function absolutePoints(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([mlz])([^mlz]*)/g)) {
    if (cmd === 'z') {
      [x, y] = start;
      continue;
    }
    const [dx, dy] = args.match(/-?\d+/g)!.map(Number);
    x += dx;
    y += dy;
    if (cmd === 'm') {
      start = [x, y];
      rings.push([]);
    }
    rings[rings.length - 1].push([x, y]);
  }
  return rings;
}

describe('compactPath', () => {
  it('keeps every point (rounded) across several closed rings', () => {
    const d = 'M10.4,20.6L30.2,20.4L30.6,40.5ZM100,100L110.2,100L110,120Z';
    expect(absolutePoints(compactPath(d))).toEqual([
      [
        [10, 21],
        [30, 20],
        [31, 41],
      ],
      [
        [100, 100],
        [110, 100],
        [110, 120],
      ],
    ]);
  });

  it('drops points that round onto the previous one', () => {
    expect(compactPath('M0,0L0.2,0.1L5,5Z')).toBe('m0 0l5 5z');
  });
});
