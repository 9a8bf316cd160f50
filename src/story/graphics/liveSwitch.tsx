/**
 * The graphics' code in the browser: each graphic's code is its own chunk, so the first load carries
 * none of it. After hydration every chunk is fetched in idle time and cached here, so a step change
 * renders at once (React.lazy would suspend, and flash an empty graphic, the first time each one is
 * shown). The story's chart model (the figures and labels the graphics draw) is a lazy chunk too,
 * loaded the same way.
 */
import { use, type ComponentType, type JSX } from 'react';
import type { ChartBox } from '../../kit/graphics/box.ts';
import type { ChartModel } from './chartModel.ts';
import { GraphicSwitch, type GraphicProps } from './GraphicSwitch.tsx';
import { GRAPHIC_KINDS, type GraphicKind as Kind } from '../data/graphicStates.ts';
import { loadInTurn } from '../../kit/graphics/idle.ts';
import { LOADERS, type GraphicChunk, type GraphicComponents } from './registry.ts';

const loaded: Partial<Record<Kind, GraphicChunk>> = {};
const loading: Partial<Record<Kind, Promise<unknown>>> = {};

function load(kind: Kind): Promise<unknown> {
  loading[kind] ??= LOADERS[kind]().then((chunk) => {
    loaded[kind] = chunk as GraphicChunk;
  });
  return loading[kind];
}

/** A graphic's code if it is in (null until then). */
export const loadedChunk = (kind: Kind): GraphicChunk | null => loaded[kind] ?? null;

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

/** The chart model if it is in (null until then). */
export const loadedModel = (): ChartModel | null => model;

/** The chart model and one graphic's code, fetched now (for a chart about to be drawn). */
export const loadGraphic = (kind: Kind): Promise<unknown> => Promise.all([loadModel(), load(kind)]);

let preloading: Promise<unknown> | null = null;

/**
 * Fetches the chart model and every graphic's chunk ahead of need, one at a time, each in an idle
 * period: all at once, the model and five charts ran their module bodies in one 100 ms task at load
 * on a mid-range phone (the load trace, 4x CPU).
 */
export function preloadGraphics(): Promise<unknown> {
  preloading ??= loadInTurn([loadModel, ...GRAPHIC_KINDS.map((kind) => () => load(kind))]);
  return preloading;
}

/** The switch, given the story's chart model once its chunk is in (suspending until then, like the graphics). */
export function LiveSwitch(props: GraphicProps & { box: ChartBox }): JSX.Element {
  const current = model ?? use(loadModel());
  return <GraphicSwitch {...props} model={current} components={DEFERRED} />;
}
