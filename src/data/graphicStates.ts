/**
 * The graphic states a step may ask for. A state id is "<graphic>:<variant>"; the validator and the
 * graphics both read this list, so a step cannot name a state no graphic can draw.
 */

export type GraphicKind = 'map' | 'timeline' | 'money' | 'bars' | 'areas';

export interface GraphicState {
  id: string;
  kind: GraphicKind;
  variant: string;
}

export const FIXED_VARIANTS: Record<Exclude<GraphicKind, 'timeline'>, readonly string[]> = {
  map: ['north-of-tyne', 'region', 'result'],
  money: ['crowdfund', 'rmt'],
  bars: ['poll', 'result'],
  areas: ['margins'],
};

/** Parses a state id; timeline variants are timeline event ids. Returns null for an unknown state. */
export function parseGraphicState(id: string, timelineEventIds: readonly string[]): GraphicState | null {
  const match = /^([a-z]+):([a-z0-9-]+)$/.exec(id);
  if (!match) return null;
  const [, kind, variant] = match;
  if (kind === 'timeline') return timelineEventIds.includes(variant) ? { id, kind, variant } : null;
  if (kind in FIXED_VARIANTS && FIXED_VARIANTS[kind as keyof typeof FIXED_VARIANTS].includes(variant)) {
    return { id, kind: kind as GraphicKind, variant };
  }
  return null;
}

export function knownGraphicStates(timelineEventIds: readonly string[]): string[] {
  const fixed = Object.entries(FIXED_VARIANTS).flatMap(([kind, variants]) => variants.map((v) => `${kind}:${v}`));
  return [...fixed, ...timelineEventIds.map((id) => `timeline:${id}`)];
}
