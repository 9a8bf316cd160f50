/**
 * The story engine: turns the scroll store's band into the active step (React state, changes
 * rarely) and the progress through it (a MotionValue, changes every frame). Step and text positions
 * are measured, cached and re-measured on resize, font load and layout change, never during a
 * scroll. It also chooses the layout (graphic band on top, or side by side) and keeps the reader's
 * place when the layout changes.
 */
import { useMotionValue, type MotionValue } from 'framer-motion';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Band } from './band.ts';
import { followJump, JUMP_STALL_MS, startJump, type Jump } from './jump.ts';
import { chooseLayout, landingScroll, readingArea, triggerOffset, type ReadingArea, type StoryLayout } from './layout.ts';
import { pickAnchor, restoreScroll, type Anchor, type Blocks } from './place.ts';
import { emulatedStickyOffset } from './sticky.ts';
import { activeStepIndex, stepProgress } from './steps.ts';
import { scrollStore, type ScrollStore } from './store.ts';
import { writeViewportVars } from './viewportVars.ts';

/** The text blocks a reader reads, and so the ones their place is kept by (the story's markup: src/kit/markup.d.ts). */
const BLOCK_SELECTOR = `${__STORY_STEP__} ${__STORY_STEP_TEXT__}`;

interface Geometry {
  stepTops: number[];
  stepHeights: number[];
  blocks: Blocks;
  sectionTop: number;
  sectionHeight: number;
  /** Heights of the layers that stay in view (graphic, step control). */
  layerHeights: number[];
  /** The band's bottom in the viewport when pinned (0 side by side): where the reading area starts. */
  bandBottom: number;
  /** The viewport this was measured for: a change means the layout is stale. */
  width: number;
  stableHeight: number;
}

export interface StoryEngine {
  activeIndex: number;
  /** True once the reader has read past the last step (in the appendix). */
  pastEnd: boolean;
  /** Progress through the active step, 0..1. */
  progress: MotionValue<number>;
  /** Progress through the whole story, 0..1, for the progress bar. */
  storyProgress: MotionValue<number>;
  /** The document y that makes step i the active one, for the step-through control and deep links. */
  scrollTargetFor(index: number): number | null;
  /** The step active at the current scroll position, from fresh geometry (-1 before the story). */
  activeNow(): number;
  /**
   * Makes step i the active one now and scrolls to it (smoothly if asked): the step buttons. The
   * step holds while the scroll is on its way (jump.ts), so the state shown never goes back mid-way.
   */
  jumpTo(index: number, smooth: boolean): void;
  /** Places the layers again for where the reader is: after a layer stops being held (data-held). */
  reapply(): void;
}

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

function measure(section: HTMLElement, layers: (HTMLElement | null)[], layout: StoryLayout, width: number, stableHeight: number): Geometry {
  // Document coordinates: in an auto-height iframe scrollY is always 0, so this holds there too.
  const scrollY = window.scrollY;
  const steps = [...section.querySelectorAll<HTMLElement>(__STORY_STEP__)];
  const rects = steps.map((el) => el.getBoundingClientRect());
  const sectionRect = section.getBoundingClientRect();
  const blockEls = [...section.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)];
  const blockRects = blockEls.map((el) => el.getBoundingClientRect());
  const layerHeights = layers.map((layer) => layer?.getBoundingClientRect().height ?? 0);
  return {
    stepTops: rects.map((r) => r.top + scrollY),
    stepHeights: rects.map((r) => r.height),
    blocks: {
      tops: blockRects.map((r) => r.top + scrollY),
      heights: blockRects.map((r) => r.height),
      steps: blockEls.map((el) => steps.indexOf(el.closest<HTMLElement>(__STORY_STEP__)!)),
    },
    sectionTop: sectionRect.top + scrollY,
    sectionHeight: sectionRect.height,
    layerHeights,
    // The band (the graphic layer) is pinned to the viewport top, so its height is its bottom.
    bandBottom: layout === 'band' ? layerHeights[0] : 0,
    width,
    stableHeight,
  };
}

export function useStoryEngine(
  /** The story section holding the steps (__STORY_STEP__; static HTML, so found, not referenced). */
  findSection: () => HTMLElement | null,
  /**
   * Layers that must stay in the reader's viewport, graphic first: CSS sticky, or emulated when
   * emulateSticky. An emulated layer marked data-held is left where it is: something else draws it
   * (embed.js's graphic frame), and moving it on every frame only costs the frame's renderer.
   */
  layerRefs: readonly RefObject<HTMLElement | null>[],
  emulateSticky: boolean,
  store: ScrollStore = scrollStore,
): StoryEngine {
  const [activeIndex, setActiveIndex] = useState(-1);
  const [pastEnd, setPastEnd] = useState(false);
  const progress = useMotionValue(0);
  const storyProgress = useMotionValue(0);
  const geometry = useRef<Geometry | null>(null);
  const lastBand = useRef<Band | null>(null);
  const anchor = useRef<Anchor | null>(null);
  const emulate = useRef(emulateSticky);
  /** A step button's jump in flight, and the timer that ends it if the scroll stops short. */
  const jump = useRef<Jump | null>(null);
  const jumpStall = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Lets a jump go (arrived, moved elsewhere, or stopped short). */
  const endJump = useCallback(() => {
    clearTimeout(jumpStall.current);
    jump.current = null;
  }, []);

  /** Applies the last band again (set once `update` exists): after a jump stopped short. */
  const reapply = useRef(() => {});

  /** Waits for the next band of a jump's scroll; none in time means it stopped: the bands decide again. */
  const armStall = useCallback(() => {
    clearTimeout(jumpStall.current);
    jumpStall.current = setTimeout(() => {
      jump.current = null;
      reapply.current();
    }, JUMP_STALL_MS);
  }, []);

  /** The jump in flight after this band, or null. */
  const followHeldJump = useCallback(
    (band: Band): Jump | null => {
      const current = jump.current;
      if (!current) return null;
      const next = followJump(current, band.viewportTop);
      if (!next) endJump();
      else if (next.distance < current.distance) armStall();
      jump.current = next;
      return next;
    },
    [armStall, endJump],
  );

  /** Lays out for the band's viewport (layout choice and stable height); true when that changed anything. */
  const applyViewport = useCallback((band: Band): boolean => {
    const root = document.documentElement;
    const layout = chooseLayout(window.innerWidth, band.stableViewportHeight);
    const before = `${root.dataset.layout}|${root.style.getPropertyValue('--stable-vh')}`;
    writeViewportVars(root, band.viewportHeight, band.stableViewportHeight);
    if (root.dataset.layout !== layout) root.dataset.layout = layout;
    return before !== `${layout}|${root.style.getPropertyValue('--stable-vh')}`;
  }, []);

  /** Measures the layout and puts the block being read back in place; true if that scrolled. */
  const remeasure = useCallback(
    (section: HTMLElement, band: Band | null): boolean => {
      const layout = (document.documentElement.dataset.layout as StoryLayout | undefined) ?? 'band';
      const g = measure(
        section,
        layerRefs.map((ref) => ref.current),
        layout,
        window.innerWidth,
        band?.stableViewportHeight ?? window.innerHeight,
      );
      geometry.current = g;
      const a = anchor.current;
      if (!a || !band) return false;
      const area = areaFor(g, band);
      const y = restoreScroll(a, area, triggerOffset(area), g.blocks, { tops: g.stepTops, heights: g.stepHeights });
      if (y === null || Math.abs(y - band.viewportTop) <= 1) return false;
      store.scrollTo(y, false);
      return true;
    },
    [layerRefs, store],
  );

  /**
   * Applies a band. Only a band from the scroll store (recordPlace) with unchanged layout records
   * the reader's place: after a layout change the band's position is from before the restoring
   * scroll, and recording from it would lose the place.
   */
  const update = useCallback(
    (band: Band, recordPlace = true) => {
      lastBand.current = band;
      const section = findSection();
      const changed = applyViewport(band) || (geometry.current !== null && geometry.current.width !== window.innerWidth);
      // The layout changed under the reader: measure it now and restore their place; the scroll
      // that restores it brings a fresh band.
      if (changed && section && remeasure(section, band)) return;
      const g = geometry.current;
      if (!g || g.stepTops.length === 0) return;
      const area = areaFor(g, band);
      const trigger = band.viewportTop + triggerOffset(area);
      const steps = { tops: g.stepTops, heights: g.stepHeights };
      const held = followHeldJump(band);
      const index = held ? held.index : activeStepIndex(trigger, g.stepTops);
      setActiveIndex(index);
      const last = g.stepTops.length - 1;
      const end = g.stepTops[last] + g.stepHeights[last];
      // The place is kept only inside the story: above or below it the browser's own scroll anchoring does.
      if (recordPlace && !changed) anchor.current = index >= 0 && trigger < end ? pickAnchor(band.viewportTop, area, g.blocks, steps) : null;
      setPastEnd(trigger >= end);
      // During a jump, the progress the step will have where the scroll lands: the graphic shows its
      // final state from the first frame, not the state at each position the scroll passes.
      const progressAt = held ? held.y + triggerOffset(area) : trigger;
      progress.set(index < 0 ? 0 : stepProgress(progressAt, g.stepTops[index], g.stepHeights[index]));
      storyProgress.set(stepProgress(trigger, g.stepTops[0], end - g.stepTops[0]));
      layerRefs.forEach((ref, i) => {
        const layer = ref.current;
        if (!layer || (emulate.current && layer.hasAttribute('data-held'))) return;
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
    [applyViewport, findSection, followHeldJump, layerRefs, progress, remeasure, storyProgress],
  );

  useEffect(() => {
    reapply.current = () => {
      if (lastBand.current) update(lastBand.current, false);
    };
  }, [update]);

  useIsomorphicLayoutEffect(() => {
    const section = findSection();
    if (!section) return;
    const onLayoutChange = () => {
      if (!remeasure(section, lastBand.current) && lastBand.current) update(lastBand.current, false);
    };
    onLayoutChange();
    const observer = new ResizeObserver(onLayoutChange);
    observer.observe(section);
    void document.fonts?.ready.then(onLayoutChange);
    window.addEventListener('load', onLayoutChange);
    const unsubscribe = store.subscribe((band) => update(band));
    return () => {
      observer.disconnect();
      window.removeEventListener('load', onLayoutChange);
      unsubscribe();
    };
  }, [findSection, remeasure, store, update]);

  // Switching between native sticky and emulation changes where the graphic sits: re-apply.
  useEffect(() => {
    emulate.current = emulateSticky;
    if (lastBand.current) update(lastBand.current, false);
  }, [emulateSticky, update]);

  const scrollTargetFor = useCallback((index: number) => {
    const g = geometry.current;
    if (!g || index < 0 || index >= g.stepTops.length) return null;
    return landingScroll(g.stepTops[index], g.stepHeights[index], areaFor(g, lastBand.current));
  }, []);

  const activeNow = useCallback(() => {
    const g = geometry.current;
    if (!g) return -1;
    const area = areaFor(g, lastBand.current);
    return activeStepIndex((lastBand.current?.viewportTop ?? window.scrollY) + triggerOffset(area), g.stepTops);
  }, []);

  const jumpTo = useCallback(
    (index: number, smooth: boolean) => {
      const g = geometry.current;
      const y = scrollTargetFor(index);
      if (!g || y === null) return;
      endJump();
      jump.current = startJump(index, y, lastBand.current?.viewportTop ?? null);
      if (jump.current) armStall();
      // In the press's own render (a discrete event: React commits it before the next paint).
      setActiveIndex(index);
      setPastEnd(false);
      progress.set(stepProgress(y + triggerOffset(areaFor(g, lastBand.current)), g.stepTops[index], g.stepHeights[index]));
      store.scrollTo(y, smooth);
    },
    [armStall, endJump, progress, scrollTargetFor, store],
  );

  useEffect(() => endJump, [endJump]);

  const reapplyNow = useCallback(() => reapply.current(), []);
  return { activeIndex, pastEnd, progress, storyProgress, scrollTargetFor, activeNow, jumpTo, reapply: reapplyNow };
}

function areaFor(g: Geometry, band: Band | null): ReadingArea {
  return readingArea(band?.viewportHeight ?? window.innerHeight, g.bandBottom);
}
