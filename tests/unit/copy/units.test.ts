/**
 * The words around figures ("points", "votes", "by", "over", "and", "c.", month names) come from
 * data/story.json units: changed there, the page's text changes. Were any still typed in code,
 * these would fail. (The graphics' side: tests/unit/graphics/fixture.test.tsx, drawn with other words.)
 */
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/story/data/derive.ts';
import { formatIsoDate, formatPoints } from '../../../src/story/data/format.ts';
import { fillTokens } from '../../../src/story/data/tokens.ts';
import type { Units } from '../../../src/story/data/types.ts';
import { splitWhen } from '../../../src/story/graphics/money/moneyLayout.ts';
import { realModel } from '../data/fixtures.ts';

const model = realModel();
const derived = derive(model);
const units = model.story.units;
const fill = (text: string, u: Units = units) => fillTokens(text, model, derived, u);

describe('unit words come from data/', () => {
  it('a changed unit word or template changes the filled copy', () => {
    const changed: Units = {
      ...units,
      point: 'pt',
      points: 'pts',
      listEnd: '{list}; plus {last}',
      resultListItem: '{candidate}: {votes} ballots, {share}',
      areaWinner: '{area}: {winner} ahead of {runnerUp} by {votes}',
      areaWinsAll: 'every one of the {count}',
    };
    expect(fill('{{poll-lead}}')).toBe('2.0 points');
    expect(fill('{{poll-lead}}', changed)).toBe('2.0 pts');
    expect(fill('{{closest-by-share-points}}', changed)).toBe(formatPoints(derived.closestByShare.marginShare, changed));
    expect(fill('{{closest-by-share-points}}', changed)).toMatch(/ pts$/);

    const results = fill('{{result-list}}', changed);
    expect(results).toContain('McGuinness: 185,051 ballots, 41.3%');
    expect(results).toContain('; plus ');
    expect(results).not.toMatch(/ votes\)|; and /);

    const winners = fill('{{area-winners}}', changed);
    const first = derived.areas[0];
    expect(winners).toContain(`${first.label}: `);
    expect(winners).toContain(' ahead of ');
    expect(winners).not.toMatch(/ votes over /);
    expect(fill('{{area-wins-phrase:mcguinness}}', changed)).toBe('every one of the seven');
  });

  it('counts under ten are the words in units.numbers', () => {
    const roman: Units = { ...units, numbers: ['0', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'] };
    expect(fill('{{area-count}}')).toBe('seven');
    expect(fill('{{area-count}}', roman)).toBe('VII');
    expect(fill('{{candidate-count}}', roman)).toBe(roman.numbers[model.candidates.length]);
    expect(fill('{{area-wins:mcguinness}}', roman)).toBe('VII');
    expect(fill('{{area-wins-phrase:mcguinness}}', roman)).not.toMatch(/seven/);
  });

  it('month names come from data/, long in the copy and short on the charts', () => {
    expect(units.months).toHaveLength(12);
    const months = units.months.map((m) => m.toUpperCase());
    const monthsShort = units.monthsShort.map((m) => `${m}.`);
    expect(formatIsoDate('2023-06-02', units.months)).toBe('2 June 2023');
    expect(formatIsoDate('2023-06-02', months)).toBe('2 JUNE 2023');
    expect(formatIsoDate('2023-06', months)).toBe('JUNE 2023');
    expect(fill('{{polling-day}}', { ...units, months })).toBe(formatIsoDate(model.results.election.pollingDay, months));
    expect(fill('{{polling-day}}', { ...units, months })).toMatch(/^\d+ [A-Z]+ \d{4}$/);
    // On the money chart's axis a month in data/fundraising.json is shown in its short form, and "about" as units.about.
    expect(splitWhen('about 19 July 2023', units)).toEqual(['c. 19 Jul', '2023']);
    expect(splitWhen('about 19 July 2023', { months: units.months, monthsShort, about: '~{value}' })).toEqual(['~19 Jul.', '2023']);
  });
});
