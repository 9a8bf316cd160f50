/**
 * The story's words, quotes and sources. Imported only by components that are rendered to static
 * HTML at build time, so none of it is in the browser's JavaScript.
 */
import quotes from '../../data/quotes.json';
import sources from '../../data/sources.json';
import story from '../../data/story.json';
import { formatIsoDate } from './format.ts';
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

/**
 * What each link in a list of sources says: the outlet and date ("BBC News, 2 June 2023"), and
 * where two in the same list would still read alike, the piece as well. No two links in one list
 * carry the same words.
 */
export function sourceLinkNames(ids: string[]): string[] {
  const short = ids.map((id) => {
    const s = source(id);
    return s.date ? `${s.publisher}, ${formatIsoDate(s.date)}` : s.publisher;
  });
  return short.map((name, i) => (short.indexOf(name) !== short.lastIndexOf(name) ? `${name}: ${source(ids[i]).title}` : name));
}
