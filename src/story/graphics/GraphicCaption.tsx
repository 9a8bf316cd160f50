/**
 * A graphic with its caption, as HTML around the chart: the title and the "what to see" line above
 * it, the source line below (data/story.json steps[].chart, filled by src/story/data/captions.ts).
 * The chart is drawn in what the caption leaves: in a box of fixed height (the sticky graphic, the
 * graphic-only frame) the three are a column and the chart's element, which the chart measures,
 * takes the rest; elsewhere (the static copies) they stack in the flow.
 *
 * Screen readers: the caption says again what the step already gives them (its text alternative
 * and its sources, in the step's card), and every graphic on the page sits in an aria-hidden box,
 * so the caption is hidden with its chart rather than read twice.
 */
import type { ReactNode, Ref } from 'react';
import steps from 'virtual:story-outline';
import type { ChartCaption } from '../data/types.ts';

const byState = new Map<string, ChartCaption>(steps.map((s) => [s.graphic, s.chart]));

/** The caption of a graphic state (steps that show one state give one chart: a build rule). */
export function captionFor(stateId: string): ChartCaption | undefined {
  return byState.get(stateId);
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
  return (
    <div className={fill ? 'graphic-box graphic-box-fill' : 'graphic-box'}>
      {caption && (
        <div className="graphic-head" data-graphic-caption="head">
          <p className="graphic-title" data-graphic-caption="title">
            {caption.title}
          </p>
          <p className="graphic-reading" data-graphic-caption="reading">
            {caption.reading}
          </p>
        </div>
      )}
      <div className="graphic-chart" ref={chartRef}>
        {children}
      </div>
      {caption && (
        <p className="graphic-source" data-graphic-caption="source">
          {caption.source}
        </p>
      )}
    </div>
  );
}
