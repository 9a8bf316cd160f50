/**
 * Small multiples by council: one compact panel per area, each with its top three candidates on a
 * share scale common to all panels, so a close race looks close wherever it is.
 */
import type { AreaResult, CandidateResult } from '../../data/derive.ts';
import { linearScale } from '../scale.ts';
import { r1 } from '../text.ts';

export const AREAS_VIEW = { width: 400, height: 550 } as const;
export const AREAS_PLOT = { left: 8, right: 216, top: 4, panelHeight: 78, headerBaseline: 14, barTop: 20, barStep: 18, barHeight: 14 } as const;
export const TOP_N = 3;

export interface AreaPanel {
  area: AreaResult;
  y: number;
  bars: (CandidateResult & { y: number; width: number })[];
  /** True for the closest count by votes or by share: those panels are marked. */
  close: boolean;
}

export function areasLayout(areas: readonly AreaResult[], closeCodes: readonly string[]): AreaPanel[] {
  const largest = Math.max(0.1, ...areas.map((a) => a.ranked[0]?.share ?? 0));
  const x = linearScale([0, Math.ceil(largest * 10 - 1e-9) / 10], [0, AREAS_PLOT.right - AREAS_PLOT.left]);
  return areas.map((area, i) => {
    const y = AREAS_PLOT.top + i * AREAS_PLOT.panelHeight;
    return {
      area,
      y,
      close: closeCodes.includes(area.code),
      bars: area.ranked.slice(0, TOP_N).map((r, j) => ({
        ...r,
        y: y + AREAS_PLOT.barTop + j * AREAS_PLOT.barStep,
        width: r1(x(r.share)),
      })),
    };
  });
}
