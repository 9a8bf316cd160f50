import { useMotionValue, useReducedMotion } from 'framer-motion';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import steps from 'virtual:story-outline';
import { embedState } from '../../kit/embed/embedState.ts';
import { graphicPinned, layerPinned, sharedProgress } from '../../kit/embed/sharedProgress.ts';
import { atIdle } from '../../kit/graphics/idle.ts';
import { followsProgressIn, GRAPHICS } from '../data/graphicStates.ts';
import { LiveGraphic } from '../graphics/LiveGraphic.tsx';
import { flingWatch } from '../../kit/scroll/fling.ts';
import { scrollStore } from '../../kit/scroll/store.ts';
import { useStoryEngine } from '../../kit/scroll/useStoryEngine.ts';
import { StepNav } from './StepNav.tsx';

const titles = steps.map((s) => s.title);
const EMPTY = { __html: '' };
const serverEmbedState = () => embedState.get();
const notPinned = () => false;
const notFlinging = () => false;
const findSection = () => document.querySelector<HTMLElement>('.scrolly');

/** Only a known step id counts; any other hash (or garbage) is ignored. */
export function stepIndexFromHash(hash: string): number {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return -1;
  }
  return steps.findIndex((s) => s.id === id);
}

/**
 * The interactive part of the story (a React island): the graphic showing the active step's state
 * and the step-through control. The steps' text is static HTML, so the browser's JavaScript carries
 * none of the copy; the engine measures those static steps and marks the active one.
 */
export function StoryChrome() {
  const graphicRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLDivElement>(null);
  const layers = useMemo(() => [graphicRef, navRef], []);
  const { context } = useSyncExternalStore(embedState.subscribe, embedState.get, serverEmbedState);
  const previewRef = useRef<HTMLDivElement>(null);
  const engine = useStoryEngine(findSection, layers, context === 'auto');
  const { activeIndex, pastEnd, scrollTargetFor, activeNow, jumpTo } = engine;
  const reducedMotion = useReducedMotion();
  // The step's marks and control change at once; the graphic (its render can take a frame's budget on
  // a slow phone) follows in a background render that a scroll may interrupt. Its state attribute is
  // rendered with it, so the attribute never names a state the graphic is not showing.
  const deferredIndex = useDeferredValue(activeIndex);
  // A step button is the exception: the reader asked for that step, and the paint after the press
  // shows it, graphic included (issue #17's interaction to next paint). Until the background render
  // has caught up with it, the pressed step's graphic is drawn in the urgent render, never the old one.
  const [pressed, setPressed] = useState<number | null>(null);
  if (pressed !== null && deferredIndex === pressed) setPressed(null);
  // While the reader flings (kit/scroll/fling.ts), the graphic holds its state and draws the step
  // they land on when the scroll slows, not each step flung past.
  const flinging = useSyncExternalStore(flingWatch.subscribe, flingWatch.get, notFlinging);
  // The graphic lets go in the background render too: the store's change is rendered at once (sync),
  // and the landing step's graphic drawn in that urgent render was a 50-90 ms task at 4x CPU when the
  // settle timer fired (issue #17's fling trace); deferred, React renders it in slices.
  const graphicHeld = useDeferredValue(flinging);
  const [heldIndex, setHeldIndex] = useState(deferredIndex);
  if (!graphicHeld && heldIndex !== deferredIndex) setHeldIndex(deferredIndex);
  // The step held for a graphic drawn outside this frame (below) comes from the urgent render, as
  // that graphic's step does. The background render's held step lags the scroll on a slow phone:
  // holding that one sent embed.js's graphic frame back and forth (2, 1, 2, 1) while the reader
  // scrolled on down, a whole new chart each time (the embed lag bench's touch flings at 4x CPU).
  const [relayHeld, setRelayHeld] = useState(activeIndex);
  if (!flinging && relayHeld !== activeIndex) setRelayHeld(activeIndex);
  const graphicIndex = pressed === activeIndex ? activeIndex : graphicHeld ? heldIndex : deferredIndex;
  const shown = steps[Math.max(0, graphicIndex)];
  // Under embed.js's graphic frame (sticky mode) our graphic is hidden: it keeps the state it had
  // and stops following the progress, so a step change is drawn once, not twice, on a main thread
  // that the host page and its frames often share (one process for same-site frames, and on most
  // phones). When the graphic frame goes, ours catches up from where the reader is.
  const pinned = useSyncExternalStore(graphicPinned.subscribe, graphicPinned.get, notPinned);
  // Pinned as a layer, that frame draws our band and our control's copy too: our graphic layer is
  // unseen, so the engine leaves it where it is (data-held) rather than move it on every frame (a
  // quarter to a half of the story frames' long frames at 4x CPU in the embed lag bench). The control still
  // moves: clicks on the copy and keyboard focus need it under the copy; its bar stands still. Let
  // go, the layer is put back where the reader is at once, and the bar too.
  const heldLayer = useSyncExternalStore(layerPinned.subscribe, layerPinned.get, notPinned);
  const { reapply } = engine;
  useLayoutEffect(() => {
    if (!heldLayer) reapply();
  }, [heldLayer, reapply]);
  const [drawnState, setDrawnState] = useState(shown.graphic);
  if (!pinned && drawnState !== shown.graphic) setDrawnState(shown.graphic);
  const graphicProgress = useMotionValue(engine.progress.get());
  useEffect(() => {
    if (pinned || flinging) return;
    graphicProgress.set(engine.progress.get());
    return engine.progress.on('change', (p) => graphicProgress.set(p));
  }, [pinned, flinging, engine.progress, graphicProgress]);

  const goTo = useCallback(
    (index: number) => {
      setPressed(index);
      jumpTo(index, !reducedMotion);
    },
    [jumpTo, reducedMotion],
  );

  // The steps are static HTML, so their active marks are written here, not rendered: in the same
  // commit as the graphic's state (a layout effect), so no frame shows one without the other. The
  // steps are found once, and only the mark that moves is written: searching the section (every
  // step's static graphic included) and writing all twelve was part of each step change's commit.
  const stepElements = useRef<HTMLElement[] | null>(null);
  const markedStep = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const section = findSection();
    if (!section) return;
    section.dataset.activeStep = activeIndex >= 0 ? steps[activeIndex].id : '';
    if (!stepElements.current?.[0]?.isConnected) stepElements.current = [...section.querySelectorAll<HTMLElement>('[data-step]')];
    const active = stepElements.current[activeIndex] ?? null;
    if (markedStep.current === active) return;
    markedStep.current?.removeAttribute('aria-current');
    active?.setAttribute('aria-current', 'step');
    markedStep.current = active;
  }, [activeIndex]);

  // The step, for a graphic drawn outside this frame (embed.js sticky mode), and the progress through
  // it only if that step's graphic draws it: each change is a message through the host page, whose
  // main thread is busiest exactly while the reader scrolls.
  // While the reader flings, that graphic holds its state too.
  const relayIndex = flinging && pressed !== activeIndex ? relayHeld : activeIndex;
  const relayProgress = relayIndex >= 0 && !flinging && followsProgressIn(GRAPHICS, steps[relayIndex].graphic);
  useEffect(() => {
    if (!relayProgress) {
      sharedProgress.set(relayIndex, 0);
      return;
    }
    sharedProgress.set(relayIndex, engine.progress.get());
    return engine.progress.on('change', (p) => sharedProgress.set(relayIndex, p));
  }, [relayIndex, engine.progress, relayProgress]);

  // The step control's bar, for the copy embed.js's graphic frame draws (sticky mode; only in a frame
  // that follows a host: a top-level page has no one to tell).
  useEffect(() => {
    if (context !== 'auto') return;
    sharedProgress.setStory(engine.storyProgress.get());
    return engine.storyProgress.on('change', (v) => sharedProgress.setStory(v));
  }, [context, engine.storyProgress]);

  // Deep link: the browser has already scrolled to the step (its scroll-margin puts it in the
  // reading area). Move only if that did not make it the active step (e.g. inside a frame), so the
  // page settles in at most one move.
  useEffect(() => {
    const index = stepIndexFromHash(window.location.hash);
    if (index < 0) return;
    const land = () => {
      if (activeNow() === index) return;
      const y = scrollTargetFor(index);
      if (y !== null) scrollStore.scrollTo(y, false);
    };
    land();
    void document.fonts?.ready.then(land);
  }, [scrollTargetFor, activeNow]);

  // Until the live graphic shows the active step's state, the boot script's static copy of the
  // deep-linked step's graphic stands in (see index.html); then hand over, once.
  useEffect(() => {
    const root = document.documentElement;
    const frame = graphicRef.current?.querySelector<HTMLElement>('[data-graphic]');
    if (!('deepLink' in root.dataset) || !frame || activeIndex < 0) return;
    const expected = steps[activeIndex].graphic;
    const handOver = () => {
      if (frame.dataset.graphicState !== expected || !frame.querySelector('svg')) return false;
      delete root.dataset.deepLink;
      previewRef.current?.replaceChildren();
      previewRef.current?.removeAttribute('data-graphic-state');
      return true;
    };
    if (handOver()) return;
    // The graphic's code may still be arriving: hand over when its SVG is in.
    const observer = new MutationObserver(() => handOver() && observer.disconnect());
    observer.observe(frame, { childList: true, subtree: true });
    return () => observer.disconnect();
    // graphicIndex: the graphic follows the active step a render later; check again when it does.
  }, [activeIndex, graphicIndex]);

  // Keep the address current without adding history entries: Back leaves the page. The hash names
  // a step only while the reader is in the story: above it or past its end (in the appendix) a
  // step's hash is cleared, so a reload there does not jump back into the story.
  // At idle: history.replaceState took 10–30 ms of main thread at 4x CPU slowdown, inside the step
  // change's long frame (scroll trace); a later step change cancels a pending one.
  useEffect(() => {
    if (context !== 'top') return;
    const inStory = activeIndex >= 0 && !pastEnd;
    const hash = inStory ? `#${steps[activeIndex].id}` : '';
    return atIdle(() => {
      const url = new URL(window.location.href);
      if (url.hash === hash || (!inStory && stepIndexFromHash(url.hash) < 0)) return;
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${hash}`);
    });
  }, [activeIndex, pastEnd, context]);

  return (
    <>
      <div className="nav-layer" ref={navRef}>
        <StepNav activeIndex={activeIndex} titles={titles} storyProgress={engine.storyProgress} onGo={goTo} unseen={heldLayer} />
      </div>
      <div className="graphic-layer" ref={graphicRef} data-held={heldLayer ? '' : undefined}>
        <div className="graphic-frame" data-graphic data-graphic-state={shown.graphic} aria-hidden="true">
          <LiveGraphic stateId={drawnState} progress={graphicProgress} prerendered />
        </div>
        {/* Filled before hydration by the boot script on a deep link; React never renders into it. */}
        <div className="graphic-preview" data-graphic-preview="" ref={previewRef} aria-hidden="true" dangerouslySetInnerHTML={EMPTY} suppressHydrationWarning />
      </div>
    </>
  );
}
