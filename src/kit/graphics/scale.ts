/**
 * A linear scale with the part of d3-scale's scaleLinear API the graphics use (call, domain, range,
 * ticks, nice). d3's scaleLinear pulls d3-interpolate, d3-color and d3-format into the first-load
 * bundle (about 9.5 KB gzip) to map a handful of static numbers; this does the same arithmetic in a
 * few hundred bytes. Band scales still come from d3-scale (scaleBand is small). The unit tests check
 * this against d3's own scaleLinear.
 */

export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  range(): [number, number];
  ticks(count?: number): number[];
  /** A copy whose domain is extended to round tick steps, as d3's scale.nice(). */
  nice(count?: number): LinearScale;
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3-array's tick step: 1, 2 or 5 times a power of ten, giving about `count` ticks over [start, stop]. */
export function tickStep(start: number, stop: number, count: number): number {
  const raw = Math.abs(stop - start) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 0;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  return factor * 10 ** power;
}

/** Removes binary floating-point noise (0.30000000000000004 -> 0.3). */
const clean = (n: number) => Number(n.toPrecision(12));

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((value: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + (value - d0) * k)) as LinearScale;
  scale.domain = () => [d0, d1];
  scale.range = () => [r0, r1];
  scale.ticks = (count = 10) => {
    const lo = Math.min(d0, d1);
    const hi = Math.max(d0, d1);
    const step = tickStep(lo, hi, count);
    if (!step) return [lo];
    const ticks: number[] = [];
    for (let i = Math.ceil(clean(lo / step)); i <= Math.floor(clean(hi / step)); i += 1) ticks.push(clean(i * step));
    return ticks;
  };
  scale.nice = (count = 10) => {
    let lo = Math.min(d0, d1);
    let hi = Math.max(d0, d1);
    // Two passes, as d3 does: widening the domain can change the step.
    for (let pass = 0; pass < 2; pass += 1) {
      const step = tickStep(lo, hi, count);
      if (!step) break;
      lo = clean(Math.floor(lo / step) * step);
      hi = clean(Math.ceil(hi / step) * step);
    }
    return linearScale(d0 <= d1 ? [lo, hi] : [hi, lo], range);
  };
  return scale;
}
