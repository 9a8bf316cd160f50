/**
 * The address a publisher builds with (SITE_URL) is the one the page gives out: in the prerendered
 * embed codes and in the share address (canonical and og:url). And the page names its newsroom and
 * its dates from data/ (issue #19).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { content } from '../../../src/story/data/content.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SITE = 'https://news.example/driscoll-site-url-test/';
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('a build with SITE_URL', () => {
  it('puts that address in the embed codes and the share address, and credits the newsroom with its dates', { timeout: 180_000 }, async () => {
    const ssrDir = mkdtempSync(join(ROOT, 'node_modules/.driscoll-site-url-test-'));
    made.push(ssrDir);
    process.env.SITE_URL = SITE;
    try {
      await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { ssr: 'src/entry-server.tsx', outDir: ssrDir } });
    } finally {
      delete process.env.SITE_URL;
    }
    const page = await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href);
    const body: string = await page.render();
    const head: string = page.renderHead(SITE);

    // The embed codes (script, Pym, iframe) carry the site's address, not a placeholder.
    const codes = [...body.matchAll(/<textarea[^>]*>([\s\S]*?)<\/textarea>/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThanOrEqual(3);
    for (const code of codes) expect(code).toContain('news.example/driscoll-site-url-test');
    expect(head).toContain(`<link rel="canonical" href="${SITE}" />`);
    expect(head).toContain(`<meta property="og:url" content="${SITE}" />`);

    const { newsroom, published, updated } = content.story.publication;
    expect(body).toContain(newsroom);
    expect(body).toContain(`<time dateTime="${published}">`);
    expect(body).toContain(`<time dateTime="${updated}">`);
    expect(body).not.toContain('Driscoll explainer team');
  });
});
