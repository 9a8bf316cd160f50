/**
 * Every number the page shows that is not a raw count is worked out here, from the raw counts.
 * Pure functions of the dataset: no DOM, no formatting. `figuresOf` bundles the dataset with what is
 * derived from it and the candidate lookup: the one object the page's tables and the graphics both
 * read (src/story/data/storyFigures.ts holds the story's; the graphics' chart model is built on it).
 */
import type { Area, Candidate, CandidateId, ChartData } from './types.ts';

export interface CandidateResult {
  id: CandidateId;
  votes: number;
  /** Share of all valid votes, 0..1. */
  share: number;
}

export interface AreaResult {
  code: string;
  name: string;
  label: string;
  group: Area['group'];
  total: number;
  /** Candidates by votes in this area, highest first. */
  ranked: CandidateResult[];
  winnerId: CandidateId;
  runnerUpId: CandidateId;
  marginVotes: number;
  /** Winner's share minus runner-up's share, 0..1. */
  marginShare: number;
  turnoutPercent?: number;
}

export interface AreaSumCheck {
  candidateId: CandidateId;
  areaSum: number;
  declared: number;
  /** areaSum - declared. */
  difference: number;
}

export interface Derived {
  totalVotes: number;
  /** Region-wide results from the declared totals, highest first. */
  results: CandidateResult[];
  winnerId: CandidateId;
  runnerUpId: CandidateId;
  majority: number;
  othersShare: number;
  areas: AreaResult[];
  areaWins: Record<CandidateId, number>;
  closestByVotes: AreaResult;
  closestByShare: AreaResult;
  areaSums: AreaSumCheck[];
  /** Poll lead of the poll's leader over the second, in percentage points. */
  pollLeadPoints: number;
  pollRanked: { id: CandidateId; percent: number }[];
}

/** Highest votes first; ties keep the candidates file's order so output is stable. */
export function rankVotes(votes: Record<CandidateId, number>, candidates: Candidate[]): CandidateResult[] {
  const total = candidates.reduce((sum, c) => sum + (votes[c.id] ?? 0), 0);
  return candidates
    .map((c, order) => ({ id: c.id, votes: votes[c.id] ?? 0, share: total > 0 ? (votes[c.id] ?? 0) / total : 0, order }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order)
    .map(({ id, votes: v, share }) => ({ id, votes: v, share }));
}

export function deriveArea(area: Area, candidates: Candidate[]): AreaResult {
  const ranked = rankVotes(area.votes, candidates);
  const total = ranked.reduce((sum, r) => sum + r.votes, 0);
  const [first, second] = ranked;
  return {
    code: area.code,
    name: area.name,
    label: area.shortName ?? area.name,
    group: area.group,
    total,
    ranked,
    winnerId: first.id,
    runnerUpId: second.id,
    marginVotes: first.votes - second.votes,
    marginShare: first.share - second.share,
    turnoutPercent: area.turnoutPercent,
  };
}

export function sumAreas(areas: Area[], candidates: Candidate[], declared: Record<CandidateId, number>): AreaSumCheck[] {
  return candidates.map((c) => {
    const areaSum = areas.reduce((sum, a) => sum + (a.votes[c.id] ?? 0), 0);
    return { candidateId: c.id, areaSum, declared: declared[c.id], difference: areaSum - declared[c.id] };
  });
}

export function derive(data: ChartData): Derived {
  const { candidates, results, poll } = data;
  const ranked = rankVotes(results.declaredTotals, candidates);
  const totalVotes = ranked.reduce((sum, r) => sum + r.votes, 0);
  const [winner, runnerUp] = ranked;
  const areas = results.areas.map((a) => deriveArea(a, candidates));
  const areaWins: Record<CandidateId, number> = Object.fromEntries(candidates.map((c) => [c.id, 0]));
  for (const a of areas) areaWins[a.winnerId] += 1;
  const closestByVotes = areas.reduce((best, a) => (a.marginVotes < best.marginVotes ? a : best));
  const closestByShare = areas.reduce((best, a) => (a.marginShare < best.marginShare ? a : best));
  const pollRanked = candidates
    .map((c, order) => ({ id: c.id, percent: poll.sharesPercent[c.id] ?? 0, order }))
    .sort((a, b) => b.percent - a.percent || a.order - b.order)
    .map(({ id, percent }) => ({ id, percent }));
  return {
    totalVotes,
    results: ranked,
    winnerId: winner.id,
    runnerUpId: runnerUp.id,
    majority: winner.votes - runnerUp.votes,
    othersShare: ranked.slice(2).reduce((sum, r) => sum + r.share, 0),
    areas,
    areaWins,
    closestByVotes,
    closestByShare,
    areaSums: sumAreas(results.areas, candidates, results.declaredTotals),
    pollLeadPoints: pollRanked[0].percent - pollRanked[1].percent,
    pollRanked,
  };
}

/** The figures and what is computed from them, worked out once: what the static tables and the graphics both read. */
export interface Figures {
  /** The figures: candidates, results, poll, fundraising, timeline. */
  data: ChartData;
  /** What is computed from them: shares, winners, margins, per-area results. */
  derived: Derived;
  /** A candidate by id; throws for an id the data does not have (the validator rules that out for the story). */
  candidate: (id: string) => Candidate;
}

/** A candidate lookup over the candidates file's entries. */
export function candidateLookup(candidates: Candidate[]): (id: string) => Candidate {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return (id: string): Candidate => {
    const found = byId.get(id);
    if (!found) throw new Error(`No candidate "${id}" in the chart data`);
    return found;
  };
}

/** The dataset with its derived figures and candidate lookup: derive() runs here, once per dataset. */
export function figuresOf(data: ChartData): Figures {
  return { data, derived: derive(data), candidate: candidateLookup(data.candidates) };
}
