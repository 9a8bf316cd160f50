import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/story/data/format.ts';
import {
  keepFitting,
  labelOverlaps,
  layoutMapLabels,
  listMapLabels,
  marginOpacity,
  pathBounds,
  type LabelRequest,
  type PlacedLabel,
} from '../../../src/story/graphics/map/mapLabels.ts';
import {
  councilStyles,
  MAP_VARIANTS,
  MAP_VIEW,
  mapFrame,
  mapKey,
  mapKeyLayout,
  mapData,
  mapLabels,
  shadeKey,
  singleWinner,
} from '../../../src/story/graphics/map/mapModel.ts';
import { estimateTextWidth } from '../../../src/kit/graphics/text.ts';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';

const MAP = mapData(storyChartModel);
const { councilMap, derived } = storyChartModel;

describe('pathBounds', () => {
  it('bounds an absolute path', () => {
    expect(pathBounds('M10,20L30,5L25.5,40Z')).toEqual({ x: 10, y: 5, width: 20, height: 35 });
  });
  it('handles multiple rings and negative numbers', () => {
    expect(pathBounds('M-5,2L3,4ZM100,-1L101,1Z')).toEqual({ x: -5, y: -1, width: 106, height: 5 });
  });
  it('follows relative commands, including moves after a close', () => {
    // The build's compacted form: whole units, relative moves, a second ring after z.
    expect(pathBounds('m10 20l20-15l-4.5 35zm90-21l1 2z')).toEqual({ x: 10, y: -1, width: 91, height: 41 });
    expect(pathBounds('M0,0h10v5H-2V-3Z')).toEqual({ x: -2, y: -3, width: 12, height: 8 });
  });
  it('agrees on the real map: every council’s centroid lies inside its bounds', () => {
    for (const c of councilMap.councils) {
      const b = pathBounds(c.d);
      expect(b.width).toBeGreaterThan(0);
      expect(c.centroid[0]).toBeGreaterThan(b.x);
      expect(c.centroid[0]).toBeLessThan(b.x + b.width);
      expect(c.centroid[1]).toBeGreaterThan(b.y);
      expect(c.centroid[1]).toBeLessThan(b.y + b.height);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(councilMap.width);
    }
  });
  it('is empty for an empty path', () => {
    expect(pathBounds('')).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

const options = { width: 400, height: 480, columnX: 300, gap: 6, minY: 100, maxY: 400 };
const small = (x: number, y: number) => ({ x: x - 5, y: y - 5, width: 10, height: 10 });

describe('layoutMapLabels', () => {
  it('labels a large shape inline, centred on its anchor, with no leader', () => {
    const [label] = layoutMapLabels([{ id: 'big', anchor: [150, 200], lines: ['Big'], shape: { x: 50, y: 100, width: 200, height: 200 } }], options);
    expect(label.leader).toBeNull();
    expect(label.textAnchor).toBe('middle');
    expect(label.box.x + label.box.width / 2).toBeCloseTo(150);
    expect(label.box.y + label.box.height / 2).toBeCloseTo(200);
  });

  it('moves labels for small, crowded shapes to the column, in anchor order, without overlaps', () => {
    const requests: LabelRequest[] = [
      { id: 'c', anchor: [250, 212], lines: ['Gamma', '+3'], shape: small(250, 212) },
      { id: 'a', anchor: [240, 200], lines: ['Alpha', '+1'], shape: small(240, 200) },
      { id: 'b', anchor: [260, 205], lines: ['Beta', '+2'], shape: small(260, 205) },
    ];
    const labels = layoutMapLabels(requests, options);
    expect(labels.map((l) => l.id)).toEqual(['c', 'a', 'b']); // caller's order kept
    expect(labelOverlaps(labels)).toEqual([]);
    const byId = Object.fromEntries(labels.map((l) => [l.id, l]));
    expect(byId.a.box.y).toBeLessThan(byId.b.box.y);
    expect(byId.b.box.y).toBeLessThan(byId.c.box.y);
    for (const l of labels) {
      expect(l.box.x).toBe(300);
      expect(l.leader).toMatchObject({ x1: l.anchor[0], y1: l.anchor[1] });
      expect(l.leader!.x2).toBeLessThan(300);
    }
    // The block stays centred on its anchors rather than drifting down.
    const mid = (Math.min(...labels.map((l) => l.box.y)) + Math.max(...labels.map((l) => l.box.y + l.box.height))) / 2;
    expect(Math.abs(mid - 205.7)).toBeLessThan(8);
  });

  it('keeps a crowded column inside [minY, maxY]', () => {
    const requests: LabelRequest[] = Array.from({ length: 6 }, (_, i) => ({
      id: `n${i}`,
      anchor: [250, 395 + i] as [number, number],
      lines: ['Name', '+1'],
      shape: small(250, 395 + i),
    }));
    const labels = layoutMapLabels(requests, options);
    expect(labelOverlaps(labels)).toEqual([]);
    for (const l of labels) {
      expect(l.box.y).toBeGreaterThanOrEqual(100);
      expect(l.box.y + l.box.height).toBeLessThanOrEqual(400 + 1e-9);
    }
  });
});

describe('mapLabels on the real map', () => {
  for (const variant of MAP_VARIANTS) {
    it(`${variant}: no two labels overlap and every label is inside the view`, () => {
      const labels = mapLabels(variant, MAP);
      expect(labels.length).toBeGreaterThan(0);
      expect(labelOverlaps(labels)).toEqual([]);
      for (const l of labels) {
        const width = Math.max(...l.lines.map((line, i) => estimateTextWidth(line, 13, i === 0)));
        const left = l.textAnchor === 'middle' ? l.textX - width / 2 : l.textX;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + width).toBeLessThanOrEqual(MAP_VIEW.width);
        expect(l.box.y).toBeGreaterThanOrEqual(0);
        expect(l.box.y + l.box.height).toBeLessThanOrEqual(MAP_VIEW.height);
      }
    });
  }

  it('north-of-tyne labels only the three North of Tyne councils', () => {
    const codes = mapLabels('north-of-tyne', MAP)
      .map((l) => l.id)
      .sort();
    const expected = councilMap.councils
      .filter((c) => c.group === 'north-of-tyne')
      .map((c) => c.code)
      .sort();
    expect(codes).toEqual(expected);
    expect(codes).toHaveLength(3);
  });

  it('result labels every council with its short name and the winner’s lead in votes', () => {
    const labels = mapLabels('result', MAP);
    expect(labels).toHaveLength(derived.areas.length);
    for (const area of derived.areas) {
      const label = labels.find((l) => l.id === area.code)!;
      expect(label.lines.join(' ')).toBe(`${area.label} +${formatCount(area.marginVotes)}`);
    }
    expect(labels.find((l) => l.lines[0] === 'Newcastle')!.lines.join(' ')).toBe('Newcastle +1,411');
  });

  it('gives the small Tyne and Wear councils callouts and the two large ones inline labels', () => {
    const labels = mapLabels('result', MAP);
    const inline = labels
      .filter((l) => !l.leader)
      .map((l) => l.lines[0])
      .sort();
    expect(inline).toEqual(['County Durham', 'Northumberland']);
    // Leaders do not cross: callouts keep their anchors' vertical order.
    const callouts = labels.filter((l) => l.leader).sort((a, b) => a.anchor[1] - b.anchor[1]);
    for (let i = 1; i < callouts.length; i += 1) expect(callouts[i].box.y).toBeGreaterThan(callouts[i - 1].box.y);
  });
});

describe('council fills', () => {
  it('result: each council in its winner’s colour, stronger for a wider lead', () => {
    const styles = councilStyles('result', 'h', MAP);
    for (const s of styles) {
      const area = derived.areas.find((a) => a.code === s.code)!;
      expect(s.fill).toBe(`var(--c-${area.winnerId})`);
    }
    const op = (label: string) => styles.find((s) => s.code === derived.areas.find((a) => a.label === label)!.code)!.fillOpacity;
    expect(op('Newcastle')).toBeLessThan(op('Sunderland'));
  });
  it('region: the two former authorities differ by pattern, not shade alone', () => {
    const styles = councilStyles('region', 'hatch-1', MAP);
    const north = styles.filter((s) => councilMap.councils.find((c) => c.code === s.code)!.group === 'north-of-tyne');
    const lamb = styles.filter((s) => !north.includes(s));
    expect(north.every((s) => !s.fill.includes('url('))).toBe(true);
    expect(lamb.every((s) => s.fill === 'url(#hatch-1)')).toBe(true);
  });
  it('north-of-tyne: the other four are faint', () => {
    const styles = councilStyles('north-of-tyne', 'h', MAP);
    expect(styles.filter((s) => s.emphasis === 'faint')).toHaveLength(4);
  });
});

describe('map key', () => {
  it('names both authorities in the region state, without calling them former', () => {
    const text = mapKey('region', MAP).map((k) => k.lines.join(' '));
    // Set in December 2022, when both authorities still existed: not "former".
    expect(text).toEqual(['North of Tyne authority', 'Durham, Gateshead, South Tyneside and Sunderland authority']);
  });
  it('says one candidate won every council when that is so', () => {
    expect(singleWinner(derived.areas)).toBe('mcguinness');
    expect(mapKey('result', MAP)[0].lines.join(' ')).toBe('McGuinness (Lab) won all seven');
  });
});

describe('marginOpacity', () => {
  it('runs from the floor to 1, monotonically, and clamps', () => {
    expect(marginOpacity(0, 0.2)).toBeCloseTo(0.3);
    expect(marginOpacity(0.2, 0.2)).toBe(1);
    expect(marginOpacity(0.1, 0.2)).toBeCloseTo(0.65);
    expect(marginOpacity(0.5, 0.2)).toBe(1);
    expect(marginOpacity(-1, 0.2)).toBeCloseTo(0.3);
    expect(marginOpacity(0.1, 0)).toBe(1);
  });
});

describe('callout column', () => {
  it('moves left when its widest label would overflow the view', () => {
    const labels = layoutMapLabels([{ id: 'long', anchor: [250, 200], lines: ['A very long council name indeed'], shape: small(250, 200) }], options);
    const width = estimateTextWidth('A very long council name indeed', 13, true);
    expect(labels[0].box.x + width).toBeLessThanOrEqual(400);
    expect(labels[0].leader!.x2).toBeLessThan(labels[0].box.x);
  });
});

describe('result map key (issue 9, item 2): says what the figures and the shade each show', () => {
  const areas = derived.areas;
  const max = Math.max(...areas.map((a) => a.marginShare));

  it('labels the figures as the lead in votes and the shade as the lead in share points', () => {
    const lines = mapKey('result', MAP).map((item) => item.lines.join(' '));
    expect(lines.some((l) => /figures?: lead in votes/i.test(l))).toBe(true);
    expect(lines.some((l) => /shade: lead in share points/i.test(l))).toBe(true);
    // And the figures printed on the map are indeed votes.
    for (const a of areas)
      expect(
        mapLabels('result', MAP)
          .find((l) => l.id === a.code)!
          .lines.join(' '),
      ).toContain(`+${formatCount(a.marginVotes)}`);
  });

  it('gives key values: each swatch is a lead in points, shaded exactly as a council with that lead', () => {
    const swatches = shadeKey({ ...MAP, areas });
    expect(swatches.length).toBeGreaterThanOrEqual(2);
    for (const s of swatches) {
      expect(s.value).toBeGreaterThan(0);
      expect(s.value).toBeLessThanOrEqual(max);
      expect(s.opacity).toBeCloseTo(marginOpacity(s.value, max), 10);
      expect(s.label).toMatch(new RegExp(`^\\+${Math.round(s.value * 100)}( pts)?$`));
    }
    expect(swatches[swatches.length - 1].label).toMatch(/pts$/);
    swatches.slice(1).forEach((s, i) => expect(s.opacity).toBeGreaterThan(swatches[i].opacity));
  });

  it('shades councils by share points, as the key says (Gateshead darker than County Durham despite a smaller lead in votes)', () => {
    const styles = councilStyles('result', 'h', { ...MAP, areas });
    for (const a of areas) expect(styles.find((s) => s.code === a.code)!.fillOpacity).toBeCloseTo(marginOpacity(a.marginShare, max), 10);
    const byName = (label: string) => areas.find((a) => a.label === label)!;
    const opacity = (label: string) => styles.find((s) => s.code === byName(label).code)!.fillOpacity;
    expect(byName('Gateshead').marginVotes).toBeLessThan(byName('County Durham').marginVotes);
    expect(byName('Gateshead').marginShare > byName('County Durham').marginShare).toBe(opacity('Gateshead') > opacity('County Durham'));
  });
});

describe('map frames for real boxes', () => {
  it.each([
    [390, 360, 13],
    [320, 250, 13],
    [420, 360, 13],
    [640, 732, 13],
    [366, 776, 26],
  ])('%ix%i at %i px: the map keeps its shape and text renders at the label size', (w, h, font) => {
    const { frame, scale } = mapFrame(w, h, font);
    expect(frame.width * scale).toBeCloseTo(w, 6);
    expect(frame.height * scale).toBeCloseTo(h, 6);
    expect(frame.font * scale).toBeCloseTo(font, 6);
    expect(Math.min(frame.width - MAP_VIEW.width, frame.height - MAP_VIEW.height)).toBeCloseTo(0, 6);
    const key = mapKeyLayout('result', MAP, frame);
    for (const b of key.boxes) expect(b.x + b.width).toBeLessThanOrEqual(frame.width + 0.5);
  });
});

describe('listMapLabels (the list form, for a box too narrow for callouts)', () => {
  const request = (id: string, x: number, y: number, lines: string[]): LabelRequest => ({ id, anchor: [x, y], lines, shape: { x, y, width: 1, height: 1 } });
  const requests = [
    request('south', 10, 300, ['Sunderland', '+15,906']),
    request('north', 50, 20, ['Northumberland', '+5,256']),
    request('mid', 40, 200, ['Newcastle', '+1,411']),
  ];
  const options = { top: 100, width: 400, swatch: 14, swatchGap: 6, gap: 3, fontSize: 13, lineHeight: 16 };

  it('puts a row per label under `top`, north to south, each after a swatch level with its first line, keeping the caller order', () => {
    const rows = listMapLabels(requests, options);
    expect(rows.map((r) => r.id)).toEqual(['south', 'north', 'mid']);
    const byTop = [...rows].sort((a, b) => a.box.y - b.box.y);
    expect(byTop.map((r) => r.id)).toEqual(['north', 'mid', 'south']);
    expect(byTop[0].box.y).toBe(100);
    for (const [i, row] of byTop.entries()) {
      expect(row.leader).toBeNull();
      expect(row.box.x).toBe(0);
      expect(row.textX).toBe(20);
      expect(row.swatch).toEqual({ x: 0, y: row.box.y + 1, width: 14, height: 14 });
      if (i > 0) expect(row.box.y).toBeCloseTo(byTop[i - 1].box.y + byTop[i - 1].box.height + 3);
    }
    expect(labelOverlaps(rows)).toEqual([]);
  });

  it('sets every row on one line where all fit the width, else every row in its lines (the name over the figure)', () => {
    const wide = listMapLabels(requests, options);
    expect(wide.map((r) => r.lines)).toEqual([['Sunderland +15,906'], ['Northumberland +5,256'], ['Newcastle +1,411']]);
    expect(wide.every((r) => r.box.height === 16)).toBe(true);
    // "Northumberland +5,256" no longer fits: all three go to two lines, the short ones too.
    const width = 20 + estimateTextWidth('Northumberland +5,256', 13, true) - 1;
    const narrow = listMapLabels(requests, { ...options, width });
    expect(narrow.map((r) => r.lines)).toEqual([
      ['Sunderland', '+15,906'],
      ['Northumberland', '+5,256'],
      ['Newcastle', '+1,411'],
    ]);
    expect(narrow.every((r) => r.box.height === 32 && r.box.width <= width)).toBe(true);
  });
});

describe('keepFitting', () => {
  const label = (id: string, x: number, y: number, callout = false): PlacedLabel => ({
    id,
    lines: [id],
    anchor: [x, y],
    box: { x, y, width: 40, height: 10 },
    textAnchor: callout ? 'start' : 'middle',
    textX: x,
    firstBaseline: y + 8,
    leader: callout ? { x1: 0, y1: 0, x2: x, y2: y } : null,
  });

  it('drops labels past the view, on the key, or on an earlier label, keeping the caller order', () => {
    const labels = [label('callout', 10, 50, true), label('past', 90, 10), label('inline', 10, 55), label('on-key', 0, 0), label('ok', 50, 80)];
    const kept = keepFitting(labels, 100, 100, [{ x: 0, y: 0, width: 30, height: 20 }]);
    // The inline label wins the overlap with the callout: inline labels are placed first.
    expect(kept.map((l) => l.id)).toEqual(['inline', 'ok']);
    expect(labelOverlaps(kept)).toEqual([]);
  });
});
