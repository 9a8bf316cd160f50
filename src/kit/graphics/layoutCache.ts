/**
 * Chart layouts computed once per model and box. Laying a chart out tries many candidate layouts
 * (fonts, label placements) and took 10–35 ms of a step change's frame at 4x CPU slowdown (the
 * scroll trace: moneyLayout, barsLayout, areasLayout inside the graphic's render); the box rarely
 * changes, so each layout is computed once, most of them at idle before the step that shows them
 * (LiveGraphic.tsx). A layout is a pure function of its inputs, so a cached one is the same layout,
 * only earlier.
 */
import type { ChartBox } from './box.ts';

/** The part of a box a layout depends on, as a key. */
export function boxKey(box: ChartBox): string {
  return `${box.width}|${box.height}|${box.font}|${box.measured ? 1 : 0}`;
}

/**
 * A memo of results per owner (an object the inputs come from, e.g. the chart model: a new model
 * starts afresh, and a dropped one is collected) and key. Each owner keeps at most `limit` results,
 * dropping the oldest: boxes change on resize and text zoom.
 */
export function keyedMemo<T>(limit = 24): (owner: object, key: string, compute: () => T) => T {
  const byOwner = new WeakMap<object, Map<string, T>>();
  return (owner, key, compute) => {
    let results = byOwner.get(owner);
    if (!results) byOwner.set(owner, (results = new Map()));
    if (results.has(key)) return results.get(key)!;
    const value = compute();
    if (results.size >= limit) results.delete(results.keys().next().value!);
    results.set(key, value);
    return value;
  };
}

/** One derived value per owner (e.g. a chart's input rows per model), computed on first use. */
export function perOwner<O extends object, T>(derive: (owner: O) => T): (owner: O) => T {
  const values = new WeakMap<O, T>();
  return (owner) => {
    if (values.has(owner)) return values.get(owner)!;
    const value = derive(owner);
    values.set(owner, value);
    return value;
  };
}
