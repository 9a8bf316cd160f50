/**
 * Issue #18: a step change between two states of one graphic moves its marks instead of cutting. A
 * few frames after the poll gives way to the result, a candidate's bar is between its poll and its
 * result length; after the opening map gives way to the region, a council's fill is part-way to its
 * new strength; after one timeline step gives way to the next, the new event's title is part-way
 * faded in (and sliding) while the old one is part-way faded out. Under reduced motion the end state
 * is drawn in the first frame after the change.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import story from '../../data/story.json';
import { DESKTOP, goToStep, openStoryPage, PHONE, serveBuiltStory } from './harness.ts';

const built = serveBuiltStory();
const steps = story.steps;
const stateOf = (id: string) => steps.find((s) => s.id === id)!.graphic;

/** Waits for the ends of any transitions (0.6 s). */
const settle = (page: Page) => page.waitForTimeout(900);

/** Scrolls to `to`, and from the frame the graphic first draws `to`'s state, reads `read` in each of the next `frames` frames. */
async function framesAfter<T>(page: Page, to: string, read: string, frames: number): Promise<T[]> {
  const state = steps.find((s) => s.id === to)!.graphic;
  return page.evaluate(
    ([stepId, stateId, body, n]) =>
      new Promise<T[]>((resolve, reject) => {
        const readFn = new Function(body) as () => T;
        const out: T[] = [];
        const frame = document.querySelector<HTMLElement>('[data-graphic]')!;
        let waited = 0;
        const tick = () => {
          const svg = frame.querySelector('svg');
          const drawn = svg?.getAttribute('data-variant') ?? svg?.getAttribute('data-event');
          if (out.length === 0 && !(frame.dataset.graphicState === stateId && drawn === stateId.split(':')[1])) {
            if ((waited += 1) > 300) reject(new Error(`${stateId} never drawn`));
            else requestAnimationFrame(tick);
            return;
          }
          out.push(readFn());
          if (out.length < n) requestAnimationFrame(tick);
          else resolve(out);
        };
        document.getElementById(stepId)!.scrollIntoView();
        window.scrollBy(0, 10);
        requestAnimationFrame(tick);
      }),
    [to, state, read, frames] as const,
  );
}

/** A result bar's drawn width (its transform included), and its full length, by candidate. */
const BARS = `return [...document.querySelectorAll('[data-graphic] [data-candidate]')].map((g) => {
  const bar = g.querySelector('.g-result-bar');
  const k = g.closest('svg').getScreenCTM().a;
  return { id: g.getAttribute('data-candidate'), width: bar.getBoundingClientRect().width, full: bar.width.baseVal.value * k,
    poll: g.querySelector('.g-poll-bar').width.baseVal.value * k, label: Number(getComputedStyle(g.querySelector('[data-value-label]')).opacity) };
});`;

/** Each council's computed fill and fill-opacity. */
const FILLS = `return [...document.querySelectorAll('[data-graphic] path[data-area]')].map((p) => {
  const s = getComputedStyle(p);
  return { id: p.getAttribute('data-area'), fill: s.fill, opacity: Number(s.fillOpacity) };
});`;

/** The timeline's title: whose it is, its opacity, its slide (the drawn translateX and where it ends), and the old title's opacity while it fades out. */
const TITLE = `const svg = document.querySelector('[data-graphic] svg[data-graphic-kind="timeline"]');
const t = svg.querySelector('[data-label-of="focus"]');
const g = t.closest('.g-focus-title');
const out = svg.querySelector('[data-leaving-title] text');
const m = new DOMMatrix(getComputedStyle(g).transform);
return { id: t.getAttribute('data-highlight'), opacity: Number(getComputedStyle(t).opacity), x: m.e, y: m.f,
  target: Number(g.getAttribute('data-title-x')), targetY: Number(g.getAttribute('data-title-y')), leaving: out ? Number(getComputedStyle(out).opacity) : null };`;

type Bar = { id: string; width: number; full: number; poll: number; label: number };
type Title = { id: string; opacity: number; x: number; y: number; target: number; targetY: number; leaving: number | null };
type Fill = { id: string; fill: string; opacity: number };

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
  // A tall desktop column: the timeline runs down it, its title slides down.
  ['tall desktop', { viewport: { width: 2560, height: 1440 } }],
])('same-kind step changes animate (%s)', (_name, options) => {
  const opened = openStoryPage(built, options);

  it('poll -> result: each bar grows or shrinks from its poll length to its result', async () => {
    expect(await goToStep(opened.page, 'poll', stateOf('poll'))).toBe(true);
    await settle(opened.page);
    const before = await opened.page.evaluate<Bar[]>(`(() => { ${BARS} })()`);
    // In the poll each candidate's bar is drawn at the poll's length.
    for (const b of before) expect(Math.abs(b.width - b.poll)).toBeLessThanOrEqual(1.5);
    const frames = await framesAfter<Bar[]>(opened.page, 'result', BARS, 8);
    await settle(opened.page);
    const after = await opened.page.evaluate<Bar[]>(`(() => { ${BARS} })()`);
    for (const b of after) {
      expect(Math.abs(b.width - b.full)).toBeLessThanOrEqual(1.5);
      expect(b.label).toBe(1);
    }
    // A few frames in, a bar that changes by more than a few pixels is strictly between its two lengths.
    const moving = after.filter((b) => Math.abs(b.full - b.poll) > 8);
    expect(moving.length).toBeGreaterThan(0);
    const mid = frames.slice(2);
    for (const b of moving) {
      const lo = Math.min(b.poll, b.full) + 0.5;
      const hi = Math.max(b.poll, b.full) - 0.5;
      const between = mid.map((f) => f.find((x) => x.id === b.id)!.width).filter((w) => w > lo && w < hi);
      expect(between.length, `${b.id}: ${mid.map((f) => f.find((x) => x.id === b.id)!.width.toFixed(1)).join(', ')}`).toBeGreaterThan(0);
    }
  });

  it('north-of-tyne -> region: the councils’ fills change in place, part-way a few frames in', async () => {
    expect(await goToStep(opened.page, 'opening', stateOf('opening'))).toBe(true);
    await settle(opened.page);
    const before = await opened.page.evaluate<Fill[]>(`(() => { ${FILLS} })()`);
    const frames = await framesAfter<Fill[]>(opened.page, 'new-region', FILLS, 8);
    await settle(opened.page);
    const after = await opened.page.evaluate<Fill[]>(`(() => { ${FILLS} })()`);
    const changing = after.filter((a) => Math.abs(a.opacity - before.find((b) => b.id === a.id)!.opacity) > 0.2);
    expect(changing.length).toBeGreaterThan(0);
    for (const a of changing) {
      const from = before.find((b) => b.id === a.id)!.opacity;
      const seen = frames.slice(2).map((f) => f.find((x) => x.id === a.id)!.opacity);
      const lo = Math.min(from, a.opacity) + 0.01;
      const hi = Math.max(from, a.opacity) - 0.01;
      expect(
        seen.some((o) => o > lo && o < hi),
        `${a.id}: ${from} -> ${a.opacity}: ${seen.join(', ')}`,
      ).toBe(true);
    }
  });

  it('one timeline step -> the next: the old title fades out where it was while the new one fades in and slides to its mark', async () => {
    const [from, to] = steps.filter((s) => s.graphic.startsWith('timeline:'));
    expect(await goToStep(opened.page, from.id, from.graphic)).toBe(true);
    await settle(opened.page);
    const before = await opened.page.evaluate<Title>(`(() => { ${TITLE} })()`);
    expect(before.leaving).toBeNull();
    // 40 frames: the new title waits 0.15 s, then fades in over 0.45 s.
    const frames = await framesAfter<Title>(opened.page, to.id, TITLE, 40);
    await settle(opened.page);
    const after = await opened.page.evaluate<Title>(`(() => { ${TITLE} })()`);
    const event = to.graphic.split(':')[1];
    expect(after).toMatchObject({ id: event, opacity: 1, leaving: null });
    expect(Math.abs(after.x - after.target)).toBeLessThan(0.5);
    expect(Math.abs(after.y - after.targetY)).toBeLessThan(0.5);
    const seen = frames.map((f) => `${f.id} ${f.opacity.toFixed(2)} at ${f.x.toFixed(1)},${f.y.toFixed(1)} out ${f.leaving?.toFixed(2)}`).join('; ');
    // From the first frame of the new step the title is the new event's, and the old one is there to fade out.
    expect(
      frames.every((f) => f.id === event),
      seen,
    ).toBe(true);
    expect(frames[0].leaving, seen).not.toBeNull();
    expect(
      frames.some((f) => f.opacity > 0.02 && f.opacity < 0.98),
      seen,
    ).toBe(true);
    expect(
      frames.some((f) => f.leaving !== null && f.leaving > 0.02 && f.leaving < 0.98),
      seen,
    ).toBe(true);
    // The title moves (across, or down a tall box); where it moves by more than a few pixels along an
    // axis, it slides there: strictly between its two places a few frames in.
    expect(Math.max(Math.abs(after.x - before.x), Math.abs(after.y - before.y))).toBeGreaterThan(8);
    for (const axis of ['x', 'y'] as const) {
      if (Math.abs(after[axis] - before[axis]) <= 8) continue;
      const lo = Math.min(before[axis], after[axis]) + 0.5;
      const hi = Math.max(before[axis], after[axis]) - 0.5;
      expect(
        frames.some((f) => f[axis] > lo && f[axis] < hi),
        seen,
      ).toBe(true);
    }
  });

  it('raises no console errors', () => {
    expect(opened.errors.errors).toEqual([]);
  });
});

describe('under reduced motion the end state is drawn in the first frame', () => {
  const opened = openStoryPage(built, { ...DESKTOP, reducedMotion: 'reduce' });

  it('poll -> result: every bar at its result length, its figure shown', async () => {
    expect(await goToStep(opened.page, 'poll', stateOf('poll'))).toBe(true);
    await settle(opened.page);
    const [first] = await framesAfter<Bar[]>(opened.page, 'result', BARS, 1);
    for (const b of first) {
      expect(Math.abs(b.width - b.full), b.id).toBeLessThanOrEqual(1.5);
      expect(b.label).toBe(1);
    }
  });

  it('one timeline step -> the next: the new title at full strength and at its place, no old title', async () => {
    const [from, to] = steps.filter((s) => s.graphic.startsWith('timeline:'));
    expect(await goToStep(opened.page, from.id, from.graphic)).toBe(true);
    await settle(opened.page);
    const [first] = await framesAfter<Title>(opened.page, to.id, TITLE, 1);
    expect(first).toMatchObject({ id: to.graphic.split(':')[1], opacity: 1, leaving: null });
    expect(Math.abs(first.x - first.target)).toBeLessThan(0.5);
    expect(Math.abs(first.y - first.targetY)).toBeLessThan(0.5);
  });

  it('north-of-tyne -> region: every council at its new fill', async () => {
    expect(await goToStep(opened.page, 'new-region', stateOf('new-region'))).toBe(true);
    await settle(opened.page);
    const end = await opened.page.evaluate<Fill[]>(`(() => { ${FILLS} })()`);
    expect(await goToStep(opened.page, 'opening', stateOf('opening'))).toBe(true);
    await settle(opened.page);
    const [first] = await framesAfter<Fill[]>(opened.page, 'new-region', FILLS, 1);
    expect(first).toEqual(end);
  });
});
