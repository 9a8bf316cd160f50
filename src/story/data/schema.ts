/**
 * The shape of every file in data/, as zod schemas: the single source of the dataset's TypeScript
 * types (types.ts infers them), of the per-file rules the build enforces, and of the JSON Schema
 * files in data/schemas/ that editors' tools read (scripts/json-schemas.ts).
 *
 * Build time only: the browser's code imports types from here, never values, so it carries no zod.
 * Each rule's message is what an editor reads after "<file>: <path>: ", so it says what was expected;
 * the validator adds the value it found.
 */
import { z } from 'zod';
import { GRAPHIC_LABELS, GRAPHICS, TIMELINE_EVENT, type GraphicStateId, type GraphicTable, type LabelTable, type StateIdOf } from './graphicStates.ts';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for a real calendar date in YYYY-MM-DD, or YYYY / YYYY-MM when partial is allowed. */
export function isIsoDate(value: string, allowPartial: boolean): boolean {
  const m = (allowPartial ? PARTIAL_DATE : FULL_DATE).exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(Number(y), month - 1, Number(d)));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === Number(d);
}

/** Notes added to "unknown field" where an editor might be tempted to type in a derived figure. */
const COMPUTED = ' (shares, totals, margins and winners are computed from the counts, not typed in)';
const LEAD_COMPUTED = ' (the lead is computed from the shares)';

// Leaf rules. Each check carries the same message, so the editor reads one rule, whichever check failed.
const text = () => {
  const rule = 'expected a non-empty string';
  return z.string({ error: rule }).regex(/\S/, { error: rule });
};
const wholeNumber = () => {
  const rule = 'expected a whole non-negative number';
  return z.int({ error: rule }).min(0, { error: rule });
};
const percent = () => {
  const rule = 'expected a percentage from 0 to 100';
  return z.number({ error: rule }).min(0, { error: rule }).max(100, { error: rule });
};
const date = () => {
  const rule = 'expected a real date as YYYY-MM-DD';
  return z
    .string({ error: rule })
    .regex(FULL_DATE, { error: rule })
    .refine((v) => isIsoDate(v, false), { error: rule });
};
const partialDate = () => {
  const rule = 'expected a real date as YYYY, YYYY-MM or YYYY-MM-DD';
  return z
    .string({ error: rule })
    .regex(PARTIAL_DATE, { error: rule })
    .refine((v) => isIsoDate(v, true), { error: rule });
};
const id = () => {
  const rule = 'expected a lower-case id of letters, digits and hyphens';
  return z.string({ error: rule }).regex(ID_PATTERN, { error: rule });
};
const colour = () => {
  const rule = 'expected a colour as #rrggbb';
  return z.string({ error: rule }).regex(/^#[0-9a-fA-F]{6}$/, { error: rule });
};
const address = () => {
  const rule = 'expected an http(s) address';
  return z
    .string({ error: rule })
    .regex(/^https?:\/\/[^\s]+$/, { error: rule })
    .refine((v) => URL.canParse(v), { error: rule });
};
const onsCode = () => {
  const rule = 'expected an ONS code such as "E08000021"';
  return z.string({ error: rule }).regex(/^E0\d{7}$/, { error: rule });
};
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.map((v) => `"${v}"`).join(', ')}` });
const yesNo = () => z.boolean({ error: 'expected true or false' });

/** A list; most lists must have at least one entry. */
function list<T extends z.ZodType>(item: T, nonEmpty = true) {
  const base = z.array(item, { error: 'expected a list' });
  return nonEmpty ? base.min(1, { error: 'expected at least one entry' }) : base;
}

/** An object with exactly these fields; any other field is a mistake (often a typed-in derived figure). */
function fields<S extends z.ZodRawShape>(shape: S, why = '') {
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field${why}` : 'expected an object') });
}

const schemaPointer = () =>
  z
    .string({ error: 'expected the path of this file\'s JSON Schema, e.g. "./schemas/story.schema.json"' })
    .optional()
    .describe("Path to this file's JSON Schema, for editors' tools");

/** A whole file: its fields, plus the "$schema" pointer editors use to find data/schemas/<file>.schema.json. */
function file<S extends z.ZodRawShape>(shape: S, why = '') {
  return fields({ $schema: schemaPointer(), ...shape }, why);
}

/** Candidate id to a figure; that every candidate has one is a cross-file rule (rules.ts). */
const byCandidate = <T extends z.ZodType>(figure: T) =>
  z.record(z.string(), figure, { error: 'expected an object of candidate id to number' }).describe('One figure per candidate id in data/candidates.json');

const sourceIds = () => list(id()).describe('Ids of entries in data/sources.json');

export const sourceSchema = fields({
  id: id(),
  publisher: text(),
  title: text().describe('Our description of the piece; not a quotation of its headline'),
  date: partialDate().optional().describe('To the precision we know: YYYY, YYYY-MM or YYYY-MM-DD'),
  url: address().optional().describe('Canonical address at the original publisher; absent when we only saw a mirror'),
  publishedTitle: yesNo().optional().describe("True when `title` is the piece's own published title (as the fact sheet gives it), not our description"),
  shortName: text().optional().describe('The name a chart\'s source line gives ("BBC News"); default `publisher`'),
});

export const candidateSchema = fields({
  id: id(),
  name: text(),
  surname: text(),
  party: text(),
  partyShort: text(),
  colour: colour(),
  colourDark: colour().describe('The colour on a dark background'),
  sourceIds: sourceIds(),
});

export const councilGroupSchema = oneOf(['north-of-tyne', 'lamb']);

export const areaSchema = fields(
  {
    code: onsCode(),
    name: text(),
    shortName: text().optional(),
    group: councilGroupSchema,
    votes: byCandidate(wholeNumber()),
    turnoutPercent: percent().optional(),
    sourceIds: sourceIds(),
  },
  COMPUTED,
);

export const correctionSchema = fields({
  areaCode: onsCode(),
  candidateId: id(),
  printed: text().describe('The figure as a source printed it'),
  used: wholeNumber().describe("The figure we use: must equal the area's count"),
  note: text(),
  sourceIds: sourceIds(),
});

export const discrepancySchema = fields({
  areaCode: onsCode(),
  candidateId: id(),
  difference: z
    .int({ error: 'expected a non-zero whole number of votes' })
    .refine((n) => n !== 0, { error: 'expected a non-zero whole number of votes' })
    .describe('Sum of the area counts minus the declared total that this entry accounts for'),
  note: text(),
  sourceIds: sourceIds(),
});

export const electionSchema = fields(
  {
    name: text(),
    pollingDay: date(),
    declarationDay: date(),
    system: text(),
    turnoutPercent: percent(),
    sourceIds: sourceIds(),
  },
  COMPUTED,
);

/** Labour's members' ballot for its candidate, as the press reported it (percentages only). */
export const labourSelectionSchema = fields({
  date: date(),
  ballot: list(fields({ id: id(), name: text(), percent: percent() })),
  sourceIds: sourceIds(),
});

export const pollSchema = fields(
  {
    pollster: text(),
    fieldworkStart: date(),
    fieldworkEnd: date(),
    published: date(),
    sampleSize: wholeNumber(),
    sharesPercent: byCandidate(percent()),
    note: text(),
    sourceIds: sourceIds(),
  },
  LEAD_COMPUTED,
);

export const milestoneSchema = fields({
  id: id(),
  when: text().describe('As the sources date it; several are approximate, so this is display text, not a date'),
  amountPounds: wholeNumber(),
  qualifier: oneOf(['past', 'more than', 'about']),
  donors: wholeNumber().optional(),
  donorsQualifier: oneOf(['about', 'more than']).optional(),
  donorsUnit: oneOf(['donors', 'donations']).optional().describe('Some reports count donations, not donors; the two are not the same number. Default "donors"'),
  offlinePounds: wholeNumber().optional(),
  sourceIds: sourceIds(),
});

export const unionDonationSchema = fields({
  id: id(),
  union: text(),
  unionFullName: text(),
  amountPounds: wholeNumber(),
  when: text(),
  labourAffiliated: yesNo(),
  expelledFromLabour: partialDate(),
  sourceIds: sourceIds(),
});

export const timelineEventSchema = fields({
  id: id(),
  date: date(),
  label: text(),
  shortLabel: text(),
  sourceIds: sourceIds(),
});

export const quoteSchema = fields({
  id: id(),
  speaker: text(),
  context: text(),
  date: partialDate(),
  text: text().describe('Exactly as said or written'),
  sourceIds: sourceIds(),
});

/**
 * The state ids a table's graphics can draw (one template per graphic, in table order), with one
 * message listing them all.
 */
export function graphicStateSchemaFor<T extends GraphicTable>(table: T) {
  const kinds = Object.entries(table);
  const list = kinds
    .flatMap(([kind, { variants }]) => (variants === TIMELINE_EVENT ? [`"${kind}:<event id>"`] : variants.map((v) => `"${kind}:${v}"`)))
    .join(', ');
  const [first, ...rest] = kinds.map(([kind, { variants }]) =>
    z.templateLiteral([`${kind}:`, variants === TIMELINE_EVENT ? z.string().regex(ID_PATTERN) : z.enum(variants as [string, ...string[]])]),
  );
  return z
    .union([first, ...rest], { error: `expected a graphic state: one of ${list} (see src/story/data/graphicStates.ts)` })
    .describe('The complete state of the graphic while this step is active') as unknown as z.ZodType<StateIdOf<T>>;
}

export const graphicStateSchema = graphicStateSchemaFor(GRAPHICS);

/** The ids the schema accepts are exactly the table's state ids (this fails to compile otherwise). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const STATE_IDS_MATCH_TABLE: Same<z.output<typeof graphicStateSchema>, GraphicStateId> = true;

/**
 * What the graphic itself says in a step's state, above and below the chart: a title, one line on
 * what to see in it, and where its figures come from. Figures are {{tokens}}, never typed in.
 */
export const stepChartSchema = fields(
  {
    title: text().describe("The chart's title, above it; may use {{tokens}}"),
    reading: text().describe('One line telling a general reader what the shape shows (the "what to see"); may use {{tokens}}'),
    sourceIds: sourceIds().describe("Ids of entries in data/sources.json: the sources of the chart's figures, shown below it by their short names"),
  },
  ' (a chart has a title, a reading and sourceIds; figures are {{tokens}}, computed, not typed in)',
);

export const stepSchema = fields({
  id: id().describe('Also the deep link: #<id>'),
  title: text(),
  paragraphs: list(text()),
  graphic: graphicStateSchema,
  chart: stepChartSchema.describe("The graphic's own title, reading and source line in this state (steps showing the same state give the same chart)"),
  quoteIds: list(id(), false).describe('Ids of entries in data/quotes.json'),
  alt: text().describe('Text alternative for the graphic in this state'),
  sourceIds: sourceIds(),
});

/** One entry of the reader's guide ("Who's who", "How the vote works"). */
export const guideEntrySchema = fields({
  id: id().describe('Also the link target: #guide-<id>'),
  term: text(),
  mention: text().describe("The words in the steps' copy whose first use links to this entry"),
  firstMentionTitle: text().optional().describe('For a person or body: the title the copy gives at first mention, in the same sentence as the first mention'),
  definition: text(),
  sourceIds: sourceIds(),
});

export const guideSchema = fields({
  title: text(),
  intro: text(),
  openLink: text().describe('The link to the guide under each step and in the header'),
  people: fields({ title: text(), entries: list(guideEntrySchema) }),
  process: fields({ title: text(), entries: list(guideEntrySchema) }),
});

/** Who publishes the page and when: a publisher changes these, not the code. */
export const publicationSchema = fields({
  newsroom: text(),
  published: date(),
  updated: date(),
  dates: text().describe('"Published {published}; updated {updated}"'),
});

export const storyMetaSchema = fields({
  title: text(),
  description: text(),
  shareImage: text(),
  shareImageAlt: text(),
});

/*
 * Reader-visible words that components used to hold. Which fields take dataset-wide {{tokens}} and
 * which take per-row {slots} is listed in copyFields.ts (TOKEN_FIELDS, SLOT_FIELDS) and checked by rules.ts.
 */
const lines = () => list(text());

/** A run of attribution text, linked when it has a url. */
export const textRunSchema = fields({ text: text(), url: address().optional() });

export const pageCopySchema = fields({
  skipLink: text(),
  scrollCue: text(),
  storyLabel: text().describe("The accessible name of the scrolling story's region"),
  stepCount: text(),
  graphicDescription: text(),
  stepSources: text(),
  quoteSource: text(),
  chartSource: fields({ one: text(), many: text() }).describe(
    "A chart's source line: {names} is where its sources' short names go, for one source and for several",
  ),
  stepNav: fields({ label: text(), previous: text(), next: text(), idle: text(), status: text() }).describe('The step-through control'),
});

export const tablesCopySchema = fields({
  results: fields({
    title: text(),
    intro: text(),
    totalsCaption: text(),
    columns: fields({ candidate: text(), party: text(), votes: text(), share: text(), poll: text() }),
    totalValid: text(),
    majority: text(),
    majorityBetween: text(),
    areasCaption: text(),
    areaColumns: fields({ council: text(), total: text(), winnerMargin: text() }),
    winnerMargin: text(),
    areaSum: text(),
    declaredTotal: text(),
    correctionMark: text(),
    discrepancyMark: text(),
  }),
  chartData: fields({
    title: text(),
    pollCaption: text(),
    pollColumns: fields({ candidate: text(), intention: text() }),
    moneyCaption: text(),
    moneyColumns: fields({ when: text(), amount: text(), donors: text(), source: text() }),
    offline: text(),
    notReported: text(),
    unionDonation: text(),
    timelineCaption: text(),
    timelineColumns: fields({ date: text(), event: text() }),
  }),
});

export const methodCopySchema = fields({
  title: text(),
  paragraphs: lines(),
  correctionsTitle: text(),
  discrepanciesTitle: text(),
  discrepancyCheck: text(),
  notes: lines(),
  sourcesTitle: text(),
  sourcesIntro: text(),
  mapTitle: text(),
  creditsTitle: text(),
});

/** The words a table's graphics draw: graphicLabels.<kind> for each graphic with labels. */
type LabelsOf<L> = { -readonly [K in keyof L]-?: { -readonly [F in keyof L[K]]: L[K][F] extends 'lines' ? string[] : string } };

/** Words drawn inside the charts, from each graphic's labels, in table order; each list is the lines a chart wraps by hand. */
export function graphicLabelsSchemaFor<T extends GraphicTable, L extends LabelTable<T>>(table: T, labels: L) {
  const shape = Object.fromEntries(
    Object.keys(table).flatMap((kind) => {
      const own: Readonly<Record<string, string>> | undefined = labels[kind];
      return own ? [[kind, fields(Object.fromEntries(Object.entries(own).map(([name, field]) => [name, field === 'lines' ? lines() : text()])))]] : [];
    }),
  );
  return fields(shape) as unknown as z.ZodType<LabelsOf<L>>;
}

export const graphicLabelsSchema = graphicLabelsSchemaFor(GRAPHICS, GRAPHIC_LABELS);

/**
 * The words the formatters put around figures, wherever a figure is shown: in the copy's {{tokens}},
 * the tables and the charts. Each template must use every one of its {slots} (copyFields.ts).
 */
const twelve = (why: string) => z.array(text()).length(12, { error: 'expected the twelve months, January first' }).describe(why);
export const unitsSchema = fields({
  point: text().describe('A gap of exactly 1.0 share points: "1.0 point"'),
  points: text().describe('Any other gap: "2.0 points"'),
  months: twelve('Dates in the copy and tables: "2 June 2023"'),
  monthsShort: twelve('Dates on the charts\' axes: "17 Jul"'),
  numbers: z
    .array(text())
    .length(10, { error: 'expected the words for zero to nine, zero first' })
    .describe('House style: whole numbers under ten as words, "seven council areas"'),
  about: text().describe('An approximate figure, e.g. "c. {value}"'),
  listEnd: text().describe('The last item of a list, e.g. "{list}; and {last}"'),
  resultListItem: text().describe('One candidate in {{result-list}}'),
  areaWinner: text().describe('One council area in {{area-winners}}'),
  areaWinsAll: text().describe('{{area-wins-phrase}} when one candidate won every area'),
  areaWinsSome: text().describe('{{area-wins-phrase}} otherwise'),
});

/** The "Embed this story" panel in the appendix: its words around the three codes (the codes themselves are built in src/kit/embed/embedCodes.ts). */
const embedCodeCopy = () => fields({ title: text(), help: text() });
export const embedPanelSchema = fields({
  title: text(),
  intro: text(),
  codes: fields({ script: embedCodeCopy(), pym: embedCodeCopy(), iframe: embedCodeCopy() }),
  copyButton: text().describe("The copy button under each code; {code} is where the code's title goes, read by screen readers only"),
  copied: text(),
  selected: text().describe('Shown when the browser gives no clipboard and the code is selected for the reader to copy'),
});

const councilPropertiesSchema = fields({ code: onsCode(), name: text(), group: councilGroupSchema });
const arcIndexes = z.array(z.int());
const councilGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), id: onsCode(), arcs: z.array(arcIndexes), properties: councilPropertiesSchema }),
  z.object({ type: z.literal('MultiPolygon'), id: onsCode(), arcs: z.array(z.array(arcIndexes)), properties: councilPropertiesSchema }),
]);
const pair = z.tuple([z.number(), z.number()]);

/** The schemas of the files in data/, by the key the dataset uses for each. */
export const FILE_SCHEMAS = {
  sources: file({ sources: list(sourceSchema) }),
  candidates: file({
    candidates: list(candidateSchema).min(2, { error: 'expected at least two candidates' }),
  }),
  results: file(
    {
      election: electionSchema,
      declaredTotals: byCandidate(wholeNumber()).describe('Totals as declared by the returning officer'),
      areas: list(areaSchema),
      corrections: list(correctionSchema, false).describe('Figures a source printed wrongly, and the figure we use instead'),
      discrepancies: list(discrepancySchema, false).describe('Known, documented differences between the area counts and the declared totals'),
      labourSelection: labourSelectionSchema.describe("Labour's members' ballot that chose its candidate"),
    },
    COMPUTED,
  ),
  poll: file({ poll: pollSchema }),
  fundraising: file({
    crowdfunder: fields({
      launched: date(),
      targetPounds: wholeNumber(),
      targetDeadline: text(),
      fullCampaignCostPounds: wholeNumber(),
      sourceIds: sourceIds(),
      milestones: list(milestoneSchema).describe('In the order reported; a running total cannot fall'),
    }),
    unionDonations: list(unionDonationSchema, false),
  }),
  timeline: file({ events: list(timelineEventSchema).describe('In date order') }),
  quotes: file({ quotes: list(quoteSchema) }),
  story: file({
    meta: storyMetaSchema,
    kicker: text(),
    headline: text(),
    standfirst: text(),
    credits: text().describe('{newsroom} is filled from publication.newsroom'),
    publication: publicationSchema,
    guide: guideSchema,
    page: pageCopySchema,
    steps: list(stepSchema),
    tables: tablesCopySchema,
    method: methodCopySchema,
    mapAttribution: list(textRunSchema),
    graphicLabels: graphicLabelsSchema,
    units: unitsSchema,
    embedPanel: embedPanelSchema,
  }),
  /** TopoJSON from ONS boundaries: only what the map reads is checked; anything else a tool adds is kept. */
  councils: z.looseObject({
    $schema: schemaPointer(),
    type: z.literal('Topology', { error: 'expected a TopoJSON Topology' }),
    bbox: z
      .union([z.tuple([z.number(), z.number(), z.number(), z.number()]), z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()])])
      .optional(),
    transform: z.object({ scale: pair, translate: pair }).optional(),
    arcs: z.array(z.array(z.array(z.number()))),
    objects: z.looseObject({
      councils: z.object(
        { type: z.literal('GeometryCollection'), geometries: list(councilGeometrySchema) },
        { error: 'expected a "councils" GeometryCollection' },
      ),
    }),
  }),
};

export type DataFileKey = keyof typeof FILE_SCHEMAS;
export type DataFiles = { [K in DataFileKey]: z.output<(typeof FILE_SCHEMAS)[K]> };
