import { describe, expect, it } from 'vitest';
import { chartFont, fitFont, fontFloor, fontFloors, MIN_FONT, WIDE_BOX, WIDE_MIN_FONT } from '../../../src/kit/graphics/box.ts';
import { boxFromMeasure, defaultBox } from '../../../src/story/graphics/registry.ts';

describe('chartFont', () => {
  it('is 13 px at the default root size and grows with the reader’s text size', () => {
    expect(chartFont(16)).toBe(13);
    expect(chartFont(32)).toBe(26);
    expect(chartFont(20)).toBeGreaterThan(chartFont(16));
  });
  it('never goes under the minimum, and survives a bad reading', () => {
    expect(chartFont(8)).toBe(MIN_FONT);
    expect(chartFont(Number.NaN)).toBe(13);
    expect(MIN_FONT).toBe(11);
  });
  it('is larger in a box at least 600 px wide (a desktop column): 15 px at the default size, 30 at 200%', () => {
    expect(chartFont(16, 640)).toBe(15);
    expect(chartFont(32, 640)).toBe(30);
    expect(chartFont(16, 599)).toBe(13);
  });
});

describe('fitFont', () => {
  it('keeps the preferred size when it fits, else the largest that fits, never under the minimum', () => {
    expect(fitFont(13, () => true)).toBe(13);
    expect(fitFont(26, (f) => f <= 18)).toBe(18);
    expect(fitFont(13, () => false)).toBe(MIN_FONT);
    expect(fitFont(9, () => true)).toBe(MIN_FONT);
  });
});

describe('boxFromMeasure', () => {
  it('draws at the measured size, floored to whole pixels', () => {
    expect(boxFromMeasure('bars', 390.6, 360.9, 16)).toEqual({ width: 390, height: 360, font: 13, measured: true });
  });
  it('gives a box with no height the default aspect ratio, and refuses a box with no width', () => {
    const def = defaultBox('map');
    expect(boxFromMeasure('map', 640, 0, 16)!.height).toBe(Math.round((640 * def.height) / def.width));
    expect(boxFromMeasure('map', 0, 300, 16)).toBeNull();
  });
});

describe('fontFloor', () => {
  it('is MIN_FONT at the default text size and grows with the reader’s text size', () => {
    expect(fontFloor(chartFont(16))).toBe(MIN_FONT);
    expect(fontFloor(chartFont(32))).toBe(22);
    expect(fontFloor(5)).toBe(MIN_FONT);
  });

  it('bounds fitFont from below', () => {
    expect(fitFont(26, () => false, fontFloor(26))).toBe(22);
    expect(fitFont(26, (f) => f <= 24, fontFloor(26))).toBe(24);
  });
});

describe('fontFloors', () => {
  it('is just MIN_FONT at the default text size', () => {
    expect(fontFloors(chartFont(16))).toEqual([MIN_FONT]);
  });
  it('at a 200% text size tries 22 px, then 16 px (half the root), then 13 px (the default size), then MIN_FONT', () => {
    expect(fontFloors(chartFont(32))).toEqual([22, 16, 13, MIN_FONT]);
  });
  it('never offers a floor above the reader’s own label size, nor the default size to a reader who made text smaller', () => {
    expect(fontFloors(chartFont(20))).toEqual([14, 13, MIN_FONT]);
    expect(fontFloors(chartFont(12))).toEqual([MIN_FONT]);
  });
  it('is highest first, never under MIN_FONT', () => {
    for (const root of [12, 16, 18, 20, 24, 32, 40]) {
      for (const width of [320, WIDE_BOX]) {
        const floors = fontFloors(chartFont(root, width), width);
        expect([...floors].sort((a, b) => b - a)).toEqual(floors);
        expect(Math.min(...floors)).toBe(MIN_FONT);
      }
    }
  });
  it('in a box at least 600 px wide tries 14 px before any floor under it (issue #18), the box’s own font where that is smaller', () => {
    expect(WIDE_MIN_FONT).toBe(14);
    expect(fontFloors(chartFont(16, 640), 640)).toEqual([14, 12.5, MIN_FONT]);
    expect(fontFloors(chartFont(16, 640), 599)).toEqual([12.5, MIN_FONT]);
    expect(fontFloors(13, 640)).toEqual([13, MIN_FONT]);
    expect(fontFloors(chartFont(32, 1280), 1280)).toEqual([25.5, 18.5, 14, 13, MIN_FONT]);
  });
});
