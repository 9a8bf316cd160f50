/**
 * The story's words, quotes and sources. Imported only by components that are rendered to static
 * HTML at build time, so none of it is in the browser's JavaScript.
 */
import quotes from '../../data/quotes.json';
import sources from '../../data/sources.json';
import story from '../../data/story.json';
import type { Quote, Source, Story } from './types.ts';

export const content = {
  story: story as Story,
  quotes: quotes.quotes as Quote[],
  sources: sources.sources as Source[],
};

const sourcesById = new Map(content.sources.map((s) => [s.id, s]));
const quotesById = new Map(content.quotes.map((q) => [q.id, q]));

export const source = (id: string): Source => sourcesById.get(id)!;
export const quote = (id: string): Quote => quotesById.get(id)!;
