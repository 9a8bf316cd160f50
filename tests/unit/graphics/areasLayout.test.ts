import { describe, expect, it } from 'vitest';
import { candidate, derived } from '../../../src/data/dataset.ts';
import { formatCount, formatPoints } from '../../../src/data/format.ts';
import { AREAS_PLOT, AREAS_VIEW, areasLayout, TOP_N } from '../../../src/graphics/areas/areasLayout.ts';
import { estimateTextWidth } from '../../../src/graphics/text.ts';

describe('areasLayout', () => {
  const panels = areasLayout(derived.areas, [derived.closestByVotes.code, derived.closestByShare.code]);

  it('has one panel per area, stacked inside the view without overlapping', () => {
    expect(panels).toHaveLength(derived.areas.length);
    for (let i = 1; i < panels.length; i += 1) expect(panels[i].y - panels[i - 1].y).toBeGreaterThanOrEqual(AREAS_PLOT.panelHeight);
    const last = panels[panels.length - 1];
    expect(last.bars[last.bars.length - 1].y + AREAS_PLOT.barHeight).toBeLessThanOrEqual(AREAS_VIEW.height);
  });

  it('shows each area’s top three in order, on one share scale for all panels', () => {
    const perShare = panels[0].bars[0].width / panels[0].bars[0].share;
    for (const p of panels) {
      expect(p.bars.map((b) => b.id)).toEqual(p.area.ranked.slice(0, TOP_N).map((r) => r.id));
      for (const b of p.bars) expect(Math.abs(b.width - b.share * perShare)).toBeLessThanOrEqual(0.15); // coordinates are rounded to 0.1
    }
  });

  it('marks the closest counts (by votes and by share)', () => {
    const close = panels
      .filter((p) => p.close)
      .map((p) => p.area.label)
      .sort();
    expect(close).toEqual([derived.closestByShare.label, derived.closestByVotes.label].sort());
    expect(close).toEqual(['Newcastle', 'South Tyneside']);
  });

  it('leaves room for each bar label inside the view', () => {
    for (const p of panels) {
      for (const b of p.bars) {
        const c = candidate(b.id);
        const label = `${c.surname} ${c.partyShort} ${formatCount(b.votes)}`;
        expect(AREAS_PLOT.left + b.width + 5 + estimateTextWidth(label, 13, true)).toBeLessThanOrEqual(AREAS_VIEW.width);
      }
    }
  });

  it('fits each panel’s name and margin caption on one line without touching', () => {
    for (const p of panels) {
      const a = p.area;
      const caption = `${candidate(a.winnerId).surname} +${formatCount(a.marginVotes)} (${formatPoints(a.marginShare)})`;
      const used = estimateTextWidth(a.label, 13, true) + 8 + estimateTextWidth(caption, 13, p.close);
      expect(used).toBeLessThanOrEqual(AREAS_VIEW.width - 2 * AREAS_PLOT.left);
    }
  });
});
