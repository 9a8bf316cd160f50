/**
 * Work that can wait for an idle moment: off the frames a step change must paint. Each returns a
 * function that cancels the work if it has not run yet.
 */

/** Longest a job waits for idle time, so it still runs on a page that is never idle. */
const IDLE_TIMEOUT_MS = 1000;

/** Runs work at the next idle period (or after IDLE_TIMEOUT_MS at the latest). */
export function atIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 200);
  return () => clearTimeout(id);
}

/**
 * A queue of jobs run one per idle period, in order; it outlives the components that fill it (the
 * next step that needs a job's result may be several steps on). schedule defaults to atIdle.
 */
export function idleQueue(schedule: (work: () => void) => unknown = atIdle): (job: () => void) => void {
  const jobs: (() => void)[] = [];
  let running = false;
  const next = () => {
    const job = jobs.shift();
    if (!job) return void (running = false);
    job();
    schedule(next);
  };
  return (job) => {
    jobs.push(job);
    if (running) return;
    running = true;
    schedule(next);
  };
}
