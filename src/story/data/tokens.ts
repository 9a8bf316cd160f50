/**
 * Copy in data/story.json refers to figures by {{token}} instead of typing them, so every number in
 * the prose is the computed one. "{{votes:mcguinness}}" -> "185,051".
 */
import type { Derived } from './derive.ts';
import { formatCount, formatIsoDate, formatPercentFigure, formatPoints, formatPounds, formatShare, formatSmallCount } from './format.ts';
import type { ChartData, Units } from './types.ts';

const TOKEN = /\{\{\s*([a-z-]+)(?::([A-Za-z0-9-]+))?\s*\}\}/g;

/** `units` are the words around figures (data/story.json units): passed in, as the chart data carries no copy. */
type Resolver = (arg: string | undefined, data: ChartData, d: Derived, units: Units) => string | undefined;

function surname(data: ChartData, id: string): string | undefined {
  return data.candidates.find((c) => c.id === id)?.surname;
}

function listOf(items: string[], units: Units): string {
  return items.length < 2 ? items.join('') : fillSlots(units.listEnd, { list: items.slice(0, -1).join('; '), last: items[items.length - 1] });
}

const RESOLVERS: Record<string, Resolver> = {
  votes: (id, _data, d) => {
    const r = d.results.find((x) => x.id === id);
    return r && formatCount(r.votes);
  },
  share: (id, _data, d) => {
    const r = d.results.find((x) => x.id === id);
    return r && formatShare(r.share);
  },
  'total-votes': (_a, _data, d) => formatCount(d.totalVotes),
  majority: (_a, _data, d) => formatCount(d.majority),
  'others-share': (_a, _data, d) => formatShare(d.othersShare),
  turnout: (_a, data) => `${data.results.election.turnoutPercent.toFixed(1)}%`,
  'result-list': (_a, data, d, units) =>
    listOf(
      d.results.map((r) => fillSlots(units.resultListItem, { candidate: surname(data, r.id)!, share: formatShare(r.share), votes: formatCount(r.votes) })),
      units,
    ),
  'area-wins': (id, _data, d, units) => (id && id in d.areaWins ? formatSmallCount(d.areaWins[id], units.numbers) : undefined),
  'area-count': (_a, _data, d, units) => formatSmallCount(d.areas.length, units.numbers),
  /** "all seven" when one candidate won every area, else "five of the seven". */
  'area-wins-phrase': (id, _data, d, units) => {
    if (!id || !(id in d.areaWins)) return undefined;
    const wins = d.areaWins[id];
    const count = formatSmallCount(d.areas.length, units.numbers);
    return wins === d.areas.length
      ? fillSlots(units.areaWinsAll, { count })
      : fillSlots(units.areaWinsSome, { wins: formatSmallCount(wins, units.numbers), count });
  },
  'candidate-count': (_a, data, _d, units) => formatSmallCount(data.candidates.length, units.numbers),
  'election-name': (_a, data) => data.results.election.name,
  system: (_a, data) => data.results.election.system,
  'polling-day': (_a, data, _d, units) => formatIsoDate(data.results.election.pollingDay, units.months),
  'declaration-day': (_a, data, _d, units) => formatIsoDate(data.results.election.declarationDay, units.months),
  'area-margin': (code, _data, d) => {
    const a = d.areas.find((x) => x.code === code);
    return a && formatCount(a.marginVotes);
  },
  'closest-by-votes': (_a, _data, d) => d.closestByVotes.label,
  'closest-by-votes-margin': (_a, _data, d) => formatCount(d.closestByVotes.marginVotes),
  'closest-by-share': (_a, _data, d) => d.closestByShare.label,
  'closest-by-share-points': (_a, _data, d, units) => formatPoints(d.closestByShare.marginShare, units),
  'area-list': (_a, data, d, units) =>
    listOf(
      d.areas.map(
        (a) =>
          `${a.label}: ${a.ranked
            .slice(0, 3)
            .map((r) => `${surname(data, r.id)} ${formatCount(r.votes)}`)
            .join(', ')}`,
      ),
      units,
    ),
  'area-winners': (_a, data, d, units) =>
    listOf(
      d.areas.map((a) =>
        fillSlots(units.areaWinner, {
          area: a.label,
          winner: surname(data, a.winnerId)!,
          votes: formatCount(a.marginVotes),
          runnerUp: surname(data, a.runnerUpId)!,
        }),
      ),
      units,
    ),
  poll: (id, data) => {
    const v = id === undefined ? undefined : data.poll.sharesPercent[id];
    return v === undefined ? undefined : formatPercentFigure(v);
  },
  // The same form as every other gap in points ("2.0 points"), though the poll's shares are whole numbers.
  'poll-lead': (_a, _data, d, units) => formatPoints(d.pollLeadPoints / 100, units),
  'poll-sample': (_a, data) => formatCount(data.poll.sampleSize),
  /** A timeline event's date, "2 June 2023". */
  'event-date': (id, data, _d, units) => {
    const e = data.timeline.find((x) => x.id === id);
    return e && formatIsoDate(e.date, units.months);
  },
  pollster: (_a, data) => data.poll.pollster,
  'poll-fieldwork-start': (_a, data, _d, units) => formatIsoDate(data.poll.fieldworkStart, units.months),
  'poll-fieldwork-end': (_a, data, _d, units) => formatIsoDate(data.poll.fieldworkEnd, units.months),
  'poll-published': (_a, data, _d, units) => formatIsoDate(data.poll.published, units.months),
  'poll-list': (_a, data, d, units) =>
    listOf(
      d.pollRanked.map((p) => `${surname(data, p.id)} ${formatPercentFigure(p.percent)}`),
      units,
    ),
  target: (_a, data) => formatPounds(data.fundraising.crowdfunder.targetPounds),
  'target-deadline': (_a, data) => data.fundraising.crowdfunder.targetDeadline,
  'crowdfunder-launched': (_a, data, _d, units) => formatIsoDate(data.fundraising.crowdfunder.launched, units.months),
  'campaign-cost': (_a, data) => formatPounds(data.fundraising.crowdfunder.fullCampaignCostPounds),
  raised: (id, data) => {
    const m = data.fundraising.crowdfunder.milestones.find((x) => x.id === id);
    return m && formatPounds(m.amountPounds);
  },
  donors: (id, data) => {
    const m = data.fundraising.crowdfunder.milestones.find((x) => x.id === id);
    return m?.donors === undefined ? undefined : formatCount(m.donors);
  },
  offline: (id, data) => {
    const m = data.fundraising.crowdfunder.milestones.find((x) => x.id === id);
    return m?.offlinePounds === undefined ? undefined : formatPounds(m.offlinePounds);
  },
  milestones: (_a, data, _d, units) =>
    listOf(
      data.fundraising.crowdfunder.milestones.map((m) => `${m.qualifier} ${formatPounds(m.amountPounds)} (${m.when})`),
      units,
    ),
  /** Online plus offline, as reported together ("more than £142,000 ... plus £20,000" is more than £162,000). */
  'raised-with-offline': (id, data) => {
    const m = data.fundraising.crowdfunder.milestones.find((x) => x.id === id);
    return m?.offlinePounds === undefined ? undefined : formatPounds(m.amountPounds + m.offlinePounds);
  },
  'selection-share': (id, data) => {
    const entry = data.results.labourSelection.ballot.find((b) => b.id === id);
    return entry && formatPercentFigure(entry.percent);
  },
  union: (id, data) => {
    const u = data.fundraising.unionDonations.find((x) => x.id === id);
    return u && formatPounds(u.amountPounds);
  },
};

export interface TokenUse {
  token: string;
  name: string;
  arg?: string;
}

export function findTokens(text: string): TokenUse[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ token: m[0], name: m[1], arg: m[2] }));
}

/** The value of one token, or undefined when the token or its argument is unknown. */
export function resolveToken(use: TokenUse, data: ChartData, derived: Derived, units: Units): string | undefined {
  const resolver = RESOLVERS[use.name];
  return resolver ? resolver(use.arg, data, derived, units) : undefined;
}

/** Replaces every token. Unknown tokens are a build error (see validate.ts); here they throw. */
export function fillTokens(text: string, data: ChartData, derived: Derived, units: Units): string {
  return text.replace(TOKEN, (token, name: string, arg?: string) => {
    const value = resolveToken({ token, name, arg }, data, derived, units);
    if (value === undefined) throw new Error(`Unknown token ${token}`);
    return value;
  });
}

/** Leftover braces mean a token the pattern did not recognise, e.g. "{{Votes}}". */
export function hasMalformedToken(text: string): boolean {
  return text.replace(TOKEN, '').includes('{{') || text.replace(TOKEN, '').includes('}}');
}

const SLOT = /(?<!\{)\{([a-zA-Z]+)\}(?!\})/g;

/**
 * Fills the local {slots} of a template that a component repeats per row or per item, e.g.
 * "{winner} by {votes} over {runnerUp}". Slots are single-braced so they never clash with the
 * dataset-wide {{tokens}}; which slots a field may use is checked at build time (copyFields.ts).
 */
export function fillSlots(template: string, values: Record<string, string>): string {
  return template.replace(SLOT, (slot, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Unknown slot ${slot} in "${template}"`);
    return value;
  });
}

export function findSlots(text: string): string[] {
  return [...text.matchAll(SLOT)].map((m) => m[1]);
}
