/**
 * A chart's caption (a step's `chart` in data/story.json) as the reader sees it: the title and the
 * "what to see" line with their {{tokens}} filled, and the source line naming its sources by their
 * short names, as Datawrapper and the Reuters graphics kit do. One function for the build's
 * virtual:story-outline (the sticky graphic) and the static page's copies, so the two never differ.
 */
import type { ChartCaption, PageCopy, Source, StepChart } from './types.ts';
import { fillSlots } from './tokens.ts';

/** The name a source line gives a source: its short name, else its publisher. */
export function sourceShortName(source: Pick<Source, 'publisher' | 'shortName'>): string {
  return source.shortName ?? source.publisher;
}

/** The short names of a chart's sources, in the order given, each once ("BBC News" for two BBC pieces). */
export function chartSourceNames(ids: readonly string[], sources: readonly Source[]): string[] {
  const names = ids.map((id) => {
    const found = sources.find((s) => s.id === id);
    if (!found) throw new Error(`No source "${id}" in data/sources.json`);
    return sourceShortName(found);
  });
  return names.filter((name, i) => names.indexOf(name) === i);
}

/** The caption of a chart, with `fill` replacing its {{tokens}} by the computed figures. */
export function chartCaption(chart: StepChart, sources: readonly Source[], copy: Pick<PageCopy, 'chartSource'>, fill: (text: string) => string): ChartCaption {
  const names = chartSourceNames(chart.sourceIds, sources);
  const template = names.length === 1 ? copy.chartSource.one : copy.chartSource.many;
  return { title: fill(chart.title), reading: fill(chart.reading), source: fillSlots(template, { names: names.join(', ') }) };
}
