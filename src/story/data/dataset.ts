/**
 * The figures the page's static components read: the story's figures (storyFigures.ts, the one
 * source, on which the graphics' chart model is also built), the units and the {{token}} filler.
 * Only chart data is here, so the browser bundle carries no copy: the story's words, quotes and
 * sources are in the prerendered HTML (see content.ts).
 */
import islandCopy from 'virtual:island-copy';
import { storyFigures } from './storyFigures.ts';
import { fillTokens } from './tokens.ts';
import type { Units } from './types.ts';

export { storyFigures };

/** The parts of `storyFigures`, by name (the same objects). */
export const { data: dataset, derived, candidate } = storyFigures;

/** The words around figures ("points", month names), for the formatters. */
export const units: Units = islandCopy.units;

/** Replaces {{tokens}} in copy with computed, formatted figures. */
export const fill = (text: string): string => fillTokens(text, dataset, derived, units);
