/**
 * The graphic in the browser: each graphic's code is its own chunk, so the first load carries none
 * of it. During hydration React keeps the prerendered SVG on screen until the chunk arrives; after
 * hydration every chunk is fetched in idle time and cached here, so a step change renders at once
 * (React.lazy would suspend, and flash an empty graphic, the first time each one is shown). The
 * story's chart model (the figures and labels the graphics draw) is a lazy chunk too, loaded the same way.
 */
import { memo, Suspense, use, useRef, type ComponentType, type JSX } from 'react';
import type { ChartModel } from './chartModel.ts';
import { graphicKind, GraphicSwitch, type GraphicComponents, type GraphicProps } from './GraphicSwitch.tsx';
import { useGraphicBox } from './useGraphicBox.ts';

type Kind = keyof GraphicComponents;

const loaders: { [K in Kind]: () => Promise<GraphicComponents[K]> } = {
  map: () => import('./map/MapGraphic.tsx').then((m) => m.MapGraphic),
  timeline: () => import('./timeline/TimelineGraphic.tsx').then((m) => m.TimelineGraphic),
  money: () => import('./money/MoneyGraphic.tsx').then((m) => m.MoneyGraphic),
  bars: () => import('./bars/BarsGraphic.tsx').then((m) => m.BarsGraphic),
  areas: () => import('./areas/AreasGraphic.tsx').then((m) => m.AreasGraphic),
};

const loaded: Partial<GraphicComponents> = {};
const loading: Partial<Record<Kind, Promise<unknown>>> = {};

function load(kind: Kind): Promise<unknown> {
  loading[kind] ??= loaders[kind]().then((component) => {
    (loaded as Record<Kind, unknown>)[kind] = component;
  });
  return loading[kind];
}

/** A stand-in that renders the real graphic once its chunk is in, suspending (via use) until then. */
function deferred<K extends Kind>(kind: K): GraphicComponents[K] {
  function Deferred(props: object) {
    const Component = loaded[kind] as ComponentType<object> | undefined;
    if (!Component) {
      use(load(kind));
      return null;
    }
    return <Component {...props} />;
  }
  Deferred.displayName = `Deferred(${kind})`;
  return Deferred as unknown as GraphicComponents[K];
}

const DEFERRED: GraphicComponents = {
  map: deferred('map'),
  timeline: deferred('timeline'),
  money: deferred('money'),
  bars: deferred('bars'),
  areas: deferred('areas'),
};

let model: ChartModel | null = null;
let modelLoading: Promise<ChartModel> | null = null;

function loadModel(): Promise<ChartModel> {
  modelLoading ??= import('./storyChartModel.ts').then((m) => (model = m.storyChartModel));
  return modelLoading;
}

/** Fetches every graphic's chunk, and the chart model, ahead of need. */
export function preloadGraphics(): Promise<unknown> {
  return Promise.all([loadModel(), ...(Object.keys(loaders) as Kind[]).map(load)]);
}

/** The switch, given the story's chart model once its chunk is in (suspending until then, like the graphics). */
function ModelledSwitch(props: GraphicProps & { box: ReturnType<typeof useGraphicBox> }): JSX.Element {
  const current = model ?? use(loadModel());
  return <GraphicSwitch {...props} model={current} components={DEFERRED} />;
}

/**
 * The sticky graphic, drawn for the box it is given (see useGraphicBox.ts). The wrapper fills the
 * `data-graphic` element; the probe is 1rem square, so a change of the reader's text size is seen.
 */
export const LiveGraphic = memo(function LiveGraphic({ naturalHeight = false, ...props }: GraphicProps & { naturalHeight?: boolean }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const box = useGraphicBox(ref, probe, graphicKind(props.stateId), naturalHeight);
  return (
    <div className="graphic-box" ref={ref}>
      <span className="graphic-em-probe" ref={probe} />
      <Suspense fallback={null}>
        <ModelledSwitch {...props} box={box} />
      </Suspense>
    </div>
  );
});
