/**
 * What the graphics draw, as one value passed down to them as a prop: the story's model in the page
 * (storyChartModel.ts), a small fixture in a component test. No graphic reads the dataset itself.
 */
import { derive, type Derived } from '../data/derive.ts';
import type { Candidate, ChartData, GraphicLabels, Units } from '../data/types.ts';
import type { CouncilMap } from '../geo/mapLayout.ts';

export interface ChartModel {
  /** The figures: candidates, results, poll, fundraising, timeline. */
  data: ChartData;
  /** What is computed from them: shares, winners, margins, per-area results. */
  derived: Derived;
  /** The words drawn inside the charts (data/story.json graphicLabels). */
  labels: GraphicLabels;
  /** The words around figures: "points", month names, "c." (data/story.json units). */
  units: Units;
  /** The council boundaries, projected to SVG paths. */
  councilMap: CouncilMap;
  /** The timeline events the story stops at; the timeline's scale is chosen for them. */
  timelineFocus: readonly string[];
  /** A candidate by id; throws for an id the data does not have (the validator rules that out for the story). */
  candidate: (id: string) => Candidate;
}

export function chartModel(data: ChartData, labels: GraphicLabels, units: Units, councilMap: CouncilMap, timelineFocus: readonly string[]): ChartModel {
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const candidate = (id: string): Candidate => {
    const found = byId.get(id);
    if (!found) throw new Error(`No candidate "${id}" in the chart data`);
    return found;
  };
  return { data, derived: derive(data), labels, units, councilMap, timelineFocus, candidate };
}

/** The timeline events a story's steps show ("timeline:<event id>" states), in step order. */
export function timelineStops(steps: readonly { graphic: string }[]): string[] {
  return steps.filter((s) => s.graphic.startsWith('timeline:')).map((s) => s.graphic.slice('timeline:'.length));
}
