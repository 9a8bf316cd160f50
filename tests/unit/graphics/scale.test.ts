import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearScale, tickStep } from '../../../src/kit/graphics/scale.ts';

// d3-scale is the reference: the graphics' own linear scale must agree with it.
const cases: [[number, number], [number, number]][] = [
  [
    [0, 0.5],
    [8, 296],
  ],
  [
    [0, 142000],
    [262, 44],
  ],
  [
    [0, 0.45],
    [0, 224],
  ],
  [
    [0, 1],
    [0, 100],
  ],
  [
    [-3, 17],
    [400, 0],
  ],
  [
    [0.01, 0.37],
    [10, 20],
  ],
];

describe('linearScale matches d3 scaleLinear', () => {
  it.each(cases)('domain %j, range %j', (domain, range) => {
    const ours = linearScale(domain, range);
    const d3 = scaleLinear().domain(domain).range(range);
    for (let i = 0; i <= 20; i += 1) {
      const v = domain[0] + ((domain[1] - domain[0]) * i) / 20;
      expect(ours(v)).toBeCloseTo(d3(v), 9);
    }
    for (const count of [3, 5, 10]) expect(ours.ticks(count)).toEqual(d3.ticks(count));
    expect(ours.nice().domain()).toEqual(d3.copy().nice().domain());
    expect(ours.nice(5).domain()).toEqual(d3.copy().nice(5).domain());
  });

  it('extrapolates outside the domain like d3 (no clamping)', () => {
    expect(linearScale([0, 1], [0, 10])(2)).toBe(20);
  });

  it('maps a degenerate domain to the middle of the range', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
    expect(linearScale([5, 5], [0, 10]).ticks()).toEqual([5]);
  });
});

describe('tickStep', () => {
  it('is 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(0, 0.5, 5)).toBeCloseTo(0.1);
    expect(tickStep(0, 142000, 10)).toBe(20000);
    expect(tickStep(0, 10, 10)).toBe(1);
    expect(tickStep(0, 0, 10)).toBe(0);
  });
});
