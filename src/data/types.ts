/** Shapes of the JSON files in data/. The validator proves a file has this shape before anything casts to it. */

export type CandidateId = string;
export type SourceId = string;

export interface Source {
  id: SourceId;
  publisher: string;
  /** Our description of the piece; not a quotation of its headline. */
  title: string;
  /** ISO date, to the precision we know: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  /** Canonical address at the original publisher; absent when we only saw a mirror. */
  url?: string;
}

export interface Candidate {
  id: CandidateId;
  name: string;
  surname: string;
  party: string;
  partyShort: string;
  colour: string;
  colourDark: string;
  sourceIds: SourceId[];
}

export type CouncilGroup = 'north-of-tyne' | 'lamb';

export interface Area {
  code: string;
  name: string;
  shortName?: string;
  group: CouncilGroup;
  votes: Record<CandidateId, number>;
  turnoutPercent?: number;
  sourceIds: SourceId[];
}

export interface Correction {
  areaCode: string;
  candidateId: CandidateId;
  printed: string;
  used: number;
  note: string;
  sourceIds: SourceId[];
}

export interface Discrepancy {
  areaCode: string;
  candidateId: CandidateId;
  /** Sum of the area counts minus the declared total that this entry accounts for. */
  difference: number;
  note: string;
  sourceIds: SourceId[];
}

export interface Results {
  election: {
    name: string;
    pollingDay: string;
    declarationDay: string;
    system: string;
    turnoutPercent: number;
    sourceIds: SourceId[];
  };
  declaredTotals: Record<CandidateId, number>;
  areas: Area[];
  corrections: Correction[];
  discrepancies: Discrepancy[];
}

export interface Poll {
  pollster: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  published: string;
  sampleSize: number;
  sharesPercent: Record<CandidateId, number>;
  note: string;
  sourceIds: SourceId[];
}

export interface FundraisingMilestone {
  id: string;
  /** As the sources date it; several are approximate, so this is display text, not a date. */
  when: string;
  amountPounds: number;
  qualifier: 'past' | 'more than' | 'about';
  donors?: number;
  donorsQualifier?: 'about' | 'more than';
  /** Some reports count donations, not donors; the two are not the same number. Default "donors". */
  donorsUnit?: 'donors' | 'donations';
  offlinePounds?: number;
  sourceIds: SourceId[];
}

export interface UnionDonation {
  id: string;
  union: string;
  unionFullName: string;
  amountPounds: number;
  when: string;
  labourAffiliated: boolean;
  expelledFromLabour: string;
  sourceIds: SourceId[];
}

export interface Fundraising {
  crowdfunder: {
    launched: string;
    targetPounds: number;
    targetDeadline: string;
    fullCampaignCostPounds: number;
    sourceIds: SourceId[];
    milestones: FundraisingMilestone[];
  };
  unionDonations: UnionDonation[];
}

export interface TimelineEvent {
  id: string;
  date: string;
  label: string;
  shortLabel: string;
  sourceIds: SourceId[];
}

export interface Quote {
  id: string;
  speaker: string;
  context: string;
  date: string;
  text: string;
  sourceIds: SourceId[];
}

export interface Step {
  id: string;
  title: string;
  paragraphs: string[];
  /** A graphic state id, e.g. "map:region" or "timeline:barred"; see graphicStates.ts. */
  graphic: string;
  quoteIds: string[];
  /** Text alternative for the graphic in this state; may contain {{tokens}}. */
  alt: string;
  sourceIds: SourceId[];
}

export interface Story {
  meta: { title: string; description: string; shareImage: string; shareImageAlt: string };
  headline: string;
  standfirst: string;
  credits: string;
  steps: Step[];
}

export interface CouncilTopology {
  type: 'Topology';
  objects: { councils: { type: 'GeometryCollection'; geometries: { id: string; properties: { code: string; name: string; group: CouncilGroup } }[] } };
}

export interface Dataset {
  candidates: Candidate[];
  results: Results;
  poll: Poll;
  fundraising: Fundraising;
  timeline: TimelineEvent[];
  quotes: Quote[];
  sources: Source[];
  story: Story;
}

/** What the charts need in the browser; the story's copy, quotes and sources stay in the prerendered HTML. */
export type ChartData = Pick<Dataset, 'candidates' | 'results' | 'poll' | 'fundraising' | 'timeline'>;

/** The raw files as parsed JSON, keyed by their path in the repo (e.g. "data/results.json"). */
export type RawDataFiles = Record<string, unknown>;
