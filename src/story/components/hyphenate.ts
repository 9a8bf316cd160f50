/**
 * Soft hyphens at the syllable breaks of a heading's long words, put in when the page is prerendered
 * (headings are static markup, so the patterns never reach the browser). CSS `hyphens: auto` needs a
 * dictionary in the browser, which Chromium on Linux lacks: there a large heading ('Crowdfunding'
 * at 200% text size on a 320 px phone) broke mid-syllable with no hyphen ('Crowdfundi / ng').
 */
import enGb from 'hyphen/en-gb/index.js';

export const SOFT_HYPHEN = '\u00ad';

/** Words this long or longer get break points: shorter ones fit any heading the story has. */
const MIN_WORD_LENGTH = 8;

export function hyphenateHeading(text: string): string {
  return enGb.hyphenateSync(text, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD_LENGTH });
}
