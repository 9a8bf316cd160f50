/** Where each part of the dataset lives, and how the parsed files become one typed Dataset. */
import type { Dataset, RawDataFiles } from './types.ts';

export const DATA_FILES = {
  candidates: 'data/candidates.json',
  results: 'data/results.json',
  poll: 'data/poll.json',
  fundraising: 'data/fundraising.json',
  timeline: 'data/timeline.json',
  quotes: 'data/quotes.json',
  sources: 'data/sources.json',
  story: 'data/story.json',
  councils: 'data/councils.topo.json',
} as const;

type Obj = Record<string, unknown>;

/** Assembles the typed dataset from files that validateDataset has passed. */
export function toDataset(files: RawDataFiles): Dataset {
  const get = (key: keyof typeof DATA_FILES) => files[DATA_FILES[key]] as Obj;
  return {
    candidates: get('candidates').candidates as Dataset['candidates'],
    results: get('results') as unknown as Dataset['results'],
    poll: get('poll').poll as Dataset['poll'],
    fundraising: get('fundraising') as unknown as Dataset['fundraising'],
    timeline: get('timeline').events as Dataset['timeline'],
    quotes: get('quotes').quotes as Dataset['quotes'],
    sources: get('sources').sources as Dataset['sources'],
    story: get('story') as unknown as Dataset['story'],
  };
}
