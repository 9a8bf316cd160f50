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
  /** True when `title` is the piece's own published title (as the fact sheet gives it), not our description. */
  publishedTitle?: boolean;
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

/** A run of attribution text, linked when it has a url. */
export interface TextRun {
  text: string;
  url?: string;
}

/**
 * Reader-visible words that components used to hold. Fields marked {{tokens}} take dataset-wide
 * tokens; fields marked {slots} take only the named per-row slots (see src/data/copyFields.ts).
 */
export interface PageCopy {
  skipLink: string;
  scrollCue: string;
  /** The accessible name of the scrolling story's region. */
  storyLabel: string;
  /** {step} {steps} */
  stepCount: string;
  graphicDescription: string;
  stepSources: string;
  quoteSource: string;
  /** The step-through control: idle takes {steps}; status takes {step} {steps} {title}. */
  stepNav: { label: string; previous: string; next: string; idle: string; status: string };
}

export interface TablesCopy {
  results: {
    title: string;
    /** {{tokens}} */
    intro: string;
    /** {{tokens}} */
    totalsCaption: string;
    columns: { candidate: string; party: string; votes: string; share: string; poll: string };
    totalValid: string;
    majority: string;
    /** {winner} {runnerUp} */
    majorityBetween: string;
    areasCaption: string;
    areaColumns: { council: string; total: string; winnerMargin: string };
    /** {winner} {votes} {points} {runnerUp} */
    winnerMargin: string;
    areaSum: string;
    declaredTotal: string;
    correctionMark: string;
    discrepancyMark: string;
  };
  chartData: {
    title: string;
    /** {{tokens}} */
    pollCaption: string;
    pollColumns: { candidate: string; intention: string };
    /** {{tokens}} */
    moneyCaption: string;
    moneyColumns: { when: string; amount: string; donors: string; source: string };
    /** {online} {offline} */
    offline: string;
    notReported: string;
    /** {union} */
    unionDonation: string;
    timelineCaption: string;
    timelineColumns: { date: string; event: string };
  };
}

export interface MethodCopy {
  title: string;
  /** {{tokens}} */
  paragraphs: string[];
  correctionsTitle: string;
  discrepanciesTitle: string;
  /** {candidate} {areaSum} {declared} */
  discrepancyCheck: string;
  /** {{tokens}} */
  notes: string[];
  sourcesTitle: string;
  sourcesIntro: string;
  noLink: string;
  mapTitle: string;
  creditsTitle: string;
}

/** Words drawn inside the charts; each entry is a list of lines where the chart wraps by hand. */
export interface GraphicLabels {
  map: {
    northOfTyne: string[];
    southOfTyne: string[];
    /** {winner} {party} {count} */
    winnerEverywhere: string[];
    winnerEach: string[];
    shading: string[];
  };
  money: { title: string; target: string };
  /** pollTitle: {pollster} {published}; resultTitle: {declared}; pollMarker: {share} */
  bars: { pollTitle: string; resultTitle: string; pollMarker: string };
}

export interface Story {
  /** description takes {{tokens}} */
  meta: { title: string; description: string; shareImage: string; shareImageAlt: string };
  kicker: string;
  headline: string;
  /** {{tokens}} */
  standfirst: string;
  credits: string;
  page: PageCopy;
  steps: Step[];
  tables: TablesCopy;
  method: MethodCopy;
  mapAttribution: TextRun[];
  graphicLabels: GraphicLabels;
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
