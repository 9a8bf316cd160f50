/**
 * The kit carries no story's markup (docs/ARCHITECTURE.md): the selectors it finds the steps, their
 * text, the graphic and sticky mode's section and layers by, and the graphic-only page embed.js
 * pins, are each story's configuration (src/story/embedConfig.ts for this story,
 * tests/fixtures/second-story/markup.ts for the second), handed to the kit as build-time constants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markupDefines, type StoryMarkup } from '../../src/kit/markupConfig.ts';
import { embedConfig, storyMarkup } from '../../src/story/embedConfig.ts';
import { secondStoryMarkup } from '../fixtures/second-story/markup.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function selectorsOf(markup: StoryMarkup): string[] {
  return [markup.step, markup.stepText, markup.graphicBox, ...(markup.sticky ? Object.values(markup.sticky) : [])];
}

/** The class and attribute names in a selector list: `.step-card`, `[data-step]` → data-step. */
function namesIn(selector: string): RegExp[] {
  const classes = [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => new RegExp(`\\.${m[1]}(?![\\w-])`));
  const attributes = [...selector.matchAll(/\[([\w-]+)/g)].map((m) => new RegExp(`${m[1]}(?![\\w-])`));
  return [...classes, ...attributes];
}

describe("the kit has no story's markup", () => {
  const bySource = new Map([...selectorsOf(storyMarkup), ...selectorsOf(secondStoryMarkup)].flatMap(namesIn).map((p) => [p.source, p]));
  const patterns = [...bySource.values(), new RegExp(embedConfig.graphicPage.replace('.', '\\.'))];

  it('looks for both stories’ names, ours among them', () => {
    const sources = patterns.map((p) => p.source);
    for (const name of [
      '\\.scrolly',
      '\\.graphic-layer',
      'data-graphic',
      '\\.nav-layer',
      'data-step',
      '\\.step-card',
      'graphic\\.html',
      '\\.tale',
      '\\.picture',
    ])
      expect(
        sources.some((s) => s.startsWith(name)),
        name,
      ).toBe(true);
  });

  it('no file under src/kit spells a story selector or the graphic page', () => {
    const files = filesUnder(resolve(ROOT, 'src/kit'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => patterns.filter((p) => p.test(line)).map((p) => `${relative(ROOT, file)}:${i + 1}: ${p.source}: ${line.trim()}`)),
    );
    expect(found).toEqual([]);
  });

  it("the kit's constants are this story's markup in its build", () => {
    expect(__STORY_STEP__).toBe(storyMarkup.step);
    expect(__STORY_GRAPHIC_BOX__).toBe(storyMarkup.graphicBox);
    expect(__STORY_SECTION__).toBe(storyMarkup.sticky?.section);
    expect(__STORY_NAV_LAYER__).toBe(storyMarkup.sticky?.navLayer);
    expect(__EMBED_GRAPHIC_PAGE__).toBe('graphic.html');
  });

  it('defines every constant the kit declares, and refuses a missing or malformed selector', () => {
    const declared = [...readFileSync(resolve(ROOT, 'src/kit/markup.d.ts'), 'utf8').matchAll(/declare const (\w+)/g)].map((m) => m[1]);
    expect(Object.keys(markupDefines(storyMarkup)).sort()).toEqual(declared.sort());
    // No sticky mode: the section is empty, which the kit reads as "nothing to pin".
    expect(markupDefines({ ...storyMarkup, sticky: null }).__STORY_SECTION__).toBe('""');
    expect(() => markupDefines({ ...storyMarkup, step: ' ' })).toThrow(/step/);
    expect(() => markupDefines({ ...storyMarkup, graphicBox: 'x { color: red }' })).toThrow(/graphicBox/);
  });
});
