import { describe, expect, it } from 'vitest';
import { formatProblem, isIsoDate, validateDataset } from '../../../src/story/data/validate.ts';
import { realFiles, type Files } from './fixtures.ts';

/** Validates files after `breakIt` has damaged them; returns the problems as printed by the build. */
function problemsAfter(breakIt: (files: Files) => void): string[] {
  const files = realFiles();
  breakIt(files);
  const result = validateDataset(files);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const RESULTS = 'data/results.json';
const STORY = 'data/story.json';

describe('validateDataset', () => {
  it('accepts the real dataset', () => {
    const result = validateDataset(realFiles());
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    // The model is the parsed files, without the "$schema" pointers meant for editors' tools.
    expect(result.ok && result.model.results.declaredTotals.mcguinness).toBe(185051);
    expect(result.ok && Object.keys(result.model.story)).not.toContain('$schema');
  });

  it('rejects a vote count given as a string, naming file, path and rule', () => {
    const problems = problemsAfter((f) => (f[RESULTS].areas[3].votes.king = '4.696'));
    expect(problems).toContain('data/results.json: areas[3].votes.king: expected a whole non-negative number, got "4.696"');
  });

  it('rejects fractional and negative counts', () => {
    expect(problemsAfter((f) => (f[RESULTS].declaredTotals.gray = 17631.5))).toContain(
      'data/results.json: declaredTotals.gray: expected a whole non-negative number, got 17631.5',
    );
    expect(problemsAfter((f) => (f[RESULTS].areas[0].votes.driscoll = -1))).toContain(
      'data/results.json: areas[0].votes.driscoll: expected a whole non-negative number, got -1',
    );
  });

  it('rejects a missing required field and a missing candidate figure', () => {
    expect(problemsAfter((f) => delete f['data/sources.json'].sources[0].publisher)).toContain(
      'data/sources.json: sources[0].publisher: required field is missing',
    );
    expect(problemsAfter((f) => delete f[RESULTS].areas[2].votes.gray)).toEqual(
      expect.arrayContaining(['data/results.json: areas[2].votes.gray: required field is missing (every candidate needs a figure)']),
    );
  });

  it('rejects a typed-in share: derived numbers are computed, not stored', () => {
    const problems = problemsAfter((f) => (f[RESULTS].areas[1].share = 0.375));
    expect(problems).toContain(
      'data/results.json: areas[1].share: unknown field (shares, totals, margins and winners are computed from the counts, not typed in)',
    );
  });

  it('rejects a source id that no source has, e.g. after deleting a cited source', () => {
    const problems = problemsAfter((f) => {
      f['data/sources.json'].sources = f['data/sources.json'].sources.filter((s: { id: string }) => s.id !== 'bbc-2023-06-02-longlist');
    });
    expect(problems).toContain('data/story.json: steps[3].sourceIds[0]: source "bbc-2023-06-02-longlist" does not exist');
    expect(problems).toContain('data/timeline.json: events[3].sourceIds[0]: source "bbc-2023-06-02-longlist" does not exist');
  });

  it('rejects area counts that do not add up to the declared total', () => {
    const problems = problemsAfter((f) => (f[RESULTS].areas[0].votes.mcguinness += 10));
    expect(problems).toEqual([
      'data/results.json: declaredTotals.mcguinness: the 7 area counts add up to 185,061 but the declared total is 185,051 (difference +10); no discrepancy is recorded for "mcguinness"',
    ]);
  });

  it('accepts the Green +1 only because it is recorded, and rejects it once the record is gone', () => {
    const problems = problemsAfter((f) => (f[RESULTS].discrepancies = []));
    expect(problems).toEqual([
      'data/results.json: declaredTotals.gray: the 7 area counts add up to 17,632 but the declared total is 17,631 (difference +1); no discrepancy is recorded for "gray"',
    ]);
  });

  it('rejects a recorded discrepancy that does not match the counts', () => {
    const problems = problemsAfter((f) => (f[RESULTS].discrepancies[0].difference = 2));
    expect(problems[0]).toMatch(/declaredTotals\.gray: .*\(difference \+1\); the discrepancies recorded for "gray" account for \+2/);
  });

  it('rejects a correction that no longer matches the count it explains', () => {
    const problems = problemsAfter((f) => (f[RESULTS].corrections[0].used = 4697));
    expect(problems).toContain('data/results.json: corrections[0].used: the correction says 4697 but the area\'s count for "king" is 4696');
  });

  it('rejects a timeline event out of date order', () => {
    const problems = problemsAfter((f) => (f['data/timeline.json'].events[4].date = '2023-05-01'));
    expect(problems).toContain('data/timeline.json: events[4].date: events must be in date order, but 2023-05-01 comes after 2023-06-02');
  });

  it('rejects dates that do not exist or do not parse', () => {
    expect(problemsAfter((f) => (f['data/timeline.json'].events[0].date = '2023-02-30'))).toContain(
      'data/timeline.json: events[0].date: expected a real date as YYYY-MM-DD, got "2023-02-30"',
    );
    expect(problemsAfter((f) => (f['data/poll.json'].poll.published = '28 April 2024'))).toContain(
      'data/poll.json: poll.published: expected a real date as YYYY-MM-DD, got "28 April 2024"',
    );
  });

  it('rejects a step whose graphic state no graphic knows', () => {
    expect(problemsAfter((f) => (f[STORY].steps[0].graphic = 'map:everything'))).toContain(
      'data/story.json: steps[0].graphic: expected a graphic state: one of "map:north-of-tyne", "map:region", "map:result", "timeline:<event id>", "money:crowdfund", "money:rmt", "bars:poll", "bars:result", "areas:margins" (see src/story/data/graphicStates.ts), got "map:everything"',
    );
    expect(problemsAfter((f) => (f[STORY].steps[2].graphic = 'timeline:no-such-event'))).toContain(
      'data/story.json: steps[2].graphic: unknown graphic state "timeline:no-such-event": data/timeline.json has no event "no-such-event"',
    );
  });

  it('rejects a step quoting a quote that does not exist', () => {
    expect(problemsAfter((f) => (f[STORY].steps[3].quoteIds = ['made-up']))).toContain('data/story.json: steps[3].quoteIds[0]: quote "made-up" does not exist');
  });

  it('rejects unknown and malformed tokens in the copy', () => {
    expect(problemsAfter((f) => (f[STORY].steps[9].paragraphs[0] += ' {{votes:nobody}}'))).toContain(
      'data/story.json: steps[9].paragraphs[0]: unknown token {{votes:nobody}}',
    );
    expect(problemsAfter((f) => (f[STORY].steps[9].paragraphs[0] += ' {{Votes}}'))).toContain(
      'data/story.json: steps[9].paragraphs[0]: malformed {{token}}: use {{name}} or {{name:argument}} in lower case',
    );
  });

  it('rejects missing, empty or unknown copy fields (words that components show)', () => {
    expect(problemsAfter((f) => delete f[STORY].kicker)).toContain('data/story.json: kicker: required field is missing');
    expect(problemsAfter((f) => (f[STORY].tables.results.columns.votes = ' '))).toContain(
      'data/story.json: tables.results.columns.votes: expected a non-empty string, got " "',
    );
    expect(problemsAfter((f) => (f[STORY].method.surprise = 'x'))).toContain('data/story.json: method.surprise: unknown field');
    expect(problemsAfter((f) => (f[STORY].graphicLabels.map.shading = []))).toContain(
      'data/story.json: graphicLabels.map.shading: expected at least one entry',
    );
    expect(problemsAfter((f) => (f[STORY].mapAttribution[1].url = 'not a url'))).toContain(
      'data/story.json: mapAttribution[1].url: expected an http(s) address, got "not a url"',
    );
    expect(problemsAfter((f) => (f['data/sources.json'].sources[0].publishedTitle = 'yes'))).toContain(
      'data/sources.json: sources[0].publishedTitle: expected true or false, got "yes"',
    );
  });

  it('rejects a {{token}} in a field that is shown without filling tokens, and checks tokens in every field that fills them', () => {
    expect(problemsAfter((f) => (f[STORY].steps[0].title += ' {{majority}}'))).toContain(
      'data/story.json: steps[0].title: this field does not take {{tokens}} (see TOKEN_FIELDS in src/story/data/copyFields.ts)',
    );
    expect(problemsAfter((f) => (f[STORY].method.notes[0] += ' {{votes:nobody}}'))).toContain(
      'data/story.json: method.notes[0]: unknown token {{votes:nobody}}',
    );
    expect(problemsAfter((f) => (f[STORY].standfirst += ' {{nope}}'))).toContain('data/story.json: standfirst: unknown token {{nope}}');
  });

  it('rejects a {slot} a field does not offer', () => {
    expect(problemsAfter((f) => (f[STORY].tables.results.winnerMargin = '{winner} by {margin}'))).toContain(
      'data/story.json: tables.results.winnerMargin: unknown slot {margin}; this field takes {winner}, {votes}, {points}, {runnerUp}',
    );
    expect(problemsAfter((f) => (f[STORY].kicker = 'Election {year}'))).toContain('data/story.json: kicker: this field does not take {slots}, got {year}');
  });

  it('rejects duplicate ids and ids unfit for a URL hash', () => {
    expect(problemsAfter((f) => (f[STORY].steps[1].id = 'opening'))).toContain('data/story.json: steps[1].id: duplicate id "opening"');
    expect(problemsAfter((f) => (f[STORY].steps[1].id = 'New Region'))).toContain(
      'data/story.json: steps[1].id: expected a lower-case id of letters, digits and hyphens, got "New Region"',
    );
  });

  it('rejects a percentage out of range, a bad colour and a bad address', () => {
    expect(problemsAfter((f) => (f['data/poll.json'].poll.sharesPercent.driscoll = 133))).toContain(
      'data/poll.json: poll.sharesPercent.driscoll: expected a percentage from 0 to 100, got 133',
    );
    expect(problemsAfter((f) => (f['data/candidates.json'].candidates[0].colour = 'red'))).toContain(
      'data/candidates.json: candidates[0].colour: expected a colour as #rrggbb, got "red"',
    );
    expect(problemsAfter((f) => (f['data/sources.json'].sources[0].url = 'javascript:alert(1)'))).toContain(
      'data/sources.json: sources[0].url: expected an http(s) address, got "javascript:alert(1)"',
    );
  });

  it('rejects a donor count of unknown unit (donors and donations are different numbers)', () => {
    expect(problemsAfter((f) => (f['data/fundraising.json'].crowdfunder.milestones[3].donorsUnit = 'people'))).toContain(
      'data/fundraising.json: crowdfunder.milestones[3].donorsUnit: expected one of "donors", "donations", got "people"',
    );
  });

  it('rejects a crowdfunder running total that falls', () => {
    expect(problemsAfter((f) => (f['data/fundraising.json'].crowdfunder.milestones[2].amountPounds = 50000))[0]).toMatch(
      /^data\/fundraising\.json: crowdfunder\.milestones\[2\]\.amountPounds: milestones must be in the order reported/,
    );
  });

  it('rejects a map whose councils do not match the result areas', () => {
    expect(problemsAfter((f) => f['data/councils.topo.json'].objects.councils.geometries.pop())).toContain(
      'data/councils.topo.json: objects.councils.geometries: no boundary for area "E08000024" from data/results.json',
    );
  });

  it('accepts a file without its "$schema" pointer, and rejects one that is not a path', () => {
    expect(problemsAfter((f) => delete f['data/poll.json'].$schema)).toEqual([]);
    expect(problemsAfter((f) => (f['data/poll.json'].$schema = 5))).toEqual([
      'data/poll.json: $schema: expected the path of this file\'s JSON Schema, e.g. "./schemas/story.schema.json", got 5',
    ]);
  });

  it('reports a missing file by name', () => {
    expect(problemsAfter((f) => delete f['data/poll.json'])).toEqual(['data/poll.json: (file): file is missing']);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates at the allowed precision only', () => {
    expect(isIsoDate('2024-02-29', false)).toBe(true);
    expect(isIsoDate('2023-02-29', false)).toBe(false);
    expect(isIsoDate('2024-05', false)).toBe(false);
    expect(isIsoDate('2024-05', true)).toBe(true);
    expect(isIsoDate('2024', true)).toBe(true);
    expect(isIsoDate('2024-13', true)).toBe(false);
  });
});
