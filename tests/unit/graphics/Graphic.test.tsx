// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import storyOutline from 'virtual:story-outline';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { candidate, dataset, derived } from '../../../src/story/data/dataset.ts';
import { formatCount, formatIsoDate, formatPoints, formatShare } from '../../../src/story/data/format.ts';
import { knownGraphicStates } from '../../../src/story/data/graphicStates.ts';
import { Graphic } from '../../../src/story/graphics/Graphic.tsx';
import { MotionRoot } from '../../../src/kit/motion.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';

afterEach(cleanup);

function draw(stateId: string, progress = 1) {
  const { container } = render(
    <MotionRoot>
      <Graphic model={storyChartModel} stateId={stateId} progress={motionValue(progress)} />
    </MotionRoot>,
  );
  const svg = container.querySelector('svg')!;
  return { container, svg };
}

const html = (stateId: string, progress = 1) =>
  renderToString(
    <MotionRoot>
      <Graphic model={storyChartModel} stateId={stateId} progress={motionValue(progress)} />
    </MotionRoot>,
  );

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Graphic', () => {
  const states = knownGraphicStates(dataset.timeline.map((e) => e.id));

  it.each(states)('%s renders one hidden, unfocusable SVG tagged with its kind', (stateId) => {
    const { container, svg } = draw(stateId);
    expect(container.children).toHaveLength(1);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.getAttribute('focusable')).toBe('false');
    expect(svg.getAttribute('data-graphic-kind')).toBe(stateId.split(':')[0]);
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  });

  it('draws every state the story uses', () => {
    for (const step of storyOutline) expect(states).toContain(step.graphic);
  });

  it('keeps one fixed size per graphic across its states (no layout shift)', () => {
    const byKind = new Map<string, Set<string>>();
    for (const s of states) {
      const kind = s.split(':')[0];
      if (!byKind.has(kind)) byKind.set(kind, new Set());
      byKind.get(kind)!.add(draw(s).svg.getAttribute('viewBox')!);
      cleanup();
    }
    for (const [, boxes] of byKind) expect(boxes.size).toBe(1);
  });

  it('draws an empty, tagged SVG for an unknown state instead of throwing', () => {
    const { svg } = draw('pie:chart');
    expect(svg.getAttribute('data-graphic-kind')).toBe('none');
    expect(svg.children).toHaveLength(0);
  });

  it.each(states)('%s hydrates without a mismatch (same markup on server and client)', async (stateId) => {
    const container = document.createElement('div');
    container.innerHTML = html(stateId);
    document.body.appendChild(container);
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    await act(async () => {
      hydrateRoot(
        container,
        <MotionRoot>
          <Graphic model={storyChartModel} stateId={stateId} progress={motionValue(1)} />
        </MotionRoot>,
        { onRecoverableError: (e) => errors.push(e) },
      );
    });
    consoleError.mockRestore();
    container.remove();
    expect(errors).toEqual([]);
  });
});

describe('bars', () => {
  it('result: one row per candidate with exact votes, shares and labels', () => {
    const { svg } = draw('bars:result');
    const rows = [...svg.querySelectorAll('[data-candidate]')];
    expect(rows.map((r) => r.getAttribute('data-candidate'))).toEqual(derived.results.map((r) => r.id));
    for (const r of derived.results) {
      const row = svg.querySelector(`[data-candidate="${r.id}"]`)!;
      expect(row.getAttribute('data-votes')).toBe(String(r.votes));
      expect(Number(row.getAttribute('data-share'))).toBe(r.share);
      const label = text(row.querySelector('[data-value-label]'));
      expect(label).toBe(`${formatShare(r.share)} · ${formatCount(r.votes)}`);
      expect(text(row)).toContain(candidate(r.id).surname);
      expect(text(row)).toContain(candidate(r.id).partyShort);
      expect(text(row.querySelector('[data-poll-label]'))).toBe(`poll ${dataset.poll.sharesPercent[r.id]}%`);
    }
    const top = svg.querySelector(`[data-candidate="${derived.winnerId}"]`)!;
    expect(text(top.querySelector('[data-value-label]'))).toBe('41.3% · 185,051');
  });

  it('poll: rows carry the poll figure and show it as "35%", in the same row order as the result', () => {
    const { svg } = draw('bars:poll');
    const rows = [...svg.querySelectorAll('[data-candidate]')];
    expect(rows.map((r) => r.getAttribute('data-candidate'))).toEqual(derived.results.map((r) => r.id));
    for (const p of derived.pollRanked) {
      const row = svg.querySelector(`[data-candidate="${p.id}"]`)!;
      expect(row.getAttribute('data-poll-percent')).toBe(String(p.percent));
      expect(text(row.querySelector('[data-poll-label]'))).toBe(`${p.percent}%`);
      expect(row.hasAttribute('data-votes')).toBe(false);
    }
    // The result's bars and figures are in the tree (so the step to the result only writes attributes):
    // the bars drawn at the poll's length (the step to the result grows them from there, issue #18), the figures hidden.
    const labels = [...svg.querySelectorAll<SVGElement>('[data-value-label]')];
    expect(labels).toHaveLength(derived.results.length);
    expect(labels.filter((el) => el.style.visibility !== 'hidden')).toEqual([]);
    for (const r of derived.results) {
      const row = svg.querySelector(`[data-candidate="${r.id}"]`)!;
      const bar = row.querySelector<SVGRectElement>('.g-result-bar')!;
      const drawn = Number(bar.getAttribute('width')) * Number(/scaleX\(([\d.e-]+)\)/.exec(bar.style.transform)![1]);
      expect(Math.abs(drawn - Number(row.querySelector('.g-poll-bar')!.getAttribute('width')))).toBeLessThan(0.1);
    }
  });

  it('the result bars are drawn at their full length whatever the progress (the step change moves them, not the scroll)', () => {
    const scales = (p: number) =>
      [...html('bars:result', p).matchAll(/<rect class="g-result-bar[^"]*"[^>]*>/g)].map((m) => {
        const scale = /scaleX\(([\d.e-]+)\)/.exec(m[0]);
        return scale ? Number(scale[1]) : 1;
      });
    for (const p of [0, 0.05, 0.5, 1]) expect(scales(p)).toEqual(Array(derived.results.length).fill(1));
  });

  it('poll and result share one x scale: equal shares draw equal lengths', () => {
    const { svg } = draw('bars:result');
    const pollBar = (id: string) => Number(svg.querySelector(`[data-candidate="${id}"] .g-poll-bar`)!.getAttribute('width'));
    const resultBar = (id: string) => Number(svg.querySelector(`[data-candidate="${id}"] .g-result-bar`)!.getAttribute('width'));
    const id = derived.winnerId;
    const perPollPoint = pollBar(id) / dataset.poll.sharesPercent[id];
    const perResultPoint = resultBar(id) / (derived.results[0].share * 100);
    // Coordinates are rounded to 0.1 units: each width is within 0.05 of its exact length.
    const rounding = 0.05 / dataset.poll.sharesPercent[id] + 0.05 / (derived.results[0].share * 100);
    expect(Math.abs(perResultPoint - perPollPoint)).toBeLessThanOrEqual(rounding);
  });
});

describe('map', () => {
  it('result: a label per council with its short name and the winner’s lead; winner colours', () => {
    const { svg } = draw('map:result');
    const labels = [...svg.querySelectorAll('[data-label-for]')];
    expect(labels).toHaveLength(derived.areas.length);
    for (const area of derived.areas) {
      const label = svg.querySelector(`[data-label-for="${area.code}"]`)!;
      expect(label.getAttribute('data-label')).toBe(`${area.label} +${formatCount(area.marginVotes)}`);
      expect(text(label)).toBe(`${area.label}+${formatCount(area.marginVotes)}`);
      const shape = svg.querySelector(`path[data-area="${area.code}"]`) as SVGPathElement;
      expect(shape.style.fill).toBe(`var(--c-${area.winnerId})`);
    }
    expect(svg.querySelector('[data-label="Newcastle +1,411"]')).not.toBeNull();
    expect(text(svg)).toContain('McGuinness (Lab)won all seven');
  });

  it('north-of-tyne: labels the three North of Tyne councils only', () => {
    const { svg } = draw('map:north-of-tyne');
    const labels = [...svg.querySelectorAll('[data-label-for]')].map((l) => l.getAttribute('data-label')).sort();
    expect(labels).toEqual(['Newcastle', 'North Tyneside', 'Northumberland']);
  });

  it('region: a key names both authorities, one drawn with a pattern', () => {
    const { svg } = draw('map:region');
    const keyLines = [...svg.querySelectorAll('.g-key text')].map((t) => [...t.querySelectorAll('tspan')].map((l) => l.textContent).join(' '));
    // The region state is set in December 2022, when both authorities still existed: not "former".
    expect(keyLines).toEqual(['North of Tyne authority', 'Durham, Gateshead, South Tyneside and Sunderland authority']);
    const hatched = [...svg.querySelectorAll('path[data-area]')].filter((p) => (p as SVGPathElement).style.fill.replace(/"/g, '').startsWith('url(#'));
    expect(hatched).toHaveLength(4);
    const patternId = svg.querySelector('pattern')!.id;
    expect((hatched[0] as SVGPathElement).style.fill.replace(/"/g, '')).toBe(`url(#${patternId})`);
  });

  it('gives two copies of a graphic different pattern ids', () => {
    const { container } = render(
      <MotionRoot>
        <Graphic model={storyChartModel} stateId="map:region" progress={motionValue(1)} />
        <Graphic model={storyChartModel} stateId="map:region" progress={motionValue(1)} />
      </MotionRoot>,
    );
    const ids = [...container.querySelectorAll('pattern')].map((p) => p.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('timeline', () => {
  it.each(['loach-event', 'barred', 'starmer-defends', 'resigns'])('%s: highlights the event with its date and label', (id) => {
    const event = dataset.timeline.find((e) => e.id === id)!;
    const { svg } = draw(`timeline:${id}`);
    expect(svg.getAttribute('data-event')).toBe(id);
    const marks = [...svg.querySelectorAll('[data-event-mark]')];
    expect(marks).toHaveLength(dataset.timeline.length);
    expect(svg.querySelectorAll('[data-current="true"]')).toHaveLength(1);
    expect(svg.querySelector('[data-current="true"]')!.getAttribute('data-event-mark')).toBe(id);
    const title = text(svg.querySelector('[data-highlight]'));
    expect(title.startsWith(formatIsoDate(event.date, storyChartModel.units.months))).toBe(true);
    expect(title.replace(/\s/g, '')).toContain(event.label.replace(/\s/g, ''));
    expect(svg.querySelector(`[data-short-label="${id}"]`)).toBeNull();
  });

  it('draws the focus (mark, leader, title) at the event’s mark, whatever the progress', () => {
    expect(html('timeline:resigns', 0)).toBe(html('timeline:resigns', 1));
    const { svg } = draw('timeline:resigns');
    const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const mark = Number(svg.querySelector('[data-event-mark="resigns"]')!.getAttribute('cx'));
    expect(Number(svg.querySelector('[data-focus-mark="resigns"]')!.getAttribute('cx'))).toBe(mark);
    const leader = svg.querySelector('[data-leader-of="focus"]')!.parentElement as unknown as SVGGElement;
    expect(leader.style.transform).toBe(`translateX(${mark}px)`);
    // The title is centred over the mark, or as near as the box allows.
    const title = svg.querySelector('[data-highlight]')!.parentElement as unknown as SVGGElement;
    const titleX = Number(title.getAttribute('data-title-x'));
    expect(title.style.transform).toBe(`translateX(${titleX}px)`);
    expect(titleX).toBeGreaterThan(0);
    expect(titleX).toBeLessThan(width);
  });
});

describe('money', () => {
  it('crowdfund: the milestones in order with their labels, the target line labelled, no union bar shown', () => {
    const { svg } = draw('money:crowdfund');
    const bars = [...svg.querySelectorAll('[data-kind="milestone"]')];
    expect(bars.map((b) => b.getAttribute('data-bar'))).toEqual(dataset.fundraising.crowdfunder.milestones.map((m) => m.id));
    expect(bars.map((b) => b.getAttribute('data-label'))).toEqual(['£25,000+', '£81,000+', '£93,000+', '£131,000+', '£142,000+']);
    const target = svg.querySelector('[data-target]')!;
    expect(target.getAttribute('data-target')).toBe(String(dataset.fundraising.crowdfunder.targetPounds));
    // Two lines over the last band (columns) or one under the last row (rows, the default 320 × 300 box at 13 px).
    expect(text(target).replace(/\s/g, '')).toBe('£25,000target');
    const union = svg.querySelector('[data-kind="union"]')!;
    expect((union.querySelector('rect') as SVGRectElement).style.opacity).toBe('0');
    expect(svg.querySelectorAll('[data-dimmed]')).toHaveLength(0);
  });

  it('rmt: adds the RMT bar, patterned and labelled, and dims the milestones', () => {
    const { svg } = draw('money:rmt');
    const union = svg.querySelector('[data-kind="union"]')!;
    expect(union.getAttribute('data-label')).toMatch(/^RMT (2024 )?£10,000$/);
    expect(union.getAttribute('data-amount')).toBe('10000');
    expect(text(union)).toContain('£10,000');
    expect(text(union)).toContain('RMT');
    const rect = union.querySelector('rect') as SVGRectElement;
    expect(rect.style.fill).toMatch(/^url\("?#/);
    expect(rect.style.opacity).toBe('1');
    expect(svg.querySelectorAll('[data-dimmed="true"]')).toHaveLength(dataset.fundraising.crowdfunder.milestones.length);
  });
});

describe('areas', () => {
  it('has a panel per council with winner, runner-up and margin', () => {
    const { svg } = draw('areas:margins');
    const panels = [...svg.querySelectorAll('[data-area]')];
    expect(panels.map((p) => p.getAttribute('data-area'))).toEqual(derived.areas.map((a) => a.code));
    for (const a of derived.areas) {
      const panel = svg.querySelector(`[data-area="${a.code}"]`)!;
      expect(panel.getAttribute('data-winner')).toBe(a.winnerId);
      expect(panel.getAttribute('data-runner-up')).toBe(a.runnerUpId);
      expect(panel.getAttribute('data-margin')).toBe(String(a.marginVotes));
      expect(text(panel.querySelector('[data-caption]'))).toBe(`+${formatCount(a.marginVotes)} (${formatPoints(a.marginShare, storyChartModel.units)})`);
      const bars = [...panel.querySelectorAll('[data-candidate]')];
      const perArea = Number(svg.getAttribute('data-per-area'));
      expect(perArea).toBeGreaterThanOrEqual(2);
      expect(bars.map((b) => b.getAttribute('data-candidate'))).toEqual(a.ranked.slice(0, perArea).map((r) => r.id));
      for (const b of bars) {
        const r = a.ranked.find((x) => x.id === b.getAttribute('data-candidate'))!;
        expect(text(b)).toContain(candidate(r.id).surname);
        expect(text(b)).toContain(formatCount(r.votes));
      }
    }
  });

  it('shows the story’s three findings', () => {
    const { svg } = draw('areas:margins');
    const panels = [...svg.querySelectorAll('[data-area]')];
    expect(panels.map((p) => p.getAttribute('data-winner'))).toEqual(Array(7).fill('mcguinness'));
    const byName = (name: string) => svg.querySelector(`[data-area="${derived.areas.find((a) => a.label === name)!.code}"]`)!;
    expect(byName('Sunderland').getAttribute('data-runner-up')).toBe('donaghy');
    expect(text(byName('Sunderland'))).toContain('Reform');
    expect(byName('Newcastle').getAttribute('data-close')).toBe('true');
    expect(byName('South Tyneside').getAttribute('data-close')).toBe('true');
    expect(svg.querySelectorAll('[data-close="true"]')).toHaveLength(2);
  });
});
