/**
 * What the graphics draw, as one value passed down to them as a prop: the story's model in the page
 * (storyChartModel.ts, built on the same figures the static components read: data/storyFigures.ts), a
 * small fixture in a component test. No graphic reads the dataset itself.
 */
import { figuresOf, type Figures } from '../data/derive.ts';
import type { ChartData, GraphicLabels, Units } from '../data/types.ts';
import type { CouncilMap } from '../geo/mapLayout.ts';

/** The figures (data, derived, candidate: see Figures) and what the graphics need besides. */
export interface ChartModel extends Figures {
  /** The words drawn inside the charts (data/story.json graphicLabels). */
  labels: GraphicLabels;
  /** The words around figures: "points", month names, "c." (data/story.json units). */
  units: Units;
  /** The council boundaries, projected to SVG paths. */
  councilMap: CouncilMap;
  /** The timeline events the story stops at; the timeline's scale is chosen for them. */
  timelineFocus: readonly string[];
}

/** The chart model on figures already worked out (the story's: data/storyFigures.ts), so derive() is not run again. */
export function chartModelOf(figures: Figures, labels: GraphicLabels, units: Units, councilMap: CouncilMap, timelineFocus: readonly string[]): ChartModel {
  return { ...figures, labels, units, councilMap, timelineFocus };
}

/** The chart model of a dataset (a fixture in a component test): its figures derived here. */
export function chartModel(data: ChartData, labels: GraphicLabels, units: Units, councilMap: CouncilMap, timelineFocus: readonly string[]): ChartModel {
  return chartModelOf(figuresOf(data), labels, units, councilMap, timelineFocus);
}

/** The timeline events a story's steps show ("timeline:<event id>" states), in step order. */
export function timelineStops(steps: readonly { graphic: string }[]): string[] {
  return steps.filter((s) => s.graphic.startsWith('timeline:')).map((s) => s.graphic.slice('timeline:'.length));
}
