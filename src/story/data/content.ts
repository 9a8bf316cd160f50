/**
 * The story's words, quotes and sources (virtual:story-content, from the validated model). Imported
 * only by components that are rendered to static HTML at build time, so none of it is in the
 * browser's JavaScript.
 */
import storyContent from 'virtual:story-content';
import { formatIsoDate } from './format.ts';
import type { Quote, Source, StoryContent } from './types.ts';

export const content: StoryContent = storyContent;

const sourcesById = new Map(content.sources.map((s) => [s.id, s]));
const quotesById = new Map(content.quotes.map((q) => [q.id, q]));

/** A source or quote by id; the validator has proved every id the story cites exists. */
export function source(id: string): Source {
  const found = sourcesById.get(id);
  if (!found) throw new Error(`No source "${id}" in data/sources.json`);
  return found;
}

export function quote(id: string): Quote {
  const found = quotesById.get(id);
  if (!found) throw new Error(`No quote "${id}" in data/quotes.json`);
  return found;
}

/**
 * What each link in a list of sources says: the outlet and date ("BBC News, 2 June 2023"), and
 * where two in the same list would still read alike, the piece as well. No two links in one list
 * carry the same words.
 */
export function sourceLinkNames(ids: string[]): string[] {
  const short = ids.map((id) => {
    const s = source(id);
    return s.date ? `${s.publisher}, ${formatIsoDate(s.date, content.story.units.months)}` : s.publisher;
  });
  return short.map((name, i) => (short.indexOf(name) !== short.lastIndexOf(name) ? `${name}: ${source(ids[i]).title}` : name));
}
