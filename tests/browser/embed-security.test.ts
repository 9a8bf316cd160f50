/**
 * Forged messages, from a sibling frame on a third origin (an ad) and from the host page itself
 * (the console), change nothing on either side and raise no error. Both sides check the sending
 * window, the origin, the shape, the numbers and the sequence, and drop the rest silently.
 */
import type { Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, waitFor } from './harness.ts';
import { childState, hostScrollY, iframeBox, openHost, pointAtFrame, settle, serveEmbedHosts, stepIds, storyGeometry, waitForContext } from './embedHarness.ts';

const embed = serveEmbedHosts();

/** Everything a forged message could try to move, on both sides. */
async function snapshot(h: { page: import('playwright-core').Page; child: Frame }) {
  const s = await childState(h.child);
  const extra = await h.child.evaluate(() => ({
    title: document.title,
    href: location.href,
    readerVh: document.documentElement.style.getPropertyValue('--reader-vh'),
    navLayer: document.querySelector<HTMLElement>('.nav-layer')?.style.transform ?? '',
    polluted: ({} as Record<string, unknown>).polluted ?? null,
    graphicPinned: 'graphicPinned' in document.documentElement.dataset,
  }));
  const host = await h.page.evaluate(() => ({
    title: document.title,
    href: location.href,
    polluted: ({} as Record<string, unknown>).polluted ?? null,
    frameStyle: document.querySelector<HTMLIFrameElement>('iframe:not(#ad)')!.style.height,
    // Sticky mode: the mode, the overlay's place and the graphic frame's box.
    pinned: document.querySelector('[data-driscoll-pinned]')?.getAttribute('data-driscoll-pinned') ?? null,
    overlay: document.querySelector('[data-driscoll-overlay]')?.getAttribute('style') ?? null,
    graphicFrame: document.querySelector('[data-driscoll-graphic]')?.getAttribute('style') ?? null,
  }));
  const graphicFrame = h.page.frames().find((f) => f.url().includes('/graphic.html'));
  const graphic = graphicFrame
    ? await graphicFrame.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-graphic]');
        return { step: el?.dataset.stepIndex ?? null, state: el?.dataset.graphicState ?? null };
      })
    : null;
  return {
    context: s.context,
    source: s.source,
    active: s.active,
    graphicState: s.graphicState,
    transform: s.transform,
    ...extra,
    host,
    hostY: await hostScrollY(h.page),
    frameHeight: (await iframeBox(h.page)).height,
    graphic,
  };
}

test('forged messages from a third-origin frame and from the host console change nothing', async () => {
  const h = await openHost(embed.browser, embed.servers, 'evil', DESKTOP);
  try {
    const sibling = await waitFor(async () => h.page.frames().find((f) => f.url().startsWith(`${embed.servers.third.origin}/`)) ?? null);
    expect(sibling, 'the hostile sibling frame loaded').toBeTruthy();
    // Into the story, with a step active and the graphic moved by the relay.
    await h.page.evaluate(() => document.querySelector('iframe:not(#ad)')!.scrollIntoView());
    await waitForContext(h.child, 'auto', 'relay');
    await settle(async () => (await iframeBox(h.page)).height, { quiet: 400 });
    await h.page.evaluate(() => {
      const r = document.querySelector('iframe:not(#ad)')!.getBoundingClientRect();
      window.scrollTo(0, window.scrollY + r.top + 3000);
    });
    const id = await h.page.evaluate(() => document.querySelector('iframe:not(#ad)')!.getAttribute('data-driscoll-embed')!);
    expect(id).toBe('driscoll-1');
    const before = await settle(() => snapshot(h), { quiet: 300 });
    expect(before.active).not.toBe('');
    // In sticky mode, with the graphic frame drawn and the story's own graphic hidden: all of that must stay.
    expect(before.host.pinned).toBe('sticky');
    expect(before.graphicPinned).toBe(true);
    expect(before.graphic?.step).toBe(String((await stepIds(h.child)).indexOf(before.active ?? '')));
    // The control's layer is moved by the relay (the graphic layer is held: the graphic frame draws the band).
    expect(before.navLayer).toMatch(/translate/);

    // 1. The ad posts everything it can think of to the host and to every frame, the story's too.
    const sent = await sibling!.evaluate((embedId) => (window as unknown as { forge(id: string): number }).forge(embedId), id);
    expect(sent).toBeGreaterThan(60);
    // 2. The host page's console posts the same to the story (right window, wrong everything
    //    else) and to itself (child-shaped messages from the wrong window).
    await h.page.evaluate((embedId) => {
      const messages = (window as unknown as { forgedMessages(id: string): unknown[] }).forgedMessages(embedId);
      const frame = document.querySelector<HTMLIFrameElement>('iframe:not(#ad)')!.contentWindow!;
      for (const m of messages) {
        // Only the shapes that a real host would never send: our id with bad numbers, other ids,
        // strings and junk. A perfect message from the real host window is the host's right.
        const o = m as Record<string, unknown> | null;
        const perfect =
          o && typeof o === 'object' && !Array.isArray(o) && o.id === embedId && Number.isFinite(o.top as number) && Math.abs(o.top as number) < 1e7;
        if (!perfect) frame.postMessage(m, '*');
        window.postMessage(m, '*');
      }
    }, id);
    await new Promise((r) => setTimeout(r, 800));
    const after = await settle(() => snapshot(h), { quiet: 300 });
    expect(after).toEqual(before);
    expect(after.host.polluted).toBeNull();
    expect(after.polluted).toBeNull();
    expect(h.errors.errors, 'no errors or console noise on either side').toEqual([]);

    // 3. The real host is still heard: no forged sequence number locked it out.
    const ids = await stepIds(h.child);
    const startIndex = ids.indexOf(before.active ?? '');
    await pointAtFrame(h.page);
    for (let i = 0; i < 6; i++) await h.page.mouse.wheel(0, 400);
    const moved = await waitFor(async () => {
      const s = await childState(h.child);
      return ids.indexOf(s.active ?? '') > startIndex ? s : null;
    });
    expect(moved, 'the story still follows the real host').toBeTruthy();
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('the host ignores height messages from frames that are not its own', async () => {
  const h = await openHost(embed.browser, embed.servers, 'evil', DESKTOP);
  try {
    await h.page.evaluate(() => document.querySelector('iframe:not(#ad)')!.scrollIntoView());
    await waitForContext(h.child, 'auto', 'relay');
    const height = await settle(async () => (await iframeBox(h.page)).height, { quiet: 400 });
    const sibling = h.page.frames().find((f) => f.url().startsWith(`${embed.servers.third.origin}/`))!;
    // A perfect height message, from the ad, and from the host's own window.
    await sibling.evaluate(() => {
      parent.postMessage({ sentinel: 'driscoll-embed', v: 1, type: 'height', id: 'driscoll-1', seq: 99, height: 77 }, '*');
      parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 77 }, '*');
    });
    await h.page.evaluate(() => window.postMessage({ sentinel: 'driscoll-embed', v: 1, type: 'height', id: 'driscoll-1', seq: 100, height: 77 }, '*'));
    await new Promise((r) => setTimeout(r, 500));
    expect((await iframeBox(h.page)).height).toBe(height);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('case 9: one host message with sequence number 2^31 does not lock embed.js out', async () => {
  const h = await openHost(embed.browser, embed.servers, 'snippet', DESKTOP);
  try {
    await h.page.evaluate(() => document.querySelector('iframe')!.scrollIntoView());
    await waitForContext(h.child, 'auto', 'relay');
    const ids = await stepIds(h.child);
    // Well shaped, from the real host window, with a sequence number far ahead of the real one.
    await h.page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[data-driscoll-embed]')!;
      const id = frame.getAttribute('data-driscoll-embed');
      const r = frame.getBoundingClientRect();
      frame.contentWindow!.postMessage(
        {
          sentinel: 'driscoll-embed',
          v: 1,
          type: 'viewport',
          id,
          seq: 2 ** 31,
          vw: 1280,
          vh: 800,
          svh: 800,
          lvh: 800,
          top: r.top,
          left: r.left,
          width: r.width,
          height: r.height,
          insetTop: 0,
        },
        '*',
      );
    });
    // The real host keeps talking as the reader scrolls; the story must still follow it.
    const target = (await h.child.evaluate(() => document.querySelectorAll<HTMLElement>('.scrolly [data-step]')[3].getBoundingClientRect().top)) - 200;
    await h.page.evaluate((y) => {
      const r = document.querySelector('iframe')!.getBoundingClientRect();
      window.scrollBy(0, r.top + y);
    }, target);
    const moved = await waitFor(async () => ((await childState(h.child)).active === ids[3] ? true : null), { timeout: 10_000 });
    expect(moved, 'the story still follows the real host').toBe(true);
    expect((await childState(h.child)).source).toBe('relay');
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('case 9: a forged hello in a plain iframe does not switch it to a silent relay', async () => {
  const h = await openHost(embed.browser, embed.servers, 'resize-only', DESKTOP);
  try {
    await h.page.evaluate(() => document.querySelector('iframe')!.scrollIntoView());
    await waitForContext(h.child, 'auto', 'probe');
    await h.page.evaluate(() => {
      const w = document.querySelector('iframe')!.contentWindow!;
      w.postMessage({ sentinel: 'driscoll-embed', v: 1, type: 'hello', id: '', seq: 1 }, '*');
    });
    await new Promise((r) => setTimeout(r, 500));
    const before = await childState(h.child);
    expect(before.source, 'still the probe: a hello is not a feed').toBe('probe');
    await h.page.evaluate(() => window.scrollBy(0, 2500));
    const moved = await waitFor(async () => ((await childState(h.child)).transform !== before.transform ? true : null), { timeout: 10_000 });
    expect(moved, 'the graphic still follows the reader').toBe(true);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('case 8: with our Pym code (xdomain), a third-origin frame can neither resize the story nor navigate the host', async () => {
  const h = await openHost(embed.browser, embed.servers, 'pym-evil', DESKTOP);
  try {
    await h.page.evaluate(() => document.querySelector('iframe:not(#ad)')!.scrollIntoView());
    await waitForContext(h.child, 'auto', 'pym');
    const href = await h.page.evaluate(() => location.href);
    const sibling = await waitFor(async () => h.page.frames().find((f) => f.url().startsWith(`${embed.servers.third.origin}/`)) ?? null);
    expect(sibling).toBeTruthy();
    await sibling!.evaluate(() => {
      parent.postMessage('pymxPYMxdriscoll-pymxPYMxheightxPYMx150', '*');
      parent.postMessage('pymxPYMxdriscoll-pymxPYMxnavigateToxPYMxhttps://example.com/', '*');
    });
    await new Promise((r) => setTimeout(r, 600));
    // The frame is as tall as the story's own content, not the forged 150 px. (Not "as tall as before":
    // the story can still re-space itself as its first measure of the reader's viewport comes in, a
    // 1,100 px change once on a loaded CI machine, and the host follows it.)
    const fit = await settle(
      async () => {
        const s = await storyGeometry(h.child);
        return { frame: s.innerHeight, content: s.contentHeight };
      },
      { quiet: 400 },
    );
    expect(Math.abs(fit.frame - fit.content), `frame ${fit.frame} px, story ${fit.content} px`).toBeLessThanOrEqual(1);
    expect(fit.frame).toBeGreaterThan(150);
    expect(await h.page.evaluate(() => location.href)).toBe(href);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});
