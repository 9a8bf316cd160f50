/**
 * Decides the context the story runs in and feeds the scroll store from the right source:
 * - top-level page, or a frame that scrolls and is tall enough: native scroll, CSS sticky;
 * - a frame the host sizes to our height (it never scrolls): the band comes from our host script,
 *   else from a Pym parent, else from probe strips; the story engine moves the graphic;
 * - a frame too short to read in, or no way to know the band: the stacked (no-JS) layout.
 * Re-decided on every resize and whenever a feed appears or goes quiet.
 */
import type { Band, BandProvider, ScrollSourceName } from '../scroll/band.ts';
import { nativeProvider } from '../scroll/nativeProvider.ts';
import type { ScrollStore, ScrollToFn } from '../scroll/store.ts';
import {
  autoStableHeight,
  bandFromProbe,
  bandFromPym,
  bandFromRelay,
  feedAgreesWithProbe,
  hostScale,
  relayLead,
  type BandGeometry,
  type ProbeReading,
} from './bands.ts';
import { openChildChannel } from './channel.ts';
import { decideContext, pickAutoSource, type AutoSource, type ContextDecision } from './context.ts';
import type { EmbedStateStore } from './embedState.ts';
import { isTopLevel, startTopLevel } from './topLevel.ts';
import { setGraphicPinned, startGraphicReport } from './graphicReport.ts';
import { measureDocumentHeight, startHeightReporter } from './heightReporter.ts';
import { startProbe } from './probe.ts';
import { parseEmbedParams, type HostMessage, type PymMessage } from './protocol.ts';
import { sharedProgress } from './sharedProgress.ts';

/**
 * A feed whose positions disagree with what the probe strips see for this long is demoted. Silence
 * alone proves nothing: after an instant jump (an anchor link, scroll restoration) a healthy host
 * script has nothing more to say.
 */
const QUIET_MS = 1000;
/**
 * How far past a relay message's age to look ahead with its speed: about the frame the story
 * still needs to draw, plus the frame the host's compositor scrolls ahead of its main thread.
 * Tuned with npm run bench (scripts/bench/embedLag.mjs).
 */
const RELAY_LEAD_MS = 24;
/** How long a reported height may take to be applied before the mismatch counts as "fixed". */
const IN_FLIGHT_MS = 1500;
/** How long to wait for a host to size us before settling on a fixed frame. */
const HANDSHAKE_EXPECTED_MS = 1500;
const HANDSHAKE_BARE_MS = 400;
/** A Pym position request with no answer after this is retried. */
const PULL_TIMEOUT_MS = 500;

export function startEmbedRuntime(store: ScrollStore, state: EmbedStateStore): () => void {
  if (typeof window === 'undefined') return () => {};
  if (isTopLevel()) return startTopLevel(store, state);
  return startFramed(window, store, state);
}

/** Until a feed measures the reader's viewport, the screen is the best guess at its height. */
function guessViewportHeight(win: Window): number {
  const h = win.screen?.availHeight;
  return typeof h === 'number' && h >= 320 && h <= 2000 ? h : 700;
}

function startFramed(win: Window, store: ScrollStore, state: EmbedStateStore): () => void {
  const doc = win.document;
  const root = doc.documentElement;
  const now = () => win.performance.now();
  const params = parseEmbedParams(win.location.search);
  const bootAt = now();
  const hostExpected = params.embedId !== '' || params.pymId !== null;
  const handshakeMs = hostExpected ? HANDSHAKE_EXPECTED_MS : HANDSHAKE_BARE_MS;
  const timers = new Set<number>();
  const later = (ms: number, fn: () => void) => {
    const t = win.setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const docHeight = () => measureDocumentHeight(doc);

  let current: ContextDecision | null = null;
  let providerKind: ScrollSourceName | null = null;

  // ------------------------------------------------------------------ the three auto-height feeds
  const latest: Record<AutoSource, Band | null> = { relay: null, pym: null, probe: null };
  const listeners: Record<AutoSource, Set<(band: Band) => void>> = { relay: new Set(), pym: new Set(), probe: new Set() };
  const stable = autoStableHeight();
  let knownVh = guessViewportHeight(win);
  let knownVhMeasured = false;
  const stableNow = () => stable(win.innerWidth, knownVh, knownVhMeasured);

  /**
   * The layout's viewport units, written as soon as a feed knows them. The story engine writes
   * the same values on its next animation frame, but an off-screen frame gets none, and the
   * height we report must already be the final one.
   */
  let vars = '';
  const writeViewportVars = (viewportHeight: number, stableHeight: number) => {
    const next = `${viewportHeight}/${stableHeight}`;
    if (next === vars) return;
    vars = next;
    root.style.setProperty('--reader-vh', `${viewportHeight / 100}px`);
    root.style.setProperty('--stable-vh', `${stableHeight / 100}px`);
  };

  const publish = (source: AutoSource, g: BandGeometry, stableHeight: number, lead = 0) => {
    const band: Band = {
      viewportTop: g.viewportTop + win.scrollY,
      viewportHeight: g.viewportHeight,
      stableViewportHeight: stableHeight,
      source,
      ...(lead ? { lead } : {}),
    };
    latest[source] = band;
    if (current?.context === 'auto' && current.source === source) writeViewportVars(band.viewportHeight, band.stableViewportHeight);
    for (const l of listeners[source]) l(band);
  };
  const feedProvider = (source: AutoSource): BandProvider => ({
    name: source,
    start(push) {
      const band = latest[source];
      if (band) push(band);
      listeners[source].add(push);
      return () => listeners[source].delete(push);
    },
  });

  const relay = {
    hello: false,
    /** Positions have arrived: a hello alone (forgeable, and a relay that never speaks) is not enough. */
    live: false,
    demoted: false,
    /** The reader's viewport relative to our document's top, by the relay's last numbers. */
    view: null as { top: number; bottom: number; tolerance: number } | null,
    disagreeSince: null as number | null,
  };
  const epochNow = () => win.performance.timeOrigin + win.performance.now();
  /** The host's viewport height in our pixels, as far as anyone knows; for fixed frames. */
  let readerVh = guessViewportHeight(win);
  const pym = { answered: false, demoted: false, lastAt: -Infinity, pullAt: -Infinity, pullAgain: false };
  let frameVisible = false;
  let healthCheckDue = false;

  /** A height from the host's own numbers may re-space the layout once; the probe's may not. */
  const measured = (vh: number, fromHost: boolean) => {
    knownVh = vh;
    if (fromHost) knownVhMeasured = true;
  };

  /** Demotes the relay only on evidence: its positions and the probe's disagree for a while. */
  const checkRelay = () => {
    const r = probe?.reading() ?? null;
    if (!relay.live || !relay.view || !r) {
      relay.disagreeSince = null;
      return;
    }
    if (feedAgreesWithProbe(relay.view, r, relay.view.tolerance)) {
      relay.disagreeSince = null;
      if (relay.demoted) {
        relay.demoted = false;
        evaluate();
      }
      return;
    }
    if (relay.demoted) return;
    const t = now();
    if (relay.disagreeSince === null) {
      relay.disagreeSince = t;
      later(QUIET_MS + 20, checkRelay);
    } else if (t - relay.disagreeSince >= QUIET_MS) {
      relay.demoted = true;
      evaluate();
    }
  };

  const onHost = (m: HostMessage) => {
    const first = !relay.hello;
    relay.hello = true;
    // Answer the host's first hello: if our boot hello got lost (the host script loaded after
    // us), this one tells it we are listening. Each side answers at most once: no ping-pong.
    if (m.type === 'hello' && first) channel.post({ type: 'hello' });
    if (m.type === 'hello') {
      // A host that (re)starts wants the geometry and step it has not heard yet.
      graphicReport?.refresh();
      stepDue = true;
      sendStep();
    }
    // Sticky mode: the host's graphic frame has drawn over our graphic's space (or is gone).
    if (m.type === 'pin') setGraphicPinned(doc, m.on);
    if (m.type === 'viewport') {
      // Positions come in the host's pixels; a zoomed or scaled host page makes them differ from ours.
      const scale = hostScale(m.width, m.frameWidth ?? m.width);
      const age = m.t ? Math.max(0, epochNow() - m.t) : 0;
      const g = bandFromRelay(m, scale);
      relay.view = { top: -m.top / scale, bottom: (m.vh - m.top) / scale, tolerance: 48 + m.insetTop / scale };
      measured(g.viewportHeight, true);
      publish('relay', g, stable(win.innerWidth, (Math.max(m.lvh, m.vh) - m.insetTop) / scale, true), relayLead(m, scale, age + RELAY_LEAD_MS));
      const wasLive = relay.live;
      relay.live = true;
      checkRelay();
      if (!wasLive) evaluate();
    }
    if (first) evaluate();
  };

  const onPym = (m: PymMessage) => {
    if (m.type === 'width') {
      reporter.refresh();
      return;
    }
    pym.lastAt = now();
    pym.pullAt = -Infinity;
    const scale = hostScale(m.right - m.left, win.innerWidth);
    const g = bandFromPym(m, scale);
    measured(g.viewportHeight, true);
    publish('pym', g, stable(win.innerWidth, m.vh / scale, true));
    if (!pym.answered || pym.demoted) {
      pym.answered = true;
      pym.demoted = false;
      evaluate();
    }
    if (pym.pullAgain) {
      pym.pullAgain = false;
      pullPym();
    }
  };

  const channel = openChildChannel(win, params, { host: onHost, pym: onPym });

  // ------------------------------------------------------------------ embed.js sticky mode
  // Only our own host script pins a graphic frame over ours; it needs the section's geometry and
  // the active step (which it relays to that frame), nothing else.
  const graphicReport = params.embedId !== '' ? startGraphicReport(win, (g) => channel.post({ type: 'graphic', ...g })) : null;
  let stepDue = false;
  let stepFrame = 0;
  function sendStep() {
    stepFrame = 0;
    if (!stepDue || !relay.hello) return;
    stepDue = false;
    const { index, progress } = sharedProgress.get();
    channel.post({ type: 'step', index, progress: Math.round(progress * 1000) / 1000 });
  }
  // At most once per animation frame: the graphic frame is a frame behind at worst, never swamped.
  const stopStep =
    params.embedId !== ''
      ? sharedProgress.subscribe(() => {
          stepDue = true;
          if (!stepFrame) stepFrame = win.requestAnimationFrame(sendStep);
        })
      : () => {};

  /**
   * A Pym parent without trackscroll answers parentPositionInfo on request only; asking whenever
   * the probe sees movement gives exact positions at the probe's granularity.
   */
  const pullPym = () => {
    if (params.pymId === null || relay.live) return;
    if (now() - pym.pullAt < PULL_TIMEOUT_MS) {
      pym.pullAgain = true;
      return;
    }
    pym.pullAt = now();
    channel.postPym('parentPositionInfo');
  };

  /** Pym is asked for a position whenever the probe sees movement: no answer in a second is evidence. */
  const checkPym = (since: number) => {
    healthCheckDue = false;
    if (pym.answered && !pym.demoted && pym.lastAt < since) {
      pym.demoted = true;
      evaluate();
    }
  };

  const onProbe = (r: ProbeReading | null) => {
    if (!r) {
      frameVisible = false;
      return;
    }
    if (!frameVisible) {
      frameVisible = true;
      // Off-screen, the frame's size and our resize events lag (no rendering): now they are
      // current, so measure and decide again.
      evaluate();
    }
    const g = bandFromProbe(r, knownVh);
    // Clipped at both ends, the frame shows exactly the reader's viewport height.
    if (g.measured && Math.abs(g.viewportHeight - readerVh) > 2) {
      readerVh = g.viewportHeight;
      if (current?.context === 'fixed') evaluate();
    }
    // Only an auto-height frame maps strip rects to the band; elsewhere the reading is noise.
    if (g.measured && win.scrollY === 0 && win.innerHeight >= docHeight() - 2) measured(g.viewportHeight, false);
    // The probe measures the reader's viewport only once the story fills it, mid-read: too late
    // to re-space the steps (the text would jump), so the layout keeps its first estimate.
    publish('probe', g, stableNow());
    pullPym();
    checkRelay();
    if (!healthCheckDue && pym.answered && !relay.live) {
      healthCheckDue = true;
      const since = now();
      later(QUIET_MS, () => checkPym(since));
    }
  };

  const probe = startProbe(win, onProbe);
  // Without IntersectionObserver nothing can say when we are on screen: assume we are.
  if (!probe) frameVisible = true;

  // ------------------------------------------------------------------ context
  const recentReports: number[] = [];
  let reportedAt = -Infinity;
  let sizedByHost = false;

  const scrollAnchor = (y: number, smooth: boolean) => {
    const anchor = doc.createElement('div');
    anchor.setAttribute('aria-hidden', 'true');
    anchor.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;pointer-events:none;opacity:0';
    doc.body.appendChild(anchor);
    // The anchor's containing block may not start at the document's top (a positioned body).
    const offset = anchor.getBoundingClientRect().top + win.scrollY;
    const target = Math.min(Math.max(0, y), Math.max(0, docHeight() - 1));
    anchor.style.top = `${target - offset}px`;
    // Chromium carries scrollIntoView from a cross-origin frame up to the host's scroller.
    anchor.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    anchor.remove();
  };

  /**
   * A frame that scrolls inside: first bring the focused control (the step buttons, which stay at
   * the frame's top) onto the reader's screen, which scrolls the host if need be, then scroll.
   */
  const scrollInside: ScrollToFn = (y, smooth) => {
    const focused = doc.activeElement;
    if (focused instanceof HTMLElement && focused !== doc.body) focused.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    win.scrollTo({ top: y, behavior: smooth ? 'smooth' : 'auto' });
  };

  const scrollToFor = (source: ScrollSourceName): ScrollToFn => {
    if (source === 'relay') return (y, smooth) => channel.post({ type: 'scrollTo', y, smooth });
    if (source === 'native') return scrollInside;
    // Pym's scrollToChildPos calls window.scrollTo, which does nothing where an app shell's <main>
    // or body scrolls; the browser's own scrollIntoView finds whatever scrolls the frame.
    return scrollAnchor;
  };

  /**
   * The reader's place in a frame that scrolls inside: the last step or block whose top is above
   * the frame's top, and how far above. A layout flip moves everything; this puts it back.
   */
  const placeMark = () => {
    if (win.scrollY <= 0) return null;
    let mark: { el: Element; top: number } | null = null;
    for (const el of doc.querySelectorAll('[data-step], main > *, body > * > section')) {
      const top = el.getBoundingClientRect().top;
      if (top <= 0 && (!mark || top >= mark.top)) mark = { el, top };
    }
    return mark;
  };
  const restorePlace = (mark: { el: Element; top: number } | null) => {
    if (!mark) return;
    const back = () => win.scrollTo({ top: win.scrollY + mark.el.getBoundingClientRect().top - mark.top, behavior: 'instant' });
    back();
    win.requestAnimationFrame(back);
  };

  const apply = (next: ContextDecision) => {
    if (current && next.context === current.context && next.source === current.source) return;
    const contextChanged = current?.context !== next.context;
    const mark = contextChanged && current && current.context !== 'auto' && next.context !== 'auto' ? placeMark() : null;
    current = next;
    if (frameVisible) decidedOnScreen = true;
    // The frame is sized to us: no scrollbar may ever appear (it would narrow the text, rewrap
    // it and change our height), and the reader's wheel must pass straight through to the host.
    if (next.context === 'auto') {
      root.style.setProperty('overflow', 'hidden');
      const band = latest[next.source as AutoSource];
      if (band) writeViewportVars(band.viewportHeight, band.stableViewportHeight);
      else writeViewportVars(knownVh, stableNow());
    } else {
      root.style.removeProperty('overflow');
      // Only an auto frame can sit under the host's pinned graphic; anywhere else we draw our own.
      setGraphicPinned(doc, false);
    }
    state.set(next);
    restorePlace(mark);
    if (next.source !== providerKind) {
      providerKind = next.source;
      store.useProvider(next.source === 'native' ? nativeProvider(win) : next.source === 'none' ? null : feedProvider(next.source));
    }
    store.setScrollTo(scrollToFor(next.source));
    // The new layout lands after React's commit; measure it then, even if no frame is drawn.
    if (contextChanged) {
      queueMicrotask(() => reporter.refresh());
      later(60, () => reporter.refresh());
    }
  };

  let evaluating = false;
  /** A decision was made while the reader could see the frame: off-screen ones may not undo it. */
  let decidedOnScreen = false;
  function evaluate() {
    if (evaluating) return;
    evaluating = true;
    // Whatever triggered this may have changed our height: the host hears it first.
    reporter.refresh();
    evaluating = false;
    const frameHeight = win.innerHeight;
    const t = now();
    if (recentReports.some((h) => Math.abs(h - frameHeight) <= 2)) sizedByHost = true;
    const pending = recentReports.length ? recentReports[recentReports.length - 1] : null;
    // Off-screen, a cross-origin frame's size is not updated (nor are resize events sent), so a
    // mismatch there proves nothing: decide on geometry only once we have been on screen.
    const next = decideContext({
      isTop: false,
      frameHeight,
      docHeight: docHeight(),
      readerHeight: readerVh,
      resizeInFlight: sizedByHost && pending !== null && Math.abs(frameHeight - pending) > 2 && (!frameVisible || t - reportedAt < IN_FLIGHT_MS),
      awaitingHost: !sizedByHost && !decidedOnScreen && (!frameVisible || t - bootAt < handshakeMs),
      hostExpected,
      autoSource: pickAutoSource({
        relay: relay.live && !relay.demoted,
        pym: pym.answered && !pym.demoted,
        probe: probe !== null,
      }),
    });
    // Decide the layout from what the reader can see: off screen, keep the layout they last saw
    // (a feed may still change underneath it).
    if (!frameVisible && decidedOnScreen && current && next.context !== current.context) return;
    apply(next);
  }

  // ------------------------------------------------------------------ height reports
  const reporter = startHeightReporter(win, (height) => {
    channel.post({ type: 'height', height });
    channel.postPym('height', String(height));
    channel.postAmpHeight(height);
    channel.postDatawrapperHeight(height);
    recentReports.push(height);
    if (recentReports.length > 3) recentReports.shift();
    reportedAt = now();
    later(IN_FLIGHT_MS + 50, evaluate);
    queueMicrotask(evaluate);
  });

  const onResize = () => {
    probe?.resize();
    evaluate();
  };
  win.addEventListener('resize', onResize);

  channel.post({ type: 'hello' });
  pullPym();
  evaluate();
  later(handshakeMs + 50, evaluate);

  return () => {
    win.removeEventListener('resize', onResize);
    for (const t of timers) win.clearTimeout(t);
    channel.stop();
    graphicReport?.stop();
    stopStep();
    if (stepFrame) win.cancelAnimationFrame(stepFrame);
    probe?.stop();
    reporter.stop();
    store.useProvider(null);
  };
}
