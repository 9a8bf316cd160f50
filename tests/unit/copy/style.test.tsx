// @vitest-environment jsdom
/**
 * House style, read off the rendered page (issue #19): titles at first mention, every source
 * linked, no narrator's judgement outside quotation marks, each guide term linked where it is first
 * used, no sentence over 35 words, one form for a gap in points. Each test fails if its rule breaks.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaticPage } from '../../../src/story/components/StaticPage.tsx';
import { content } from '../../../src/story/data/content.ts';
import { fill } from '../../../src/story/data/dataset.ts';
import { findMention } from '../../../src/story/data/mentions.ts';

let doc: Document;

beforeAll(() => {
  doc = new DOMParser().parseFromString(`<!doctype html><body>${renderToStaticMarkup(<StaticPage />)}</body>`, 'text/html');
});

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const { story } = content;
const guideEntries = [...story.guide.people.entries, ...story.guide.process.entries];

/** The story's narrative in reading order: the standfirst, then each step's paragraphs (not quote cards, sources or graphic text). */
function narrativeParagraphs(): HTMLParagraphElement[] {
  const inSteps = [...doc.querySelectorAll<HTMLParagraphElement>('[data-step] .step-card > p')].filter(
    (p) => !p.matches('.step-count, .graphic-description, .step-sources, .guide-link'),
  );
  return [doc.querySelector<HTMLParagraphElement>('.standfirst')!, ...inSteps];
}

/** Sentences: a stop, question or exclamation mark (and any closing quote) before a space and a capital or an opening quote. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z0-9£])/).filter((s) => s.trim());
}

/** Text with everything inside quotation marks taken out: what is left is the narrator's voice. */
function outsideQuotes(text: string): string {
  return text.replace(/"[^"]*"/g, ' ').replace(/“[^”]*”/g, ' ');
}

describe('titles at first mention', () => {
  const people = story.guide.people.entries.filter((e) => e.firstMentionTitle);

  it('has a title for every person and body in the guide', () => {
    expect(people.length).toBeGreaterThanOrEqual(10);
    for (const name of ['Keir Starmer', 'Andy Burnham', 'Steve Rotheram', 'Ken Loach', 'Mick Lynch', 'RMT', 'Unite', 'Kim McGuinness'])
      expect(people.map((p) => p.mention)).toContain(name);
  });

  for (const person of people) {
    it(`gives ${person.mention} a title ("${person.firstMentionTitle}") in the sentence of the first mention`, () => {
      const first = narrativeParagraphs().find((p) => findMention(squash(p.textContent), person.mention) >= 0);
      expect(first, `${person.mention} is never mentioned`).toBeDefined();
      const sentence = sentences(squash(first!.textContent)).find((s) => findMention(s, person.mention) >= 0)!;
      expect(sentence).toContain(person.firstMentionTitle!);
    });
  }
});

describe('sources', () => {
  it('links every source in the list to its address, and none to Wikipedia', () => {
    const items = [...doc.querySelectorAll('ol.sources li')];
    expect(items.length).toBe(content.sources.length);
    for (const item of items) {
      const link = item.querySelector<HTMLAnchorElement>('a[href^="http"]');
      expect(link, squash(item.textContent)).not.toBeNull();
      expect(new URL(link!.href).hostname).not.toMatch(/wikipedia\.org$/);
    }
  });

  it('points every in-page source reference at an entry in that list', () => {
    const refs = [...doc.querySelectorAll<HTMLAnchorElement>('a[href^="#source-"]')];
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of refs) expect(doc.getElementById(ref.getAttribute('href')!.slice(1))?.querySelector('a[href^="http"]')).not.toBeNull();
  });
});

describe("the narrator's voice", () => {
  /** Words that judge, or a headline's loaded word: allowed only inside quotation marks, as someone's words. */
  const BANNED = ['just', 'only', 'barred', 'merely', 'slammed', 'blasted', 'humiliating'];

  it('uses no banned word outside quotation marks in the headline, standfirst, titles, copy or guide', () => {
    const texts = [
      story.headline,
      story.meta.title,
      fill(story.meta.description),
      ...narrativeParagraphs().map((p) => squash(p.textContent)),
      ...story.steps.map((s) => s.title),
      ...guideEntries.map((e) => e.definition),
    ];
    const found = texts.flatMap((text) =>
      BANNED.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(outsideQuotes(text))).map((word) => `${word}: ${text}`),
    );
    expect(found).toEqual([]);
  });

  it('would catch one (the check is not vacuous)', () => {
    expect(outsideQuotes('Labour said only that "x"')).toMatch(/\bonly\b/);
    expect(outsideQuotes('He said it "doesn\'t die with just one election result."')).not.toMatch(/\bjust\b/);
  });
});

describe('the guide', () => {
  it('links the first use of every term and name to its entry, and the entry defines it', () => {
    const paragraphs = narrativeParagraphs();
    for (const entry of guideEntries) {
      const first = paragraphs.find((p) => findMention(squash(p.textContent), entry.mention) >= 0);
      expect(first, `${entry.mention} is never used`).toBeDefined();
      const link = first!.querySelector<HTMLAnchorElement>(`a[href="#guide-${entry.id}"]`);
      expect(squash(link?.textContent), `first use of ${entry.mention}`).toBe(entry.mention);
      // The link is the first use in that paragraph too.
      expect(squash(first!.textContent).indexOf(entry.mention)).toBe(findMention(squash(first!.textContent), entry.mention));
      const target = doc.getElementById(`guide-${entry.id}`);
      expect(squash(target?.querySelector('dt')?.textContent)).toBe(entry.term);
      expect(squash(target?.querySelector('dd')?.textContent)).toContain(entry.definition);
    }
  });

  it('spells out NEC before the abbreviation stands alone', () => {
    const text = narrativeParagraphs()
      .map((p) => squash(p.textContent))
      .join(' ');
    expect(text.indexOf('NEC')).toBe(text.indexOf('National Executive Committee (NEC)') + 'National Executive Committee ('.length);
  });

  it('can be opened from every step and from the header', () => {
    for (const step of doc.querySelectorAll('[data-step]')) expect(step.querySelector('.guide-link a[href="#guide"]')).not.toBeNull();
    expect(doc.querySelector('.masthead .guide-link a[href="#guide"]')).not.toBeNull();
    expect(doc.querySelector('section#guide h2')?.textContent).toBe(story.guide.title);
  });
});

describe('sentences and numbers', () => {
  it('has no sentence over 35 words in the copy, the guide or the method', () => {
    const texts = [
      ...narrativeParagraphs().map((p) => squash(p.textContent)),
      ...guideEntries.map((e) => e.definition),
      ...story.method.paragraphs.map(fill),
      ...story.method.notes.map(fill),
    ];
    const long = texts.flatMap(sentences).filter((s) => s.split(/\s+/).length > 35);
    expect(long).toEqual([]);
  });

  it('splits sentences as a reader would (the check is not vacuous)', () => {
    expect(sentences('It cost £4.2bn. "Quoted." Then 2 May.')).toEqual(['It cost £4.2bn.', '"Quoted."', 'Then 2 May.']);
  });

  it('writes every gap in points one way: one decimal place ("2.0 points")', () => {
    const text = squash(doc.body.textContent);
    const gaps = [...text.matchAll(/(\d+(?:\.\d+)?) points?\b/g)].map((m) => m[1]);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps) expect(gap).toMatch(/^\d+\.\d$/);
  });
});
