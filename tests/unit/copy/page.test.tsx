// @vitest-environment jsdom
/**
 * The rendered page read as an editor would: both sides quoted, every source link distinct, no
 * token or slot left unfilled, and no word that is not in data/ (so no component types copy).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaticPage } from '../../../src/story/components/StaticPage.tsx';
import { content } from '../../../src/story/data/content.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
let doc: Document;

beforeAll(() => {
  doc = new DOMParser().parseFromString(`<!doctype html><body>${renderToStaticMarkup(<StaticPage />)}</body>`, 'text/html');
});

/** Text as a reader reads it: spaces collapsed, soft hyphens (shown only at a line break) dropped. */
const squash = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('balance', () => {
  it('quotes the winner and Labour in their own words, not only the candidate the story follows', () => {
    const speakers = [...doc.querySelectorAll('figure[data-quote] .quote-speaker')].map((el) => squash(el.textContent));
    expect(speakers.filter((s) => s === 'Kim McGuinness').length).toBeGreaterThanOrEqual(1);
    expect(speakers.some((s) => /^(A |The )?Labour (spokesperson|Party)$/.test(s) || s === 'Keir Starmer')).toBe(true);
    expect(speakers.filter((s) => s === 'A Labour spokesperson')).toHaveLength(1);
  });

  it('shows those quotes exactly as the fact sheet gives them (Q9, Q17, Q31), each in the step it belongs to', () => {
    const quoteIn = (step: string) => [...doc.querySelectorAll(`[data-step="${step}"] figure[data-quote] blockquote`)].map((el) => squash(el.textContent));
    expect(quoteIn('resignation')).toEqual(
      expect.arrayContaining([
        'my number one priority will be ending child poverty',
        'we make no apologies that Labour candidates are held to the highest standard',
      ]),
    );
    expect(quoteIn('aftermath')).toContain("It's a historic day for our region.");
    // Q8, quoted in the copy of the step about the exclusion.
    expect(squash(doc.querySelector('[data-step="backlash"]')?.textContent)).toContain('"The longlisting decision is a matter for the Labour Party\'s NEC."');
  });

  it('has no step title that contradicts its own text about the RMT', () => {
    const rmt = doc.querySelector('[data-step="rmt"]')!;
    expect(squash(rmt.querySelector('h2')?.textContent)).not.toMatch(/breaks ranks/i);
    expect(squash(rmt.textContent)).toContain('has not been affiliated to Labour since');
  });
});

describe('sources', () => {
  it('never gives two links in one list the same words', () => {
    const lists = [
      ...doc.querySelectorAll('.step-sources'),
      ...doc.querySelectorAll('.quote-source'),
      ...doc.querySelectorAll('[data-table="money"] td'),
      ...doc.querySelectorAll('ol.sources'),
    ];
    expect(lists.length).toBeGreaterThan(20);
    const duplicates = lists.flatMap((list) => {
      const names = [...list.querySelectorAll('a')].map((a) => squash(a.textContent));
      return names.filter((n, i) => names.indexOf(n) !== i);
    });
    expect(duplicates).toEqual([]);
  });

  it('names each outlet itself, not an outlet "via" another', () => {
    expect(content.sources.filter((s) => / via /i.test(s.publisher)).map((s) => s.id)).toEqual([]);
  });

  it('cites the sources of the £93,000 and £131,000 figures and of the six candidates where they are used', () => {
    const stepSources = (step: string) => [...doc.querySelectorAll(`[data-step="${step}"] .step-sources a`)].map((a) => a.getAttribute('href'));
    expect(stepSources('crowdfunder')).toEqual(expect.arrayContaining(['#source-morning-star-2023-07-donors', '#source-berwick-2023-08-morpeth']));
    expect(stepSources('poll')).toContain('#source-itv-2024-04-06-candidates');
    const rowSources = (id: string) => [...doc.querySelectorAll(`[data-milestone="${id}"] a`)].map((a) => a.getAttribute('href'));
    expect(rowSources('two-days')).toEqual(['#source-morning-star-2023-07-donors']);
    expect(rowSources('morpeth-rally')).toEqual(['#source-berwick-2023-08-morpeth']);
  });

  it("says which titles are the pieces' own and which are our descriptions, above the list", () => {
    const list = doc.querySelector('ol.sources')!;
    const intro = list.previousElementSibling!;
    expect(squash(intro.textContent)).toMatch(/Figures checked against the sources.*our descriptions/);
    const published = [...list.querySelectorAll('[data-title-kind="published"]')];
    expect(published.length).toBeGreaterThan(0);
    for (const li of published) expect(squash(li.textContent)).toMatch(/“[^”]+”/);
    for (const li of list.querySelectorAll('[data-title-kind="ours"]')) expect(squash(li.textContent)).not.toMatch(/“/);
  });
});

describe('method', () => {
  it('says the turnout is the press-reported figure and that no official notice was found', () => {
    const method = squash(doc.querySelector('#method')?.textContent);
    expect(method).toMatch(/Turnout, 30\.9%, is the figure reported by the press\. We found no official notice of the result/);
  });
});

/** Every word of copy a component could show comes from data/: the JSON files' strings, plus the words our formatters produce. */
function dataWords(): Set<string> {
  const words = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') for (const w of value.match(/[A-Za-z]+/g) ?? []) words.add(w);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.entries(value).forEach(([, v]) => add(v));
  };
  for (const f of readdirSync(resolve(ROOT, 'data')))
    if (f.endsWith('.json') && !f.includes('topo')) add(JSON.parse(readFileSync(resolve(ROOT, 'data', f), 'utf8')));
  return words;
}

describe('copy lives in data/', () => {
  it('shows no word on the static page (text, graphics, labels) that is not in data/', () => {
    const known = dataWords();
    const texts = [...doc.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label') ?? '');
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(squash(node.textContent));
    const unknown = [...new Set(texts.flatMap((t) => t.match(/[A-Za-z]+/g) ?? []))].filter((w) => !known.has(w));
    expect(unknown).toEqual([]);
  });

  it('leaves no {{token}} or {slot} unfilled anywhere on the page', () => {
    const html = doc.body.innerHTML;
    expect(html).not.toMatch(/\{\{|\}\}/);
    expect(doc.body.textContent).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('puts a space after "Graphic:" in the written description of each graphic', () => {
    const descriptions = [...doc.querySelectorAll('.graphic-description')].map((el) => el.textContent ?? '');
    expect(descriptions).toHaveLength(content.story.steps.length);
    for (const d of descriptions) expect(d).toMatch(new RegExp(`^${content.story.page.graphicDescription} \\S`));
  });
});

describe('headings', () => {
  it('carry soft hyphens at syllable breaks in long words, so a large heading breaks as a typesetter would', () => {
    const crowdfunding = [...doc.querySelectorAll('.step-card h2')]
      .map((h) => h.textContent ?? '')
      .find((t) => t.replace(/\u00ad/g, '').includes('Crowdfunding'));
    expect(crowdfunding).toContain('Crowd\u00adfund\u00ading');
    // Short words stay whole: a break in 'mayor' would help no heading fit.
    expect(doc.querySelector('.step-card h2')?.textContent).not.toContain('\u00ad');
  });
});
