import { describe, expect, it } from 'vitest';
import { dataset, derived, units } from '../../../src/story/data/dataset.ts';
import { findSlots, fillSlots, fillTokens } from '../../../src/story/data/tokens.ts';
import { content } from '../../../src/story/data/content.ts';
import { SLOT_FIELDS, storyTexts, slotsFor } from '../../../src/story/data/copyFields.ts';
import type { Derived } from '../../../src/story/data/derive.ts';

describe('fillSlots', () => {
  it('fills single-braced slots and leaves {{tokens}} alone', () => {
    expect(fillSlots('{winner} by {votes} over {runnerUp}', { winner: 'A', votes: '1', runnerUp: 'B' })).toBe('A by 1 over B');
    expect(fillSlots('{{majority}} and {x}', { x: 'y' })).toBe('{{majority}} and y');
  });

  it('throws on a slot it was not given, rather than printing it', () => {
    expect(() => fillSlots('{winner} by {margin}', { winner: 'A' })).toThrow('Unknown slot {margin}');
  });

  it('every slot the story uses is one its field offers, and every slot field exists', () => {
    const texts = storyTexts(content.story);
    for (const [path, text] of texts) for (const slot of findSlots(text)) expect(slotsFor(path), path).toContain(slot);
    const patterns = new Set(texts.map(([p]) => p.replace(/\[\d+\]/g, '[]')));
    for (const field of Object.keys(SLOT_FIELDS)) expect(patterns, field).toContain(field);
  });
});

describe('area-wins-phrase', () => {
  it('reads "all seven" when one candidate won every area, and "n of the seven" otherwise', () => {
    expect(fillTokens('{{area-wins-phrase:mcguinness}}', dataset, derived, units)).toBe('all seven');
    const split: Derived = { ...derived, areaWins: { ...derived.areaWins, mcguinness: 5, driscoll: 2 } };
    expect(fillTokens('{{area-wins-phrase:mcguinness}}', dataset, split, units)).toBe('five of the seven');
    expect(fillTokens('{{area-wins-phrase:driscoll}}', dataset, split, units)).toBe('two of the seven');
  });
});
