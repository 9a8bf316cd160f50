/**
 * The guide links of the whole page, in reading order: the standfirst first, then each step's
 * paragraphs. Computed once at build time (static HTML only).
 */
import { content } from '../data/content.ts';
import { fill } from '../data/dataset.ts';
import { firstMentions } from '../data/mentions.ts';

const { standfirst, steps, guide } = content.story;

const [standfirstMentions, ...stepMentions] = firstMentions(
  [[fill(standfirst)], ...steps.map((s) => s.paragraphs.map(fill))],
  [...guide.people.entries, ...guide.process.entries],
);

export const STANDFIRST_MENTIONS = standfirstMentions[0];
export const STEP_MENTIONS = stepMentions;
