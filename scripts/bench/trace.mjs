// @ts-check
/**
 * A Chrome trace of the scroll run, and what it says about each long animation frame: which tasks
 * ran in it, where the main thread's time went (script, style, layout, paint, GC), which layouts a
 * script forced and from where, which functions the CPU profiler saw, and (in a profiling build,
 * see profileBuild.mjs) which React components rendered. The trace file opens in Chrome DevTools'
 * Performance panel (Load profile).
 *
 * Page time (performance.now(), which the long-animation-frame entries use) and trace time are
 * matched by a user-timing mark the bench sets at a known page time (SYNC_MARK).
 */

/**
 * A trace event as Chrome writes it; args is whatever the event carries (untyped JSON).
 * @typedef {{
 *   name: string,
 *   ph: string,
 *   ts?: number,
 *   dur?: number,
 *   tdur?: number,
 *   pid?: number,
 *   tid?: number,
 *   cat?: string,
 *   id?: string,
 *   id2?: { local?: string },
 *   args?: Record<string, any>,
 * }} TraceEvent
 * @typedef {TraceEvent & { ts: number, dur: number }} CompleteEvent
 * @typedef {{ name: string, ts: number, end: number }} Span
 * @typedef {{ ts: number, dur: number, stack: string[] }} Sample
 * @typedef {{ name: string, ms: number }} Timed
 * @typedef {{
 *   start: number,
 *   duration: number,
 *   tasks: number,
 *   longestTaskMs: number,
 *   busyMs: number,
 *   cpuMs: number,
 *   idleMs: number,
 *   byEvent: Timed[],
 *   forced: Timed[],
 *   selfFunctions: Timed[],
 *   totalFunctions: Timed[],
 *   react: Timed[],
 * }} FrameAttribution
 */

/** @type {(e: TraceEvent) => e is CompleteEvent} */
const isComplete = (e) => e.ph === 'X' && typeof e.ts === 'number' && typeof e.dur === 'number';

export const SYNC_MARK = 'bench:sync';

/** @type {string[]} */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.stack',
  'blink.user_timing',
  'blink.console',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'latencyInfo',
];

/**
 * Main-thread tasks and what they did, without the stacks, invalidation tracking and CPU profiler
 * that the full set records: those multiply the cost of every DOM write (a trace with them showed
 * removeChild at 147 ms where one without showed 9), so figures come from this set.
 * @type {string[]}
 */
export const LIGHT_TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

/**
 * Starts tracing on a CDP session; the returned function stops it and resolves with the events.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {readonly string[]} [categories]
 * @returns {Promise<() => Promise<TraceEvent[]>>}
 */
export async function startTrace(cdp, categories = TRACE_CATEGORIES) {
  /** @type {TraceEvent[]} */
  const events = [];
  /** @param {{ value: object[] }} data (Chrome's trace events: JSON the protocol types only loosely) */
  const onData = ({ value }) => {
    for (const e of value) events.push(/** @type {TraceEvent} */ (e));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: [...categories] },
  });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/**
 * Self time per event name on one thread: each complete ('X') event's duration minus its children's.
 * Returns spans { name, ts, end, self } (µs), sorted by ts. Pure.
 * @param {readonly TraceEvent[]} threadEvents
 * @returns {(Span & { self: number })[]}
 */
export function selfTimeSpans(threadEvents) {
  const complete = threadEvents.filter(isComplete).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  /** @type {{ name: string, ts: number, end: number, children: [number, number][] }[]} */
  const stack = [];
  /** @type {Span[]} */
  const spans = [];
  /** @param {{ name: string, ts: number, end: number, children: [number, number][] } | undefined} node */
  const close = (node) => {
    if (!node) return;
    // Self time is kept as the intervals not covered by children, so a window can clip it exactly.
    let at = node.ts;
    for (const [s, e] of node.children) {
      if (s > at) spans.push({ name: node.name, ts: at, end: s });
      at = Math.max(at, e);
    }
    if (node.end > at) spans.push({ name: node.name, ts: at, end: node.end });
  };
  for (const e of complete) {
    /** @type {{ name: string, ts: number, end: number, children: [number, number][] }} */
    const node = { name: e.name, ts: e.ts, end: e.ts + e.dur, children: [] };
    while (stack.length && stack[stack.length - 1].end <= node.ts) close(stack.pop());
    const parent = stack[stack.length - 1];
    if (parent) {
      node.end = Math.min(node.end, parent.end);
      parent.children.push([node.ts, node.end]);
    }
    stack.push(node);
  }
  while (stack.length) close(stack.pop());
  return spans.map((s) => ({ ...s, self: s.end - s.ts })).sort((a, b) => a.ts - b.ts);
}

/**
 * Sums, per key, how much of each [ts, end] span lies inside [from, to]. Pure.
 * @template {Span} S
 * @param {readonly S[]} spans
 * @param {number} from
 * @param {number} to
 * @param {(s: S) => string | null} [keyOf]
 * @returns {Map<string, number>}
 */
export function sumInWindow(spans, from, to, keyOf = (s) => s.name) {
  /** @type {Map<string, number>} */
  const out = new Map();
  for (const s of spans) {
    const overlap = Math.min(s.end, to) - Math.max(s.ts, from);
    if (overlap <= 0) continue;
    const key = keyOf(s);
    if (key === null) continue;
    out.set(key, (out.get(key) ?? 0) + overlap);
  }
  return out;
}

/**
 * The CPU profiler's samples for one process, as { ts, dur, stack } where stack lists frames from the
 * leaf to the root as "function file:line" (µs). Pure: from the trace's Profile and ProfileChunk events.
 * @param {readonly TraceEvent[]} events
 * @param {number} pid
 * @returns {Sample[]}
 */
export function cpuSamples(events, pid) {
  /** @typedef {{ id: number, parent?: number, callFrame?: { functionName?: string, url?: string, lineNumber?: number } }} ProfileNode */
  /** @type {Map<unknown, { start: number | null, nodes: Map<number, ProfileNode>, samples: number[], deltas: number[] }>} */
  const byId = new Map();
  for (const e of events) {
    if (e.pid !== pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    const id = e.id ?? e.id2?.local;
    let p = byId.get(id);
    if (!p) byId.set(id, (p = { start: null, nodes: new Map(), samples: [], deltas: [] }));
    const data = e.args?.data ?? {};
    if (e.name === 'Profile') p.start = data.startTime ?? e.ts;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
  }
  /** @type {Sample[]} */
  const out = [];
  for (const p of byId.values()) {
    if (p.start === null) continue;
    /** @param {ProfileNode} n */
    const frameOf = (n) => {
      const cf = n.callFrame ?? {};
      const file = (cf.url ?? '').replace(/^.*\//, '');
      return `${cf.functionName || '(anonymous)'}${file ? ` ${file}:${(cf.lineNumber ?? -1) + 1}` : ''}`;
    };
    /** @type {Map<number, string[]>} */
    const stacks = new Map();
    /** @param {number} id */
    const stackOf = (id) => {
      let s = stacks.get(id);
      if (s) return s;
      s = [];
      for (let n = p.nodes.get(id); n; n = n.parent !== undefined ? p.nodes.get(n.parent) : undefined) s.push(frameOf(n));
      stacks.set(id, s);
      return s;
    };
    let t = p.start;
    const times = p.deltas.map((d) => (t += d));
    for (let i = 0; i < p.samples.length; i++) {
      const next = times[i + 1] ?? times[i];
      out.push({ ts: times[i], dur: Math.max(0, next - times[i]), stack: stackOf(p.samples[i]) });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** Frames that are the profiler's bookkeeping, not code. */
const PSEUDO = /^\((root|program|idle|garbage collector)\)/;

/**
 * Profiler time inside [from, to]: per function, self (leaf) and total (anywhere on the stack, once
 * per sample). Pure.
 * @param {readonly Sample[]} samples
 * @param {number} from
 * @param {number} to
 * @returns {{ self: Map<string, number>, total: Map<string, number> }}
 */
export function profileInWindow(samples, from, to) {
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const total = new Map();
  for (const s of samples) {
    if (s.ts < from || s.ts >= to) continue;
    const leaf = s.stack[0] ?? '(root)';
    self.set(leaf, (self.get(leaf) ?? 0) + s.dur);
    for (const f of new Set(s.stack)) if (!PSEUDO.test(f)) total.set(f, (total.get(f) ?? 0) + s.dur);
  }
  return { self, total };
}

/** @type {(map: Map<string, number>, n: number, minUs?: number) => Timed[]} */
const top = (map, n, minUs = 0) =>
  [...map.entries()]
    .filter(([, us]) => us >= minUs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));

/**
 * The page's main thread: the renderer whose main thread carries the sync mark.
 * @param {readonly TraceEvent[]} events
 * @returns {{ pid: number | undefined, tid: number | undefined, markTs: number } | null}
 */
function mainThread(events) {
  const mark = events.find((e) => e.name === SYNC_MARK && (e.cat ?? '').includes('blink.user_timing'));
  if (!mark) return null;
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid);
  const main = names.find((e) => e.args?.name === 'CrRendererMain');
  return { pid: mark.pid, tid: main ? main.tid : mark.tid, markTs: mark.ts ?? 0 };
}

/**
 * The page's main-thread tasks that began in [from, to] (page ms), with their wall and thread CPU
 * time (ms). Thread CPU time counts the CPU throttle's share but not a busy machine's: at 4x, a task
 * over 50 ms of it is a long task on an idle machine, however loaded this one is.
 * @param {readonly TraceEvent[]} events
 * @param {number} from
 * @param {number} to
 * @param {number} syncAt
 * @returns {{ start: number, wallMs: number, cpuMs: number }[] | null} null without the sync mark
 */
export function mainThreadTasks(events, from, to, syncAt) {
  const main = mainThread(events);
  if (!main) return null;
  const offsetUs = main.markTs - syncAt * 1000;
  return events
    .filter(isComplete)
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask')
    .map((e) => ({ start: (e.ts - offsetUs) / 1000, wallMs: e.dur / 1000, cpuMs: (e.tdur ?? 0) / 1000 }))
    .filter((t) => t.start >= from && t.start <= to);
}

/**
 * Attributes each long frame from the trace. frames: [{ start, duration }] in page ms; syncAt: the
 * page time (ms) the sync mark was set at.
 * @param {readonly TraceEvent[]} events
 * @param {readonly { start: number, duration: number }[]} frames
 * @param {number} syncAt
 * @returns {{ frames: FrameAttribution[], error?: undefined } | { error: string, frames?: undefined }}
 */
export function attributeFrames(events, frames, syncAt) {
  const main = mainThread(events);
  if (!main) return { error: `no "${SYNC_MARK}" mark in the trace` };
  const offsetUs = main.markTs - syncAt * 1000;
  const threadEvents = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const spans = selfTimeSpans(threadEvents);
  const samples = main.pid === undefined ? [] : cpuSamples(events, main.pid);
  const tasks = threadEvents.filter(isComplete).filter((e) => e.name === 'RunTask');
  // Layouts and style recalcs a script forced (they carry the script's stack).
  const forced = threadEvents
    .filter(isComplete)
    .filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && (e.args?.beginData?.stackTrace?.length ?? 0) > 0)
    .map((e) => {
      const f = e.args?.beginData.stackTrace[0];
      return {
        ts: e.ts,
        end: e.ts + e.dur,
        name: `${e.name} forced by ${f.functionName || '(anonymous)'} ${(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber}`,
      };
    });
  // React's performance tracks (profiling build): console.timeStamp spans, which Chrome writes in trace time.
  const reactSpans = events
    .filter((e) => e.name === 'TimeStamp' && e.pid === main.pid)
    .map((e) => e.args?.data ?? {})
    .filter((/** @type {Record<string, any>} */ d) => typeof d.start === 'number' && typeof d.end === 'number' && d.end > d.start && d.message)
    .map((/** @type {Record<string, any>} */ d) => ({ ts: d.start, end: d.end, name: `${d.track ?? ''}: ${d.message}` }));
  return {
    frames: frames.map((f) => {
      const from = f.start * 1000 + offsetUs;
      const to = from + f.duration * 1000;
      const inside = tasks.filter((t) => t.ts < to && t.ts + t.dur > from);
      // A task's own (self) time is work the trace does not break down further: it counts as busy.
      const bucket = sumInWindow(spans, from, to);
      const busyUs = [...bucket.values()].reduce((a, b) => a + b, 0);
      // The thread's own CPU time in the frame's tasks (tdur, pro rata for a task that overruns the
      // frame): wall time less the time the thread was descheduled, by CPU throttling or by a busy
      // machine. Wall busy far above cpu x throttle means the machine starved the page.
      const cpuUs = inside.reduce((n, t) => n + (t.tdur ?? 0) * ((Math.min(to, t.ts + t.dur) - Math.max(from, t.ts)) / t.dur), 0);
      const prof = profileInWindow(samples, from, to);
      return {
        start: f.start,
        duration: f.duration,
        tasks: inside.length,
        longestTaskMs: inside.length ? Math.round(Math.max(...inside.map((t) => t.dur)) / 100) / 10 : 0,
        busyMs: Math.round(busyUs / 100) / 10,
        cpuMs: Math.round(cpuUs / 100) / 10,
        idleMs: Math.round((to - from - busyUs) / 100) / 10,
        byEvent: top(bucket, 8, 500),
        forced: top(sumInWindow(forced, from, to), 5, 200),
        selfFunctions: top(prof.self, 8, 1000),
        totalFunctions: top(prof.total, 12, 2000),
        react: top(sumInWindow(reactSpans, from, to), 12, 500),
      };
    }),
  };
}

/**
 * Prints one frame's attribution, indented under the frame's own line.
 * @param {FrameAttribution} a
 * @param {string} [indent]
 * @returns {string}
 */
export function formatAttribution(a, indent = '    ') {
  /** @param {Timed[]} items */
  const list = (items) => items.map((x) => `${x.name} ${x.ms}`).join('; ');
  const lines = [
    `${indent}trace: ${a.tasks} tasks (longest ${a.longestTaskMs} ms), main thread busy ${a.busyMs} ms (thread CPU time ${a.cpuMs} ms), idle ${a.idleMs} ms`,
  ];
  if (a.byEvent.length) lines.push(`${indent}  events (self ms): ${list(a.byEvent)}`);
  if (a.forced.length) lines.push(`${indent}  forced: ${list(a.forced)}`);
  if (a.react.length) lines.push(`${indent}  react: ${list(a.react)}`);
  if (a.totalFunctions.length) lines.push(`${indent}  functions (total ms): ${list(a.totalFunctions)}`);
  if (a.selfFunctions.length) lines.push(`${indent}  functions (self ms): ${list(a.selfFunctions)}`);
  return lines.join('\n');
}
