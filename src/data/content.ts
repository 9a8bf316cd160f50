/**
 * The story's words, quotes and sources (virtual:story-content, from the validated model). Imported
 * only by components that are rendered to static HTML at build time, so none of it is in the
 * browser's JavaScript.
 */
import storyContent from 'virtual:story-content';
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
