/**
 * Each step's chart caption (data/story.json steps[].chart): the build's rules on it, with messages
 * that name the file, the field and the rule broken.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, validateDataset } from '../../../src/story/data/validate.ts';
import { realFiles, type Files } from './fixtures.ts';

const STORY = 'data/story.json';

function problemsAfter(breakIt: (files: Files) => void): string[] {
  const files = realFiles();
  breakIt(files);
  const result = validateDataset(files);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe("a step's chart caption", () => {
  it('is in the real data for every step, with a title, a reading and at least one source', () => {
    for (const step of realFiles()[STORY].steps) {
      expect(step.chart.title, step.id).toMatch(/\S/);
      expect(step.chart.reading, step.id).toMatch(/\S/);
      expect(step.chart.sourceIds.length, step.id).toBeGreaterThan(0);
    }
  });

  it('fails the build on a source id that data/sources.json does not have, naming file, field and rule', () => {
    const problems = problemsAfter((f) => (f[STORY].steps[9].chart.sourceIds[1] = 'no-such-source'));
    expect(problems).toEqual(['data/story.json: steps[9].chart.sourceIds[1]: source "no-such-source" does not exist']);
  });

  it('fails the build on a missing reading, an empty title or no sources', () => {
    expect(problemsAfter((f) => delete f[STORY].steps[0].chart.reading)).toEqual(['data/story.json: steps[0].chart.reading: required field is missing']);
    expect(problemsAfter((f) => (f[STORY].steps[1].chart.title = ' '))).toEqual([
      'data/story.json: steps[1].chart.title: expected a non-empty string, got " "',
    ]);
    expect(problemsAfter((f) => (f[STORY].steps[2].chart.sourceIds = []))).toEqual(['data/story.json: steps[2].chart.sourceIds: expected at least one entry']);
  });

  it('fails the build on a typed-in field, or on a step without a chart', () => {
    expect(problemsAfter((f) => (f[STORY].steps[9].chart.majority = '58,399'))).toEqual([
      'data/story.json: steps[9].chart.majority: unknown field (a chart has a title, a reading and sourceIds; figures are {{tokens}}, computed, not typed in)',
    ]);
    expect(problemsAfter((f) => delete f[STORY].steps[4].chart)).toEqual(['data/story.json: steps[4].chart: required field is missing']);
  });

  it('fails the build on an unknown {{token}} in a reading', () => {
    expect(problemsAfter((f) => (f[STORY].steps[9].chart.reading = 'Won by {{majorty}} votes'))).toEqual([
      'data/story.json: steps[9].chart.reading: unknown token {{majorty}}',
    ]);
  });

  it('fails the build when two steps show one graphic state with different charts', () => {
    const problems = problemsAfter((f) => {
      f[STORY].steps[1].graphic = f[STORY].steps[0].graphic;
    });
    expect(problems).toEqual([
      'data/story.json: steps[1].chart: steps showing the same graphic state must give the same chart; steps[0] also shows "map:north-of-tyne" with another chart',
    ]);
  });
});
