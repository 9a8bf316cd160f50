/**
 * Where the map's labels go. Large councils are labelled inside their own shape; councils too small
 * for their label (the Tyne and Wear five) get a label in a column off the coast, joined to the
 * council by a leader line, with the column dodged so no two labels overlap. Pure: the same input
 * always gives the same layout, on the server and in the browser.
 */
import { estimateTextWidth, FONT_SIZE, LINE_HEIGHT, boxesOverlap, segmentCrossesBox, type Box } from '../../../kit/graphics/text.ts';

export interface LabelRequest {
  id: string;
  /** Anchor point (council centroid) in view coordinates. */
  anchor: [number, number];
  lines: string[];
  /** Bounds of the council's shape in view coordinates: an inline label must fit inside. */
  shape: Box;
}

export interface PlacedLabel {
  id: string;
  lines: string[];
  anchor: [number, number];
  /** The text block's bounds in view coordinates. */
  box: Box;
  textAnchor: 'start' | 'middle';
  /** x of the text and y of the first baseline. */
  textX: number;
  firstBaseline: number;
  /** Present for callout labels: from the anchor to the label's near edge. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  /** Present for a row of the list form (listMapLabels): the square before the text, in the council's fill. */
  swatch?: Box;
}

export interface LabelLayoutOptions {
  /** View size: every label stays inside it. */
  width: number;
  height: number;
  /** Left edge of the callout column. */
  columnX: number;
  /** Vertical space between callouts. */
  gap: number;
  /** Callouts stay between these y values. */
  minY: number;
  maxY: number;
  fontSize?: number;
  lineHeight?: number;
}

/**
 * Bounds of an SVG path of straight segments: M/L/H/V/Z, absolute or relative (d3-geo writes
 * absolute M/L/Z; the build compacts them to relative m/l/z). Curves are not expected here.
 */
export function pathBounds(d: string): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const visit = () => {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  };
  for (const [, command, args] of d.matchAll(/([MLHVZmlhvz])([^MLHVZmlhvz]*)/g)) {
    const n = args.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi)?.map(Number) ?? [];
    const relative = command === command.toLowerCase();
    switch (command.toUpperCase()) {
      case 'Z':
        x = startX;
        y = startY;
        break;
      case 'H':
        for (const v of n) {
          x = relative ? x + v : v;
          visit();
        }
        break;
      case 'V':
        for (const v of n) {
          y = relative ? y + v : v;
          visit();
        }
        break;
      default:
        // M and L; extra pairs after a move are implicit line-tos.
        for (let i = 0; i + 1 < n.length; i += 2) {
          x = relative ? x + n[i] : n[i];
          y = relative ? y + n[i + 1] : n[i + 1];
          if (i === 0 && command.toUpperCase() === 'M') {
            startX = x;
            startY = y;
          }
          visit();
        }
    }
  }
  if (x0 === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function blockSize(lines: string[], fontSize: number, lineHeight: number): { width: number; height: number } {
  const width = Math.max(...lines.map((line, i) => estimateTextWidth(line, fontSize, i === 0)));
  return { width, height: lines.length * lineHeight };
}

/** The share of the room from centroid to bounding box an inline label may use (fitsInside). */
const INSIDE_ROOM = 0.7;
/** A text line's ascent as a share of the font size, to place the first baseline in its line box: the usual figure for sans-serif faces. */
const ASCENT = 0.8;
/** Gap between a leader line's end and its callout's text, in view units. Chosen by eye (0da1ba4). */
const LEADER_GAP = 4;
/** A callout column moved left to fit stops this far from the view's right edge, in view units. Chosen by eye (0da1ba4). */
const COLUMN_RIGHT_INSET = 2;

/** Whether a label of this size fits inside the shape's bounds around the anchor, with a margin. */
function fitsInside(anchor: [number, number], size: { width: number; height: number }, shape: Box): boolean {
  // Clear space kept between an inline label and its shape's bounds, in view units. Chosen by eye when the map was drawn (6a748e1).
  const margin = 6;
  // Only 70% of the room from the centroid to the bounds counts: a shape's bounding box overstates the
  // room around its centroid. Chosen by eye on the story's councils (6a748e1).
  const roomX = Math.min(anchor[0] - shape.x, shape.x + shape.width - anchor[0]) * INSIDE_ROOM;
  const roomY = Math.min(anchor[1] - shape.y, shape.y + shape.height - anchor[1]) * INSIDE_ROOM;
  return size.width / 2 + margin <= roomX && size.height / 2 + margin <= roomY;
}

interface Block {
  items: { request: LabelRequest; height: number; width: number }[];
  top: number;
  height: number;
}

/**
 * One-dimensional dodge: callouts in anchor order, each wanting to sit level with its anchor;
 * colliding neighbours merge into a block centred on their wishes, clamped to [minY, maxY].
 */
function dodge(items: Block['items'], gap: number, minY: number, maxY: number): number[] {
  const blocks: Block[] = [];
  const clamp = (b: Block) => {
    b.top = Math.max(minY, Math.min(maxY - b.height, b.top));
  };
  for (const item of items) {
    const block: Block = { items: [item], top: item.request.anchor[1] - item.height / 2, height: item.height };
    clamp(block);
    blocks.push(block);
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev.top + prev.height + gap <= last.top) break;
      const merged: Block = { items: [...prev.items, ...last.items], top: 0, height: prev.height + gap + last.height };
      // Top that puts each member's centre, on average, level with its anchor.
      let offset = 0;
      let wish = 0;
      for (const it of merged.items) {
        wish += it.request.anchor[1] - (offset + it.height / 2);
        offset += it.height + gap;
      }
      merged.top = wish / merged.items.length;
      clamp(merged);
      blocks.splice(blocks.length - 2, 2, merged);
    }
  }
  const tops: number[] = [];
  for (const b of blocks) {
    let y = b.top;
    for (const it of b.items) {
      tops.push(y);
      y += it.height + gap;
    }
  }
  return tops;
}

export function layoutMapLabels(requests: LabelRequest[], options: LabelLayoutOptions): PlacedLabel[] {
  const fontSize = options.fontSize ?? FONT_SIZE;
  const lineHeight = options.lineHeight ?? LINE_HEIGHT;
  const ascent = fontSize * ASCENT;
  const placed: PlacedLabel[] = [];
  const callouts: Block['items'] = [];
  for (const request of requests) {
    const size = blockSize(request.lines, fontSize, lineHeight);
    if (fitsInside(request.anchor, size, request.shape)) {
      const box = { x: request.anchor[0] - size.width / 2, y: request.anchor[1] - size.height / 2, ...size };
      placed.push({
        id: request.id,
        lines: request.lines,
        anchor: request.anchor,
        box,
        textAnchor: 'middle',
        textX: request.anchor[0],
        firstBaseline: box.y + (lineHeight - fontSize) / 2 + ascent,
        leader: null,
      });
    } else {
      callouts.push({ request, ...size });
    }
  }
  callouts.sort((a, b) => a.request.anchor[1] - b.request.anchor[1] || a.request.anchor[0] - b.request.anchor[0]);
  const tops = dodge(callouts, options.gap, options.minY, options.maxY);
  // A column whose widest label would run off the view moves left just enough to fit.
  const columnX = Math.min(options.columnX, options.width - COLUMN_RIGHT_INSET - Math.max(0, ...callouts.map((c) => c.width)));
  callouts.forEach((item, i) => {
    const box = { x: columnX, y: tops[i], width: item.width, height: item.height };
    placed.push({
      id: item.request.id,
      lines: item.request.lines,
      anchor: item.request.anchor,
      box,
      textAnchor: 'start',
      textX: columnX,
      firstBaseline: box.y + (lineHeight - fontSize) / 2 + ascent,
      leader: { x1: item.request.anchor[0], y1: item.request.anchor[1], x2: columnX - LEADER_GAP, y2: box.y + lineHeight / 2 },
    });
  });
  // Keep the caller's order, so the output is stable whatever the geometry.
  const order = new Map(requests.map((r, i) => [r.id, i]));
  return placed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export interface ListLayoutOptions {
  /** Top of the first row, and the width the rows have. */
  top: number;
  width: number;
  /** A swatch's side, and the space between it and its text. */
  swatch: number;
  swatchGap: number;
  /** Vertical space between rows. */
  gap: number;
  fontSize?: number;
  lineHeight?: number;
}

/**
 * The labels as a list below the map, a row each, north to south (by anchor), each after a swatch in
 * its council's fill: for a box too narrow for a callout column beside the map (a phone at 200% zoom,
 * 164 px wide), where the Tyne and Wear councils' leaders ran through each other's labels. Every row
 * on one line if every row fits the width so, else every row in its label's lines (the name over the
 * figure), so the rows read alike. Rows start at x 0; the caller checks they fit.
 */
export function listMapLabels(requests: LabelRequest[], options: ListLayoutOptions): PlacedLabel[] {
  const fontSize = options.fontSize ?? FONT_SIZE;
  const lineHeight = options.lineHeight ?? LINE_HEIGHT;
  const textX = options.swatch + options.swatchGap;
  const joined = requests.map((r) => [r.lines.join(' ')]);
  const oneLine = joined.every((lines) => textX + blockSize(lines, fontSize, lineHeight).width <= options.width);
  const rows = requests.map((request, i) => {
    const lines = oneLine ? joined[i] : request.lines;
    const size = blockSize(lines, fontSize, lineHeight);
    return { request, lines, width: textX + size.width, height: Math.max(size.height, options.swatch) };
  });
  const order = [...rows].sort((a, b) => a.request.anchor[1] - b.request.anchor[1] || a.request.anchor[0] - b.request.anchor[0]);
  const tops = new Map<LabelRequest, number>();
  let y = options.top;
  for (const row of order) {
    tops.set(row.request, y);
    y += row.height + options.gap;
  }
  return rows.map(({ request, lines, width, height }) => {
    const top = tops.get(request)!;
    return {
      id: request.id,
      lines,
      anchor: request.anchor,
      box: { x: 0, y: top, width, height },
      textAnchor: 'start',
      textX,
      firstBaseline: top + (lineHeight - fontSize) / 2 + fontSize * ASCENT,
      leader: null,
      // Level with the first line: the council's name.
      swatch: { x: 0, y: top + (lineHeight - options.swatch) / 2, width: options.swatch, height: options.swatch },
    };
  });
}

/**
 * The labels that fit a view of this size, clear of `blocked` boxes (the key) and of each other:
 * the last resort for a box too small for every label (a tiny band at 200% zoom). Labels inside
 * their own shape come first, then callouts; the rest are left out. Every figure is still in the
 * graphic's data table.
 */
export function keepFitting(labels: PlacedLabel[], width: number, height: number, blocked: Box[]): PlacedLabel[] {
  const kept: PlacedLabel[] = [];
  const taken = [...blocked];
  const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5;
  for (const label of [...labels.filter((l) => !l.leader), ...labels.filter((l) => l.leader)]) {
    if (!inside(label.box) || taken.some((b) => boxesOverlap(b, label.box))) continue;
    kept.push(label);
    taken.push(label.box);
  }
  return labels.filter((l) => kept.includes(l));
}

/** Pairs of labels whose text blocks overlap; empty for a good layout. Used by tests and dev checks. */
export function labelOverlaps(labels: PlacedLabel[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < labels.length; i += 1) {
    for (let j = i + 1; j < labels.length; j += 1) {
      if (boxesOverlap(labels[i].box, labels[j].box)) pairs.push([labels[i].id, labels[j].id]);
    }
  }
  return pairs;
}

/**
 * Callouts whose leader, or the dot at its anchor (radius `dot`), runs into a text block: another
 * label's, its own (a column moved left over its anchors), or one of `blocked` (the key's lines).
 * Each as [callout id, what it runs into]; empty for a good layout. A leader ends LEADER_GAP short of
 * its own label, so only its dot is checked against that.
 */
export function leaderCrossings(labels: PlacedLabel[], dot: number, blocked: Box[] = []): [string, string][] {
  const found: [string, string][] = [];
  const texts = [...labels.map((l) => ({ id: l.id, box: l.box })), ...blocked.map((box, i) => ({ id: `key ${i}`, box }))];
  for (const l of labels) {
    if (!l.leader) continue;
    const { x1, y1, x2, y2 } = l.leader;
    for (const t of texts) {
      const dotIn = segmentCrossesBox(l.anchor[0], l.anchor[1], l.anchor[0], l.anchor[1], t.box, dot);
      if (dotIn || (t.id !== l.id && segmentCrossesBox(x1, y1, x2, y2, t.box))) found.push([l.id, t.id]);
    }
  }
  return found;
}

/**
 * Fill opacity for a council on the result map: the winner's lead in share points, scaled between
 * a floor (so the closest council is still clearly coloured) and 1 at the widest lead. The floor, 0.3,
 * was chosen by eye when the map was drawn (6a748e1): the closest council still reads as the winner's colour.
 */
export function marginOpacity(marginShare: number, maxMarginShare: number, floor = 0.3): number {
  if (!(maxMarginShare > 0)) return 1;
  const t = Math.max(0, Math.min(1, marginShare / maxMarginShare));
  return floor + (1 - floor) * t;
}
