/**
 * The second story (tests/fixtures/second-story/), the kit's worked example: its schema names file,
 * field and rule for bad data; its own code uses only the kit, its own files and packages, and says
 * nothing of the main story (its embed names come from src/story/embedConfig.ts, imported by its
 * build, never spelled). The browser test (tests/browser/second-story.test.ts) builds and scrolls it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecondStory, renderStory } from '../fixtures/second-story/plugin.ts';
import { validateSecondStory } from '../fixtures/second-story/schema.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/second-story');
const steps = JSON.parse(readFileSync(join(FIXTURE, 'data/steps.json'), 'utf8'));
const figures = JSON.parse(readFileSync(join(FIXTURE, 'data/figures.json'), 'utf8'));

/** The fixture's own files (not its build output). */
function ownFiles(dir = FIXTURE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'dist' || e.name === 'node_modules' ? [] : e.isDirectory() ? ownFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('the second story', () => {
  it('loads its data: three steps, each with its figure', () => {
    const story = loadSecondStory(FIXTURE);
    expect(story.steps.map((s) => [s.id, s.value])).toEqual([
      ['boats', 14],
      ['gulls', 37],
      ['visitors', 112],
    ]);
    expect(story.max).toBe(112);
    const html = renderStory(story);
    expect(html.match(/data-beat="/g)).toHaveLength(3);
    expect(html).toContain('id="gulls" data-beat="gulls"');
  });

  it('names file, field and rule for bad data', () => {
    const bad = structuredClone(steps);
    bad.steps[1].id = 'Not An Id';
    bad.steps[2].figure = 'ferries';
    delete bad.steps[0].title;
    const badFigures = { ...figures, values: { ...figures.values, gulls: -3 } };
    const result = validateSecondStory(bad, badFigures);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^data\/steps\.json: steps\[0\]\.title: /),
      expect.stringMatching(/^data\/steps\.json: steps\[1\]\.id: must be lower-case letters/),
      'data/figures.json: values.gulls: must not be negative',
    ]);
    // Cross-file: a step naming a figure that does not exist.
    const cross = validateSecondStory({ ...steps, steps: [steps.steps[0], { ...steps.steps[1], figure: 'ferries' }] }, figures);
    expect(cross.ok ? [] : cross.problems).toEqual(['data/steps.json: steps[1].figure: must name a key of data/figures.json values, got "ferries"']);
    const dup = validateSecondStory({ ...steps, steps: [steps.steps[0], steps.steps[0]] }, figures);
    expect(dup.ok ? [] : dup.problems).toEqual(['data/steps.json: steps[1].id: must be unique, "boats" is used twice']);
  });

  it('carries no name of the main story (grep -ri driscoll over the fixture finds nothing)', () => {
    const files = ownFiles();
    expect(files.length).toBeGreaterThan(8);
    const found = files.filter((file) => /driscoll/i.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('its page code imports only the kit, its own files and packages', () => {
    const page = ownFiles().filter((f) => /\.(tsx?)$/.test(f) && !/(build|vite\.config|plugin)\.ts$/.test(f));
    const imports = page.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]));
    expect(imports.length).toBeGreaterThan(5);
    const wrong = imports.filter(
      (spec) => !(/^\.\/[^/]+$/.test(spec) || spec.startsWith('../../../src/kit/') || spec === 'virtual:second-story' || !spec.startsWith('.')),
    );
    expect(wrong).toEqual([]);
    expect(imports.some((spec) => spec.includes('/src/story/'))).toBe(false);
  });
});
