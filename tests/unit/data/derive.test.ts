import { describe, expect, it } from 'vitest';
import { derive, rankVotes } from '../../../src/story/data/derive.ts';
import { fillTokens } from '../../../src/story/data/tokens.ts';
import { formatCount, formatIsoDate, formatPoints, formatPounds, formatShare, formatSmallCount } from '../../../src/story/data/format.ts';
import { realModel } from './fixtures.ts';

const data = realModel();
const d = derive(data);

describe('derive', () => {
  it('computes the region-wide result from the declared totals', () => {
    expect(d.totalVotes).toBe(448412);
    expect(d.results.map((r) => r.id)).toEqual(['mcguinness', 'driscoll', 'renner-thompson', 'donaghy', 'king', 'gray']);
    expect(d.majority).toBe(58399);
    expect(formatShare(d.results[0].share)).toBe('41.3%');
    expect(formatShare(d.results[1].share)).toBe('28.2%');
    expect(d.results.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('finds the winner, runner-up and margin of every area from its counts', () => {
    expect(d.areas.every((a) => a.winnerId === 'mcguinness')).toBe(true);
    expect(d.areaWins.mcguinness).toBe(7);
    const sunderland = d.areas.find((a) => a.code === 'E08000024')!;
    expect(sunderland.runnerUpId).toBe('donaghy');
    expect(sunderland.ranked[2].id).toBe('driscoll');
    expect(sunderland.marginVotes).toBe(27469 - 11563);
    const newcastle = d.areas.find((a) => a.code === 'E08000021')!;
    expect(newcastle.marginVotes).toBe(1411);
    expect(newcastle.total).toBe(70561);
  });

  it('names the closest count by votes and by share, which differ', () => {
    expect(d.closestByVotes.label).toBe('South Tyneside');
    expect(d.closestByVotes.marginVotes).toBe(1173);
    expect(d.closestByShare.label).toBe('Newcastle');
    expect(formatPoints(d.closestByShare.marginShare, data.story.units)).toBe('2.0 points');
  });

  it("records how far each candidate's area counts are from the declared total", () => {
    const gray = d.areaSums.find((s) => s.candidateId === 'gray')!;
    expect(gray).toEqual({ candidateId: 'gray', areaSum: 17632, declared: 17631, difference: 1 });
    expect(d.areaSums.filter((s) => s.difference !== 0).map((s) => s.candidateId)).toEqual(['gray']);
  });

  it('computes the poll lead from the poll shares', () => {
    expect(d.pollLeadPoints).toBe(2);
    expect(d.pollRanked[0]).toEqual({ id: 'mcguinness', percent: 35 });
  });

  it('ranks ties in the candidates file order, so output is stable', () => {
    const ranked = rankVotes({ a: 5, b: 5 }, [{ id: 'a' }, { id: 'b' }] as never);
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('tokens', () => {
  it('fills copy with computed, formatted figures', () => {
    expect(fillTokens('{{votes:mcguinness}} ({{share:mcguinness}}), majority {{majority}}', data, d, data.story.units)).toBe(
      '185,051 (41.3%), majority 58,399',
    );
    expect(fillTokens('first in {{area-wins:mcguinness}} of the {{area-count}}', data, d, data.story.units)).toBe('first in seven of the seven');
    expect(fillTokens('{{closest-by-votes}} by {{closest-by-votes-margin}}', data, d, data.story.units)).toBe('South Tyneside by 1,173');
    expect(fillTokens('{{target}}, {{raised:bbc-day-two}}, {{union:rmt}}', data, d, data.story.units)).toBe('£25,000, £81,000, £10,000');
    // One form for every gap in points, the poll's as well as the areas'.
    expect(fillTokens('a lead of {{poll-lead}}', data, d, data.story.units)).toBe('a lead of 2.0 points');
    expect(fillTokens('{{selection-share:mcguinness}} to {{selection-share:brannen}}', data, d, data.story.units)).toBe('76% to 24%');
    // Online plus offline, so a sum the copy states adds up: more than £142,000 plus £20,000.
    expect(fillTokens('{{raised-with-offline:early-2024}}', data, d, data.story.units)).toBe('£162,000');
  });

  it('throws on an unknown token rather than printing it', () => {
    expect(() => fillTokens('{{votes:nobody}}', data, d, data.story.units)).toThrow('Unknown token {{votes:nobody}}');
  });
});

describe('format', () => {
  it('formats dates at every precision and small counts as words', () => {
    expect(formatIsoDate('2023-06-02', data.story.units.months)).toBe('2 June 2023');
    expect(formatIsoDate('2023-06', data.story.units.months)).toBe('June 2023');
    expect(formatIsoDate('2024', data.story.units.months)).toBe('2024');
    const words = ['nil', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    expect(formatSmallCount(7, words)).toBe('seven');
    expect(formatSmallCount(0, words)).toBe('nil');
    expect(formatSmallCount(12, words)).toBe('12');
  });

  it('writes counts as en-GB Intl.NumberFormat would, without loading it in the browser', () => {
    const intl = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
    const values = [0, 1, 9, 999, 1000, 9999, 10000, 18010, 123456, 999999.5, 1234567.49, -1, -1500, -1234.5, 0.5, 2.5, 1e9];
    for (const n of values) expect(formatCount(n), String(n)).toBe(intl.format(n));
    expect(formatPounds(10000)).toBe('£10,000');
    expect(formatPounds(25000)).toBe('£25,000');
  });
});
