import { describe, expect, test } from 'vitest';
import {
  asPlainObject,
  encodePym,
  MAX_SEQ,
  MAX_SEQ_STEP,
  parseChildMessage,
  parseEmbedParams,
  parseHostMessage,
  parsePym,
  toWire,
} from '../../../src/kit/embed/protocol.ts';

const viewport = (over: Record<string, unknown> = {}) => ({
  sentinel: 'driscoll-embed',
  v: 1,
  type: 'viewport',
  id: 'e1',
  seq: 5,
  vw: 390,
  vh: 664,
  svh: 630,
  lvh: 748,
  top: -1820.5,
  left: 0,
  width: 390,
  height: 5400,
  insetTop: 0,
  ...over,
});

describe('host messages, as the story checks them', () => {
  test('a well-formed viewport message passes, with only the known fields', () => {
    const m = parseHostMessage({ ...viewport(), extra: '<img onerror=alert(1)>' }, 'e1', 4);
    expect(m).toEqual({
      type: 'viewport',
      id: 'e1',
      seq: 5,
      vw: 390,
      vh: 664,
      svh: 630,
      lvh: 748,
      top: -1820.5,
      left: 0,
      width: 390,
      height: 5400,
      insetTop: 0,
    });
  });

  test('hello and bye carry no numbers', () => {
    expect(parseHostMessage({ sentinel: 'driscoll-embed', v: 1, type: 'hello', id: 'e1', seq: 1 }, 'e1', 0)).toEqual({ type: 'hello', id: 'e1', seq: 1 });
    expect(parseHostMessage({ sentinel: 'driscoll-embed', v: 1, type: 'bye', id: 'e1', seq: 2 }, 'e1', 1)).toEqual({ type: 'bye', id: 'e1', seq: 2 });
  });

  test.each([
    ['wrong sentinel', viewport({ sentinel: 'amp' })],
    ['wrong version', viewport({ v: 2 })],
    ['version as string', viewport({ v: '1' })],
    ['unknown type', viewport({ type: 'navigate' })],
    ['another embed', viewport({ id: 'e2' })],
    ['id with markup', viewport({ id: '<b>' })],
    ['NaN', viewport({ top: NaN })],
    ['Infinity', viewport({ vh: Infinity })],
    ['huge offset', viewport({ top: 1e300 })],
    ['huge viewport', viewport({ vw: 1e9 })],
    ['zero viewport height', viewport({ vh: 0 })],
    ['negative frame height', viewport({ height: -1 })],
    ['number as string', viewport({ top: '-1820' })],
    [
      'missing field',
      (() => {
        const v: Record<string, unknown> = viewport();
        delete v.lvh;
        return v;
      })(),
    ],
    ['inset taller than the viewport', viewport({ insetTop: 700 })],
    ['stale seq', viewport({ seq: 4 })],
    ['repeated seq', viewport({ seq: 3 })],
    ['fractional seq', viewport({ seq: 5.5 })],
    ['seq beyond the cap', viewport({ seq: MAX_SEQ + 1 })],
    ['seq as string', viewport({ seq: '9' })],
  ])('drops %s', (_, data) => {
    expect(parseHostMessage(data, 'e1', 4)).toBeNull();
  });

  test.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', JSON.stringify(viewport())],
    ['a number', 42],
    ['an array', [viewport()]],
    ['a Date', new Date()],
    ['an object with another prototype', Object.assign(Object.create({ polluted: true }), viewport())],
    ['an own __proto__ key', JSON.parse(`{"__proto__":{"vh":1},${JSON.stringify(viewport()).slice(1)}`)],
    ['an own constructor key', { ...viewport(), constructor: 'x' }],
  ])('drops %s', (_, data) => {
    expect(parseHostMessage(data, 'e1', 0)).toBeNull();
  });

  test('fields inherited from a prototype do not count', () => {
    const proto = viewport();
    const data = Object.create(null) as Record<string, unknown>;
    Object.setPrototypeOf(data, null);
    for (const k of ['sentinel', 'v', 'type', 'id', 'seq']) data[k] = proto[k as keyof typeof proto];
    expect(parseHostMessage(data, 'e1', 0)).toBeNull();
    expect(asPlainObject(data)).toBe(data);
  });

  test('does not pollute Object.prototype', () => {
    parseHostMessage(JSON.parse('{"__proto__":{"polluted":1},"sentinel":"driscoll-embed"}'), 'e1', 0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('child messages, as embed.js checks them', () => {
  const base = { sentinel: 'driscoll-embed', v: 1, id: 'driscoll-1' };
  test('height: whole pixels in range', () => {
    expect(parseChildMessage({ ...base, type: 'height', seq: 1, height: 5400 }, 'driscoll-1', 0)).toEqual({
      type: 'height',
      id: 'driscoll-1',
      seq: 1,
      height: 5400,
    });
    for (const height of [0, -5, 5400.5, 100_001, NaN, '5400', null]) {
      expect(parseChildMessage({ ...base, type: 'height', seq: 1, height }, 'driscoll-1', 0)).toBeNull();
    }
  });
  test('scrollTo: a finite y and a boolean', () => {
    expect(parseChildMessage({ ...base, type: 'scrollTo', seq: 2, y: 812.5, smooth: true }, 'driscoll-1', 1)).toEqual({
      type: 'scrollTo',
      id: 'driscoll-1',
      seq: 2,
      y: 812.5,
      smooth: true,
    });
    expect(parseChildMessage({ ...base, type: 'scrollTo', seq: 2, y: 'javascript:alert(1)', smooth: true }, 'driscoll-1', 1)).toBeNull();
    expect(parseChildMessage({ ...base, type: 'scrollTo', seq: 2, y: 1e12, smooth: true }, 'driscoll-1', 1)).toBeNull();
    expect(parseChildMessage({ ...base, type: 'scrollTo', seq: 2, y: 10, smooth: 'yes' }, 'driscoll-1', 1)).toBeNull();
  });
  test('no navigation or markup message exists', () => {
    for (const type of ['navigateTo', 'html', 'eval', 'viewport']) {
      expect(parseChildMessage({ ...base, type, seq: 1, url: 'https://evil.example/' }, 'driscoll-1', 0)).toBeNull();
    }
  });
  test('toWire adds the namespace', () => {
    expect(toWire({ type: 'hello', id: 'x', seq: 1 })).toEqual({ sentinel: 'driscoll-embed', v: 1, type: 'hello', id: 'x', seq: 1 });
  });
});

describe('Pym strings', () => {
  test('encodes like pym.js', () => {
    expect(encodePym('embed', 'height', '2500')).toBe('pymxPYMxembedxPYMxheightxPYMx2500');
    expect(encodePym('embed', 'parentPositionInfo')).toBe('pymxPYMxembedxPYMxparentPositionInfoxPYMx');
  });

  test('parses viewport-iframe-position, fractions and negatives included', () => {
    expect(parsePym('pymxPYMxembedxPYMxviewport-iframe-positionxPYMx800 600 -300.5 0 2200 800', 'embed')).toEqual({
      type: 'viewport-iframe-position',
      vw: 800,
      vh: 600,
      top: -300.5,
      left: 0,
      bottom: 2200,
      right: 800,
    });
    expect(parsePym('pymxPYMxembedxPYMxwidthxPYMx760', 'embed')).toEqual({ type: 'width', width: 760 });
  });

  test.each([
    ['another id', 'pymxPYMxotherxPYMxviewport-iframe-positionxPYMx800 600 0 0 10 800'],
    ['an id prefix', 'pymxPYMxembed2xPYMxviewport-iframe-positionxPYMx800 600 0 0 10 800'],
    ['five numbers', 'pymxPYMxembedxPYMxviewport-iframe-positionxPYMx800 600 0 0 10'],
    ['NaN', 'pymxPYMxembedxPYMxviewport-iframe-positionxPYMx800 NaN 0 0 10 800'],
    ['Infinity', 'pymxPYMxembedxPYMxviewport-iframe-positionxPYMx800 Infinity 0 0 10 800'],
    ['hex', 'pymxPYMxembedxPYMxviewport-iframe-positionxPYMx0x320 600 0 0 10 800'],
    ['huge', 'pymxPYMxembedxPYMxviewport-iframe-positionxPYMx800 600 1e300 0 10 800'],
    ['bottom above top', 'pymxPYMxembedxPYMxviewport-iframe-positionxPYMx800 600 50 0 10 800'],
    ['navigateTo', 'pymxPYMxembedxPYMxnavigateToxPYMxjavascript:alert(1)'],
    ['height (a child message)', 'pymxPYMxembedxPYMxheightxPYMx100'],
    ['not a string', { toString: (): string => 'pymxPYMxembedxPYMxwidthxPYMx1' }],
    ['too long', `pymxPYMxembedxPYMxwidthxPYMx${'1'.repeat(2000)}`],
  ])('drops %s', (_, data) => {
    expect(parsePym(data, 'embed')).toBeNull();
  });

  test('an id with regex characters is matched literally', () => {
    expect(parsePym('pymxPYMxa.bxPYMxwidthxPYMx5', 'a.b')).toEqual({ type: 'width', width: 5 });
    expect(parsePym('pymxPYMxaXbxPYMxwidthxPYMx5', 'a.b')).toBeNull();
  });
});

describe('embed parameters in our URL', () => {
  test('reads our id and Pym childId', () => {
    expect(parseEmbedParams('?embedId=driscoll-1')).toEqual({ embedId: 'driscoll-1', pymId: null });
    expect(parseEmbedParams('?initialWidth=800&childId=embed&parentTitle=x')).toEqual({ embedId: '', pymId: 'embed' });
  });
  test('ignores garbage', () => {
    expect(parseEmbedParams('?embedId=<script>&childId=a%20b')).toEqual({ embedId: '', pymId: null });
    expect(parseEmbedParams('?childId=axPYMxb')).toEqual({ embedId: '', pymId: null });
    expect(parseEmbedParams('%%%')).toEqual({ embedId: '', pymId: null });
  });
});

describe('sequence numbers and optional viewport fields (issue #10, case 9)', () => {
  test('a jump of more than MAX_SEQ_STEP is refused once counting has started, so one forged number cannot lock the real host out', () => {
    expect(parseHostMessage(viewport({ seq: 2 ** 31 }), 'e1', 5)).toBeNull();
    expect(parseHostMessage(viewport({ seq: 5 + MAX_SEQ_STEP + 1 }), 'e1', 5)).toBeNull();
    expect(parseHostMessage(viewport({ seq: 5 + MAX_SEQ_STEP }), 'e1', 5)).not.toBeNull();
    // The first message may start anywhere (a reloaded story hears a host that kept counting).
    expect(parseHostMessage(viewport({ seq: 90_000 }), 'e1', 0)).not.toBeNull();
  });

  test('frameWidth, vy and t are optional, and dropped with the message when not sane', () => {
    expect(parseHostMessage(viewport({ seq: 6 }), 'e1', 5)).not.toHaveProperty('vy');
    expect(parseHostMessage(viewport({ seq: 6, frameWidth: 260, vy: -2.5, t: 1.7e12 }), 'e1', 5)).toMatchObject({ frameWidth: 260, vy: -2.5, t: 1.7e12 });
    for (const bad of [{ vy: NaN }, { vy: 1e6 }, { frameWidth: 0 }, { t: -1 }, { vy: '3' }])
      expect(parseHostMessage(viewport({ seq: 6, ...bad }), 'e1', 5)).toBeNull();
  });
});
