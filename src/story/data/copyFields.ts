/**
 * Which words in data/story.json take dataset-wide {{tokens}}, and which take per-row {slots}. One
 * list, read by the validator (rules.ts: every field checked), by the components (every token-bearing
 * field filled) and by the tests (each such field proven filled where it is shown). The copy's shape
 * itself is in schema.ts.
 */
import type { Story } from './types.ts';

/**
 * Fields that take {{tokens}}, as path patterns ("[]" stands for any index). Every one of them is
 * filled by the component that shows it; tests/unit/copy/tokens.test.tsx proves it field by field.
 */
export const TOKEN_FIELDS = [
  'meta.description',
  'standfirst',
  'steps[].paragraphs[]',
  'steps[].alt',
  'steps[].chart.title',
  'steps[].chart.reading',
  'tables.results.intro',
  'tables.results.totalsCaption',
  'tables.chartData.pollCaption',
  'tables.chartData.moneyCaption',
  'method.paragraphs[]',
  'method.notes[]',
] as const;

/** Fields that take per-row {slots}, with the slots each may use. */
export const SLOT_FIELDS: Record<string, readonly string[]> = {
  credits: ['newsroom'],
  'publication.dates': ['published', 'updated'],
  'page.stepCount': ['step', 'steps'],
  'page.stepNav.idle': ['steps'],
  'page.stepNav.status': ['step', 'steps', 'title'],
  'page.chartSource.one': ['names'],
  'page.chartSource.many': ['names'],
  'tables.results.majorityBetween': ['winner', 'runnerUp'],
  'tables.results.winnerMargin': ['winner', 'votes', 'points', 'runnerUp'],
  'tables.chartData.offline': ['online', 'offline'],
  'tables.chartData.unionDonation': ['union'],
  'method.discrepancyCheck': ['candidate', 'areaSum', 'declared'],
  'graphicLabels.map.winnerEverywhere[]': ['winner', 'party', 'count'],
  'graphicLabels.bars.pollMarker': ['share'],
  'graphicLabels.timeline.group': ['count', 'range'],
  'graphicLabels.timeline.range': ['from', 'to'],
  'graphicLabels.timeline.dated': ['label', 'date'],
  'graphicLabels.timeline.before': ['label'],
  'graphicLabels.timeline.after': ['label'],
  'embedPanel.codes.iframe.help': ['height'],
  'embedPanel.copyButton': ['code'],
  'units.about': ['value'],
  'units.listEnd': ['list', 'last'],
  'units.resultListItem': ['candidate', 'share', 'votes'],
  'units.areaWinner': ['area', 'winner', 'votes', 'runnerUp'],
  'units.areaWinsAll': ['count'],
  'units.areaWinsSome': ['wins', 'count'],
};

/**
 * Templates that must use every slot they take: each stands for a figure or a list item, so a
 * missing slot would drop a figure or a name from the page without a word.
 */
export const EVERY_SLOT_REQUIRED: readonly string[] = [
  'page.chartSource.one',
  'page.chartSource.many',
  'units.about',
  'units.listEnd',
  'units.resultListItem',
  'units.areaWinner',
  'units.areaWinsAll',
  'units.areaWinsSome',
  'graphicLabels.timeline.group',
  'graphicLabels.timeline.range',
  'graphicLabels.timeline.dated',
  'graphicLabels.timeline.before',
  'graphicLabels.timeline.after',
];

/** A concrete path ("steps[3].alt") as its pattern ("steps[].alt"). */
export function fieldPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** Every string of the story that a reader can see, with its path: the fields above, step titles and copy, credits, headline and meta. */
export function storyTexts(story: Story): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push([path, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        // Ids, graphic states, references and addresses are not copy.
        if (['id', 'graphic', 'quoteIds', 'sourceIds', 'url', 'shareImage'].includes(key)) continue;
        walk(v, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(story, '');
  return out;
}

export const isTokenField = (path: string): boolean => TOKEN_FIELDS.some((field) => field === fieldPattern(path));
export const slotsFor = (path: string): readonly string[] | undefined => SLOT_FIELDS[fieldPattern(path)];
