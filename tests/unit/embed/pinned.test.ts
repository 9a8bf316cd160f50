import { describe, expect, test } from 'vitest';
import { describeAncestor, findPinBlocker, transformMisplaces, type AncestorStyle } from '../../../src/kit/embed-host/pinned.ts';
import { parseChildMessage, parseHostMessage } from '../../../src/kit/embed/protocol.ts';

/** One ancestor as getComputedStyle would describe a plain block. */
const box = (over: Partial<AncestorStyle> = {}): AncestorStyle => ({
  tag: 'div',
  id: '',
  className: '',
  overflowX: 'visible',
  overflowY: 'visible',
  transform: 'none',
  scale: 'none',
  rotate: 'none',
  zoom: '1',
  propagated: false,
  ...over,
});

describe('sticky mode: what stops it, on a fake ancestor chain (placeholder first, scroller excluded)', () => {
  test('a plain article column, an app shell up to its scrolling <main>: nothing', () => {
    expect(findPinBlocker([box({ className: 'embed' }), box({ tag: 'main' }), box({ tag: 'body' })])).toBeNull();
    expect(findPinBlocker([])).toBeNull();
  });

  test.each(['hidden', 'auto', 'scroll', 'clip', 'overlay'])('overflow: %s on any ancestor', (overflow) => {
    const culprit = box({ className: 'article-body clearfix', overflowX: overflow, overflowY: overflow });
    const b = findPinBlocker([box(), culprit, box({ tag: 'main' })]);
    expect(b?.culprit).toBe(culprit);
    expect(b?.reason).toBe(`overflow: ${overflow}`);
    expect(describeAncestor(culprit)).toBe('<div.article-body.clearfix>');
  });

  test('overflow-x: hidden alone (overflow-y computes to auto) blocks too', () => {
    expect(findPinBlocker([box({ overflowX: 'hidden', overflowY: 'auto' })])?.reason).toBe('overflow: hidden auto');
  });

  test("body's overflow, applied to the viewport by the browser, does not", () => {
    expect(findPinBlocker([box({ tag: 'body', overflowX: 'hidden', overflowY: 'auto', propagated: true })])).toBeNull();
  });

  test('the first culprit is named, nearest the placeholder', () => {
    const near = box({ id: 'col', overflowY: 'hidden', overflowX: 'hidden' });
    expect(findPinBlocker([box(), near, box({ transform: 'matrix(0.9, 0, 0, 0.9, 0, 0)' })])?.culprit).toBe(near);
    expect(describeAncestor(near)).toBe('<div#col>');
  });

  test('scale, rotation, skew or zoom misplace the overlay; a translation does not', () => {
    expect(transformMisplaces('none')).toBe(false);
    expect(transformMisplaces('matrix(1, 0, 0, 1, 0, -40)')).toBe(false);
    expect(transformMisplaces('matrix(0.9, 0, 0, 0.9, 0, 0)')).toBe(true);
    expect(transformMisplaces('matrix(0.7071, 0.7071, -0.7071, 0.7071, 0, 0)')).toBe(true);
    expect(transformMisplaces('matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)')).toBe(true);
    expect(findPinBlocker([box({ transform: 'matrix(1, 0, 0, 1, 0, -40)' })])).toBeNull();
    expect(findPinBlocker([box({ tag: 'main', transform: 'matrix(0.9, 0, 0, 0.9, 0, 0)' })])?.reason).toMatch(/^transform/);
    expect(findPinBlocker([box({ scale: '0.9' })])?.reason).toBe('scale: 0.9');
    expect(findPinBlocker([box({ rotate: '2deg' })])?.reason).toBe('rotate: 2deg');
    expect(findPinBlocker([box({ rotate: '0deg' })])).toBeNull();
    expect(findPinBlocker([box({ tag: 'body', zoom: '1.5' })])?.reason).toBe('zoom: 1.5');
  });
});

describe('sticky mode messages', () => {
  const ns = { sentinel: 'driscoll-embed', v: 1 };
  const graphic = {
    ...ns,
    type: 'graphic',
    id: 'driscoll-1',
    seq: 3,
    sectionTop: 521.5,
    sectionHeight: 9800,
    layerLeft: 0,
    layerTop: 0,
    layerWidth: 760,
    layerHeight: 330,
    boxLeft: 60,
    boxTop: 52,
    boxWidth: 640,
    boxHeight: 270,
    navLeft: 0,
    navTop: 0,
    navWidth: 760,
    navHeight: 52,
    layout: 'band',
  };

  test('graphic: every box, finite and in range', () => {
    const { sentinel: _s, v: _v, ...payload } = graphic;
    expect(parseChildMessage(graphic, 'driscoll-1', 2)).toEqual(payload);
    for (const [key, value] of [
      ['sectionHeight', -1],
      ['boxWidth', NaN],
      ['boxTop', '52'],
      ['layerHeight', 1e9],
      ['sectionTop', Infinity],
      ['navHeight', -1],
      ['navWidth', '760'],
      ['layout', 'Band'],
      ['layout', 'band; color: red'],
      ['layout', 3],
    ] as const) {
      expect(parseChildMessage({ ...graphic, [key]: value }, 'driscoll-1', 2), `${key}: ${String(value)}`).toBeNull();
    }
    // A story without a step control or a layout name says so with zeros and ''.
    expect(parseChildMessage({ ...graphic, navWidth: 0, navHeight: 0, layout: '' }, 'driscoll-1', 2)).toMatchObject({ navHeight: 0, layout: '' });
    // Every field is required: a story from before the control was pinned sends none of the nav
    // fields, and its host then relays the graphic instead (no overlay, nothing hidden).
    for (const key of ['boxHeight', 'navHeight', 'layout'] as const) {
      const { [key]: _, ...missing } = graphic;
      expect(parseChildMessage(missing, 'driscoll-1', 2), `without ${key}`).toBeNull();
    }
  });

  test('layout, to the graphic frame: the layer and its boxes, checked as the graphic report is', () => {
    const { sentinel: _s, v: _v, type: _t, sectionTop: _a, sectionHeight: _b, layerLeft: _c, layerTop: _d, ...layer } = graphic;
    const message = { ...ns, ...layer, type: 'layout', id: 'driscoll-1-g', seq: 2 };
    const { sentinel: _s2, v: _v2, ...payload } = message;
    expect(parseHostMessage(message, 'driscoll-1-g', 1)).toEqual(payload);
    expect(parseHostMessage({ ...message, boxWidth: -5 }, 'driscoll-1-g', 1)).toBeNull();
    expect(parseHostMessage({ ...message, layout: '<b>' }, 'driscoll-1-g', 1)).toBeNull();
    // Not a message the story sends.
    expect(parseChildMessage({ ...message, id: 'driscoll-1' }, 'driscoll-1', 1)).toBeNull();
  });

  test('step: the control’s state rides along, optional and checked', () => {
    const step = { ...ns, type: 'step', id: 'e', seq: 4, index: 3, progress: 0.25 };
    expect(parseChildMessage({ ...step, story: 0.42, focus: 1 }, 'e', 3)).toMatchObject({ story: 0.42, focus: 1 });
    expect(parseHostMessage({ ...step, story: 0, focus: -1 }, 'e', 3)).toMatchObject({ story: 0, focus: -1 });
    for (const over of [{ story: 1.5 }, { story: '0.4' }, { focus: 0.5 }, { focus: -2 }, { focus: 99 }]) {
      expect(parseChildMessage({ ...step, ...over }, 'e', 3), JSON.stringify(over)).toBeNull();
      expect(parseHostMessage({ ...step, ...over }, 'e', 3), JSON.stringify(over)).toBeNull();
    }
  });

  test('step: a whole index from -1 and a progress in 0..1, both ways', () => {
    const step = { ...ns, type: 'step', id: 'driscoll-1', seq: 4, index: 3, progress: 0.25 };
    expect(parseChildMessage(step, 'driscoll-1', 3)).toEqual({ type: 'step', id: 'driscoll-1', seq: 4, index: 3, progress: 0.25 });
    expect(parseHostMessage({ ...step, id: 'driscoll-1-g' }, 'driscoll-1-g', 3)).toEqual({
      type: 'step',
      id: 'driscoll-1-g',
      seq: 4,
      index: 3,
      progress: 0.25,
    });
    expect(parseHostMessage({ ...step, index: -1, progress: 0 }, 'driscoll-1', 3)).not.toBeNull();
    for (const over of [{ index: 2.5 }, { index: -2 }, { index: 1e6 }, { progress: 1.5 }, { progress: NaN }, { index: '3' }]) {
      expect(parseHostMessage({ ...step, ...over }, 'driscoll-1', 3), JSON.stringify(over)).toBeNull();
      expect(parseChildMessage({ ...step, ...over }, 'driscoll-1', 3), JSON.stringify(over)).toBeNull();
    }
    // The graphic frame's id is not the text frame's: a step for one is nothing to the other.
    expect(parseHostMessage(step, 'driscoll-1-g', 3)).toBeNull();
  });

  test('pin: a boolean, and whether the whole layer is pinned; drawn: nothing else', () => {
    expect(parseHostMessage({ ...ns, type: 'pin', id: 'e', seq: 2, on: true }, 'e', 1)).toEqual({ type: 'pin', id: 'e', seq: 2, on: true });
    expect(parseHostMessage({ ...ns, type: 'pin', id: 'e', seq: 2, on: true, layer: true }, 'e', 1)).toEqual({
      type: 'pin',
      id: 'e',
      seq: 2,
      on: true,
      layer: true,
    });
    expect(parseHostMessage({ ...ns, type: 'pin', id: 'e', seq: 2, on: true, layer: 1 }, 'e', 1)).toBeNull();
    expect(parseHostMessage({ ...ns, type: 'pin', id: 'e', seq: 2, on: 'true' }, 'e', 1)).toBeNull();
    expect(parseHostMessage({ ...ns, type: 'pin', id: 'e', seq: 1, on: true }, 'e', 1)).toBeNull();
    expect(parseChildMessage({ ...ns, type: 'drawn', id: 'e-g', seq: 2 }, 'e-g', 1)).toEqual({ type: 'drawn', id: 'e-g', seq: 2 });
    // Not a message the story sends the host, nor the host the story.
    expect(parseChildMessage({ ...ns, type: 'pin', id: 'e', seq: 2, on: true }, 'e', 1)).toBeNull();
    expect(parseHostMessage({ ...ns, type: 'drawn', id: 'e', seq: 2 }, 'e', 1)).toBeNull();
    expect(parseHostMessage(graphic, 'driscoll-1', 2)).toBeNull();
  });
});
