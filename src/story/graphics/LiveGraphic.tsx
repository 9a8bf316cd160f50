/**
 * The graphic in the browser: each graphic's code is its own chunk, so the first load carries none
 * of it. During hydration React keeps the prerendered SVG on screen until the chunk arrives; after
 * hydration every chunk is fetched in idle time and cached here, so a step change renders at once
 * (React.lazy would suspend, and flash an empty graphic, the first time each one is shown). The
 * story's chart model (the figures and labels the graphics draw) is a lazy chunk too, loaded the same way.
 */
import { memo, Suspense, use, useEffect, useRef, type ComponentType, type JSX } from 'react';
import type { ChartBox } from '../../kit/graphics/box.ts';
import type { ChartModel } from './chartModel.ts';
import { captionFor, GraphicCaption } from './GraphicCaption.tsx';
import { GraphicSwitch, type GraphicProps } from './GraphicSwitch.tsx';
import { GRAPHIC_KINDS, type GraphicKind as Kind } from '../data/graphicStates.ts';
import { idleQueue } from '../../kit/graphics/idle.ts';
import { useGraphicMeasure, type Measure } from '../../kit/graphics/useGraphicBox.ts';
import { boxFor, graphicKind, LOADERS, type GraphicChunk, type GraphicComponents } from './registry.ts';

const loaded: Partial<Record<Kind, GraphicChunk>> = {};
const loading: Partial<Record<Kind, Promise<unknown>>> = {};

function load(kind: Kind): Promise<unknown> {
  loading[kind] ??= LOADERS[kind]().then((chunk) => {
    loaded[kind] = chunk as GraphicChunk;
  });
  return loading[kind];
}

/** A stand-in that renders the real graphic once its chunk is in, suspending (via use) until then. */
function deferred(kind: Kind): ComponentType<object> {
  function Deferred(props: object) {
    const Component = loaded[kind]?.component as ComponentType<object> | undefined;
    if (!Component) {
      use(load(kind));
      return null;
    }
    return <Component {...props} />;
  }
  Deferred.displayName = `Deferred(${kind})`;
  return Deferred;
}

const DEFERRED = Object.fromEntries(GRAPHIC_KINDS.map((kind) => [kind, deferred(kind)])) as unknown as GraphicComponents;

let model: ChartModel | null = null;
let modelLoading: Promise<ChartModel> | null = null;

function loadModel(): Promise<ChartModel> {
  modelLoading ??= import('./storyChartModel.ts').then((m) => (model = m.storyChartModel));
  return modelLoading;
}

/** Fetches every graphic's chunk, and the chart model, ahead of need. */
export function preloadGraphics(): Promise<unknown> {
  return Promise.all([loadModel(), ...GRAPHIC_KINDS.map(load)]);
}

/** One layout per idle period with 20 ms to spare (a layout takes 5-25 ms at 4x CPU slowdown). */
const prepareAtIdle = idleQueue(20);
/** The measure the queued jobs are for: a newer one makes them moot. */
let preparing: Measure | null = null;

/**
 * Lays every graphic out for the sticky graphic's measured box, at idle, in story order: a step
 * change then only renders (each layout is cached per model and box; see layoutCache.ts).
 */
function prepareAll(measure: Measure): void {
  preparing = measure;
  void preloadGraphics().then(() => {
    if (preparing !== measure || !model) return;
    const current = model;
    for (const kind of GRAPHIC_KINDS) {
      for (const job of loaded[kind]?.prepare(current, boxFor(kind, measure, false)) ?? []) {
        prepareAtIdle(() => {
          if (preparing === measure) job();
        });
      }
    }
  });
}

/** The switch, given the story's chart model once its chunk is in (suspending until then, like the graphics). */
function ModelledSwitch(props: GraphicProps & { box: ChartBox }): JSX.Element {
  const current = model ?? use(loadModel());
  return <GraphicSwitch {...props} model={current} components={DEFERRED} />;
}

/**
 * The sticky graphic, with its caption (GraphicCaption.tsx), drawn for the box the caption leaves it
 * (see useGraphicBox.ts): the wrapper fills the `data-graphic` element, and the chart measures its
 * own element inside it; the probe is 1rem square, so a change of the reader's text size is seen.
 */
export const LiveGraphic = memo(function LiveGraphic({ naturalHeight = false, ...props }: GraphicProps & { naturalHeight?: boolean }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const measure = useGraphicMeasure(ref, probe, true);
  const box = boxFor(graphicKind(props.stateId), measure, naturalHeight);
  // The sticky graphic (not a stacked copy, which shows one state) gets every state laid out ahead.
  useEffect(() => {
    if (measure && !naturalHeight) prepareAll(measure);
  }, [measure, naturalHeight]);
  return (
    <GraphicCaption caption={captionFor(props.stateId)} fill={!naturalHeight} chartRef={ref}>
      <span className="graphic-em-probe" ref={probe} />
      <Suspense fallback={null}>
        <ModelledSwitch {...props} box={box} />
      </Suspense>
    </GraphicCaption>
  );
});
