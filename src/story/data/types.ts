/**
 * The dataset's types, inferred from the schemas in schema.ts (the one place a field is described).
 * Type-only imports: nothing here reaches the browser's bundle.
 */
import type { z } from 'zod';
import type {
  areaSchema,
  candidateSchema,
  correctionSchema,
  councilGroupSchema,
  DataFiles,
  discrepancySchema,
  embedPanelSchema,
  graphicLabelsSchema,
  guideEntrySchema,
  methodCopySchema,
  milestoneSchema,
  pageCopySchema,
  pollSchema,
  quoteSchema,
  sourceSchema,
  stepChartSchema,
  stepSchema,
  tablesCopySchema,
  textRunSchema,
  timelineEventSchema,
  unionDonationSchema,
  unitsSchema,
} from './schema.ts';

export type CandidateId = string;
export type SourceId = string;

export type Source = z.output<typeof sourceSchema>;
export type Candidate = z.output<typeof candidateSchema>;
export type CouncilGroup = z.output<typeof councilGroupSchema>;
export type Area = z.output<typeof areaSchema>;
export type Correction = z.output<typeof correctionSchema>;
export type Discrepancy = z.output<typeof discrepancySchema>;
export type Poll = z.output<typeof pollSchema>;
export type FundraisingMilestone = z.output<typeof milestoneSchema>;
export type UnionDonation = z.output<typeof unionDonationSchema>;
export type TimelineEvent = z.output<typeof timelineEventSchema>;
export type Quote = z.output<typeof quoteSchema>;
export type Step = z.output<typeof stepSchema>;
export type StepChart = z.output<typeof stepChartSchema>;

/** A chart's caption as the reader sees it: its {{tokens}} filled and its sources named (captions.ts). */
export interface ChartCaption {
  title: string;
  reading: string;
  /** The whole source line, e.g. "Sources: BBC News, ITV News Tyne Tees". */
  source: string;
}
export type GuideEntry = z.output<typeof guideEntrySchema>;
export type TextRun = z.output<typeof textRunSchema>;
export type PageCopy = z.output<typeof pageCopySchema>;
export type TablesCopy = z.output<typeof tablesCopySchema>;
export type MethodCopy = z.output<typeof methodCopySchema>;
export type GraphicLabels = z.output<typeof graphicLabelsSchema>;
/** The words around figures (data/story.json units): "points", month names, "c.", list and result templates. */
export type Units = z.output<typeof unitsSchema>;
export type EmbedPanelCopy = z.output<typeof embedPanelSchema>;

/** A whole file's content without its "$schema" pointer, which is for editors, not for the page. */
type Content<K extends keyof DataFiles> = Omit<DataFiles[K], '$schema'>;

export type Results = Content<'results'>;
export type Fundraising = Content<'fundraising'>;
export type Story = Content<'story'>;
// TopoJSON keeps whatever else a tool wrote (a loose schema), so its type is the whole file's.
export type CouncilTopology = DataFiles['councils'];

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

/** Everything in data/: the dataset and the council boundaries the map is projected from at build time. */
export interface DataModel extends Dataset {
  councils: CouncilTopology;
}

/** What the charts need in the browser; the story's copy, quotes and sources stay in the prerendered HTML. */
export type ChartData = Pick<Dataset, 'candidates' | 'results' | 'poll' | 'fundraising' | 'timeline'>;

/** The story's words, quotes and sources: rendered to static HTML at build time only. */
export type StoryContent = Pick<Dataset, 'story' | 'quotes' | 'sources'>;
