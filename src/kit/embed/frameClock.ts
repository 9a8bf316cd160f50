/** The runtime's clock and timers: every timer it sets is cleared when it stops. */
export interface FrameClock {
  /** Milliseconds, performance.now(). */
  now(): number;
  /** Milliseconds since the epoch, on the same clock (the host stamps its messages so). */
  epochNow(): number;
  /** Runs fn after ms, unless the runtime stops first. */
  later(ms: number, fn: () => void): void;
  stop(): void;
}

export function createFrameClock(win: Window): FrameClock {
  const timers = new Set<number>();
  return {
    now: () => win.performance.now(),
    epochNow: () => win.performance.timeOrigin + win.performance.now(),
    later(ms, fn) {
      const t = win.setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
    },
    stop() {
      for (const t of timers) win.clearTimeout(t);
    },
  };
}
