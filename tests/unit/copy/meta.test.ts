/**
 * The words that travel without the page (search results, link previews on social media) must be as
 * accurate as the page: Driscoll was on the ballot and came second; Labour left him off its longlist.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { content } from '../../../src/story/data/content.ts';
import { fill } from '../../../src/story/data/dataset.ts';
import { meta, renderHead } from '../../../src/entry-server.tsx';

const ROOT = resolve(import.meta.dirname, '../../..');
const WRONG = /off the ballot|out of the race|kept (him )?off the ballot/i;

describe('page description and standfirst', () => {
  it('never say Driscoll was kept off the ballot or out of the race', () => {
    for (const text of [meta.description, meta.title, meta.shareImageAlt, fill(content.story.standfirst), content.story.headline])
      expect(text).not.toMatch(WRONG);
  });

  it('say what did happen: Labour left him off its longlist, and he came second', () => {
    expect(meta.description).toMatch(/off its longlist/);
    expect(meta.description).toMatch(/came second/);
    expect(fill(content.story.standfirst)).toMatch(/off its longlist.*came second/);
  });

  it('give the same description to search (description), Open Graph and Twitter', () => {
    // The head as the build (scripts/prerender.mjs) and the dev server write it.
    const head = renderHead('https://news.example/driscoll/');
    const escaped = meta.description.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const tag of ['name="description"', 'property="og:description"', 'name="twitter:description"'])
      expect(head).toContain(`<meta ${tag} content="${escaped}" />`);
  });

  it("keep the README's summary to the same facts", () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    expect(readme.slice(0, 600)).not.toMatch(WRONG);
  });
});
