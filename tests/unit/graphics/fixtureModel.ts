/**
 * A small made-up chart model for component tests: two candidates, two areas, a poll, two
 * fundraising milestones, three timeline events. Not the story's data: a graphic drawn from it shows
 * that the graphic draws what it is given, not what it imports.
 */
import { chartModel, type ChartModel } from '../../../src/story/graphics/chartModel.ts';
import type { CouncilMap } from '../../../src/story/geo/mapLayout.ts';
import type { ChartData, GraphicLabels, Units } from '../../../src/story/data/types.ts';

const sourceIds = ['fixture'];

export const FIXTURE_DATA: ChartData = {
  candidates: [
    { id: 'avery', name: 'Sam Avery', surname: 'Avery', party: 'Orange Party', partyShort: 'Orn', colour: '#e07000', colourDark: '#ffa040', sourceIds },
    { id: 'brook', name: 'Lee Brook', surname: 'Brook', party: 'Teal Party', partyShort: 'Tea', colour: '#007070', colourDark: '#40c0c0', sourceIds },
  ],
  results: {
    election: { name: 'Test election', pollingDay: '2030-06-05', declarationDay: '2030-06-06', system: 'First past the post', turnoutPercent: 40, sourceIds },
    declaredTotals: { avery: 3000, brook: 7000 },
    areas: [
      { code: 'E06000001', name: 'Northtown', group: 'north-of-tyne', votes: { avery: 1000, brook: 4000 }, sourceIds },
      { code: 'E06000002', name: 'Southtown', group: 'lamb', votes: { avery: 2000, brook: 3000 }, sourceIds },
    ],
    corrections: [],
    discrepancies: [],
    labourSelection: { date: '2029-07-01', ballot: [{ id: 'avery', name: 'Sam Avery', percent: 100 }], sourceIds },
  },
  poll: {
    pollster: 'Fixture Polling',
    fieldworkStart: '2030-05-01',
    fieldworkEnd: '2030-05-03',
    published: '2030-05-10',
    sampleSize: 1000,
    sharesPercent: { avery: 55, brook: 45 },
    note: 'A made-up poll.',
    sourceIds,
  },
  fundraising: {
    crowdfunder: {
      launched: '2029-01-01',
      targetPounds: 10000,
      targetDeadline: 'spring 2029',
      fullCampaignCostPounds: 50000,
      sourceIds,
      milestones: [
        { id: 'first', when: 'January 2029', amountPounds: 6000, qualifier: 'about', sourceIds },
        { id: 'second', when: 'March 2029', amountPounds: 12000, qualifier: 'more than', sourceIds },
      ],
    },
    unionDonations: [],
  },
  timeline: [
    { id: 'start', date: '2029-01-01', label: 'The campaign starts', shortLabel: 'Start', sourceIds },
    { id: 'middle', date: '2029-09-01', label: 'Half way there', shortLabel: 'Middle', sourceIds },
    { id: 'vote', date: '2030-06-05', label: 'Polling day', shortLabel: 'Vote', sourceIds },
  ],
};

export const FIXTURE_LABELS: GraphicLabels = {
  map: {
    northOfTyne: ['North group'],
    southOfTyne: ['South group'],
    northOfTyneShort: ['North'],
    southOfTyneShort: ['South'],
    winnerEverywhere: ['{winner} ({party})', 'won all {count}'],
    winnerEach: ['Winner in each'],
    shading: ['Figures: lead.', 'Shade: lead in points:'],
    shadeUnit: 'pts',
  },
  money: { note: 'In the order reported.', target: 'goal' },
  bars: { pollMarker: 'poll {share}' },
  areas: { note: 'Votes per area.', noteWithoutLead: 'Votes.' },
  timeline: { group: '{count} things, {range}', range: '{from} to {to}', dated: '{label} ({date})', before: '<< {label}', after: '{label} >>' },
};

// Not the story's words either: upper-case months and a tilde for "about" show the graphics take them from the model.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const FIXTURE_UNITS: Units = {
  point: 'pt',
  points: 'pts',
  months: MONTHS.map((m) => m.toUpperCase()),
  monthsShort: MONTHS.map((m) => m.slice(0, 3).toUpperCase()),
  // Roman numerals: a count drawn from the data's words shows as one of these, never as English.
  numbers: ['0', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'],
  about: '~{value}',
  listEnd: '{list} & {last}',
  resultListItem: '{candidate}: {share}, {votes}',
  areaWinner: '{area}: {winner} +{votes} on {runnerUp}',
  areaWinsAll: 'every one of {count}',
  areaWinsSome: '{wins}/{count}',
};

const square = (x: number, y: number) => `M${x},${y}h100v100h-100Z`;
const FIXTURE_MAP: CouncilMap = {
  width: 400,
  height: 480,
  councils: [
    { code: 'E06000001', name: 'Northtown', group: 'north-of-tyne', d: square(100, 60), centroid: [150, 110] },
    { code: 'E06000002', name: 'Southtown', group: 'lamb', d: square(100, 260), centroid: [150, 310] },
  ],
  groups: [
    { group: 'north-of-tyne', d: square(100, 60) },
    { group: 'lamb', d: square(100, 260) },
  ],
};

export const fixtureModel = (): ChartModel => chartModel(FIXTURE_DATA, FIXTURE_LABELS, FIXTURE_UNITS, FIXTURE_MAP, ['middle']);
