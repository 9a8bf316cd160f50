/**
 * Issue #2, browser tests: with JavaScript disabled the story, all six candidates' votes (totals and
 * the 42 per-area counts) and the sources are there, and the steps are in story order. With
 * JavaScript, the page's checks (steps in order once hydrated, no console error, no failed request)
 * are made on reading.test.ts's one read of the whole story.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, serveBuiltStory } from './harness.ts';
import { CANDIDATES, formatCount, RESULTS, SOURCES, squash, STEP_IDS, STORY } from './qualityHarness.ts';

const built = serveBuiltStory();

const stepOrder = (page: Page) => page.$$eval('[data-step]', (els) => els.map((e) => e.getAttribute('data-step')));

describe('with JavaScript disabled', () => {
  let page: Page;
  let text: string;
  beforeAll(async () => {
    const context = await built.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`${built.server.origin}/`, { waitUntil: 'load' });
    // innerText only holds what is rendered: text hidden by CSS until a script runs would be missing.
    text = squash(await page.evaluate(() => document.body.innerText));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  test("the page's own scripts really did not run", async () => {
    // The inline boot script would have set data-embed-context; the app would have hydrated.
    expect(await page.evaluate(() => document.documentElement.dataset.embedContext ?? null)).toBeNull();
  });

  test('the whole story text is rendered', () => {
    const missing: string[] = [];
    for (const piece of [STORY.headline, STORY.standfirst, ...STORY.steps.flatMap((s) => [s.title, ...s.paragraphs])]) {
      // Copy holds {{placeholders}} for derived figures: every literal stretch around them must show.
      for (const literal of piece.split(/\{\{[^}]*\}\}/)) {
        if (squash(literal) && !text.includes(squash(literal))) missing.push(literal.slice(0, 80));
      }
      if (/\{\{/.test(text)) missing.push('an unfilled {{placeholder}} is visible');
    }
    console.log(`no-JS: ${STORY.steps.length} steps, ${text.length} characters of visible text`);
    expect(missing).toEqual([]);
  });

  test('every step element exists once, in story order', async () => {
    expect(await stepOrder(page)).toEqual(STEP_IDS);
  });

  test("all six candidates' totals are shown next to their names", async () => {
    expect(CANDIDATES).toHaveLength(6);
    const rows = await page.$$eval('tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')));
    const missing = CANDIDATES.filter((c) => !rows.some((r) => r.includes(c.name) && r.includes(formatCount(RESULTS.declaredTotals[c.id]))));
    expect(missing.map((c) => c.id)).toEqual([]);
  });

  test('all 42 per-area counts are shown, each in its area row and candidate column', async () => {
    const table = await page.$$eval('table', (tables) =>
      tables.map((t) => ({
        head: [...t.querySelectorAll('thead th')].map((th) => (th as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
      })),
    );
    let found = 0;
    const missing: string[] = [];
    for (const area of RESULTS.areas) {
      for (const c of CANDIDATES) {
        const want = formatCount(area.votes[c.id]);
        const ok = table.some(({ head, rows }) => {
          const col = head.findIndex((h) => h.includes(c.surname));
          const row = rows.find((r) => r[0] === area.name || r[0] === area.shortName);
          const cell = col >= 0 ? row?.[col] : undefined;
          // A cell may carry a note mark after the number (e.g. "4,696*"), never more digits.
          return cell !== undefined && cell.startsWith(want) && !/^[\d,.]/.test(cell.slice(want.length));
        });
        if (ok) found++;
        else missing.push(`${area.name} / ${c.surname}: ${want}`);
      }
    }
    console.log(`no-JS: ${found} of ${RESULTS.areas.length * CANDIDATES.length} per-area counts found in place`);
    expect(RESULTS.areas.length * CANDIDATES.length).toBe(42);
    expect(missing).toEqual([]);
  });

  test('every source is listed with its publisher and title, and a visible link where it has a URL', async () => {
    const links = await page.$$eval('a[href^="http"]', (as) =>
      as.map((a) => ({ href: a.getAttribute('href'), text: (a as HTMLElement).innerText.trim(), visible: (a as HTMLElement).offsetParent !== null })),
    );
    const missing = SOURCES.filter(
      (s) =>
        !text.includes(squash(s.publisher)) ||
        !text.includes(squash(s.title)) ||
        (s.url !== undefined && !links.some((l) => l.href === s.url && l.visible && l.text.length > 0)),
    );
    console.log(`no-JS: ${SOURCES.length - missing.length} of ${SOURCES.length} sources listed (with a link where they have a URL)`);
    expect(missing.map((s) => s.id)).toEqual([]);
  });
});
