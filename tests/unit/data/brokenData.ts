/**
 * Kinds of mistake an editor can make in data/, each with the message the build must give (file,
 * path, rule and the value found). Shared by the build-failure tests and the JSON Schema tests:
 * `perFile` marks the mistakes a JSON Schema can express, which editors' tools must catch as you type.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases reach into arbitrary JSON to break it
type Json = any;

export interface BrokenData {
  name: string;
  /** The file in data/ to damage. */
  file: string;
  /** Damages the parsed file, or replaces its text. */
  breakIt: ((json: Json) => void) | string;
  /** The problem line the build must print. */
  expected: string;
  /** True when the mistake is within one file and a JSON Schema can express the rule. */
  perFile: boolean;
}

export const BROKEN_DATA: BrokenData[] = [
  {
    name: 'a vote count typed as a string',
    file: 'results.json',
    breakIt: (r) => (r.areas[3].votes.king = '4.696'),
    expected: 'data/results.json: areas[3].votes.king: expected a whole non-negative number, got "4.696"',
    perFile: true,
  },
  {
    name: 'a fractional declared total',
    file: 'results.json',
    breakIt: (r) => (r.declaredTotals.gray = 17631.5),
    expected: 'data/results.json: declaredTotals.gray: expected a whole non-negative number, got 17631.5',
    perFile: true,
  },
  {
    name: 'a missing required field',
    file: 'sources.json',
    breakIt: (s) => delete s.sources[0].publisher,
    expected: 'data/sources.json: sources[0].publisher: required field is missing',
    perFile: true,
  },
  {
    name: 'a typed-in derived figure',
    file: 'results.json',
    breakIt: (r) => (r.areas[1].share = 0.375),
    expected: 'data/results.json: areas[1].share: unknown field (shares, totals, margins and winners are computed from the counts, not typed in)',
    perFile: true,
  },
  {
    name: 'a date that does not parse',
    file: 'poll.json',
    breakIt: (p) => (p.poll.published = '28 April 2024'),
    expected: 'data/poll.json: poll.published: expected a real date as YYYY-MM-DD, got "28 April 2024"',
    perFile: true,
  },
  {
    name: 'a percentage out of range',
    file: 'poll.json',
    breakIt: (p) => (p.poll.sharesPercent.driscoll = 133),
    expected: 'data/poll.json: poll.sharesPercent.driscoll: expected a percentage from 0 to 100, got 133',
    perFile: true,
  },
  {
    name: 'a colour that is not #rrggbb',
    file: 'candidates.json',
    breakIt: (c) => (c.candidates[0].colour = 'red'),
    expected: 'data/candidates.json: candidates[0].colour: expected a colour as #rrggbb, got "red"',
    perFile: true,
  },
  {
    name: 'an address that is not http(s)',
    file: 'sources.json',
    breakIt: (s) => (s.sources[0].url = 'javascript:alert(1)'),
    expected: 'data/sources.json: sources[0].url: expected an http(s) address, got "javascript:alert(1)"',
    perFile: true,
  },
  {
    name: 'a value outside its list of choices',
    file: 'fundraising.json',
    breakIt: (f) => (f.crowdfunder.milestones[3].donorsUnit = 'people'),
    expected: 'data/fundraising.json: crowdfunder.milestones[3].donorsUnit: expected one of "donors", "donations", got "people"',
    perFile: true,
  },
  {
    name: 'a graphic state no graphic can draw',
    file: 'story.json',
    breakIt: (s) => (s.steps[0].graphic = 'map:everything'),
    expected: 'data/story.json: steps[0].graphic: expected a graphic state: one of ',
    perFile: true,
  },
  {
    name: 'a step id unfit for a URL hash',
    file: 'story.json',
    breakIt: (s) => (s.steps[1].id = 'New Region'),
    expected: 'data/story.json: steps[1].id: expected a lower-case id of letters, digits and hyphens, got "New Region"',
    perFile: true,
  },
  {
    name: 'a deleted source that a step cites',
    file: 'sources.json',
    breakIt: (s) => (s.sources = s.sources.filter((x: { id: string }) => x.id !== 'mic-2024-04-28-poll')),
    expected: 'data/story.json: steps[8].sourceIds[0]: source "mic-2024-04-28-poll" does not exist',
    perFile: false,
  },
  {
    name: 'a quote that does not exist',
    file: 'story.json',
    breakIt: (s) => (s.steps[3].quoteIds = ['made-up']),
    expected: 'data/story.json: steps[3].quoteIds[0]: quote "made-up" does not exist',
    perFile: false,
  },
  {
    name: 'area counts that no longer add up to the declared total',
    file: 'results.json',
    breakIt: (r) => (r.areas[5].votes.donaghy = 11564),
    expected: 'data/results.json: declaredTotals.donaghy: the 7 area counts add up to 41,148 but the declared total is 41,147',
    perFile: false,
  },
  {
    name: 'a timeline event out of date order',
    file: 'timeline.json',
    breakIt: (t) => (t.events[2].date = '2024-01-01'),
    expected: 'data/timeline.json: events[3].date: events must be in date order, but 2023-06-02 comes after 2024-01-01',
    perFile: false,
  },
  {
    name: 'a source without a link',
    file: 'sources.json',
    breakIt: (s) => delete s.sources[0].url,
    expected: 'data/sources.json: sources[0].url: every source needs a link a reader can follow; "bbc-2019-north-of-tyne" has none',
    perFile: false,
  },
  {
    name: 'Wikipedia cited as a source',
    file: 'sources.json',
    breakIt: (s) => (s.sources[0].url = 'https://en.wikipedia.org/wiki/2024_North_East_mayoral_election'),
    expected: 'data/sources.json: sources[0].url: Wikipedia is not a source: cite the official or press source the fact sheet gives',
    perFile: false,
  },
  {
    name: 'an updated date before the published date',
    file: 'story.json',
    breakIt: (s) => (s.publication.updated = '2020-01-01'),
    expected: 'data/story.json: publication.updated: the page cannot be updated (2020-01-01) before it is published',
    perFile: false,
  },
  {
    name: "a members' ballot that does not add up to 100%",
    file: 'results.json',
    breakIt: (r) => (r.labourSelection.ballot[1].percent = 25),
    expected: "data/results.json: labourSelection.ballot: the ballot's shares must add up to 100%, got 101%",
    perFile: false,
  },
  {
    name: 'a duplicate step id',
    file: 'story.json',
    breakIt: (s) => (s.steps[1].id = 'opening'),
    expected: 'data/story.json: steps[1].id: duplicate id "opening"',
    perFile: false,
  },
  {
    name: 'an unknown token in the copy',
    file: 'story.json',
    breakIt: (s) => (s.steps[9].paragraphs[0] += ' {{votes:nobody}}'),
    expected: 'data/story.json: steps[9].paragraphs[0]: unknown token {{votes:nobody}}',
    perFile: false,
  },
  {
    name: 'a units template that drops one of its figures',
    file: 'story.json',
    breakIt: (s) => (s.units.areaWinner = '{area}, {winner} by {votes} votes'),
    expected:
      'data/story.json: units.areaWinner: missing slot {runnerUp}: this template must use {area}, {winner}, {votes}, {runnerUp}, got "{area}, {winner} by {votes} votes"',
    perFile: false,
  },
  {
    name: 'a month missing from the month names',
    file: 'story.json',
    breakIt: (s) => s.units.months.pop(),
    expected: 'data/story.json: units.months: expected the twelve months, January first',
    perFile: true,
  },
  {
    name: 'a number word missing',
    file: 'story.json',
    breakIt: (s) => s.units.numbers.splice(3, 1),
    expected: 'data/story.json: units.numbers: expected the words for zero to nine, zero first',
    perFile: true,
  },
  {
    name: 'a map without a boundary for a result area',
    file: 'councils.topo.json',
    breakIt: (t) => t.objects.councils.geometries.pop(),
    expected: 'data/councils.topo.json: objects.councils.geometries: no boundary for area "E08000024" from data/results.json',
    perFile: false,
  },
  {
    name: 'a file that is not valid JSON',
    file: 'poll.json',
    breakIt: '{ "poll": ',
    expected: 'data/poll.json: (file): not valid JSON',
    perFile: false,
  },
];

/** A fresh copy of data/ in a temporary folder, damaged by `breakIt` when given. */
export function copyOfData(broken?: Pick<BrokenData, 'file' | 'breakIt'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'driscoll-data-'));
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  if (broken) {
    const path = join(dir, broken.file);
    if (typeof broken.breakIt === 'string') writeFileSync(path, broken.breakIt);
    else {
      const json = JSON.parse(readFileSync(path, 'utf8'));
      broken.breakIt(json);
      writeFileSync(path, JSON.stringify(json, null, 2));
    }
  }
  return dir;
}

/** A damaged copy of one parsed data file. */
export function brokenFile(broken: BrokenData): Json {
  const json = JSON.parse(readFileSync(join(ROOT, 'data', broken.file), 'utf8'));
  if (typeof broken.breakIt !== 'string') broken.breakIt(json);
  return json;
}
