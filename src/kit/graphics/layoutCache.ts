/**
 * Chart layouts computed once per model and box. Laying a chart out tries many candidate layouts
 * (fonts, label placements) and took 10–35 ms of a step change's frame at 4x CPU slowdown (the
 * scroll trace: moneyLayout, barsLayout, areasLayout inside the graphic's render); the box rarely
 * changes, so each layout is computed once, most of them at idle before the step that shows them
 * (LiveGraphic.tsx). A layout is a pure function of its inputs, so a cached one is the same layout,
 * only earlier.
 */
import type { ChartBox } from './box.ts';
import { finish, type Steps } from './steps.ts';

/** The part of a box a layout depends on, as a key. */
export function boxKey(box: ChartBox): string {
  return `${box.width}|${box.height}|${box.font}|${box.measured ? 1 : 0}${box.heightIsMost ? '|most' : ''}`;
}

/** Results per owner and key; each owner keeps at most `limit`, dropping the oldest (steppedMemo). */
function resultStore<T>(limit: number) {
  const byOwner = new WeakMap<object, Map<string, T>>();
  return {
    has: (owner: object, key: string) => byOwner.get(owner)?.has(key) ?? false,
    get: (owner: object, key: string) => byOwner.get(owner)!.get(key)!,
    set(owner: object, key: string, value: T): T {
      let results = byOwner.get(owner);
      if (!results) byOwner.set(owner, (results = new Map()));
      if (results.size >= limit) results.delete(results.keys().next().value!);
      results.set(key, value);
      return value;
    },
  };
}

/**
 * A memo of results per owner (an object the inputs come from, e.g. the chart model: a new model
 * starts afresh, and a dropped one is collected) and key, each result computed in steps (steps.ts).
 * `now` runs them all where the result is needed (a render); `ahead` is a job that runs them in
 * turn, a few per idle period (idle.ts's queue), and keeps the result for `now`. Each owner keeps at
 * most `limit` results, dropping the oldest: boxes change on resize and text zoom.
 */
export function steppedMemo<T>(limit = 24) {
  const store = resultStore<T>(limit);
  return {
    now: (owner: object, key: string, steps: () => Steps<T>): T => (store.has(owner, key) ? store.get(owner, key) : store.set(owner, key, finish(steps()))),
    *ahead(owner: object, key: string, steps: () => Steps<T>): Steps<void> {
      if (store.has(owner, key)) return;
      const value = yield* steps();
      // A render may have computed it meanwhile: the same layout, so either is kept.
      if (!store.has(owner, key)) store.set(owner, key, value);
    },
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
