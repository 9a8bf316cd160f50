/** Where each part of the dataset lives, relative to the repository (or to DATA_DIR's parent). */
import type { DataFileKey } from './schema.ts';

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
} as const satisfies Record<DataFileKey, string>;

/** The file's name inside the data folder, e.g. "results.json". */
export const fileName = (key: DataFileKey): string => DATA_FILES[key].replace(/^data\//, '');

/** The JSON Schema for a file, committed in data/schemas/ and named by each file's "$schema". */
export const schemaFileName = (key: DataFileKey): string => `${fileName(key).replace(/\.json$/, '')}.schema.json`;

/** A problem in the data, printed as "<file>: <path>: <rule broken>". */
export interface Problem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}

/** A value as the editor typed it, short enough for one line. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
