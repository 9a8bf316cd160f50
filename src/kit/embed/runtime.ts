/**
 * Decides the context the story runs in and feeds the scroll store from the right source:
 * - top-level page, or a frame that scrolls and is tall enough: native scroll, CSS sticky;
 * - a frame the host sizes to our height (it never scrolls): the band comes from our host script,
 *   else from a Pym parent, else from probe strips; the story engine moves the graphic;
 * - a frame too short to read in, or no way to know the band: the stacked (no-JS) layout.
 * Re-decided on every resize and whenever a feed appears or goes quiet.
 *
 * This file puts the parts together, in the order they depend on each other: the signals first
 * (signal.ts: what a part raises before its receiver exists), then the channel and the probe, the
 * feeds (autoFeeds.ts, relayFeed.ts, pymFeed.ts), the sticky-mode report (stickyReport.ts), the
 * height reports (heightReports.ts), the context decision (contextDecider.ts), and last the
 * receivers that route messages, probe readings and "decide again" to them.
 */
import type { ScrollStore } from '../scroll/store.ts';
import { createAutoFeeds, guessViewportHeight } from './autoFeeds.ts';
import { bandFromProbe, type ProbeReading } from './bands.ts';
import { openChildChannel } from './channel.ts';
import { createContextDecider } from './contextDecider.ts';
import type { EmbedStateStore } from './embedState.ts';
import { createFrameClock } from './frameClock.ts';
import { frameScrollTo } from './framePlace.ts';
import { setGraphicPinned } from './graphicReport.ts';
import { startHeightReports } from './heightReports.ts';
import { measureDocumentHeight } from './heightReporter.ts';
import { startProbe } from './probe.ts';
import { parseEmbedParams, type HostMessage, type PymMessage } from './protocol.ts';
import { createPymFeed } from './pymFeed.ts';
import { createRelayFeed } from './relayFeed.ts';
import { createSignal } from './signal.ts';
import { startStickyReport } from './stickyReport.ts';
import { isTopLevel, startTopLevel } from './topLevel.ts';

/** How long to wait for a host to size us before settling on a fixed frame. */
const HANDSHAKE_EXPECTED_MS = 1500;
const HANDSHAKE_BARE_MS = 400;

export function startEmbedRuntime(store: ScrollStore, state: EmbedStateStore): () => void {
  if (typeof window === 'undefined') return () => {};
  if (isTopLevel()) return startTopLevel(store, state);
  return startFramed(window, store, state);
}

function startFramed(win: Window, store: ScrollStore, state: EmbedStateStore): () => void {
  const doc = win.document;
  const clock = createFrameClock(win);
  const params = parseEmbedParams(win.location.search);
  const bootAt = clock.now();
  const hostExpected = params.embedId !== '' || params.pymId !== null;
  const handshakeMs = hostExpected ? HANDSHAKE_EXPECTED_MS : HANDSHAKE_BARE_MS;

  const decideAgain = createSignal();
  const hostMessages = createSignal<HostMessage>();
  const pymMessages = createSignal<PymMessage>();
  const probeReadings = createSignal<ProbeReading | null>();

  const channel = openChildChannel(win, params, { host: hostMessages.send, pym: pymMessages.send });
  const probe = startProbe(win, probeReadings.send);
  const feeds = createAutoFeeds(win);
  const relay = createRelayFeed({ channel, clock, feeds, probe, decideAgain: decideAgain.send });
  const sticky = startStickyReport(win, params, channel, relay);
  const heights = startHeightReports(win, channel, clock, decideAgain.send);
  const pym = createPymFeed({ win, params, channel, clock, feeds, relay, refreshHeight: heights.refresh, decideAgain: decideAgain.send });
  const decider = createContextDecider({
    win,
    store,
    state,
    clock,
    feeds,
    heights,
    relay,
    pym,
    probing: probe !== null,
    scrollToFor: frameScrollTo(win, channel),
    hostExpected,
    handshakeMs,
    bootAt,
    readerHeightGuess: guessViewportHeight(win),
  });

  decideAgain.connect(decider.evaluate);

  hostMessages.connect((m) => {
    const first = relay.hear(m);
    if (m.type === 'hello') sticky.resync();
    // Sticky mode: the host's graphic frame has drawn over our graphic's space (or is gone).
    if (m.type === 'pin') setGraphicPinned(doc, m.on, m.layer === true);
    if (first) decider.evaluate();
  });

  pymMessages.connect(pym.hear);

  probeReadings.connect((r) => {
    if (!r) {
      decider.offScreen();
      return;
    }
    decider.onScreen();
    const g = bandFromProbe(r, feeds.knownHeight);
    // Clipped at both ends, the frame shows exactly the reader's viewport height.
    if (g.measured) decider.readerHeight(g.viewportHeight);
    // Only an auto-height frame maps strip rects to the band; elsewhere the reading is noise.
    if (g.measured && win.scrollY === 0 && win.innerHeight >= measureDocumentHeight(doc) - 2) feeds.measured(g.viewportHeight, false);
    // The probe measures the reader's viewport only once the story fills it, mid-read: too late
    // to re-space the steps (the text would jump), so the layout keeps its first estimate.
    feeds.publish('probe', g, feeds.stableNow());
    pym.pull();
    relay.check();
    pym.watch();
  });

  const onResize = () => {
    probe?.resize();
    decider.evaluate();
  };
  win.addEventListener('resize', onResize);

  channel.post({ type: 'hello' });
  pym.pull();
  decider.evaluate();
  clock.later(handshakeMs + 50, decider.evaluate);

  return () => {
    win.removeEventListener('resize', onResize);
    clock.stop();
    channel.stop();
    sticky.stop();
    probe?.stop();
    heights.stop();
    store.useProvider(null);
  };
}
