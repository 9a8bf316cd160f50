/**
 * Rules that a single file's schema cannot state: they look across the parsed model (references
 * between files, sums against declared totals, order, tokens in the copy, the map's councils).
 * Each is a small named function from the model to the problems it finds.
 */
import { EVERY_SLOT_REQUIRED, fieldPattern, isTokenField, slotsFor, storyTexts } from './copyFields.ts';
import { derive } from './derive.ts';
import { DATA_FILES, show, type Problem } from './files.ts';
import { formatCount } from './format.ts';
import { parseGraphicState } from './graphicStates.ts';
import type { DataFileKey } from './schema.ts';
import { findSlots, findTokens, hasMalformedToken, resolveToken } from './tokens.ts';
import type { DataModel } from './types.ts';

export type Rule = (model: DataModel) => Problem[];

/** Collects the problems of one rule, each in a named file. */
function collector() {
  const problems: Problem[] = [];
  const fail = (key: DataFileKey, path: string, message: string) => problems.push({ file: DATA_FILES[key], path, message });
  return { problems, fail };
}

/** Ids are deep links and references: each list's ids must be unique. */
export const uniqueIds: Rule = (m) => {
  const { problems, fail } = collector();
  const check = (key: DataFileKey, path: string, items: { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) fail(key, `${path}[${i}].id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  };
  check('sources', 'sources', m.sources);
  check('candidates', 'candidates', m.candidates);
  check('fundraising', 'crowdfunder.milestones', m.fundraising.crowdfunder.milestones);
  check('fundraising', 'unionDonations', m.fundraising.unionDonations);
  check('timeline', 'events', m.timeline);
  check('quotes', 'quotes', m.quotes);
  check('story', 'steps', m.story.steps);
  check('story', 'guide.people.entries', m.story.guide.people.entries);
  check('story', 'guide.process.entries', m.story.guide.process.entries);
  const codes = new Set<string>();
  m.results.areas.forEach((a, i) => {
    if (codes.has(a.code)) fail('results', `areas[${i}].code`, `duplicate area code "${a.code}"`);
    codes.add(a.code);
  });
  return problems;
};

/** Every figure's source ids resolve to an entry in data/sources.json. */
export const sourcesExist: Rule = (m) => {
  const { problems, fail } = collector();
  const known = new Set(m.sources.map((s) => s.id));
  const check = (key: DataFileKey, path: string, ids: string[]) =>
    ids.forEach((id, i) => {
      if (!known.has(id)) fail(key, `${path}.sourceIds[${i}]`, `source ${show(id)} does not exist`);
    });
  m.candidates.forEach((c, i) => check('candidates', `candidates[${i}]`, c.sourceIds));
  check('results', 'election', m.results.election.sourceIds);
  m.results.areas.forEach((a, i) => check('results', `areas[${i}]`, a.sourceIds));
  m.results.corrections.forEach((c, i) => check('results', `corrections[${i}]`, c.sourceIds));
  m.results.discrepancies.forEach((d, i) => check('results', `discrepancies[${i}]`, d.sourceIds));
  check('poll', 'poll', m.poll.sourceIds);
  check('fundraising', 'crowdfunder', m.fundraising.crowdfunder.sourceIds);
  m.fundraising.crowdfunder.milestones.forEach((x, i) => check('fundraising', `crowdfunder.milestones[${i}]`, x.sourceIds));
  m.fundraising.unionDonations.forEach((u, i) => check('fundraising', `unionDonations[${i}]`, u.sourceIds));
  m.timeline.forEach((e, i) => check('timeline', `events[${i}]`, e.sourceIds));
  m.quotes.forEach((q, i) => check('quotes', `quotes[${i}]`, q.sourceIds));
  m.story.steps.forEach((s, i) => check('story', `steps[${i}]`, s.sourceIds));
  m.story.steps.forEach((s, i) => check('story', `steps[${i}].chart`, s.chart.sourceIds));
  check('results', 'labourSelection', m.results.labourSelection.sourceIds);
  for (const section of ['people', 'process'] as const) {
    m.story.guide[section].entries.forEach((e, i) => check('story', `guide.${section}.entries[${i}]`, e.sourceIds));
  }
  return problems;
};

/** A step's quotes exist in data/quotes.json. */
export const quotesExist: Rule = (m) => {
  const { problems, fail } = collector();
  const known = new Set(m.quotes.map((q) => q.id));
  m.story.steps.forEach((s, i) =>
    s.quoteIds.forEach((id, j) => {
      if (!known.has(id)) fail('story', `steps[${i}].quoteIds[${j}]`, `quote ${show(id)} does not exist`);
    }),
  );
  return problems;
};

/** Totals, area counts and poll shares have one figure for each candidate, and only for candidates. */
export const candidateFigures: Rule = (m) => {
  const { problems, fail } = collector();
  const ids = m.candidates.map((c) => c.id);
  const check = (key: DataFileKey, path: string, figures: Record<string, number>) => {
    for (const id of ids) if (!(id in figures)) fail(key, `${path}.${id}`, 'required field is missing (every candidate needs a figure)');
    for (const id of Object.keys(figures)) if (!ids.includes(id)) fail(key, `${path}.${id}`, `unknown candidate "${id}"`);
  };
  check('results', 'declaredTotals', m.results.declaredTotals);
  m.results.areas.forEach((a, i) => check('results', `areas[${i}].votes`, a.votes));
  check('poll', 'poll.sharesPercent', m.poll.sharesPercent);
  return problems;
};

/** A recorded correction names a real area and candidate, and the count we use is the one in the area. */
export const correctionsMatch: Rule = (m) => {
  const { problems, fail } = collector();
  m.results.corrections.forEach((c, i) => {
    const area = m.results.areas.find((a) => a.code === c.areaCode);
    if (!area) fail('results', `corrections[${i}].areaCode`, `area ${show(c.areaCode)} does not exist`);
    else if (area.votes[c.candidateId] !== c.used) {
      fail(
        'results',
        `corrections[${i}].used`,
        `the correction says ${show(c.used)} but the area's count for ${show(c.candidateId)} is ${show(area.votes[c.candidateId])}`,
      );
    }
  });
  return problems;
};

/** A recorded discrepancy names a real area and candidate. */
export const discrepanciesExist: Rule = (m) => {
  const { problems, fail } = collector();
  const codes = new Set(m.results.areas.map((a) => a.code));
  const ids = new Set(m.candidates.map((c) => c.id));
  m.results.discrepancies.forEach((d, i) => {
    if (!codes.has(d.areaCode)) fail('results', `discrepancies[${i}].areaCode`, `area ${show(d.areaCode)} does not exist`);
    if (!ids.has(d.candidateId)) fail('results', `discrepancies[${i}].candidateId`, `candidate ${show(d.candidateId)} does not exist`);
  });
  return problems;
};

/** Lists that tell a sequence are in order: timeline events by date, the poll's dates, the crowdfunder's running total. */
export const inOrder: Rule = (m) => {
  const { problems, fail } = collector();
  let previousDate = '';
  m.timeline.forEach((e, i) => {
    if (e.date < previousDate) fail('timeline', `events[${i}].date`, `events must be in date order, but ${e.date} comes after ${previousDate}`);
    previousDate = e.date;
  });
  const { fieldworkStart, fieldworkEnd, published } = m.poll;
  if (fieldworkStart > fieldworkEnd) fail('poll', 'poll.fieldworkEnd', 'fieldwork ends before it starts');
  if (fieldworkEnd > published) fail('poll', 'poll.published', 'published before fieldwork ended');
  let previous = -1;
  m.fundraising.crowdfunder.milestones.forEach((x, i) => {
    // Reported totals only grow; a smaller one later means the list is out of order.
    if (x.amountPounds < previous) {
      fail(
        'fundraising',
        `crowdfunder.milestones[${i}].amountPounds`,
        `milestones must be in the order reported, and a running total cannot fall (${show(x.amountPounds)} after ${show(previous)})`,
      );
    }
    previous = x.amountPounds;
  });
  return problems;
};

/** A timeline state names an event that exists (the other graphics' variants are fixed by the schema). */
export const graphicStatesExist: Rule = (m) => {
  const { problems, fail } = collector();
  const events = new Set(m.timeline.map((e) => e.id));
  m.story.steps.forEach((s, i) => {
    const state = parseGraphicState(s.graphic);
    if (state?.kind === 'timeline' && !events.has(state.variant)) {
      fail('story', `steps[${i}].graphic`, `unknown graphic state ${show(s.graphic)}: data/timeline.json has no event "${state.variant}"`);
    }
  });
  return problems;
};

/**
 * The graphic draws its caption for its state, so steps that show the same state give the same
 * chart title, reading and sources (else the caption would depend on how the reader got there).
 */
export const chartPerState: Rule = (m) => {
  const { problems, fail } = collector();
  const first = new Map<string, number>();
  m.story.steps.forEach((s, i) => {
    const j = first.get(s.graphic);
    if (j === undefined) first.set(s.graphic, i);
    else if (JSON.stringify(m.story.steps[j].chart) !== JSON.stringify(s.chart))
      fail(
        'story',
        `steps[${i}].chart`,
        `steps showing the same graphic state must give the same chart; steps[${j}] also shows ${show(s.graphic)} with another chart`,
      );
  });
  return problems;
};

/** The map has exactly one boundary for each result area. */
export const mapMatchesAreas: Rule = (m) => {
  const { problems, fail } = collector();
  const areaCodes = new Set(m.results.areas.map((a) => a.code));
  const mapCodes = new Set(m.councils.objects.councils.geometries.map((g) => g.id));
  const path = 'objects.councils.geometries';
  for (const code of areaCodes) if (!mapCodes.has(code)) fail('councils', path, `no boundary for area "${code}" from data/results.json`);
  for (const code of mapCodes) if (!areaCodes.has(code)) fail('councils', path, `boundary "${code}" has no area in data/results.json`);
  return problems;
};

/** Area counts add up to the declared totals, except by the discrepancies recorded (and shown on the page). */
export const areaSumsMatchTotals: Rule = (m) => {
  const { problems, fail } = collector();
  const signed = (n: number) => `${n > 0 ? '+' : ''}${formatCount(n)}`;
  for (const { id } of m.candidates) {
    const sum = m.results.areas.reduce((s, a) => s + a.votes[id], 0);
    const declared = m.results.declaredTotals[id];
    const difference = sum - declared;
    const explained = m.results.discrepancies.filter((d) => d.candidateId === id).reduce((s, d) => s + d.difference, 0);
    if (difference !== explained) {
      fail(
        'results',
        `declaredTotals.${id}`,
        `the ${formatCount(m.results.areas.length)} area counts add up to ${formatCount(sum)} but the declared total is ${formatCount(declared)} (difference ${signed(difference)}); ` +
          (explained ? `the discrepancies recorded for "${id}" account for ${signed(explained)}` : `no discrepancy is recorded for "${id}"`),
      );
    }
  }
  return problems;
};

/**
 * Every {{token}} in the copy is well formed, resolves to a computed figure, and sits in a field that
 * is filled (TOKEN_FIELDS); every {slot} is one its field's component fills (SLOT_FIELDS).
 * A template in EVERY_SLOT_REQUIRED uses all of its slots.
 */
export const tokensResolve: Rule = (m) => {
  const { problems, fail } = collector();
  const derived = derive(m);
  for (const [path, text] of storyTexts(m.story)) {
    const tokens = findTokens(text);
    if (!isTokenField(path)) {
      // A token here would be shown raw: only the fields in TOKEN_FIELDS are filled.
      if (tokens.length || text.includes('{{')) fail('story', path, 'this field does not take {{tokens}} (see TOKEN_FIELDS in src/story/data/copyFields.ts)');
    } else {
      if (hasMalformedToken(text)) fail('story', path, 'malformed {{token}}: use {{name}} or {{name:argument}} in lower case');
      for (const use of tokens) {
        if (resolveToken(use, m, derived, m.story.units) === undefined) fail('story', path, `unknown token ${use.token}`);
      }
    }
    const allowed = slotsFor(path) ?? [];
    if (EVERY_SLOT_REQUIRED.includes(fieldPattern(path)))
      for (const slot of allowed)
        if (!findSlots(text).includes(slot))
          fail('story', path, `missing slot {${slot}}: this template must use ${allowed.map((a) => `{${a}}`).join(', ')}, got ${show(text)}`);
    for (const slot of findSlots(text)) {
      if (!allowed.includes(slot)) {
        fail(
          'story',
          path,
          allowed.length
            ? `unknown slot {${slot}}; this field takes ${allowed.map((a) => `{${a}}`).join(', ')}`
            : `this field does not take {slots}, got {${slot}}`,
        );
      }
    }
  }
  return problems;
};

/** Hosts that are not a source for a fact: the fact sheet gives an official or press source for everything we use. */
const NOT_A_SOURCE = [/(^|\.)wikipedia\.org$/];

/**
 * Every source is linked, so a reader can check each claim, and none is Wikipedia: where the fact
 * sheet has Wikipedia it also has an official or press source, and the page cites that instead.
 */
export const sourcesLinked: Rule = (m) => {
  const { problems, fail } = collector();
  m.sources.forEach((s, i) => {
    if (!s.url) fail('sources', `sources[${i}].url`, `every source needs a link a reader can follow; "${s.id}" has none`);
    else if (NOT_A_SOURCE.some((host) => host.test(new URL(s.url!).hostname)))
      fail('sources', `sources[${i}].url`, `Wikipedia is not a source: cite the official or press source the fact sheet gives, got ${show(s.url)}`);
  });
  return problems;
};

/** The page's dates read in order, and the members' ballot adds up to 100%. */
export const publicationAndBallot: Rule = (m) => {
  const { problems, fail } = collector();
  const { published, updated } = m.story.publication;
  if (updated < published) fail('story', 'publication.updated', `the page cannot be updated (${updated}) before it is published (${published})`);
  const dates = m.story.publication.dates;
  if (!(dates.indexOf('{published}') >= 0 && dates.indexOf('{published}') < dates.indexOf('{updated}')))
    fail('story', 'publication.dates', `expected {published} and then {updated}, got ${show(dates)}`);
  const ballot = m.results.labourSelection.ballot;
  const total = ballot.reduce((sum, b) => sum + b.percent, 0);
  if (total !== 100) fail('results', 'labourSelection.ballot', `the ballot's shares must add up to 100%, got ${total}%`);
  return problems;
};

/** Rules that only need each file's shape to be right. */
export const REFERENCE_RULES: readonly Rule[] = [
  uniqueIds,
  sourcesExist,
  quotesExist,
  candidateFigures,
  correctionsMatch,
  discrepanciesExist,
  inOrder,
  graphicStatesExist,
  chartPerState,
  mapMatchesAreas,
  sourcesLinked,
  publicationAndBallot,
];

/** Rules that compute with the figures, so they run only once the references hold. */
export const COMPUTED_RULES: readonly Rule[] = [areaSumsMatchTotals, tokensResolve];
