/**
 * The figures the charts draw, loaded once. The files were validated when the bundle was built
 * (vite.config.ts). Only chart data is imported here, so the browser bundle carries no copy:
 * the story's words, quotes and sources are in the prerendered HTML (see content.ts).
 */
import candidates from '../../data/candidates.json';
import fundraising from '../../data/fundraising.json';
import poll from '../../data/poll.json';
import results from '../../data/results.json';
import timeline from '../../data/timeline.json';
import { derive } from './derive.ts';
import { fillTokens } from './tokens.ts';
import type { Candidate, ChartData } from './types.ts';

export const dataset: ChartData = {
  candidates: candidates.candidates as ChartData['candidates'],
  results: results as unknown as ChartData['results'],
  poll: poll.poll as ChartData['poll'],
  fundraising: fundraising as unknown as ChartData['fundraising'],
  timeline: timeline.events as ChartData['timeline'],
};

export const derived = derive(dataset);

/** Replaces {{tokens}} in copy with computed, formatted figures. */
export const fill = (text: string): string => fillTokens(text, dataset, derived);

const candidatesById = new Map(dataset.candidates.map((c) => [c.id, c]));
export const candidate = (id: string): Candidate => candidatesById.get(id)!;
