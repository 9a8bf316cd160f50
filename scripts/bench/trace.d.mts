export declare const SYNC_MARK: string;
export declare const TRACE_CATEGORIES: string[];

export interface TraceEvent {
  name: string;
  ph: string;
  ts?: number;
  dur?: number;
  tdur?: number;
  pid?: number;
  tid?: number;
  cat?: string;
  id?: string;
  args?: Record<string, unknown>;
}
export interface Span {
  name: string;
  ts: number;
  end: number;
}
export interface Sample {
  ts: number;
  dur: number;
  stack: string[];
}
export interface Timed {
  name: string;
  ms: number;
}
export interface FrameAttribution {
  start: number;
  duration: number;
  tasks: number;
  longestTaskMs: number;
  busyMs: number;
  cpuMs: number;
  idleMs: number;
  byEvent: Timed[];
  forced: Timed[];
  selfFunctions: Timed[];
  totalFunctions: Timed[];
  react: Timed[];
}

export declare function startTrace(cdp: unknown): Promise<() => Promise<TraceEvent[]>>;
export declare function selfTimeSpans(threadEvents: readonly TraceEvent[]): (Span & { self: number })[];
export declare function sumInWindow<S extends Span>(spans: readonly S[], from: number, to: number, keyOf?: (s: S) => string | null): Map<string, number>;
export declare function cpuSamples(events: readonly TraceEvent[], pid: number): Sample[];
export declare function profileInWindow(samples: readonly Sample[], from: number, to: number): { self: Map<string, number>; total: Map<string, number> };
export declare function attributeFrames(
  events: readonly TraceEvent[],
  frames: readonly { start: number; duration: number }[],
  syncAt: number,
): { frames: FrameAttribution[]; error?: undefined } | { error: string; frames?: undefined };
export declare function formatAttribution(a: FrameAttribution, indent?: string): string;
