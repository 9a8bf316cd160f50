/**
 * The story engine: turns the scroll store's band into the active step (React state, changes
 * rarely) and the progress through it (a MotionValue, changes every frame). Step positions are
 * measured, cached and re-measured on resize, font load and layout change, never during a scroll.
 */
import { useMotionValue, type MotionValue } from 'framer-motion';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Band } from './band.ts';
import { emulatedStickyOffset } from './sticky.ts';
import { activeStepIndex, stepProgress, triggerLine } from './steps.ts';
import { scrollStore, type ScrollStore } from './store.ts';

/** Phones read with the card low on the screen, so the trigger sits lower there (as NYT does). */
export function triggerFraction(viewportWidth: number): number {
  return viewportWidth < 900 ? 0.7 : 0.5;
}

/** Where in a step a jump (deep link, step button) lands, as progress through the step. */
export const LANDING_PROGRESS = 0.12;

interface Geometry {
  stepTops: number[];
  stepHeights: number[];
  sectionTop: number;
  sectionHeight: number;
  /** Heights of the layers that stay in view (graphic, step control). */
  layerHeights: number[];
  viewportWidth: number;
}

function setRootProperty(root: HTMLElement, name: string, value: string): void {
  if (root.style.getPropertyValue(name) !== value) root.style.setProperty(name, value);
}

export interface StoryEngine {
  activeIndex: number;
  /** Progress through the active step, 0..1. */
  progress: MotionValue<number>;
  /** Progress through the whole story, 0..1, for the progress bar. */
  storyProgress: MotionValue<number>;
  /** The document y that makes step i the active one, for the step-through control and deep links. */
  scrollTargetFor(index: number): number | null;
}

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

function measure(section: HTMLElement, layers: (HTMLElement | null)[]): Geometry {
  // Document coordinates: in an auto-height iframe scrollY is always 0, so this holds there too.
  const scrollY = window.scrollY;
  const steps = [...section.querySelectorAll<HTMLElement>('[data-step]')];
  const rects = steps.map((el) => el.getBoundingClientRect());
  const sectionRect = section.getBoundingClientRect();
  return {
    stepTops: rects.map((r) => r.top + scrollY),
    stepHeights: rects.map((r) => r.height),
    sectionTop: sectionRect.top + scrollY,
    sectionHeight: sectionRect.height,
    layerHeights: layers.map((layer) => layer?.getBoundingClientRect().height ?? 0),
    viewportWidth: document.documentElement.clientWidth,
  };
}

export function useStoryEngine(
  /** The story section holding the [data-step] elements (static HTML, so found, not referenced). */
  findSection: () => HTMLElement | null,
  /** Layers that must stay in the reader's viewport: CSS sticky, or emulated when emulateSticky. */
  layerRefs: readonly RefObject<HTMLElement | null>[],
  emulateSticky: boolean,
  store: ScrollStore = scrollStore,
): StoryEngine {
  const [activeIndex, setActiveIndex] = useState(-1);
  const progress = useMotionValue(0);
  const storyProgress = useMotionValue(0);
  const geometry = useRef<Geometry | null>(null);
  const lastBand = useRef<Band | null>(null);
  const emulate = useRef(emulateSticky);

  const update = useCallback(
    (band: Band) => {
      lastBand.current = band;
      const g = geometry.current;
      if (!g || g.stepTops.length === 0) return;
      const root = document.documentElement;
      // Writing a style invalidates layout, and the next read would force it mid-frame: write only on change.
      setRootProperty(root, '--reader-vh', `${band.viewportHeight / 100}px`);
      setRootProperty(root, '--stable-vh', `${band.stableViewportHeight / 100}px`);
      const trigger = triggerLine(band.viewportTop, band.viewportHeight, triggerFraction(g.viewportWidth));
      const index = activeStepIndex(trigger, g.stepTops);
      setActiveIndex(index);
      progress.set(index < 0 ? 0 : stepProgress(trigger, g.stepTops[index], g.stepHeights[index]));
      const first = g.stepTops[0];
      const last = g.stepTops[g.stepTops.length - 1] + g.stepHeights[g.stepHeights.length - 1];
      storyProgress.set(stepProgress(trigger, first, last - first));
      layerRefs.forEach((ref, i) => {
        const layer = ref.current;
        if (!layer) return;
        const offset = emulate.current
          ? emulatedStickyOffset({
              viewportTop: band.viewportTop + (band.lead ?? 0),
              viewportHeight: band.viewportHeight,
              sectionTop: g.sectionTop,
              sectionHeight: g.sectionHeight,
              graphicHeight: g.layerHeights[i],
              mode: 'top',
            })
          : 0;
        layer.style.transform = offset ? `translate3d(0, ${offset}px, 0)` : '';
      });
    },
    [layerRefs, progress, storyProgress],
  );

  useIsomorphicLayoutEffect(() => {
    const section = findSection();
    if (!section) return;
    const remeasure = () => {
      geometry.current = measure(
        section,
        layerRefs.map((ref) => ref.current),
      );
      if (lastBand.current) update(lastBand.current);
    };
    remeasure();
    const observer = new ResizeObserver(remeasure);
    observer.observe(section);
    void document.fonts?.ready.then(remeasure);
    window.addEventListener('load', remeasure);
    const unsubscribe = store.subscribe(update);
    return () => {
      observer.disconnect();
      window.removeEventListener('load', remeasure);
      unsubscribe();
    };
  }, [findSection, layerRefs, store, update]);

  // Switching between native sticky and emulation changes where the graphic sits: re-apply.
  useEffect(() => {
    emulate.current = emulateSticky;
    if (lastBand.current) update(lastBand.current);
  }, [emulateSticky, update]);

  const scrollTargetFor = useCallback((index: number) => {
    const g = geometry.current;
    const band = lastBand.current;
    if (!g || index < 0 || index >= g.stepTops.length) return null;
    const height = band?.viewportHeight ?? window.innerHeight;
    // Land with the trigger line a third of the way into the step: that step (and no other) is active,
    // and scroll-linked parts of its graphic (growing bars) are complete.
    const into = Math.min(g.stepHeights[index] * LANDING_PROGRESS, g.stepHeights[index] - 1);
    return Math.max(0, g.stepTops[index] + into - height * triggerFraction(g.viewportWidth));
  }, []);

  return { activeIndex, progress, storyProgress, scrollTargetFor };
}
