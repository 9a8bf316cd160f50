/**
 * The graphics: one row per graphic, from which everything else is derived (README, "Adding a
 * graphic"): the state id type and the validator's rule (schema.ts, rules.ts), the schema of the
 * words drawn in each chart (schema.ts, data/story.json graphicLabels), and in the browser the box a
 * graphic is drawn in before it is measured and which chunk draws it (src/story/graphics/registry.ts
 * finds each graphic's code in src/story/graphics/<kind>/). A step cannot name a state no graphic
 * can draw. A state id is "<graphic>:<variant>".
 *
 * A graphic's row (and its entry in GRAPHIC_LABELS) is what is known of it before its code loads,
 * so the data layer may read it:
 * - variants: its states (or TIMELINE_EVENT: any id, checked against data/timeline.json);
 * - its labels (GRAPHIC_LABELS): the words it draws, from data/story.json graphicLabels.<kind>
 *   ('text': one string, 'lines': the lines a chart wraps by hand); no entry if it draws none;
 * - box: its default box at 13 px text (the prerendered HTML, the static copies of the stacked and
 *   print layouts), and naturalHeight, how many times that aspect's height it may take in a box as
 *   tall as its chart (1 if absent: a graphic that fills whatever height it is given);
 * - followsProgress: true if its drawing moves with the scroll through a step (its `progress` prop).
 *   Only then does the story stream each frame's progress to embed.js's graphic frame; otherwise
 *   that frame hears of step changes alone, which spares the host page a message every frame.
 *
 * Shipped to the browser: no schema library here.
 */

/** Timeline states are "timeline:<event id>": their variants are the events in data/timeline.json. */
export const TIMELINE_EVENT = 'event id from data/timeline.json';

export type LabelField = 'text' | 'lines';

/** One graphic's row. */
export interface GraphicDescriptor {
  readonly variants: readonly string[] | typeof TIMELINE_EVENT;
  readonly box: { readonly width: number; readonly height: number; readonly naturalHeight?: number };
  readonly followsProgress?: boolean;
}

export type GraphicTable = Readonly<Record<string, GraphicDescriptor>>;
/** The labels of a table's graphics: an entry for each graphic that draws words, none for one that draws none. */
export type LabelTable<T extends GraphicTable> = { readonly [K in keyof T]?: Readonly<Record<string, LabelField>> };

export const GRAPHICS = {
  map: { variants: ['north-of-tyne', 'region', 'result'], box: { width: 320, height: 400, naturalHeight: 2.5 } },
  timeline: { variants: TIMELINE_EVENT, box: { width: 320, height: 260, naturalHeight: 3 } },
  money: { variants: ['crowdfund', 'rmt'], box: { width: 320, height: 300, naturalHeight: 3 } },
  bars: { variants: ['poll', 'result'], box: { width: 320, height: 360, naturalHeight: 3 } },
  areas: { variants: ['margins'], box: { width: 320, height: 440, naturalHeight: 3 } },
} as const satisfies GraphicTable;

/**
 * The words each graphic draws (its labels), kept beside the table rather than in its rows so the
 * browser, which reads the table, does not carry them: only schema.ts reads this.
 */
export const GRAPHIC_LABELS = {
  map: {
    northOfTyne: 'lines',
    southOfTyne: 'lines',
    northOfTyneShort: 'lines',
    southOfTyneShort: 'lines',
    winnerEverywhere: 'lines',
    winnerEach: 'lines',
    shading: 'lines',
    shadeUnit: 'text',
  },
  money: { note: 'text', target: 'text' },
  bars: { pollMarker: 'text' },
  areas: { note: 'text', noteWithoutLead: 'text' },
  timeline: { group: 'text', range: 'text', dated: 'text', before: 'text', after: 'text' },
} as const satisfies LabelTable<typeof GRAPHICS>;

/** The box of a state no graphic draws (an unknown state draws an empty chart). */
export const NO_GRAPHIC_BOX = { width: 320, height: 240 } as const;

type Table = typeof GRAPHICS;
export type KindOf<T extends GraphicTable> = keyof T & string;
export type VariantOf<T extends GraphicTable, K extends KindOf<T>> = T[K]['variants'] extends readonly string[] ? T[K]['variants'][number] : string;
/** One state of one graphic of a table; a union discriminated by kind. */
export type StateOf<T extends GraphicTable> = { [K in KindOf<T>]: { kind: K; variant: VariantOf<T, K> } }[KindOf<T>];
/** A state id of a table's graphics. */
export type StateIdOf<T extends GraphicTable> = { [K in KindOf<T>]: `${K}:${VariantOf<T, K>}` }[KindOf<T>];

export type GraphicKind = KindOf<Table>;
export type GraphicVariant<K extends GraphicKind> = VariantOf<Table, K>;
/** One state of one graphic, e.g. { kind: 'map', variant: 'region' }; a union discriminated by kind. */
export type GraphicState = StateOf<Table>;
/** A state id as written in data/story.json, e.g. "map:region" or "timeline:barred". */
export type GraphicStateId = StateIdOf<Table>;

/**
 * Parses a state id against a table. Open variants (TIMELINE_EVENT) are accepted here as any id;
 * the validator checks them against the timeline's events. Returns null for an id no graphic can draw.
 */
export function parseStateIn<T extends GraphicTable>(table: T, id: string): StateOf<T> | null {
  const match = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id);
  if (!match || !Object.hasOwn(table, match[1])) return null;
  const variants = table[match[1]].variants;
  return variants === TIMELINE_EVENT || variants.includes(match[2]) ? ({ kind: match[1], variant: match[2] } as StateOf<T>) : null;
}

/** Whether a state's graphic moves with the scroll through its step (an unknown state's does not). */
export function followsProgressIn(table: GraphicTable, id: string): boolean {
  const state = parseStateIn(table, id);
  return state !== null && table[state.kind].followsProgress === true;
}

/** Every fixed state id of a table ("map:region", ...), in table order. */
export function fixedStatesIn(table: GraphicTable): string[] {
  return Object.entries(table).flatMap(([kind, { variants }]) => (variants === TIMELINE_EVENT ? [] : variants.map((v) => `${kind}:${v}`)));
}

export function isGraphicKind(kind: string): kind is GraphicKind {
  return Object.hasOwn(GRAPHICS, kind);
}

export const GRAPHIC_KINDS = Object.keys(GRAPHICS).filter(isGraphicKind);

/** Every fixed state id ("map:region", ...), in table order. */
export const fixedGraphicStates = (): string[] => fixedStatesIn(GRAPHICS);

/** Parses a state id of the story's graphics (see parseStateIn). */
export const parseGraphicState = (id: string): GraphicState | null => parseStateIn(GRAPHICS, id);

export function knownGraphicStates(timelineEventIds: readonly string[]): string[] {
  return [...fixedGraphicStates(), ...timelineEventIds.map((id) => `timeline:${id}`)];
}
