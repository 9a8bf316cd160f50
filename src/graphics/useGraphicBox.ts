/**
 * The one place the browser measures a graphic's box: the element carrying `data-graphic` (or, for
 * a graphic outside one, its parent). A ResizeObserver follows the box, and a 1rem probe follows the
 * reader's text size, so text zoom re-lays the chart too. Before the first measure (the server render
 * and the hydration pass) the graphic uses its default box, so hydration matches the prerendered
 * HTML; the measure then lands in a layout effect, before the browser paints the hydrated page.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { boxFromMeasure, defaultBox, DEFAULT_BOXES, type BoxKind, type ChartBox } from './box.ts';

interface Measure {
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

/**
 * A box as tall as the chart it holds (naturalHeight): only its width is read, and the chart may take
 * up to this many times its default aspect's height, so a narrow box still gets a layout that fits
 * its width (names above bars, money in rows). The map and the timeline fill whatever height they
 * are given, so they keep their default aspect.
 */
const NATURAL_HEIGHT_ALLOWANCE: Record<BoxKind, number> = { map: 1, timeline: 1, none: 1, money: 3, bars: 2, areas: 3 };

/** naturalHeight: the box is as tall as the chart it holds (see NATURAL_HEIGHT_ALLOWANCE). */
export function useGraphicBox(ref: RefObject<HTMLElement | null>, probe: RefObject<HTMLElement | null>, kind: BoxKind, naturalHeight = false): ChartBox {
  const [measure, setMeasure] = useState<Measure | null>(null);
  useLayoutEffect(() => {
    const own = ref.current;
    if (!own || typeof ResizeObserver === 'undefined') return;
    const box = own.closest<HTMLElement>('[data-graphic]') ?? own.parentElement ?? own;
    const read = () => {
      const { width, height: measured } = contentSize(box);
      const def = DEFAULT_BOXES[kind];
      const height = naturalHeight ? ((width * def.height) / def.width) * NATURAL_HEIGHT_ALLOWANCE[kind] : measured;
      const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setMeasure((prev) =>
        prev && Math.floor(prev.width) === Math.floor(width) && Math.floor(prev.height) === Math.floor(height) && prev.root === root
          ? prev
          : { width, height, root },
      );
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(box);
    if (probe.current) observer.observe(probe.current);
    return () => observer.disconnect();
  }, [ref, probe, kind, naturalHeight]);
  return (measure && boxFromMeasure(kind, measure.width, measure.height, measure.root)) ?? defaultBox(kind);
}
