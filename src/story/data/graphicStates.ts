/**
 * The graphics and the states each can draw: one table, from which the state id type, the
 * validator's rule (schema.ts, rules.ts) and the component map (GraphicSwitch.tsx) are derived, so a
 * step cannot name a state no graphic can draw. A state id is "<graphic>:<variant>".
 *
 * Shipped to the browser: no schema library here.
 */

/** Timeline states are "timeline:<event id>": their variants are the events in data/timeline.json. */
export const TIMELINE_EVENT = 'event id from data/timeline.json';

export const GRAPHICS = {
  map: ['north-of-tyne', 'region', 'result'],
  timeline: TIMELINE_EVENT,
  money: ['crowdfund', 'rmt'],
  bars: ['poll', 'result'],
  areas: ['margins'],
} as const satisfies Record<string, readonly string[] | typeof TIMELINE_EVENT>;

type Table = typeof GRAPHICS;
export type GraphicKind = keyof Table;
export type GraphicVariant<K extends GraphicKind> = Table[K] extends readonly string[] ? Table[K][number] : string;

/** One state of one graphic, e.g. { kind: 'map', variant: 'region' }; a union discriminated by kind. */
export type GraphicState = { [K in GraphicKind]: { kind: K; variant: GraphicVariant<K> } }[GraphicKind];
/** A state id as written in data/story.json, e.g. "map:region" or "timeline:barred". */
export type GraphicStateId = { [K in GraphicKind]: `${K}:${GraphicVariant<K>}` }[GraphicKind];

export const GRAPHIC_KINDS = Object.keys(GRAPHICS).filter(isGraphicKind);

export function isGraphicKind(kind: string): kind is GraphicKind {
  return Object.hasOwn(GRAPHICS, kind);
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return list.some((item) => item === value);
}

/** Every fixed state id ("map:region", ...), in table order. */
export function fixedGraphicStates(): string[] {
  return GRAPHIC_KINDS.flatMap((kind) => {
    const variants = GRAPHICS[kind];
    return variants === TIMELINE_EVENT ? [] : variants.map((v) => `${kind}:${v}`);
  });
}

/** One parser per graphic: the mapped type makes a new row in the table fail to compile until it has one. */
const PARSERS: { [K in GraphicKind]: (variant: string) => GraphicState | null } = {
  map: (variant) => (isOneOf(GRAPHICS.map, variant) ? { kind: 'map', variant } : null),
  timeline: (variant) => ({ kind: 'timeline', variant }),
  money: (variant) => (isOneOf(GRAPHICS.money, variant) ? { kind: 'money', variant } : null),
  bars: (variant) => (isOneOf(GRAPHICS.bars, variant) ? { kind: 'bars', variant } : null),
  areas: (variant) => (isOneOf(GRAPHICS.areas, variant) ? { kind: 'areas', variant } : null),
};

/**
 * Parses a state id. Timeline variants are accepted here as any id; the validator checks them
 * against the timeline's events. Returns null for an id no graphic can draw.
 */
export function parseGraphicState(id: string): GraphicState | null {
  const match = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id);
  if (!match || !isGraphicKind(match[1])) return null;
  return PARSERS[match[1]](match[2]);
}

export function knownGraphicStates(timelineEventIds: readonly string[]): string[] {
  return [...fixedGraphicStates(), ...timelineEventIds.map((id) => `timeline:${id}`)];
}
