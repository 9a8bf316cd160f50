import { useReducedMotion } from 'framer-motion';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import steps from 'virtual:story-outline';
import { embedState } from '../embed/embedState.ts';
import { LiveGraphic } from '../graphics/LiveGraphic.tsx';
import { scrollStore } from '../scroll/store.ts';
import { useStoryEngine } from '../scroll/useStoryEngine.ts';
import { StepNav } from './StepNav.tsx';

const titles = steps.map((s) => s.title);
const serverEmbedState = () => embedState.get();
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
  const engine = useStoryEngine(findSection, layers, context === 'auto');
  const { activeIndex, scrollTargetFor } = engine;
  const reducedMotion = useReducedMotion();
  const shown = steps[Math.max(0, activeIndex)];

  const goTo = useCallback(
    (index: number) => {
      const y = scrollTargetFor(index);
      if (y !== null) scrollStore.scrollTo(y, !reducedMotion);
    },
    [scrollTargetFor, reducedMotion],
  );

  // The steps are static HTML, so their active marks are written here, not rendered.
  useEffect(() => {
    const section = findSection();
    if (!section) return;
    section.dataset.activeStep = activeIndex >= 0 ? steps[activeIndex].id : '';
    section.querySelectorAll<HTMLElement>('[data-step]').forEach((el, i) => {
      if (i === activeIndex) el.setAttribute('aria-current', 'step');
      else el.removeAttribute('aria-current');
    });
  }, [activeIndex]);

  // Deep link: open at the step named in the hash, with the trigger line inside it.
  useEffect(() => {
    const index = stepIndexFromHash(window.location.hash);
    if (index < 0) return;
    const jump = () => {
      const y = scrollTargetFor(index);
      if (y !== null) scrollStore.scrollTo(y, false);
    };
    jump();
    // Fonts can reflow the text after the first jump; land again once they are in.
    void document.fonts?.ready.then(jump);
  }, [scrollTargetFor]);

  // Keep the address current without adding history entries: Back leaves the page.
  useEffect(() => {
    if (context !== 'top') return;
    const url = new URL(window.location.href);
    const hash = activeIndex >= 0 ? `#${steps[activeIndex].id}` : '';
    if (url.hash === hash || (activeIndex < 0 && stepIndexFromHash(url.hash) < 0)) return;
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${hash}`);
  }, [activeIndex, context]);

  return (
    <>
      <div className="nav-layer" ref={navRef}>
        <StepNav activeIndex={activeIndex} titles={titles} storyProgress={engine.storyProgress} onGo={goTo} />
      </div>
      <div className="graphic-layer" ref={graphicRef}>
        <div className="graphic-frame" data-graphic data-graphic-state={shown.graphic} aria-hidden="true">
          <LiveGraphic stateId={shown.graphic} progress={engine.progress} />
        </div>
      </div>
    </>
  );
}
