/** What the map shows in each variant: fills and labels, as data. Pure apart from reading the bundled dataset. */
import councilMap from 'virtual:council-map';
import islandCopy from 'virtual:island-copy';
import type { AreaResult } from '../../data/derive.ts';
import { candidate, derived } from '../../data/dataset.ts';
import { formatCount, formatSmallCount } from '../../data/format.ts';
import { fillSlots } from '../../data/tokens.ts';
import type { CouncilMap } from './mapLayout.ts';
import { layoutMapLabels, marginOpacity, pathBounds, type LabelRequest, type PlacedLabel } from './mapLabels.ts';
import { LINE_HEIGHT } from '../text.ts';

export type MapVariant = 'north-of-tyne' | 'region' | 'result';
export const MAP_VARIANTS: readonly MapVariant[] = ['north-of-tyne', 'region', 'result'];

/** The view: as wide as the projected map; the map is shifted left to leave a label column off the coast. */
export const MAP_VIEW = { width: 400, height: 480 } as const;
export const MAP_OFFSET: [number, number] = [-56, 0];
const COLUMN_X = 296;

export interface CouncilStyle {
  code: string;
  d: string;
  fill: string;
  fillOpacity: number;
  /** Faint councils (not part of this state's story) also lose their outline weight. */
  emphasis: 'strong' | 'faint' | 'hatched';
}

export function councilStyles(variant: MapVariant, hatchId: string, map: CouncilMap = councilMap, areas: AreaResult[] = derived.areas): CouncilStyle[] {
  const maxMargin = Math.max(...areas.map((a) => a.marginShare));
  return map.councils.map((c) => {
    if (variant === 'result') {
      const area = areas.find((a) => a.code === c.code);
      return {
        code: c.code,
        d: c.d,
        fill: area ? `var(--c-${area.winnerId})` : 'var(--muted)',
        fillOpacity: area ? marginOpacity(area.marginShare, maxMargin) : 0.2,
        emphasis: 'strong',
      };
    }
    const north = c.group === 'north-of-tyne';
    if (variant === 'north-of-tyne') {
      return { code: c.code, d: c.d, fill: 'var(--fg)', fillOpacity: north ? 0.42 : 0.07, emphasis: north ? 'strong' : 'faint' };
    }
    return north
      ? { code: c.code, d: c.d, fill: 'var(--fg)', fillOpacity: 0.42, emphasis: 'strong' }
      : { code: c.code, d: c.d, fill: `url(#${hatchId})`, fillOpacity: 1, emphasis: 'hatched' };
  });
}

function areaFor(code: string, areas: AreaResult[]): AreaResult | undefined {
  return areas.find((a) => a.code === code);
}

/** True when one candidate won every area: the result map then names the winner once, in the key. */
export function singleWinner(areas: AreaResult[] = derived.areas): string | null {
  const ids = new Set(areas.map((a) => a.winnerId));
  return ids.size === 1 ? areas[0].winnerId : null;
}

/** Text lines of a council's label in a variant; the first line is the council's short name. */
export function labelLines(variant: MapVariant, area: AreaResult, areas: AreaResult[] = derived.areas): string[] {
  if (variant !== 'result') return [area.label];
  const lead = `+${formatCount(area.marginVotes)}`;
  return [area.label, singleWinner(areas) ? lead : `${candidate(area.winnerId).surname} ${lead}`];
}

export function mapLabels(variant: MapVariant, map: CouncilMap = councilMap, areas: AreaResult[] = derived.areas): PlacedLabel[] {
  const [dx, dy] = MAP_OFFSET;
  const requests: LabelRequest[] = [];
  for (const c of map.councils) {
    if (variant === 'north-of-tyne' && c.group !== 'north-of-tyne') continue;
    const area = areaFor(c.code, areas);
    if (!area) continue;
    const b = pathBounds(c.d);
    requests.push({
      id: c.code,
      anchor: [c.centroid[0] + dx, c.centroid[1] + dy],
      lines: labelLines(variant, area, areas),
      shape: { x: b.x + dx, y: b.y + dy, width: b.width, height: b.height },
    });
  }
  return layoutMapLabels(requests, {
    width: MAP_VIEW.width,
    height: MAP_VIEW.height,
    columnX: COLUMN_X,
    gap: variant === 'result' ? 8 : 6,
    minY: 150,
    maxY: 380,
    lineHeight: LINE_HEIGHT,
  });
}

export interface KeyItem {
  swatch: 'solid' | 'hatched' | 'none';
  lines: string[];
}

/** The key in the map's top right corner, per variant. */
export function mapKey(variant: MapVariant, areas: AreaResult[] = derived.areas, labels = islandCopy.graphicLabels.map): KeyItem[] {
  if (variant === 'region') {
    return [
      { swatch: 'solid', lines: labels.northOfTyne },
      { swatch: 'hatched', lines: labels.southOfTyne },
    ];
  }
  if (variant === 'result') {
    const winner = singleWinner(areas);
    const head = winner
      ? labels.winnerEverywhere.map((line) =>
          fillSlots(line, { winner: candidate(winner).surname, party: candidate(winner).partyShort, count: formatSmallCount(areas.length) }),
        )
      : labels.winnerEach;
    return [
      { swatch: 'none', lines: head },
      { swatch: 'none', lines: labels.shading },
    ];
  }
  return [];
}

export const KEY_TOP = 14;
const KEY_GAP = 8;

/** The key's items with their top y, and the y below the last one (where the result map's shade scale goes). */
export function mapKeyLayout(variant: MapVariant, areas: AreaResult[] = derived.areas): { items: (KeyItem & { y: number })[]; bottom: number } {
  const items: (KeyItem & { y: number })[] = [];
  let y = KEY_TOP;
  for (const item of mapKey(variant, areas)) {
    items.push({ ...item, y });
    y += item.lines.length * LINE_HEIGHT + KEY_GAP;
  }
  return { items, bottom: y };
}
