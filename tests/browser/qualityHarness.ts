/**
 * Helpers for the quality gates (page, budget, accessibility, privacy): the dataset the page must
 * show, axe-core injection, stepping through the story, overflow checks. Built on harness.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, waitFor } from './harness.ts';

interface StoryStep {
  id: string;
  title: string;
  paragraphs: string[];
}
interface Area {
  code: string;
  name: string;
  shortName?: string;
  votes: Record<string, number>;
}
interface Candidate {
  id: string;
  name: string;
  surname: string;
}
interface Source {
  id: string;
  publisher: string;
  title: string;
  url?: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8')) as T;

export const STORY = readJson<{ headline: string; standfirst: string; steps: StoryStep[] }>('story.json');
export const STEP_IDS = STORY.steps.map((s) => s.id);
export const RESULTS = readJson<{ declaredTotals: Record<string, number>; areas: Area[] }>('results.json');
export const CANDIDATES = readJson<{ candidates: Candidate[] }>('candidates.json').candidates;
export const SOURCES = readJson<{ sources: Source[] }>('sources.json').sources;

/** How the page prints a count: en-GB grouping, e.g. 185,051. */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');

/** Collapses whitespace (innerText keeps line breaks; copy in the JSON does not). */
/** Text as a reader reads it: spaces collapsed, soft hyphens (shown only at a line break) dropped. */
export const squash = (s: string): string =>
  s
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

type Target = Page | Frame;

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rule set the brief asks for. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  summary: string;
}

/**
 * Runs axe-core in a page or frame. The source is evaluated through the DevTools protocol rather
 * than added as a <script>, so the page's CSP (which rightly forbids inline scripts) is untouched.
 */
export async function runAxe(target: Target): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
  }, WCAG_TAGS);
}

export function describeViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.help} -> ${v.targets.slice(0, 6).join(' | ')}${v.targets.length > 6 ? ` (+${v.targets.length - 6})` : ''}`,
  );
}

export const activeStep = (target: Target): Promise<string | null> =>
  target.evaluate(() => document.querySelector('[data-active-step]')?.getAttribute('data-active-step') ?? null);

/** Waits for two animation frames: the story engine reacts to a scroll on the next frame. */
export const settle = (target: Target): Promise<void> =>
  target.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * Waits until the graphic has drawn its current state: an <svg data-graphic-kind> of the state's
 * kind ("bars" for "bars:poll") with some text in it. After load that can be the prerendered chart,
 * which stands in until the live one is laid out at idle; `live` waits for the live one (in its
 * kind's container). Graphic code loads lazily, so the first time a kind appears it can take a
 * moment. Returns how long it took (ms), or -1 on timeout.
 */
export async function graphicDrawn(target: Target, timeout = 10_000, live = false): Promise<number> {
  const started = Date.now();
  const ok = await waitFor(
    () =>
      target.evaluate((liveOnly) => {
        const g = document.querySelector('[data-graphic]');
        const kind = g?.getAttribute('data-graphic-state')?.split(':')[0];
        const within = liveOnly ? `.graphic-kind[data-kind="${kind}"] ` : '';
        const svg = kind ? g?.querySelector(`${within}svg[data-graphic-kind="${kind}"]`) : null;
        return Boolean(svg && (svg.textContent ?? '').trim());
      }, live),
    { timeout, interval: 20 },
  );
  return ok ? Date.now() - started : -1;
}

/**
 * Brings a step to the trigger line by scrolling (block: start, then center if the engine wants the
 * step further up) and waits until the page reports it active, then until its graphic is drawn.
 * Returns the active step seen. The waits end as soon as the page is there: their limits only bound
 * a failure (2 s and 3 s were too short while a loaded machine was still fetching a graphic's code).
 */
export async function scrollToStep(target: Target, id: string): Promise<string | null> {
  for (const block of ['start', 'center'] as const) {
    await target.evaluate(([stepId, b]) => document.querySelector(`[data-step="${stepId}"]`)?.scrollIntoView({ block: b, behavior: 'instant' }), [
      id,
      block,
    ] as const);
    const seen = await waitFor(async () => ((await activeStep(target)) === id ? id : null), { timeout: 8000 });
    if (seen) {
      await graphicDrawn(target);
      await settle(target);
      return seen;
    }
  }
  return activeStep(target);
}

/** Whether the document scrolls sideways, and the widest offenders if it does. */
export function horizontalOverflow(target: Target): Promise<{ scrollWidth: number; clientWidth: number; offenders: string[] }> {
  return target.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const offenders: string[] = [];
    if (root.scrollWidth > width) {
      const found = new Set<Element>();
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right <= width + 1 || r.width === 0) continue;
        // Report the outermost offenders only, and nothing inside its own scroller.
        let p = el.parentElement;
        let covered = false;
        while (p && !covered) {
          covered = found.has(p) || getComputedStyle(p).overflowX !== 'visible';
          p = p.parentElement;
        }
        if (covered) continue;
        found.add(el);
        offenders.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} right=${Math.round(r.right)}`,
        );
        if (offenders.length >= 8) break;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, offenders };
  });
}

/** Scrolls a page with real wheel input from top to bottom; calls back after each wheel notch. */
export async function wheelThrough(
  page: Page,
  { delta = 400, pause = 30, onStep }: { delta?: number; pause?: number; onStep?: () => Promise<void> } = {},
): Promise<number> {
  const vp = page.viewportSize() ?? { width: 390, height: 844 };
  await page.mouse.move(vp.width / 2, vp.height / 2);
  let events = 0;
  let lastY = -1;
  let stuck = 0;
  for (;;) {
    await page.mouse.wheel(0, delta);
    events++;
    await page.waitForTimeout(pause);
    await onStep?.();
    const { y, max } = await page.evaluate(() => ({ y: window.scrollY, max: document.documentElement.scrollHeight - window.innerHeight }));
    if (y >= max - 1) break;
    stuck = y === lastY ? stuck + 1 : 0;
    lastY = y;
    if (stuck > 30) throw new Error(`wheel scroll stuck at y=${y} of ${max}`);
  }
  await settle(page);
  return events;
}
