/**
 * The one place the browser measures a graphic's box: the story's graphic box element (`__STORY_GRAPHIC_BOX__`, src/kit/markup.d.ts; or, for
 * a graphic outside one, its parent). A ResizeObserver follows the box, and a 1rem probe follows the
 * reader's text size, so text zoom re-lays the chart too. Before the first measure (the server render
 * and the hydration pass) the graphic uses its default box, so hydration matches the prerendered
 * HTML; the measure then lands in a layout effect, before the browser paints the hydrated page.
 *
 * The element is read once, at mount; from then on only the observer's entries are used. A step
 * change that swaps the chart kind does not measure again: a read there forced a layout of the page
 * in the middle of the commit (13–32 ms of a long frame at 4x CPU slowdown, in the scroll trace).
 */
import { startTransition, useLayoutEffect, useState, type RefObject } from 'react';
import { boxFromMeasure, defaultBox, type BoxShape, type ChartBox } from './box.ts';

/** What was measured: the element's content box and the root font size (the probe's width), in CSS px. */
export interface Measure {
  width: number;
  height: number;
  root: number;
}

function contentSize(el: HTMLElement): { width: number; height: number } {
  const cs = getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  return {
    width: el.clientWidth - px(cs.paddingLeft) - px(cs.paddingRight),
    height: el.clientHeight - px(cs.paddingTop) - px(cs.paddingBottom),
  };
}

/** A new measure that draws the same box as the previous one keeps the previous (no re-render). */
export function sameMeasure(a: Measure | null, b: Measure): boolean {
  return a !== null && Math.floor(a.width) === Math.floor(b.width) && Math.floor(a.height) === Math.floor(b.height) && a.root === b.root;
}

/**
 * The box a chart of this shape draws in, for a measure (null: not measured yet). Pure. A box as
 * tall as the chart it holds (naturalHeight) reads only the measured width, and the chart may take up
 * to shape.naturalHeight times its default aspect's height when narrower than the default box, so a
 * narrow box still gets a layout that fits its width (names above bars, money in rows). As wide as
 * the default box or wider, the default aspect: the money chart filled three times its height with
 * stretched bars (a 391 x 1,100 px chart, stacked on a phone on its side at 200% zoom).
 */
export function boxFor(shape: BoxShape, measure: Measure | null, naturalHeight: boolean): ChartBox {
  if (!measure) return defaultBox(shape);
  const allowance = measure.width < shape.width ? (shape.naturalHeight ?? 1) : 1;
  const height = naturalHeight ? ((measure.width * shape.height) / shape.width) * allowance : measure.height;
  const box = boxFromMeasure(shape, measure.width, height, measure.root);
  if (!box) return defaultBox(shape);
  return naturalHeight ? { ...box, heightIsMost: true } : box;
}

/**
 * The measure of the box a graphic is drawn in (null until measured: the server render and hydration).
 * `self`: measure the element itself, not the graphic box around it: for a chart that shares the box
 * with other content (a caption above it, a source line below), so the chart is drawn in what is left.
 * `standIn`: a prerendered chart is on screen until the live one is drawn, so the first measure can
 * wait for a background render (a transition) instead of re-rendering the graphic inside
 * hydration's commit, the longest task of the load on a mid-range phone.
 */
export function useGraphicMeasure(ref: RefObject<HTMLElement | null>, probe: RefObject<HTMLElement | null>, self = false, standIn = false): Measure | null {
  const [measure, setMeasure] = useState<Measure | null>(null);
  useLayoutEffect(() => {
    const own = ref.current;
    if (!own || typeof ResizeObserver === 'undefined') return;
    const box = self ? own : (own.closest<HTMLElement>(__STORY_GRAPHIC_BOX__) ?? own.parentElement ?? own);
    const probeEl = probe.current;
    const update = (next: Measure) => setMeasure((prev) => (sameMeasure(prev, next) ? prev : next));
    // The one read: at mount, so the first painted frame has the measured box (under a stand-in,
    // the background render that follows).
    let current: Measure = { ...contentSize(box), root: parseFloat(getComputedStyle(document.documentElement).fontSize) || 16 };
    const first = current;
    if (standIn) startTransition(() => update(first));
    else update(first);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const { width, height } = entry.contentRect;
        if (entry.target === box) current = { ...current, width, height };
        // The probe is 1rem square: its width is the root font size.
        else if (entry.target === probeEl && width > 0) current = { ...current, root: width };
      }
      update(current);
    });
    observer.observe(box);
    if (probeEl) observer.observe(probeEl);
    return () => observer.disconnect();
  }, [ref, probe, self, standIn]);
  return measure;
}
