/**
 * Work that can wait for an idle moment: off the frames a step change must paint.
 */
import type { Steps } from './steps.ts';

/** What an idle period offers (the browser's IdleDeadline, or a stand-in where there is none). */
export interface Idle {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}

/** Asks for one idle period; returns a function that cancels the request. */
export type IdleScheduler = (work: (idle: Idle) => void, timeoutMs?: number) => () => void;

/** Where there is no requestIdleCallback (Safari before 18): soon, with a full period (50 ms, the most a browser gives). */
function fallbackIdle(): Idle {
  const end = performance.now() + 50;
  return { timeRemaining: () => Math.max(0, end - performance.now()), didTimeout: false };
}

export const requestIdle: IdleScheduler = (work, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => work(fallbackIdle()), 200);
  return () => clearTimeout(id);
};

/** Longest a job waits for a long enough idle period, so it still runs on a page that is never idle. */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Runs a job in the next idle period with at least minIdleMs to spare (between a scroll's frames
 * there are only short ones), or after IDLE_TIMEOUT_MS at the latest; returns a cancel function.
 */
export function atIdle(work: () => void, minIdleMs = 20, schedule: IdleScheduler = requestIdle): () => void {
  const started = Date.now();
  let cancel: () => void;
  const attempt = (idle: Idle) => {
    if (idle.didTimeout || idle.timeRemaining() >= minIdleMs) return work();
    cancel = schedule(attempt, Math.max(1, IDLE_TIMEOUT_MS - (Date.now() - started)));
  };
  cancel = schedule(attempt, IDLE_TIMEOUT_MS);
  return () => cancel();
}

/** A job for idleQueue: work done at once, or returned as steps (steps.ts) to run in turn. */
export type IdleJob = () => void | false | Steps<unknown>;

/** Least idle time left for the queue to start one more step of a job (a step is up to 15 ms at 4x CPU slowdown, the load trace: a period is then at most about 50 ms). */
const MIN_STEP_MS = 15;

/**
 * A queue of longer jobs (each a few tens of ms on a slow phone), run one per idle period, in order,
 * and only in a period with at least minIdleMs to spare: a page that is scrolling gets only short
 * periods between its frames, and a job there would make a frame late. The browser offers long
 * periods (up to 50 ms) once nothing is animating. A job that returns steps runs them while its
 * period has MIN_STEP_MS to spare, then goes on in the next period: no task holds the main thread
 * for the whole job. The queue outlives the components that fill it.
 */
export function idleQueue(minIdleMs = 30, schedule: IdleScheduler = requestIdle): (job: IdleJob) => void {
  const jobs: IdleJob[] = [];
  let inStep: Steps<unknown> | null = null;
  let running = false;
  const stepWhileIdle = (idle: Idle) => {
    while (inStep && idle.timeRemaining() >= MIN_STEP_MS) if (inStep.next().done) inStep = null;
  };
  const next = (idle: Idle) => {
    if (inStep) stepWhileIdle(idle);
    else if (jobs.length === 0) return void (running = false);
    else if (idle.timeRemaining() >= minIdleMs) {
      const steps = jobs.shift()!();
      if (steps) {
        inStep = steps;
        stepWhileIdle(idle);
      }
    }
    schedule(next);
  };
  return (job) => {
    jobs.push(job);
    if (running) return;
    running = true;
    schedule(next);
  };
}

/**
 * Runs loads one after another, each in an idle period of its own (a lazy chunk runs its module body
 * when it arrives, so loads started together arrive, and run, together); resolves when all are in.
 */
export async function loadInTurn(loads: readonly (() => Promise<unknown>)[], schedule: IdleScheduler = requestIdle): Promise<void> {
  for (const load of loads) {
    await new Promise<void>((resolve) => schedule(() => resolve()));
    await load();
  }
}
