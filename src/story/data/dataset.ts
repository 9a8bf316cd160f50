/**
 * The figures the charts draw: the validated model's chart data (virtual:chart-data, built by the
 * data plugin from data/ at build time). Only chart data is here, so the browser bundle carries no
 * copy: the story's words, quotes and sources are in the prerendered HTML (see content.ts).
 */
import charts from 'virtual:chart-data';
import islandCopy from 'virtual:island-copy';
import { derive } from './derive.ts';
import { fillTokens } from './tokens.ts';
import type { Candidate, ChartData, Units } from './types.ts';

export const dataset: ChartData = charts;

export const derived = derive(dataset);

/** The words around figures ("points", month names), for the formatters. */
export const units: Units = islandCopy.units;

/** Replaces {{tokens}} in copy with computed, formatted figures. */
export const fill = (text: string): string => fillTokens(text, dataset, derived, units);

const candidatesById = new Map(dataset.candidates.map((c) => [c.id, c]));
/** A candidate by id; the validator has proved every id the data uses exists. */
export function candidate(id: string): Candidate {
  const found = candidatesById.get(id);
  if (!found) throw new Error(`No candidate "${id}" in data/candidates.json`);
  return found;
}
