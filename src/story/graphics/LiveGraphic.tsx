/**
 * The graphic in the browser, with its caption (GraphicCaption.tsx), drawn for the box the caption
 * leaves it (see useGraphicBox.ts). The sticky graphic keeps a chart per kind (KeptKinds.tsx); a
 * static copy in the stacked layout shows one state, drawn as the prerendered one was. The graphics'
 * code and the chart model are lazy chunks (liveSwitch.tsx).
 */
import { memo, Suspense, useRef, type JSX } from 'react';
import { captionFor, GraphicCaption } from './GraphicCaption.tsx';
import type { GraphicProps } from './GraphicSwitch.tsx';
import { KeptKinds } from './KeptKinds.tsx';
import { LiveSwitch } from './liveSwitch.tsx';
import { useGraphicMeasure } from '../../kit/graphics/useGraphicBox.ts';
import { boxFor, graphicKind } from './registry.ts';

export { preloadGraphics } from './liveSwitch.tsx';

/**
 * The graphic and its caption: the wrapper fills the `data-graphic` element, and the chart measures
 * its own element inside it; the probe is 1rem square, so a change of the reader's text size is seen.
 * `naturalHeight`: a static copy as tall as its chart (the stacked layout). `prerendered`: hydrated
 * over the server's render of this state, whose SVG stands in until the live chart is drawn.
 */
export const LiveGraphic = memo(function LiveGraphic({
  naturalHeight = false,
  prerendered = false,
  ...props
}: GraphicProps & { naturalHeight?: boolean; prerendered?: boolean }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const measure = useGraphicMeasure(ref, probe, true, prerendered && !naturalHeight);
  return (
    <GraphicCaption caption={captionFor(props.stateId)} fill={!naturalHeight} chartRef={ref}>
      <span className="graphic-em-probe" ref={probe} />
      {naturalHeight ? (
        <Suspense fallback={null}>
          <LiveSwitch {...props} box={boxFor(graphicKind(props.stateId), measure, true)} />
        </Suspense>
      ) : (
        <KeptKinds {...props} measure={measure} prerendered={prerendered} />
      )}
    </GraphicCaption>
  );
});
