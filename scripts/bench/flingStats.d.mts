export interface LoafScript {
  invoker?: string;
  src?: string;
  fn?: string;
  duration: number;
  forcedLayout?: number;
}
export interface Loaf {
  start: number;
  duration: number;
  style?: number;
  scripts: LoafScript[];
}
export interface LongFrame {
  startMs: number;
  durationMs: number;
  script: string | null;
  scriptMs: number;
  forcedLayoutMs: number;
  styleLayoutMs: number;
  step: string | null;
  stepChange: string | null;
}
export interface EventEntry {
  name?: string;
  start: number;
  duration: number;
  interactionId: number;
}
export interface PressCheck {
  /** Frames seen after the press until the step and graphic state matched (1: the next paint). */
  matchedFrames: number | null;
  matchedMs: number | null;
}
export interface Versus {
  ours: number;
  floor: number;
  difference: number;
  ratio: number | null;
}

export declare const LONG_MS: number;
export declare const CEILING_MS: number;
export declare function topScript(scripts: readonly LoafScript[]): string | null;
export declare function stepAt(steps: readonly string[], stepTimes: readonly number[], t: number): string | null;
export declare function longFrames(
  loafs: readonly Loaf[],
  steps: readonly string[],
  stepTimes: readonly number[],
): { count: number; longestMs: number; overCeiling: number; frames: LongFrame[] };
export declare function versusFloor(ours: number, floor: number): Versus;
export declare function longTasksIn(
  tasks: readonly { start: number; duration: number }[],
  from: number,
  to: number,
): { count: number; longestMs: number; blockingMs: number };
export declare function pressDurations(pressStarts: readonly number[], entries: readonly EventEntry[]): (number | null)[];
export declare function inpSummary(durations: readonly (number | null)[]): {
  presses: number;
  measured: number;
  maxMs: number | null;
  p75Ms: number | null;
  overCeiling: number;
};
export declare function stateSummary(checks: readonly PressCheck[]): {
  presses: number;
  atNextPaint: number;
  within100: number;
  never: number;
  p75Ms: number | null;
  maxMs: number | null;
};
export declare function formatVersus(v: Versus): string;
export declare function formatInp(ms: number | null): string;
