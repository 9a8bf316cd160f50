/**
 * Decides, again and again, which context a framed story runs in (decideContext, from what the
 * feeds, the height reports and the frame's visibility say) and applies a new decision: the
 * layout's overflow and viewport units, the embed state, the scroll store's provider and scroll
 * function, the reader's place across a flip, and a fresh height report.
 */
import type { ScrollSourceName } from '../scroll/band.ts';
import { nativeProvider } from '../scroll/nativeProvider.ts';
import type { ScrollStore, ScrollToFn } from '../scroll/store.ts';
import type { AutoFeeds } from './autoFeeds.ts';
import { decideContext, pickAutoSource, type AutoSource, type ContextDecision } from './context.ts';
import type { EmbedStateStore } from './embedState.ts';
import type { FrameClock } from './frameClock.ts';
import { placeMark, restorePlace } from './framePlace.ts';
import { setGraphicPinned } from './graphicReport.ts';
import type { HeightReports } from './heightReports.ts';
import { measureDocumentHeight } from './heightReporter.ts';
import type { PymFeed } from './pymFeed.ts';
import type { RelayFeed } from './relayFeed.ts';

export interface DeciderInputs {
  win: Window;
  store: ScrollStore;
  state: EmbedStateStore;
  clock: FrameClock;
  feeds: AutoFeeds;
  heights: HeightReports;
  relay: RelayFeed;
  pym: PymFeed;
  /** Probe strips exist (IntersectionObserver): they can find the band, and say when we are on screen. */
  probing: boolean;
  scrollToFor: (source: ScrollSourceName) => ScrollToFn;
  /** Our URL says a sizing host made this frame. */
  hostExpected: boolean;
  /** How long to wait for a host to size us before settling on a fixed frame, from bootAt. */
  handshakeMs: number;
  bootAt: number;
  /** The reader's viewport height until the probe measures it. */
  readerHeightGuess: number;
}

export interface ContextDecider {
  /** Decides again from what is known now, and applies a new decision. */
  evaluate(): void;
  /** The probe sees the frame on screen (the first time after being off, decides again). */
  onScreen(): void;
  offScreen(): void;
  /** The probe measured the reader's viewport height (the frame clipped at both ends). */
  readerHeight(height: number): void;
}

export function createContextDecider(inputs: DeciderInputs): ContextDecider {
  const { win, store, state, clock, feeds, heights, relay, pym, probing, scrollToFor, hostExpected, handshakeMs, bootAt } = inputs;
  const root = win.document.documentElement;
  let current: ContextDecision | null = null;
  let providerKind: ScrollSourceName | null = null;
  /** The host's viewport height in our pixels, as far as anyone knows; for fixed frames. */
  let readerVh = inputs.readerHeightGuess;
  // Without IntersectionObserver nothing can say when we are on screen: assume we are.
  let frameVisible = !probing;
  /** A decision was made while the reader could see the frame: off-screen ones may not undo it. */
  let decidedOnScreen = false;
  let evaluating = false;

  const apply = (next: ContextDecision) => {
    if (current && next.context === current.context && next.source === current.source) return;
    const contextChanged = current?.context !== next.context;
    const mark = contextChanged && current && current.context !== 'auto' && next.context !== 'auto' ? placeMark(win) : null;
    current = next;
    if (frameVisible) decidedOnScreen = true;
    // The frame is sized to us: no scrollbar may ever appear (it would narrow the text, rewrap
    // it and change our height), and the reader's wheel must pass straight through to the host.
    if (next.context === 'auto') {
      root.style.setProperty('overflow', 'hidden');
      feeds.drive(next.source as AutoSource);
    } else {
      feeds.drive(null);
      root.style.removeProperty('overflow');
      // Only an auto frame can sit under the host's pinned graphic; anywhere else we draw our own.
      setGraphicPinned(win.document, false);
    }
    state.set(next);
    restorePlace(win, mark);
    if (next.source !== providerKind) {
      providerKind = next.source;
      store.useProvider(next.source === 'native' ? nativeProvider(win) : next.source === 'none' ? null : feeds.provider(next.source));
    }
    store.setScrollTo(scrollToFor(next.source));
    // The new layout lands after React's commit; measure it then, even if no frame is drawn.
    if (contextChanged) {
      queueMicrotask(() => heights.refresh());
      clock.later(60, () => heights.refresh());
    }
  };

  const evaluate = () => {
    if (evaluating) return;
    evaluating = true;
    // Whatever triggered this may have changed our height: the host hears it first.
    heights.refresh();
    evaluating = false;
    const frameHeight = win.innerHeight;
    const t = clock.now();
    const sizedByHost = heights.sizedByHost(frameHeight);
    // Off-screen, a cross-origin frame's size is not updated (nor are resize events sent), so a
    // mismatch there proves nothing: decide on geometry only once we have been on screen.
    const next = decideContext({
      isTop: false,
      frameHeight,
      docHeight: measureDocumentHeight(win.document),
      readerHeight: readerVh,
      resizeInFlight: heights.resizeInFlight(frameHeight, frameVisible, t),
      awaitingHost: !sizedByHost && !decidedOnScreen && (!frameVisible || t - bootAt < handshakeMs),
      hostExpected,
      autoSource: pickAutoSource({ relay: relay.usable, pym: pym.usable, probe: probing }),
    });
    // Decide the layout from what the reader can see: off screen, keep the layout they last saw
    // (a feed may still change underneath it).
    if (!frameVisible && decidedOnScreen && current && next.context !== current.context) return;
    apply(next);
  };

  return {
    evaluate,
    onScreen() {
      if (frameVisible) return;
      frameVisible = true;
      // Off-screen, the frame's size and our resize events lag (no rendering): now they are
      // current, so measure and decide again.
      evaluate();
    },
    offScreen() {
      frameVisible = false;
    },
    readerHeight(height) {
      if (Math.abs(height - readerVh) <= 2) return;
      readerVh = height;
      if (current?.context === 'fixed') evaluate();
    },
  };
}
