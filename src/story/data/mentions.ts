/**
 * Which words in the steps link to the reader's guide: the first use of each guide entry's
 * `mention` in the steps' copy (in reading order) links to that entry, and no later use does, so a
 * reader meets one link per name or term, where it first matters.
 */
import type { GuideEntry } from './types.ts';

export interface Mention {
  entryId: string;
  start: number;
  end: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `mention` first occurs in `text` as whole words ("RMT" not inside "RMTs"), or -1. */
export function findMention(text: string, mention: string): number {
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escape(mention)}(?![\\p{L}\\p{N}])`, 'u').exec(text);
  return match ? match.index : -1;
}

/**
 * For each step, for each paragraph (already filled), the guide links it carries: each entry at the
 * first paragraph that mentions it, none overlapping another.
 */
export function firstMentions(paragraphsByStep: string[][], entries: GuideEntry[]): Mention[][][] {
  const out = paragraphsByStep.map((paragraphs) => paragraphs.map((): Mention[] => []));
  for (const entry of entries) {
    found: for (const [s, paragraphs] of paragraphsByStep.entries()) {
      for (const [p, text] of paragraphs.entries()) {
        const start = findMention(text, entry.mention);
        if (start < 0) continue;
        const end = start + entry.mention.length;
        const list = out[s][p];
        // Two entries on the same words: the first listed wins; the other links at no later use either.
        if (!list.some((m) => start < m.end && m.start < end)) list.push({ entryId: entry.id, start, end });
        break found;
      }
    }
  }
  for (const step of out) for (const list of step) list.sort((a, b) => a.start - b.start);
  return out;
}
