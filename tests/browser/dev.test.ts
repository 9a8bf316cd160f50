/**
 * The editor's loop: `npm run dev` serves the story as the build prerenders it, hydrates it, shows an
 * edit to the data without a restart, and shows a broken value in Vite's error overlay until it is
 * fixed. Runs against a copy of data/ (DATA_DIR), never the real one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derive } from '../../src/story/data/derive.ts';
import { loadData } from '../../src/story/data/load.ts';
import { fillTokens } from '../../src/story/data/tokens.ts';
import { DESKTOP, launchBrowser, ROOT, waitFor, watchErrors, type PageErrors } from './harness.ts';

let dir = '';
let server: ViteDevServer;
let browser: Browser;
let page: Page;
let errors: PageErrors;
let origin = '';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test edits arbitrary JSON, as an editor would
function editData(file: string, edit: (json: any) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

const overlayText = (p: Page = page) => p.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? null);
/** A step's text as read: its heading's soft hyphens (break points put in at prerender) dropped. */
const stepText = (id: string) => page.evaluate((stepId) => (document.querySelector(`[data-step="${stepId}"]`)?.textContent ?? '').replaceAll('\u00ad', ''), id);

/** Vite's dev server as `npm run dev` starts it, on a random port, reading data from `dataDir`. */
async function startDevServer(dataDir: string): Promise<{ server: ViteDevServer; origin: string }> {
  process.env.DATA_DIR = dataDir;
  let started: ViteDevServer;
  try {
    started = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      clearScreen: false,
      server: { port: 0, host: '127.0.0.1' },
    });
    await started.listen();
  } finally {
    delete process.env.DATA_DIR;
  }
  const address = started.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  return { server: started, origin: `http://127.0.0.1:${address.port}` };
}

function copyData(): string {
  const copy = mkdtempSync(join(tmpdir(), 'driscoll-dev-'));
  cpSync(join(ROOT, 'data'), copy, { recursive: true });
  return copy;
}

beforeAll(async () => {
  dir = copyData();
  ({ server, origin } = await startDevServer(dir));
  browser = await launchBrowser();
  page = await browser.newPage(DESKTOP);
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the prerendered story: every step with its words, figures filled in', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    const result = loadData(dir);
    if (!result.ok) throw new Error('the copy of data/ is invalid');
    const { story } = result.model;
    for (const step of story.steps) expect(html).toContain(`data-step="${step.id}"`);
    expect(html).not.toContain('<!--app-html-->');
    expect(html).toContain(`<title>${story.meta.title}</title>`);

    await page.goto(`${origin}/`);
    const derived = derive(result.model);
    for (const step of story.steps) {
      const text = await stepText(step.id);
      expect(text).toContain(step.title);
      for (const paragraph of step.paragraphs) expect(text).toContain(fillTokens(paragraph, result.model, derived, story.units));
    }
  });

  it('hydrates the islands', async () => {
    // entry-client.tsx marks the page once the islands are hydrated; the live graphic then shows the first state.
    expect(await waitFor(() => page.evaluate(() => 'storyReady' in document.documentElement.dataset), { timeout: 30_000 })).toBe(true);
    expect(await page.getAttribute('[data-graphic]', 'data-graphic-state')).toBeTruthy();
    expect(errors.errors.filter((e) => /hydrat/i.test(e))).toEqual([]);
  });

  it('shows an edited paragraph without a restart', async () => {
    const marker = 'An editor changed this sentence while the dev server ran.';
    editData('story.json', (story) => (story.steps[1].paragraphs[0] = marker));
    const changed = await waitFor(async () => (await stepText('new-region').catch(() => '')).includes(marker), { timeout: 30_000, interval: 200 });
    expect(changed).toBe(true);
  });

  it('shows a broken value in the error overlay with file, path and rule, and clears it once fixed', async () => {
    const good = readFileSync(join(dir, 'results.json'), 'utf8');
    editData('results.json', (results) => (results.areas[3].votes.king = '4.696'));
    const shown = await waitFor(() => overlayText().catch(() => null), { timeout: 30_000, interval: 200 });
    expect(shown).toContain('data/results.json: areas[3].votes.king: expected a whole non-negative number, got "4.696"');

    writeFileSync(join(dir, 'results.json'), good);
    const cleared = await waitFor(async () => (await overlayText().catch(() => 'reloading')) === null, { timeout: 30_000, interval: 200 });
    expect(cleared).toBe(true);
    expect(await stepText('opening')).not.toBe('');
  });

  it("shows the story again when a fix is saved at once after a broken save (inside the watcher's 50 ms quiet window)", async () => {
    const good = readFileSync(join(dir, 'results.json'), 'utf8');
    editData('results.json', (results) => (results.areas[3].votes.king = '4.696'));
    await new Promise((r) => setTimeout(r, 15));
    writeFileSync(join(dir, 'results.json'), good);
    // The broken save's overlay may come and go: what counts is where the page settles.
    await new Promise((r) => setTimeout(r, 2_000));
    const settled = await waitFor(async () => (await overlayText().catch(() => 'reloading')) === null && (await stepText('opening').catch(() => '')) !== '', {
      timeout: 10_000,
      interval: 200,
    });
    expect(settled).toBe(true);
  });
});

describe('npm run dev on data that is already broken', () => {
  it('starts anyway, shows the problems in the overlay, and shows the story once they are fixed', async () => {
    const brokenDir = copyData();
    const good = readFileSync(join(brokenDir, 'timeline.json'), 'utf8');
    const timeline = JSON.parse(good);
    timeline.events[0].date = '2023-02-30';
    writeFileSync(join(brokenDir, 'timeline.json'), JSON.stringify(timeline));
    const dev = await startDevServer(brokenDir);
    const tab = await browser.newPage(DESKTOP);
    try {
      await tab.goto(`${dev.origin}/`);
      const shown = await waitFor(() => overlayText(tab).catch(() => null), { timeout: 30_000, interval: 200 });
      expect(shown).toContain('data/timeline.json: events[0].date: expected a real date as YYYY-MM-DD, got "2023-02-30"');

      writeFileSync(join(brokenDir, 'timeline.json'), good);
      const story = await waitFor(() => tab.evaluate(() => document.querySelectorAll('[data-step]').length).catch(() => 0), { timeout: 30_000, interval: 200 });
      expect(story).toBeGreaterThan(0);
      expect(await overlayText(tab)).toBeNull();
    } finally {
      await tab.close();
      await dev.server.close();
      rmSync(brokenDir, { recursive: true, force: true });
    }
  });
});
