// @vitest-environment jsdom
/**
 * The charts as drawn in the shortest boxes (a 320 × 568 phone's band; a 390 × 844 band at 200% text
 * size): what each leaves out is left out of the drawing too, and everything else is still drawn.
 */
import { cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCount, formatShare } from '../../../src/story/data/format.ts';
import { AreasGraphic } from '../../../src/story/graphics/areas/AreasGraphic.tsx';
import { BarsGraphic } from '../../../src/story/graphics/bars/BarsGraphic.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';

afterEach(cleanup);

const { derived, candidate, labels } = storyChartModel;
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the small multiples in a 320 × 568 phone’s band (289 × 178)', () => {
  const { container } = render(<AreasGraphic box={{ width: 289, height: 178, font: 13, measured: true }} model={storyChartModel} />);
  const svg = container.querySelector('svg')!;

  it('draws all seven councils in a grid, each bar labelled with its party and votes', () => {
    expect(svg.getAttribute('data-mode')).toBe('grid');
    expect([...svg.querySelectorAll('[data-area]')].map((p) => p.getAttribute('data-area'))).toEqual(derived.areas.map((a) => a.code));
    for (const a of derived.areas) {
      const bars = [...svg.querySelectorAll(`[data-area="${a.code}"] [data-candidate]`)];
      expect(bars.length).toBeGreaterThanOrEqual(2);
      for (const b of bars) {
        const r = a.ranked.find((x) => x.id === b.getAttribute('data-candidate'))!;
        expect(text(b)).toContain(formatCount(r.votes));
        expect(text(b)).toMatch(new RegExp(`${candidate(r.id).partyShort}|${candidate(r.id).surname}`));
      }
    }
  });

  it('says what bar length means, and mentions the lead only where it is drawn', () => {
    const note = [...svg.querySelectorAll('[data-scale-note] tspan')].map((t) => text(t)).join(' ');
    const captions = svg.querySelectorAll('[data-caption]').length;
    expect(note).toBe(captions ? labels.areas.note : labels.areas.noteWithoutLead);
  });
});

describe('the result bars at 200% text size in a 390 × 844 band (343 × 231)', () => {
  const { container } = render(
    <BarsGraphic variant="result" progress={motionValue(1)} box={{ width: 343, height: 231, font: 26, measured: true }} model={storyChartModel} />,
  );
  const svg = container.querySelector('svg')!;

  it('draws every candidate with their share, at 16 px or more', () => {
    expect(Number(svg.getAttribute('data-font'))).toBeGreaterThanOrEqual(16);
    for (const r of derived.results) {
      const row = svg.querySelector(`[data-candidate="${r.id}"]`)!;
      expect(text(row)).toContain(candidate(r.id).surname);
      expect(text(row.querySelector('[data-value-label]'))).toContain(formatShare(r.share));
    }
  });

  it('leaves the poll’s figures off the thin poll bars, keeping the bars', () => {
    expect(svg.querySelectorAll('.g-poll-bar')).toHaveLength(derived.results.length);
    // This band has no room for them beside six bars at 16 px or more (barsLayout's last tier).
    // Kept in the tree (the poll's step shows them), not drawn.
    const drawn = [...svg.querySelectorAll<SVGElement>('[data-poll-label]')].filter((l) => l.style.display !== 'none');
    expect(svg.querySelectorAll('[data-poll-label]')).toHaveLength(derived.results.length);
    expect(drawn).toHaveLength(0);
  });
});
