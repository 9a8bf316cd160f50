/**
 * Layout work in steps: a layout search written as a generator that yields between its tries can be
 * run to the end where its result is needed now (a render), or a few tries per idle period where it
 * is prepared ahead (idle.ts's queue), so no single task holds the main thread for the whole search
 * (the timeline's layout for one event took 60 ms in one idle task at 4x CPU slowdown, the load trace).
 */

/** A computation that yields between its steps and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A function of one argument, computed once per argument: a search that comes back to a font gets its answer without the work. */
export function remember<A, R>(compute: (arg: A) => R): (arg: A) => R {
  const results = new Map<A, R>();
  return (arg) => {
    if (!results.has(arg)) results.set(arg, compute(arg));
    return results.get(arg)!;
  };
}
