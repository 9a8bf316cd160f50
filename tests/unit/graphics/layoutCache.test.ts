import { describe, expect, it } from 'vitest';
import { boxKey, perOwner, steppedMemo } from '../../../src/kit/graphics/layoutCache.ts';
import { finish, type Steps } from '../../../src/kit/graphics/steps.ts';
import { atIdle, idleQueue, loadInTurn, type Idle } from '../../../src/kit/graphics/idle.ts';
import { sameMeasure } from '../../../src/kit/graphics/useGraphicBox.ts';
import { boxFor } from '../../../src/story/graphics/registry.ts';

/** A computation as steps: one stop, then its result. */
function* oneStep<T>(compute: () => T): Steps<T> {
  yield;
  return compute();
}

/** A steppedMemo's `now`, for a computation of one step. */
function memoNow<T>(limit?: number): (owner: object, key: string, compute: () => T) => T {
  const memo = steppedMemo<T>(limit);
  return (owner, key, compute) => memo.now(owner, key, () => oneStep(compute));
}

describe('steppedMemo, one result per owner and key', () => {
  it('computes once per owner and key, and again for another owner or key', () => {
    const memo = memoNow<number>();
    let calls = 0;
    const compute = () => ++calls;
    const a = {};
    const b = {};
    expect(memo(a, 'x', compute)).toBe(1);
    expect(memo(a, 'x', compute)).toBe(1);
    expect(memo(a, 'y', compute)).toBe(2);
    expect(memo(b, 'x', compute)).toBe(3);
    expect(calls).toBe(3);
  });
  it('keeps at most `limit` results per owner, dropping the oldest', () => {
    const memo = memoNow<string>(2);
    const owner = {};
    let calls = 0;
    const compute = (v: string) => () => (calls++, v);
    memo(owner, 'a', compute('a'));
    memo(owner, 'b', compute('b'));
    memo(owner, 'c', compute('c')); // drops a
    expect(calls).toBe(3);
    memo(owner, 'b', compute('b'));
    memo(owner, 'c', compute('c'));
    expect(calls).toBe(3);
    memo(owner, 'a', compute('a'));
    expect(calls).toBe(4);
  });
  it('caches a falsy result too', () => {
    const memo = memoNow<number>();
    let calls = 0;
    const owner = {};
    memo(owner, 'k', () => (calls++, 0));
    expect(memo(owner, 'k', () => (calls++, 0))).toBe(0);
    expect(calls).toBe(1);
  });
});

/** Steps that log each step they take, then return `value`. */
function* logged<T>(log: string[], name: string, count: number, value: T): Steps<T> {
  for (let i = 1; i <= count; i += 1) {
    log.push(`${name}${i}`);
    if (i < count) yield;
  }
  return value;
}

describe('finish', () => {
  it('runs every step and returns the result', () => {
    const log: string[] = [];
    expect(finish(logged(log, 's', 3, 'done'))).toBe('done');
    expect(log).toEqual(['s1', 's2', 's3']);
  });
});

describe('steppedMemo', () => {
  it('computes at once with `now`, once per owner and key', () => {
    const memo = steppedMemo<string>();
    const log: string[] = [];
    const owner = {};
    expect(memo.now(owner, 'k', () => logged(log, 'a', 2, 'A'))).toBe('A');
    expect(memo.now(owner, 'k', () => logged(log, 'b', 2, 'B'))).toBe('A');
    expect(log).toEqual(['a1', 'a2']);
  });
  it('keeps what `ahead` computed in steps, so `now` then computes nothing', () => {
    const memo = steppedMemo<string>();
    const log: string[] = [];
    const owner = {};
    const job = memo.ahead(owner, 'k', () => logged(log, 'a', 3, 'A'));
    expect(job.next().done).toBe(false);
    expect(log).toEqual(['a1']); // one step, not the whole search
    finish(job);
    expect(memo.now(owner, 'k', () => logged(log, 'b', 1, 'B'))).toBe('A');
    expect(log).toEqual(['a1', 'a2', 'a3']);
  });
  it('skips a result it has, and keeps the first of two computed together', () => {
    const memo = steppedMemo<string>();
    const log: string[] = [];
    const owner = {};
    const early = memo.ahead(owner, 'k', () => logged(log, 'a', 2, 'A'));
    early.next(); // started, then a render needs it now
    expect(memo.now(owner, 'k', () => logged(log, 'b', 1, 'B'))).toBe('B');
    finish(early);
    expect(memo.now(owner, 'k', () => logged(log, 'c', 1, 'C'))).toBe('B');
    expect(finish(memo.ahead(owner, 'k', () => logged(log, 'd', 1, 'D')))).toBeUndefined();
    expect(log).toEqual(['a1', 'b1', 'a2']);
  });
});

describe('perOwner', () => {
  it('derives once per owner', () => {
    let calls = 0;
    const derive = perOwner((o: { n: number }) => (calls++, { double: o.n * 2 }));
    const o = { n: 2 };
    expect(derive(o)).toBe(derive(o));
    expect(derive(o).double).toBe(4);
    expect(derive({ n: 3 }).double).toBe(6);
    expect(calls).toBe(2);
  });
});

describe('boxKey', () => {
  it('differs when any part of the box a layout reads differs', () => {
    const box = { width: 390, height: 300, font: 13, measured: true };
    const keys = new Set([
      boxKey(box),
      boxKey({ ...box, width: 391 }),
      boxKey({ ...box, height: 301 }),
      boxKey({ ...box, font: 13.5 }),
      boxKey({ ...box, measured: false }),
      boxKey({ ...box, heightIsMost: true }),
    ]);
    expect(keys.size).toBe(6);
    expect(boxKey({ ...box })).toBe(boxKey(box));
  });
});

describe('idleQueue', () => {
  const long = { timeRemaining: () => 50, didTimeout: false };
  const short = { timeRemaining: () => 8, didTimeout: false };
  it('runs queued jobs in order, one per long idle period, and starts again when refilled', () => {
    const periods: ((idle: Idle) => void)[] = [];
    const queue = idleQueue(30, (work) => (periods.push(work), () => {}));
    const ran: string[] = [];
    queue(() => void ran.push('a'));
    queue(() => void ran.push('b'));
    expect(ran).toEqual([]);
    expect(periods).toHaveLength(1); // one idle request at a time
    periods.shift()!(long);
    expect(ran).toEqual(['a']);
    periods.shift()!(long);
    expect(ran).toEqual(['a', 'b']);
    periods.shift()!(long); // the queue is empty: it stops asking for idle time
    expect(periods).toHaveLength(0);
    queue(() => void ran.push('c'));
    periods.shift()!(long);
    expect(ran).toEqual(['a', 'b', 'c']);
  });
  it('waits through short idle periods (between the frames of a scroll)', () => {
    const periods: ((idle: Idle) => void)[] = [];
    const queue = idleQueue(30, (work) => (periods.push(work), () => {}));
    const ran: string[] = [];
    queue(() => void ran.push('a'));
    periods.shift()!(short);
    periods.shift()!(short);
    expect(ran).toEqual([]);
    periods.shift()!(long);
    expect(ran).toEqual(['a']);
  });
});

describe('idleQueue with jobs in steps', () => {
  /** An idle period of `ms` that loses `cost` ms to each step logged (the log starts where the period does). */
  const period = (ms: number, log: string[], cost = 10): Idle => {
    const at = log.length;
    return { timeRemaining: () => ms - cost * (log.length - at), didTimeout: false };
  };
  it('runs the steps of a job while the period has time, goes on in the next, then starts the next job', () => {
    const periods: ((idle: Idle) => void)[] = [];
    const queue = idleQueue(20, (work) => (periods.push(work), () => {}));
    const log: string[] = [];
    queue(() => logged(log, 's', 5, undefined));
    queue(() => void log.push('next'));
    // 40 ms, 10 ms a step, a step only with 15 ms left: three steps (40, 30 and 20 ms left before each).
    periods.shift()!(period(40, log));
    expect(log).toEqual(['s1', 's2', 's3']);
    periods.shift()!(period(40, log));
    expect(log).toEqual(['s1', 's2', 's3', 's4', 's5']); // the next job waits for a period of its own
    periods.shift()!(period(40, log));
    expect(log[log.length - 1]).toBe('next');
    periods.shift()!(period(40, log)); // empty: no more requests
    expect(periods).toHaveLength(0);
  });
  it('starts a job only in a period with minIdleMs, and takes a step only with 15 ms left', () => {
    const periods: ((idle: Idle) => void)[] = [];
    const queue = idleQueue(20, (work) => (periods.push(work), () => {}));
    const log: string[] = [];
    queue(() => logged(log, 's', 3, undefined));
    periods.shift()!(period(19, log));
    expect(log).toEqual([]);
    periods.shift()!(period(20, log, 13)); // starts: one step, then 7 ms are left
    expect(log).toEqual(['s1']);
    periods.shift()!(period(14, log));
    expect(log).toEqual(['s1']);
    periods.shift()!(period(15, log));
    expect(log).toEqual(['s1', 's2']);
  });
});

describe('loadInTurn', () => {
  it('starts each load in an idle period of its own, once the one before it is in', async () => {
    const periods: (() => void)[] = [];
    const started: string[] = [];
    const arrivals: (() => void)[] = [];
    const load = (name: string) => () => new Promise<void>((resolve) => (started.push(name), arrivals.push(resolve)));
    const flush = () => new Promise((resolve) => setTimeout(resolve));
    let done = false;
    void loadInTurn(
      [load('model'), load('map'), load('bars')],
      (work) => (periods.push(() => work({ timeRemaining: () => 50, didTimeout: false })), () => {}),
    ).then(() => (done = true));
    await flush();
    expect(started).toEqual([]); // nothing before the first idle period
    periods.shift()!();
    await flush();
    expect(started).toEqual(['model']);
    expect(periods).toHaveLength(0); // the next waits for this one to arrive
    arrivals.shift()!();
    await flush();
    expect(started).toEqual(['model']); // arrived: now it waits for an idle period
    periods.shift()!();
    await flush();
    expect(started).toEqual(['model', 'map']);
    arrivals.shift()!();
    await flush();
    periods.shift()!();
    await flush();
    arrivals.shift()!();
    await flush();
    expect(started).toEqual(['model', 'map', 'bars']);
    expect(done).toBe(true);
  });
});

describe('atIdle', () => {
  it('waits for an idle period long enough, or its time limit, and can be cancelled', () => {
    const periods: ((idle: Idle) => void)[] = [];
    const limits: (number | undefined)[] = [];
    let cancelled = 0;
    const ran: string[] = [];
    const schedule = (work: (idle: Idle) => void, timeout?: number) => {
      periods.push(work);
      limits.push(timeout);
      return () => cancelled++;
    };
    atIdle(() => ran.push('a'), 20, schedule);
    periods.shift()!({ timeRemaining: () => 5, didTimeout: false }); // between frames: wait
    expect(ran).toEqual([]);
    periods.shift()!({ timeRemaining: () => 25, didTimeout: false });
    expect(ran).toEqual(['a']);
    expect(limits.every((t) => t !== undefined && t > 0)).toBe(true);

    atIdle(() => ran.push('b'), 20, schedule);
    periods.shift()!({ timeRemaining: () => 0, didTimeout: true }); // never idle: runs at the limit
    expect(ran).toEqual(['a', 'b']);

    const cancel = atIdle(() => ran.push('c'), 20, schedule);
    cancel();
    expect(cancelled).toBe(1);
  });
});

describe('boxFor and sameMeasure', () => {
  it('is the default box until measured, then the measured box for the chart kind', () => {
    expect(boxFor('bars', null, false)).toEqual({ width: 320, height: 360, font: 13, measured: false });
    expect(boxFor('bars', { width: 374.5, height: 300.2, root: 16 }, false)).toEqual({ width: 374, height: 300, font: 13, measured: true });
    expect(boxFor('map', { width: 374, height: 300, root: 32 }, false).font).toBe(26);
  });
  it('gives a natural-height box a height from its width and kind, not from the element', () => {
    const narrow = { width: 160, height: 5, root: 16 };
    expect(boxFor('bars', narrow, true).height).toBe(540); // 3x the default 320x360 aspect
    expect(boxFor('money', narrow, true).height).toBe(450); // 3x the default 320x300 aspect
    // The map's list form (MapForm.list) may take 2.5x; a map that needs less is drawn shorter (heightIsMost).
    expect(boxFor('map', narrow, true)).toEqual({ width: 160, height: 500, font: 13, measured: true, heightIsMost: true });
    expect(boxFor('map', narrow, false).heightIsMost).toBeUndefined();
    // As wide as the default box or wider: the default aspect, no more (not a 1,100 px money chart at 391 px).
    expect(boxFor('bars', { ...narrow, width: 320 }, true).height).toBe(360);
    expect(boxFor('money', { ...narrow, width: 391 }, true).height).toBe(366);
  });
  it('keeps a measure that draws the same box', () => {
    const m = { width: 390.2, height: 300.7, root: 16 };
    expect(sameMeasure(null, m)).toBe(false);
    expect(sameMeasure(m, { width: 390.9, height: 300.1, root: 16 })).toBe(true);
    expect(sameMeasure(m, { width: 391, height: 300, root: 16 })).toBe(false);
    expect(sameMeasure(m, { ...m, root: 20 })).toBe(false);
  });
});
