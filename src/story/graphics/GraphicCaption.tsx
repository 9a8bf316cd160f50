/**
 * A graphic with its caption, as HTML around the chart: the title and the "what to see" line above
 * it, the source line below (data/story.json steps[].chart, filled by src/story/data/captions.ts).
 * The chart is drawn in what the caption leaves: in a box of fixed height (the sticky graphic, the
 * graphic-only frame) the three are a column and the chart's element, which the chart measures,
 * takes the rest; elsewhere (the static copies) they stack in the flow.
 *
 * In a box of fixed height every state's caption is also laid out, unseen, in the same place as the
 * shown one (graphics.css .graphic-caption-ghost), so the caption takes the height of the tallest and
 * the chart's box is the same at every step. A caption that wrapped to its own height resized the
 * chart at almost every step change on a phone (390 × 844: 255, 236, 254, 238, 220 px tall): the
 * chart drew twice, the second time for a box none of its layouts had been prepared for at idle
 * (layoutCache.ts), inside the step's frame, and its scale jumped from step to step.
 *
 * In a short box (graphics.css) the caption is set compact. In one too short for even that (a large
 * text size on a phone) the box is left to the chart and the step shows the caption after its text:
 * `data-caption-place="card"` on the root says so to the page's styles (story.css).
 *
 * Screen readers: the caption says again what the step already gives them (its text alternative
 * and its sources, in the step's card), and every graphic on the page sits in an aria-hidden box,
 * so the caption is hidden with its chart rather than read twice.
 */
import { useLayoutEffect, useRef, type ReactNode, type Ref, type RefObject } from 'react';
import steps from 'virtual:story-outline';
import type { ChartCaption } from '../data/types.ts';

const byState = new Map<string, ChartCaption>(steps.map((s) => [s.graphic, s.chart]));
/** Every caption the story's graphic can show, once each. */
const ALL_CAPTIONS = [...new Set(byState.values())];

/** The caption of a graphic state (steps that show one state give one chart: a build rule). */
export function captionFor(stateId: string): ChartCaption | undefined {
  return byState.get(stateId);
}

/**
 * Tells the page, on the root, whether the fixed-height box has left its caption out (a CSS container
 * query decides: graphics.css). A ResizeObserver sees the caption's head change size, and go to
 * nothing when it is left out, so only a change of the decision writes to the root.
 */
function useCaptionPlace(head: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const el = head.current;
    if (!active || !el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const update = () => {
      const left = el.getClientRects().length === 0;
      if (left !== (root.dataset.captionPlace === 'card')) {
        if (left) root.dataset.captionPlace = 'card';
        else delete root.dataset.captionPlace;
      }
    };
    update();
    // The decision moves the caption into the step's card, which resizes what other observers
    // watch (the steps, the graphic's box): written in the observer's callback, their notifications
    // would wait a frame and the browser reports a ResizeObserver loop (WebKit as an error). The
    // next frame makes the same change without one.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      delete root.dataset.captionPlace;
    };
  }, [head, active]);
}

export function GraphicCaption({
  caption,
  fill,
  chartRef,
  children,
}: {
  caption: ChartCaption | undefined;
  /** The box has a fixed height: the chart takes what the caption leaves of it. */
  fill: boolean;
  chartRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  const head = useRef<HTMLDivElement>(null);
  useCaptionPlace(head, fill && caption !== undefined);
  // In a fixed-height box every state's caption, in one order at every step, the shown one among
  // them: a step change then writes two class names and a few attributes, where a list of the
  // others would move each caption's text into another node at every step.
  const captions = !caption ? [] : fill && ALL_CAPTIONS.includes(caption) ? ALL_CAPTIONS : [caption];
  return (
    <div className={fill ? 'graphic-box graphic-box-fill' : 'graphic-box'}>
      {caption && (
        <div className="graphic-head" data-graphic-caption="head" ref={head}>
          {captions.map((c, i) => (
            <HeadLines key={i} caption={c} shown={c === caption} />
          ))}
        </div>
      )}
      <div className="graphic-chart" ref={chartRef}>
        {children}
      </div>
      {caption && (
        <div className="graphic-foot">
          {captions.map((c, i) => (
            <p
              key={i}
              className={c === caption ? 'graphic-source' : 'graphic-source graphic-caption-ghost'}
              data-graphic-caption={c === caption ? 'source' : undefined}
            >
              {c.source}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/** A caption's title and "what to see" line: the one shown, or one that only holds its room. */
function HeadLines({ caption, shown }: { caption: ChartCaption; shown: boolean }) {
  return (
    <div className={shown ? 'graphic-caption-layer' : 'graphic-caption-layer graphic-caption-ghost'}>
      <p className="graphic-title" data-graphic-caption={shown ? 'title' : undefined}>
        {caption.title}
      </p>
      <p className="graphic-reading" data-graphic-caption={shown ? 'reading' : undefined}>
        {caption.reading}
      </p>
    </div>
  );
}
