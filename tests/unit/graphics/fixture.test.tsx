// @vitest-environment jsdom
/**
 * The graphics draw the model they are given (issue 12, item 4): drawn from a small made-up model,
 * not the story's, what they show follows the fixture.
 */
import { cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCount, formatShare } from '../../../src/story/data/format.ts';
import { Graphic } from '../../../src/story/graphics/Graphic.tsx';
import { MotionRoot } from '../../../src/kit/motion.tsx';
import { FIXTURE_DATA, fixtureModel } from './fixtureModel.ts';

afterEach(cleanup);

const model = fixtureModel();

function draw(stateId: string) {
  const { container } = render(
    <MotionRoot>
      <Graphic model={model} stateId={stateId} progress={motionValue(1)} />
    </MotionRoot>,
  );
  return container.querySelector('svg')!;
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('graphics drawn from a fixture model', () => {
  it('bars: two candidates draw two bars, in the order of their votes, with the fixture’s figures', () => {
    const svg = draw('bars:result');
    const rows = [...svg.querySelectorAll('[data-candidate]')];
    // Brook has 7,000 of 10,000 votes, Avery 3,000.
    expect(rows.map((r) => r.getAttribute('data-candidate'))).toEqual(['brook', 'avery']);
    expect(rows.map((r) => r.getAttribute('data-votes'))).toEqual(['7000', '3000']);
    expect(text(rows[0].querySelector('[data-value-label]'))).toBe(`${formatShare(0.7)} · ${formatCount(7000)}`);
    expect(text(rows[1])).toContain('Avery Orn');
    // The result bar of the winner is longer than the other's.
    const width = (row: Element) => Number(row.querySelector('.g-result-bar')!.getAttribute('width'));
    expect(width(rows[0])).toBeGreaterThan(width(rows[1]) * 2);
    // The title is the caption's (data/story.json steps[].chart), above the chart: the chart draws none.
    expect(text(svg)).not.toContain('Result of');
  });

  it('bars: the poll state shows the fixture’s poll', () => {
    const svg = draw('bars:poll');
    expect([...svg.querySelectorAll('[data-candidate]')].map((r) => r.getAttribute('data-poll-percent'))).toEqual(['45', '55']);
    expect(text(svg)).not.toContain('Fixture Polling');
  });

  it('areas: one panel per fixture area, with its winner and lead', () => {
    const svg = draw('areas:margins');
    const panels = [...svg.querySelectorAll('[data-area]')];
    expect(panels.map((p) => p.getAttribute('data-area'))).toEqual(FIXTURE_DATA.results.areas.map((a) => a.code));
    expect(panels.map((p) => p.getAttribute('data-winner'))).toEqual(['brook', 'brook']);
    expect(panels.map((p) => p.getAttribute('data-margin'))).toEqual(['3000', '1000']);
    expect(text(svg)).toContain('Votes per area.');
    // The lead in share points carries the fixture's unit word ("pts"), not the story's ("points").
    expect(text(panels[0].querySelector('[data-caption]'))).toMatch(/^\+3,000 \(\d+\.\d pts\)$/);
  });

  it('money: one bar per fixture milestone and the fixture’s target', () => {
    const svg = draw('money:crowdfund');
    expect([...svg.querySelectorAll('[data-bar]')].map((b) => b.getAttribute('data-amount'))).toEqual(['6000', '12000']);
    expect(svg.querySelector('[data-target]')!.getAttribute('data-target')).toBe('10000');
    expect(text(svg)).toContain('In the order reported.');
    // An "about" figure in the fixture's words ("~{value}"), not the story's "c.".
    expect(text(svg)).toContain('~£6,000');
    expect(text(svg)).not.toContain('c. ');
  });

  it('timeline: a mark per fixture event, the current one titled', () => {
    const svg = draw('timeline:middle');
    expect([...svg.querySelectorAll('[data-event-mark]')].map((m) => m.getAttribute('data-event-mark')).sort()).toEqual(['middle', 'start', 'vote']);
    expect(text(svg.querySelector('[data-highlight="middle"]'))).toContain('Half way there');
  });

  it('map: the fixture’s councils, filled by the fixture’s winner', () => {
    const svg = draw('map:result');
    const councils = [...svg.querySelectorAll('path[data-area]')];
    expect(councils.map((c) => c.getAttribute('data-area'))).toEqual(['E06000001', 'E06000002']);
    for (const c of councils) expect((c as SVGPathElement).style.fill).toBe('var(--c-brook)');
    expect(text(svg)).toContain('Brook (Tea) won');
    expect(text(svg)).toContain('all II');
  });
});
