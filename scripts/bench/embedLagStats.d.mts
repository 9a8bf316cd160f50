export declare const THRESHOLDS_PX: number[];

export interface Geometry {
  /** The graphic's top at rest, in the host viewport. */
  rest: number;
  /** The story section's top and height in the text frame's document. */
  sectionTop: number;
  sectionHeight: number;
  graphicHeight: number;
}
export interface HostSample {
  t: number;
  frameTop: number;
  graphicFrameTop: number | null;
}
export interface StorySample {
  t: number;
  layerTop: number | null;
}
export interface PlacedFrame {
  t?: number;
  frameTop: number;
  graphicTop: number | null;
}
export interface LagSummary {
  frames: number;
  over8: number | null;
  over50: number | null;
  medianPx: number | null;
  p95Px: number | null;
  maxPx: number | null;
}

export declare function percentile(values: readonly number[], p: number): number | null;
export declare function shareOver(values: readonly number[], limit: number): number | null;
export declare function pairFrames<H extends { t: number }, S extends { t: number }>(
  host: readonly H[],
  story: readonly S[],
  toleranceMs?: number,
): { host: H; story: S | null }[];
export declare function sectionSpans(frameTop: number, g: Geometry): boolean;
export declare function placeErrors(frames: readonly PlacedFrame[], g: Geometry): number[];
export declare function graphicTops(
  host: readonly HostSample[],
  story: readonly StorySample[],
  mode: 'relay' | 'sticky',
  toleranceMs?: number,
): { t: number; frameTop: number; graphicTop: number | null }[];
export declare function sameFrameShare(pairs: readonly { host: { t: number }; story: { t: number } | null }[], toleranceMs?: number): number | null;
export declare function missedFrames(times: readonly number[], intervalMs?: number): number;
export declare function lagSummary(errors: readonly number[]): LagSummary;
export declare function longFramesIn(entries: readonly { start: number; duration: number }[], from: number, to: number): { count: number; longestMs: number };
