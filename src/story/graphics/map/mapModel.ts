/** What the map shows in each variant: fills and labels, as data. Pure: the map's data is passed in (MapData). */
import type { AreaResult } from '../../data/derive.ts';
import type { Candidate, GraphicLabels } from '../../data/types.ts';
import type { ChartModel } from '../chartModel.ts';
import { formatCount, formatSmallCount } from '../../data/format.ts';
import { fillSlots } from '../../data/tokens.ts';
import type { CouncilMap } from '../../geo/mapLayout.ts';
import { layoutMapLabels, listMapLabels, marginOpacity, pathBounds, type LabelRequest, type PlacedLabel } from './mapLabels.ts';
import { linearScale } from '../../../kit/graphics/scale.ts';
import { estimateTextWidth, LINE_HEIGHT, wrapText, type Box } from '../../../kit/graphics/text.ts';
import type { Steps } from '../../../kit/graphics/steps.ts';

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

/**
 * How a map scene is squeezed to fit its box: each flag is one step down from the full layout (all
 * off). MapGraphic.tsx tries the combinations in a fixed order, its ladder of named forms (MAP_FORMS),
 * and keeps the first that fits.
 */
export interface MapForm {
  /** Each callout on one line ("Gateshead +1,234") instead of the name over the figure. */
  oneLine?: boolean;
  /** Callouts packed closer: CALLOUT_GAP.tight between them instead of .normal (.result on the result map). */
  tight?: boolean;
  /** The key without its headline (the winner), which the step's text gives. */
  compact?: boolean;
  /** The short key (a short wide box): the region's items in short words, the result's without the shading (drawn unshaded), lines packed closer. */
  short?: boolean;
  /**
   * The map drawn at this share of the size that fills the box (1 if absent), the text kept at its
   * size: the room this frees on the right lets the callout column stand clear of the coast, where
   * at a large text size it would move left over the councils it points at.
   */
  mapShrink?: number;
  /**
   * The list form, for a box too narrow for callouts beside the map: the key across the top, the
   * map below it as wide as the box (times mapShrink), and the labels in rows below the map
   * (listMapLabels), with no leaders. The chart may then be drawn shorter than its box.
   */
  list?: boolean;
}
/** The flags of a MapForm that change the labels (mapLabels). */
export type LabelForm = Pick<MapForm, 'oneLine' | 'tight'>;
/** The flags of a MapForm that change the key (mapKeyLayout; mapKey reads only `short`). */
export type KeyForm = Pick<MapForm, 'compact' | 'short'>;
/** councilStyles' one switch: `shaded` false draws the result's councils at one strength (UNSHADED), for the short key. */
export interface CouncilStyleOptions {
  shaded?: boolean;
}

/** The view: as wide as the projected map (MAP_WIDTH × MAP_HEIGHT in geo/mapLayout.ts); the map is shifted left to leave a label column off the coast. */
export const MAP_VIEW = { width: 400, height: 480 } as const;
/** The map's shift in the default view: 56 units left, so the callout column (COLUMN_X) clears the coast; chosen by eye when the map was drawn (0da1ba4). */
export const MAP_OFFSET: [number, number] = [-56, 0];
/** Left edge of the callout column in the default view, just off the coast once the map is shifted by MAP_OFFSET; chosen by eye when the map was drawn (0da1ba4). */
const COLUMN_X = 296;
/** Map x (before the offset) east of which the top of the map is open sea: read off the projected map for the narrow-box layouts (c131e64). */
const KEY_SEA_X = 282;

export interface CouncilStyle {
  code: string;
  d: string;
  fill: string;
  fillOpacity: number;
  /** Faint councils (not part of this state's story) also lose their outline weight. */
  emphasis: 'strong' | 'faint' | 'hatched';
}

/** Fill opacity of the councils in the story's focus (North of Tyne); the key's solid swatch uses the same. Its origin is not recorded (in the code since 6a748e1): tuned by eye on the screenshots at 320×568..1280×800. */
export const FOCUS_OPACITY = 0.42;
/** Fill opacity of a council outside the focus on the north-of-tyne map: a faint trace of the region. Tuned by eye on the screenshots at 320×568..1280×800 (0da1ba4). */
const FAINT_OPACITY = 0.07;
/** Fill opacity of a council with no result on the result map (none in the story's data): muted, still visible. Chosen by eye (origin not recorded). */
const NO_RESULT_OPACITY = 0.2;

/** `shaded` false: the result's councils all at one strength, for a key without the shading (mapKey's short form). */
export function councilStyles(
  variant: MapVariant,
  hatchId: string,
  { councils: map, areas }: MapData,
  { shaded = true }: CouncilStyleOptions = {},
): CouncilStyle[] {
  const maxMargin = Math.max(...areas.map((a) => a.marginShare));
  return map.councils.map((c) => {
    if (variant === 'result') {
      const area = areas.find((a) => a.code === c.code);
      return {
        code: c.code,
        d: c.d,
        fill: area ? `var(--c-${area.winnerId})` : 'var(--muted)',
        fillOpacity: area ? (shaded ? marginOpacity(area.marginShare, maxMargin) : UNSHADED) : NO_RESULT_OPACITY,
        emphasis: 'strong',
      };
    }
    const north = c.group === 'north-of-tyne';
    if (variant === 'north-of-tyne') {
      return { code: c.code, d: c.d, fill: 'var(--fg)', fillOpacity: north ? FOCUS_OPACITY : FAINT_OPACITY, emphasis: north ? 'strong' : 'faint' };
    }
    return north
      ? { code: c.code, d: c.d, fill: 'var(--fg)', fillOpacity: FOCUS_OPACITY, emphasis: 'strong' }
      : { code: c.code, d: c.d, fill: `url(#${hatchId})`, fillOpacity: 1, emphasis: 'hatched' };
  });
}

/** The result's fill where the key does not explain a shading: one strength for every council, between the shading's floor (0.3) and 1; chosen by eye for the short key (f0937fe, 320 × 568 band). */
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

/** Parses every council's bounds, a council per step (an idle job of its own: the first scene then only lays out). */
export function* parseCouncilBounds(data: MapData): Steps<void> {
  for (const c of data.councils.councils) {
    boundsOf(c.d);
    yield;
  }
}

/** Space between stacked callouts, in ems: packed (a `tight` or `oneLine` form), the default, and the result map's two-line callouts. Tuned by eye on the screenshots at 320×568..1280×800 (993d358). */
const CALLOUT_GAP = { tight: 0.3, normal: 0.45, result: 0.6 } as const;
/** Callouts stay this many ems above the view's bottom edge (room for descenders). Tuned by eye (993d358). */
const CALLOUT_BOTTOM_EM = 0.6;
/** The callouts' default top in the default view: below the key in the top right corner. Tuned by eye (993d358). */
const CALLOUT_MIN_Y = 150;

/** A label for each council the variant names, at its centroid in the frame's view. */
function labelRequests(variant: MapVariant, data: MapData, { dx, dy }: MapFrame, oneLine: boolean): LabelRequest[] {
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
  return requests;
}

export function mapLabels(
  variant: MapVariant,
  data: MapData,
  frame: MapFrame = DEFAULT_FRAME,
  minY = CALLOUT_MIN_Y,
  { oneLine = false, tight = false }: LabelForm = {},
): PlacedLabel[] {
  const requests = labelRequests(variant, data, frame, oneLine);
  return layoutMapLabels(requests, {
    width: frame.width,
    height: frame.height,
    columnX: frame.columnX,
    gap: frame.font * (oneLine || tight ? CALLOUT_GAP.tight : variant === 'result' ? CALLOUT_GAP.result : CALLOUT_GAP.normal),
    minY,
    maxY: Math.max(minY + 1, frame.height - frame.font * CALLOUT_BOTTOM_EM),
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
export function mapKey(variant: MapVariant, { areas, candidate, labels, numbers }: MapData, { short = false }: Pick<KeyForm, 'short'> = {}): KeyItem[] {
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

/** The key's first line's top, in map units: a small inset from the view's top edge. Chosen by eye (993d358). */
export const KEY_TOP = 4;
/** The key column's least width in map units: the default view's key (x 226..398), which holds the longest key line at 13 units. Chosen by eye (993d358). */
const KEY_MIN_WIDTH = 172;
/** The key column's width in ems when the text is large: about the longest key words per line. Tuned by eye on the screenshots at 320×568..1280×800 (993d358). */
const KEY_WIDTH_EM = 11;
/** A callout's width in ems ("North Tyneside", the longest name, is about nine): the key goes beside the callouts if it fits past this. Measured with estimateTextWidth, rounded up (993d358). */
const CALLOUT_WIDTH_EM = 9.5;
/** How far right of the coast the callout column moves when the view has spare width, in map units. Chosen by eye (993d358). */
const COLUMN_SPARE_SHIFT = 20;
/** The key column is at most the view's width less this, in map units, so a large-text key keeps a margin. Chosen by eye (993d358). */
const KEY_EDGE_INSET = 8;
/** Gap between the key column's right edge and the view's, in map units (the default view's key: x 226 + 172 = 398). Chosen by eye (993d358). */
const KEY_RIGHT_INSET = 2;

/** The default frame: the 400 × 480 view at 13-unit text, as the map was designed. */
export const DEFAULT_FRAME: MapFrame = {
  width: MAP_VIEW.width,
  height: MAP_VIEW.height,
  font: 13,
  line: LINE_HEIGHT,
  dx: MAP_OFFSET[0],
  dy: MAP_OFFSET[1],
  keyX: MAP_VIEW.width - KEY_MIN_WIDTH - KEY_RIGHT_INSET,
  keyWidth: KEY_MIN_WIDTH,
  columnX: COLUMN_X,
  keyBeside: false,
};

/**
 * A frame for a box: the map keeps its shape and is scaled to fit the box's height or width, whichever
 * is tighter, times `shrink` (MapForm.mapShrink); spare width goes to the label column on the right.
 * Text is `font` CSS px, so in map units it is font / scale.
 */
export function mapFrame(boxWidth: number, boxHeight: number, font: number, shrink = 1): { frame: MapFrame; scale: number } {
  const scale = Math.min(boxWidth / MAP_VIEW.width, boxHeight / MAP_VIEW.height) * shrink;
  const width = boxWidth / scale;
  const height = boxHeight / scale;
  const f = font / scale;
  const spare = width - MAP_VIEW.width;
  const keyWidth = Math.min(width - KEY_EDGE_INSET, Math.max(KEY_MIN_WIDTH, f * KEY_WIDTH_EM));
  // Spare width first un-shifts the map, then moves the callout column off the coast a little.
  const columnX = COLUMN_X + Math.min(spare, -MAP_OFFSET[0] + COLUMN_SPARE_SHIFT);
  // A callout is about nine ems wide ("North Tyneside"), plus an em between it and the key; the key goes beside the callouts if it fits.
  const keyBeside = width - (columnX + f * CALLOUT_WIDTH_EM + f) >= keyWidth;
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
      keyX: keyBeside ? width - keyWidth - KEY_RIGHT_INSET : Math.min(width - keyWidth - KEY_RIGHT_INSET, KEY_SEA_X + dx),
      keyWidth: keyBeside ? keyWidth : width - KEY_RIGHT_INSET - Math.min(width - keyWidth - KEY_RIGHT_INSET, KEY_SEA_X + dx),
      columnX,
      keyBeside,
    },
  };
}

/** Space between the list form's rows, and between the map and the first row, in ems. Chosen by eye on the screenshots at 390 × 844 at 200% zoom. */
const LIST_GAP_EM = { row: 0.25, map: 0.6 } as const;

/** The bounds of the whole map (every council), in map units before the frame's offset. */
export function mapExtent(data: MapData): Box {
  const boxes = data.councils.councils.map((c) => boundsOf(c.d));
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/**
 * The list form's frame (MapForm.list): the map as wide as the box times `shrink`, at its left edge,
 * the key across the whole width. The map's top is at the frame's top until the key is laid out
 * above it (MapGraphic's listScene sets dy).
 */
export function listFrame(boxWidth: number, boxHeight: number, font: number, extent: Box, shrink = 1): { frame: MapFrame; scale: number } {
  const scale = (boxWidth / extent.width) * shrink;
  const width = boxWidth / scale;
  const f = font / scale;
  return {
    scale,
    frame: {
      width,
      height: boxHeight / scale,
      font: f,
      line: (f * LINE_HEIGHT) / 13,
      dx: -extent.x,
      dy: -extent.y,
      keyX: 0,
      keyWidth: width - KEY_RIGHT_INSET,
      columnX: 0,
      keyBeside: false,
    },
  };
}

/** The list form's rows below the map (its bottom edge at `mapBottom` in the frame's view), and the y below the last row. */
export function mapListLabels(variant: MapVariant, data: MapData, frame: MapFrame, mapBottom: number): { labels: PlacedLabel[]; bottom: number } {
  const labels = listMapLabels(labelRequests(variant, data, frame, false), {
    top: mapBottom + frame.font * LIST_GAP_EM.map,
    width: frame.width,
    swatch: frame.font * KEY_SWATCH_EM,
    swatchGap: frame.font * KEY_SWATCH_GAP_EM,
    gap: frame.font * LIST_GAP_EM.row,
    fontSize: frame.font,
    lineHeight: frame.line,
  });
  return { labels, bottom: Math.max(mapBottom, ...labels.map((l) => l.box.y + l.box.height)) };
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

/** A key swatch's side, in ems: a little over the cap height plus descender, so it reads as a square beside a line. Chosen by eye (993d358). */
export const KEY_SWATCH_EM = 1.1;
/** Space between a key swatch and its words, in ems. Chosen by eye (993d358). */
export const KEY_SWATCH_GAP_EM = 0.45;
/** Space after each key item, in ems: the short key (f0937fe, 320 × 568 band) packs them closer. Tuned by eye on the screenshots at 320×568..1280×800. */
const KEY_ITEM_GAP_EM = { normal: 0.6, short: 0.3 } as const;
/** Space below the result map's shade key row, in ems (MapGraphic.tsx places the row from it). Chosen by eye (993d358). */
export const SHADE_KEY_GAP_EM = 0.4;

/** The key's items wrapped to the key column, with their top y, and the y below the last one. */
export function mapKeyLayout(
  variant: MapVariant,
  data: MapData,
  frame: MapFrame = DEFAULT_FRAME,
  { compact = false, short = false }: KeyForm = {},
): { items: (KeyItem & { y: number })[]; bottom: number; swatchSize: number; boxes: Box[] } {
  const items: (KeyItem & { y: number })[] = [];
  const swatchSize = frame.font * KEY_SWATCH_EM;
  const boxes: Box[] = [];
  let y = KEY_TOP;
  // A compact key leaves out its headline (the winner), which the step's text gives.
  for (const item of mapKey(variant, data, { short }).filter((k) => !(compact && k.strong))) {
    const indent = item.swatch === 'none' ? 0 : swatchSize + frame.font * KEY_SWATCH_GAP_EM;
    const lines = wrapText(item.lines.join(' '), frame.keyWidth - indent, frame.font, !!item.strong);
    items.push({ ...item, lines, y });
    const w = Math.max(...lines.map((l) => estimateTextWidth(l, frame.font, !!item.strong)));
    boxes.push({ x: frame.keyX, y, width: indent + w, height: lines.length * frame.line });
    y += lines.length * frame.line + frame.font * (short ? KEY_ITEM_GAP_EM.short : KEY_ITEM_GAP_EM.normal);
  }
  if (variant === 'result' && !short) {
    boxes.push({ x: frame.keyX, y, width: frame.keyWidth, height: swatchSize + frame.line });
    y += swatchSize + frame.line + frame.font * SHADE_KEY_GAP_EM;
  }
  return { items, bottom: y, swatchSize, boxes };
}
