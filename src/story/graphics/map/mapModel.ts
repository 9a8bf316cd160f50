/** What the map shows in each variant: fills and labels, as data. Pure: the map's data is passed in (MapData). */
import type { AreaResult } from '../../data/derive.ts';
import type { Candidate, GraphicLabels } from '../../data/types.ts';
import type { ChartModel } from '../chartModel.ts';
import { formatCount, formatSmallCount } from '../../data/format.ts';
import { fillSlots } from '../../data/tokens.ts';
import type { CouncilMap } from '../../geo/mapLayout.ts';
import { layoutMapLabels, marginOpacity, pathBounds, type LabelRequest, type PlacedLabel } from './mapLabels.ts';
import { linearScale } from '../../../kit/graphics/scale.ts';
import { estimateTextWidth, LINE_HEIGHT, wrapText, type Box } from '../../../kit/graphics/text.ts';

/** What the map draws, from the chart model: the councils' shapes, each area's result, the candidates and the map's words. */
export interface MapData {
  councils: CouncilMap;
  areas: AreaResult[];
  candidate: (id: string) => Candidate;
  labels: GraphicLabels['map'];
  /** The words for zero to nine (house style: counts under ten in words). */
  numbers: readonly string[];
}

export const mapData = (model: ChartModel): MapData => ({
  councils: model.councilMap,
  areas: model.derived.areas,
  candidate: model.candidate,
  labels: model.labels.map,
  numbers: model.units.numbers,
});

export type MapVariant = 'north-of-tyne' | 'region' | 'result';
export const MAP_VARIANTS: readonly MapVariant[] = ['north-of-tyne', 'region', 'result'];

/** The view: as wide as the projected map; the map is shifted left to leave a label column off the coast. */
export const MAP_VIEW = { width: 400, height: 480 } as const;
export const MAP_OFFSET: [number, number] = [-56, 0];
const COLUMN_X = 296;
/** Map x (before the offset) east of which the top of the map is open sea. */
const KEY_SEA_X = 282;

export interface CouncilStyle {
  code: string;
  d: string;
  fill: string;
  fillOpacity: number;
  /** Faint councils (not part of this state's story) also lose their outline weight. */
  emphasis: 'strong' | 'faint' | 'hatched';
}

/** `shaded` false: the result's councils all at one strength, for a key without the shading (mapKey's short form). */
export function councilStyles(variant: MapVariant, hatchId: string, { councils: map, areas }: MapData, shaded = true): CouncilStyle[] {
  const maxMargin = Math.max(...areas.map((a) => a.marginShare));
  return map.councils.map((c) => {
    if (variant === 'result') {
      const area = areas.find((a) => a.code === c.code);
      return {
        code: c.code,
        d: c.d,
        fill: area ? `var(--c-${area.winnerId})` : 'var(--muted)',
        fillOpacity: area ? (shaded ? marginOpacity(area.marginShare, maxMargin) : UNSHADED) : 0.2,
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

/** The result's fill where the key does not explain a shading: one strength for every council. */
const UNSHADED = 0.75;

function areaFor(code: string, areas: AreaResult[]): AreaResult | undefined {
  return areas.find((a) => a.code === code);
}

/** True when one candidate won every area: the result map then names the winner once, in the key. */
export function singleWinner(areas: AreaResult[]): string | null {
  const ids = new Set(areas.map((a) => a.winnerId));
  return ids.size === 1 ? areas[0].winnerId : null;
}

/** Text lines of a council's label in a variant; the first line is the council's short name. */
export function labelLines(variant: MapVariant, area: AreaResult, { areas, candidate }: MapData): string[] {
  if (variant !== 'result') return [area.label];
  const lead = `+${formatCount(area.marginVotes)}`;
  return [area.label, singleWinner(areas) ? lead : `${candidate(area.winnerId).surname} ${lead}`];
}

/** Where the map, its key and its callout column go in a view of the given size (map units; see mapView). */
export interface MapFrame {
  width: number;
  height: number;
  font: number;
  line: number;
  /** Map offset within the view. */
  dx: number;
  dy: number;
  keyX: number;
  keyWidth: number;
  /** Left edge of the callout column. */
  columnX: number;
  /** True when the key has a column of its own, right of the callouts; else it sits above them. */
  keyBeside: boolean;
}

/**
 * Each council's bounds, parsed from its path once: choosing a map scene lays the labels out for many
 * fonts and placements, and parsing every path each time was most of it (57 of 93 ms of one map step
 * at 4x CPU slowdown, in the scroll trace).
 */
const bounds = new Map<string, ReturnType<typeof pathBounds>>();
function boundsOf(d: string): ReturnType<typeof pathBounds> {
  let b = bounds.get(d);
  if (!b) bounds.set(d, (b = pathBounds(d)));
  return b;
}

export function mapLabels(variant: MapVariant, data: MapData, frame: MapFrame = DEFAULT_FRAME, minY = 150, oneLine = false, tight = false): PlacedLabel[] {
  const { dx, dy } = frame;
  const requests: LabelRequest[] = [];
  for (const c of data.councils.councils) {
    if (variant === 'north-of-tyne' && c.group !== 'north-of-tyne') continue;
    const area = areaFor(c.code, data.areas);
    if (!area) continue;
    const b = boundsOf(c.d);
    requests.push({
      id: c.code,
      anchor: [c.centroid[0] + dx, c.centroid[1] + dy],
      lines: oneLine ? [labelLines(variant, area, data).join(' ')] : labelLines(variant, area, data),
      shape: { x: b.x + dx, y: b.y + dy, width: b.width, height: b.height },
    });
  }
  return layoutMapLabels(requests, {
    width: frame.width,
    height: frame.height,
    columnX: frame.columnX,
    gap: frame.font * (oneLine || tight ? 0.3 : variant === 'result' ? 0.6 : 0.45),
    minY,
    maxY: Math.max(minY + 1, frame.height - frame.font * 0.6),
    fontSize: frame.font,
    lineHeight: frame.line,
  });
}

export interface KeyItem {
  swatch: 'solid' | 'hatched' | 'none';
  lines: string[];
  strong?: boolean;
}

/**
 * The key in the map's top right corner, per variant. `short` (a box too short for the full key and
 * all seven callouts, such as a 320 × 568 phone's band): the region's two items in their short words,
 * and the result's key without the shading (the map is then drawn unshaded, see councilStyles).
 */
export function mapKey(variant: MapVariant, { areas, candidate, labels, numbers }: MapData, short = false): KeyItem[] {
  if (variant === 'region') {
    return [
      { swatch: 'solid', lines: short ? labels.northOfTyneShort : labels.northOfTyne },
      { swatch: 'hatched', lines: short ? labels.southOfTyneShort : labels.southOfTyne },
    ];
  }
  if (variant === 'result') {
    const winner = singleWinner(areas);
    const head = winner
      ? labels.winnerEverywhere.map((line) =>
          fillSlots(line, { winner: candidate(winner).surname, party: candidate(winner).partyShort, count: formatSmallCount(areas.length, numbers) }),
        )
      : labels.winnerEach;
    // One key line each: what the printed figures show, then what the shading shows (its swatches follow).
    const shading = short ? labels.shading.slice(0, 1) : labels.shading;
    return [{ swatch: 'none', lines: head, strong: true }, ...shading.map((line): KeyItem => ({ swatch: 'none', lines: [line] }))];
  }
  return [];
}

export const KEY_TOP = 4;

/** The default frame: the 400 × 480 view at 13-unit text, as the map was designed. */
export const DEFAULT_FRAME: MapFrame = {
  width: MAP_VIEW.width,
  height: MAP_VIEW.height,
  font: 13,
  line: LINE_HEIGHT,
  dx: MAP_OFFSET[0],
  dy: MAP_OFFSET[1],
  keyX: 226,
  keyWidth: 172,
  columnX: COLUMN_X,
  keyBeside: false,
};

/**
 * A frame for a box: the map keeps its shape and is scaled to fit the box's height or width, whichever
 * is tighter; spare width goes to the label column on the right. Text is `font` CSS px, so in map
 * units it is font / scale.
 */
export function mapFrame(boxWidth: number, boxHeight: number, font: number): { frame: MapFrame; scale: number } {
  const scale = Math.min(boxWidth / MAP_VIEW.width, boxHeight / MAP_VIEW.height);
  const width = boxWidth / scale;
  const height = boxHeight / scale;
  const f = font / scale;
  const spare = width - MAP_VIEW.width;
  const keyWidth = Math.min(width - 8, Math.max(172, f * 11));
  // Spare width first un-shifts the map, then moves the callout column off the coast a little.
  const columnX = COLUMN_X + Math.min(spare, -MAP_OFFSET[0] + 20);
  // A callout is about nine ems wide ("North Tyneside"); the key goes beside the callouts if it fits.
  const keyBeside = width - (columnX + f * 9.5 + f) >= keyWidth;
  const dx = Math.min(0, MAP_OFFSET[0] + spare);
  return {
    scale,
    frame: {
      width,
      height,
      font: f,
      line: (f * LINE_HEIGHT) / 13,
      dx,
      dy: 0,
      // Above the callouts, the key may reach left over the sea off the north coast (x 282 of the map), as in the default view.
      keyX: keyBeside ? width - keyWidth - 2 : Math.min(width - keyWidth - 2, KEY_SEA_X + dx),
      keyWidth: keyBeside ? keyWidth : width - 2 - Math.min(width - keyWidth - 2, KEY_SEA_X + dx),
      columnX,
      keyBeside,
    },
  };
}

/** One swatch of the result map's shade key: a lead in share points and the fill opacity it gets. */
export interface ShadeSwatch {
  /** Lead as a share difference (0.05 = 5 points). */
  value: number;
  opacity: number;
  label: string;
}

/**
 * The result map's shade key: round leads (in share points, the measure the shading follows) from
 * near zero to the widest lead, each with the opacity a council with that lead gets.
 */
export function shadeKey({ areas, labels }: Pick<MapData, 'areas' | 'labels'>): ShadeSwatch[] {
  const unit = labels.shadeUnit;
  const max = Math.max(...areas.map((a) => a.marginShare));
  const values = linearScale([0, max * 100], [0, 1])
    .ticks(3)
    .filter((v) => v > 0 && v <= max * 100);
  return values.map((v, i) => ({
    value: v / 100,
    opacity: marginOpacity(v / 100, max),
    label: `+${v}${i === values.length - 1 ? ` ${unit}` : ''}`,
  }));
}

/** The key's items wrapped to the key column, with their top y, and the y below the last one. */
export function mapKeyLayout(
  variant: MapVariant,
  data: MapData,
  frame: MapFrame = DEFAULT_FRAME,
  compact = false,
  short = false,
): { items: (KeyItem & { y: number })[]; bottom: number; swatchSize: number; boxes: Box[] } {
  const items: (KeyItem & { y: number })[] = [];
  const swatchSize = frame.font * 1.1;
  const boxes: Box[] = [];
  let y = KEY_TOP;
  // A compact key leaves out its headline (the winner), which the step's text gives.
  for (const item of mapKey(variant, data, short).filter((k) => !(compact && k.strong))) {
    const indent = item.swatch === 'none' ? 0 : swatchSize + frame.font * 0.45;
    const lines = wrapText(item.lines.join(' '), frame.keyWidth - indent, frame.font, !!item.strong);
    items.push({ ...item, lines, y });
    const w = Math.max(...lines.map((l) => estimateTextWidth(l, frame.font, !!item.strong)));
    boxes.push({ x: frame.keyX, y, width: indent + w, height: lines.length * frame.line });
    y += lines.length * frame.line + frame.font * (short ? 0.3 : 0.6);
  }
  if (variant === 'result' && !short) {
    boxes.push({ x: frame.keyX, y, width: frame.keyWidth, height: swatchSize + frame.line });
    y += swatchSize + frame.line + frame.font * 0.4;
  }
  return { items, bottom: y, swatchSize, boxes };
}
