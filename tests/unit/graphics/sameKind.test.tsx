// @vitest-environment jsdom
/**
 * Issue #17 (and the transitions of issue #18): a step change between two states of one graphic
 * keeps its <svg> and its marks (the same DOM nodes, in the same order) and commits attribute and
 * text changes only, so a later transition can carry each mark from one state to the next.
 */
import { act, cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import storyOutline from 'virtual:story-outline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { derived } from '../../../src/story/data/dataset.ts';
import { MotionRoot } from '../../../src/kit/motion.tsx';
import { LiveGraphic, preloadGraphics } from '../../../src/story/graphics/LiveGraphic.tsx';

afterEach(cleanup);
beforeAll(() => preloadGraphics());

/** The data marks of each graphic: what a transition would move, so what must never be re-created. */
const MARKS: Record<string, string> = {
  bars: '[data-candidate] > rect, [data-candidate] > text',
  map: 'path[data-area], path.g-group-outline',
  timeline: '.g-track, [data-event-mark], [data-focus-mark]',
  money: '[data-bar] rect, [data-bar] text, [data-target] > *',
};

/** What names a thing drawn in a state: a candidate, a council, an event, a money bar, and the labels for them. */
const IDENTITIES = ['data-candidate', 'data-area', 'data-event-mark', 'data-bar', 'data-label-for', 'data-short-label'];

/** The elements carrying an identity, by "attribute=value". */
const identified = (root: Element) =>
  new Map(IDENTITIES.flatMap((a) => [...root.querySelectorAll(`[${a}]`)].map((el): [string, Element] => [`${a}=${el.getAttribute(a)}`, el])));

const kindOf = (stateId: string) => stateId.split(':')[0];

/** Consecutive steps of the story that show the same graphic, both ways, and the map's region to its result. */
const storyPairs = storyOutline.flatMap((step, i) => {
  const next = storyOutline[i + 1];
  return next && next.graphic !== step.graphic && kindOf(next.graphic) === kindOf(step.graphic)
    ? [
        [step.graphic, next.graphic],
        [next.graphic, step.graphic],
      ]
    : [];
});
const PAIRS = [...storyPairs, ['map:region', 'map:result']];

const progress = motionValue(1);
const graphic = (stateId: string) => (
  <MotionRoot>
    <div data-graphic="">
      <LiveGraphic stateId={stateId} progress={progress} />
    </div>
  </MotionRoot>
);

/** Renders `from`, then `to` in the same root, watching the SVG's subtree in between. */
async function change(from: string, to: string) {
  const view = render(graphic(from));
  await act(async () => {});
  const svg = view.container.querySelector('svg')!;
  const marks = () => [...view.container.querySelectorAll(MARKS[kindOf(from)])];
  const before = marks();
  const named = identified(svg);
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((found) => records.push(...found));
  observer.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
  view.rerender(graphic(to));
  await act(async () => {});
  records.push(...observer.takeRecords());
  observer.disconnect();
  return { view, svg, before, after: marks(), named, records };
}

describe('a step change between states of one graphic', () => {
  it('covers every kind the story changes within, and the map at its result', () => {
    expect(new Set(PAIRS.map(([a]) => kindOf(a)))).toEqual(new Set(['map', 'timeline', 'money', 'bars']));
  });

  it.each(PAIRS)('%s -> %s keeps the <svg> and its marks, and only changes their attributes', async (from, to) => {
    const { view, svg, before, after, named, records } = await change(from, to);
    expect(view.container.querySelector('svg')).toBe(svg);
    expect(svg.getAttribute('data-graphic-kind')).toBe(kindOf(to));
    expect(before.length).toBeGreaterThan(0);
    // The same nodes in the same order: none re-created, none moved (a move is a remove and an insert).
    expect(after).toHaveLength(before.length);
    after.forEach((node, i) => expect(node === before[i], `${to}: mark ${i} (${node.outerHTML.slice(0, 80)}) is a new node`).toBe(true));
    const moved = records.filter((r) => r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].some((n) => before.includes(n as Element)));
    expect(moved).toEqual([]);
    // Whatever both states name (a council's callout, an event's label) is the same node in both.
    const kept = [...identified(svg)].filter(([id]) => named.has(id));
    expect(kept.length).toBeGreaterThan(0);
    for (const [id, node] of kept) expect(node === named.get(id), `${to}: ${id} is a new node`).toBe(true);
    // ...and the states differ in what the marks show: some mark's attributes were written.
    const written = records.filter((r) => r.type === 'attributes' && before.some((m) => m === r.target || m.contains(r.target)));
    expect(written.length).toBeGreaterThan(0);
  });

  it('bars: poll -> result keeps each candidate’s result bar (drawn at the poll’s length, then the result’s) and value label, shown where it was hidden', async () => {
    // Drawn: neither left out nor hidden (the result's figures wait, hidden, in the poll; the bars are drawn at the poll's length there).
    const drawn = (el: Element | null) => el !== null && (el as SVGElement).style.display !== 'none' && (el as SVGElement).style.visibility !== 'hidden';
    const view = render(graphic('bars:poll'));
    await act(async () => {});
    const row = (id: string) => view.container.querySelector(`[data-candidate="${id}"]`)!;
    const ids = derived.results.map((r) => r.id);
    const bars = ids.map((id) => row(id).querySelector('.g-result-bar'));
    const labels = ids.map((id) => row(id).querySelector('[data-value-label]'));
    const pollBar = row(derived.winnerId).querySelector('.g-poll-bar')!;
    const pollOpacity = (pollBar as SVGElement).style.fillOpacity;
    expect(bars.every(drawn)).toBe(true);
    expect(labels.some(drawn)).toBe(false);
    view.rerender(graphic('bars:result'));
    await act(async () => {});
    ids.forEach((id, i) => {
      expect(row(id).querySelector('.g-result-bar')).toBe(bars[i]);
      expect(row(id).querySelector('[data-value-label]')).toBe(labels[i]);
      expect(drawn(bars[i])).toBe(true);
      expect(drawn(labels[i])).toBe(true);
    });
    expect(row(derived.winnerId).getAttribute('data-votes')).toBe(String(derived.results[0].votes));
    expect(row(derived.winnerId).querySelector('.g-poll-bar')).toBe(pollBar);
    expect((pollBar as SVGElement).style.fillOpacity).not.toBe(pollOpacity);
  });

  it('timeline: the current event’s mark changes in place, and one focus mark moves to it', async () => {
    const [from, to] = storyPairs.find(([a]) => kindOf(a) === 'timeline')!;
    const { view, before } = await change(from, to);
    const mark = (id: string) => view.container.querySelector(`[data-event-mark="${id}"]`)!;
    const [a, b] = [from, to].map((s) => s.split(':')[1]);
    expect(before).toContain(mark(a));
    expect(before).toContain(mark(b));
    expect(mark(b).getAttribute('data-current')).toBe('true');
    expect(mark(a).hasAttribute('data-current')).toBe(false);
    const focus = view.container.querySelector('[data-focus-mark]')!;
    expect(focus.getAttribute('data-focus-mark')).toBe(b);
    expect(focus.getAttribute('cx')).toBe(mark(b).getAttribute('cx'));
  });
});
