// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ChildChannel } from '../../../src/kit/embed/channel.ts';
import type { EmbedParams } from '../../../src/kit/embed/protocol.ts';
import type { RelayFeed } from '../../../src/kit/embed/relayFeed.ts';
import { sharedProgress } from '../../../src/kit/embed/sharedProgress.ts';
import { startStickyReport } from '../../../src/kit/embed/stickyReport.ts';

/**
 * The text frame sends each step change once: a change must reach the host even when the browser
 * runs none of this frame's animation frames (a cross-origin frame it counts as out of view).
 */
describe('sticky mode: the text frame relays step changes', () => {
  let posted: { type: string; index?: number; story?: number; focus?: number }[];
  let frames: FrameRequestCallback[];
  let stop: () => void;

  const start = () => {
    const win = {
      document,
      requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb),
      cancelAnimationFrame: () => {},
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (t: ReturnType<typeof setTimeout>) => clearTimeout(t),
    } as unknown as Window;
    const channel = { post: (m: (typeof posted)[number]) => posted.push(m) } as unknown as ChildChannel;
    const params = { embedId: 'driscoll-1' } as EmbedParams;
    const relay = { hello: true } as RelayFeed;
    stop = startStickyReport(win, params, channel, relay).stop;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    posted = [];
    frames = [];
    sharedProgress.set(-1, 0);
    sharedProgress.setStory(0);
    sharedProgress.setFocus(-1);
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const steps = () => posted.filter((m) => m.type === 'step').map((m) => m.index);

  test('on the next animation frame, once, however many changes came before it', () => {
    start();
    sharedProgress.set(2, 0);
    sharedProgress.set(3, 0);
    expect(steps()).toEqual([]);
    for (const cb of frames.splice(0)) cb(0);
    expect(steps()).toEqual([3]);
    vi.advanceTimersByTime(1000);
    expect(steps()).toEqual([3]);
  });

  test('within 100 ms when no animation frame comes', () => {
    start();
    sharedProgress.set(3, 0);
    vi.advanceTimersByTime(99);
    expect(steps()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(steps()).toEqual([3]);
    // The frame that comes late sends nothing more.
    for (const cb of frames.splice(0)) cb(0);
    expect(steps()).toEqual([3]);
  });

  const flush = () => {
    for (const cb of frames.splice(0)) cb(0);
  };

  test('the step control’s state rides along: the story’s progress in 200ths, and which of its parts has keyboard focus', async () => {
    start();
    sharedProgress.set(4, 0);
    sharedProgress.setStory(0.4213);
    flush();
    expect(posted.at(-1)).toMatchObject({ type: 'step', index: 4, story: 0.42, focus: -1 });
    // A scroll that moves the bar by less than a 200th sends nothing.
    const sent = steps().length;
    sharedProgress.setStory(0.4224);
    flush();
    vi.advanceTimersByTime(200);
    expect(steps().length).toBe(sent);

    const nav = document.createElement('div');
    nav.className = 'nav-layer';
    nav.innerHTML = '<button>previous</button><p>status</p><button>next</button>';
    const outside = document.createElement('button');
    document.body.append(nav, outside);
    try {
      nav.querySelectorAll('button')[1].focus();
      flush();
      expect(posted.filter((m) => m.type === 'step').at(-1)).toMatchObject({ index: 4, focus: 1 });
      // Focus leaving the control clears the ring.
      outside.focus();
      await Promise.resolve();
      expect(document.activeElement).toBe(outside);
      flush();
      expect(posted.filter((m) => m.type === 'step').at(-1)).toMatchObject({ focus: -1 });
    } finally {
      nav.remove();
      outside.remove();
    }
  });
});
