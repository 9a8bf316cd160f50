import { describe, expect, test } from 'vitest';
import { decideContext, MIN_READABLE_FRAME, pickAutoSource, type ContextInput } from '../../../src/kit/embed/context.ts';

const framed = (over: Partial<ContextInput> = {}): ContextInput => ({
  isTop: false,
  frameHeight: 600,
  docHeight: 12_000,
  resizeInFlight: false,
  awaitingHost: false,
  hostExpected: false,
  autoSource: 'probe',
  ...over,
});

describe('decideContext', () => {
  test('a top-level page scrolls natively', () => {
    expect(decideContext(framed({ isTop: true }))).toEqual({ context: 'top', source: 'native' });
  });

  test('a frame that scrolls and is tall enough is fixed', () => {
    expect(decideContext(framed())).toEqual({ context: 'fixed', source: 'native' });
  });

  test('a frame too short to read in gets the stacked layout, still scrolled natively', () => {
    expect(decideContext(framed({ frameHeight: 300 }))).toEqual({ context: 'stacked', source: 'native' });
    expect(decideContext(framed({ frameHeight: MIN_READABLE_FRAME }))).toEqual({ context: 'fixed', source: 'native' });
  });

  test('a frame as tall as the document is auto-height, fed by the best source', () => {
    for (const autoSource of ['relay', 'pym', 'probe'] as const) {
      expect(decideContext(framed({ frameHeight: 12_000, autoSource }))).toEqual({ context: 'auto', source: autoSource });
    }
    // Rounding: a frame a pixel or two short still counts.
    expect(decideContext(framed({ frameHeight: 11_998.5 })).context).toBe('auto');
    // A frame taller than the document never scrolls either.
    expect(decideContext(framed({ frameHeight: 20_000 })).context).toBe('auto');
  });

  test('auto-height with no way to know the band falls back to stacked', () => {
    expect(decideContext(framed({ frameHeight: 12_000, autoSource: null }))).toEqual({ context: 'stacked', source: 'none' });
  });

  test('a height report in flight keeps an auto frame auto (no flapping while the host catches up)', () => {
    expect(decideContext(framed({ frameHeight: 11_000, resizeInFlight: true })).context).toBe('auto');
  });

  test('while waiting for a host, a scrolling frame commits to nothing', () => {
    expect(decideContext(framed({ awaitingHost: true }))).toEqual({ context: 'stacked', source: 'none' });
  });

  test('when our URL says a sizing host made the frame, lay out for auto at once', () => {
    expect(decideContext(framed({ awaitingHost: true, hostExpected: true, autoSource: 'relay' }))).toEqual({ context: 'auto', source: 'relay' });
    // ...but only during the handshake: a frame that is never sized ends up fixed.
    expect(decideContext(framed({ awaitingHost: false, hostExpected: true }))).toEqual({ context: 'fixed', source: 'native' });
  });
});

describe('pickAutoSource', () => {
  test('prefers the host relay, then Pym, then the probe', () => {
    expect(pickAutoSource({ relay: true, pym: true, probe: true })).toBe('relay');
    expect(pickAutoSource({ relay: false, pym: true, probe: true })).toBe('pym');
    expect(pickAutoSource({ relay: false, pym: false, probe: true })).toBe('probe');
    expect(pickAutoSource({ relay: false, pym: false, probe: false })).toBeNull();
  });
});

describe('a frame taller than the reader\u2019s viewport (issue #10, case 10)', () => {
  test('is stacked like a short one; a frame that fits stays fixed', () => {
    expect(decideContext(framed({ frameHeight: 700, readerHeight: 390 }))).toEqual({ context: 'stacked', source: 'native' });
    expect(decideContext(framed({ frameHeight: 700, readerHeight: 800 }))).toEqual({ context: 'fixed', source: 'native' });
    // An auto-height frame is always taller than the viewport: that is what the feeds are for.
    expect(decideContext(framed({ frameHeight: 12_000, readerHeight: 390 }))).toEqual({ context: 'auto', source: 'probe' });
  });
});
