/**
 * The graphic in the browser: each graphic's code is its own chunk, so the first load carries none
 * of it. While a chunk loads during hydration React keeps the prerendered SVG on screen; after
 * hydration every chunk is fetched in idle time, so a step change never waits.
 */
import { lazy, Suspense, type JSX } from 'react';
import { GraphicSwitch, type GraphicComponents, type GraphicProps } from './GraphicSwitch.tsx';

const loaders = {
  map: () => import('./map/MapGraphic.tsx').then((m) => ({ default: m.MapGraphic })),
  timeline: () => import('./timeline/TimelineGraphic.tsx').then((m) => ({ default: m.TimelineGraphic })),
  money: () => import('./money/MoneyGraphic.tsx').then((m) => ({ default: m.MoneyGraphic })),
  bars: () => import('./bars/BarsGraphic.tsx').then((m) => ({ default: m.BarsGraphic })),
  areas: () => import('./areas/AreasGraphic.tsx').then((m) => ({ default: m.AreasGraphic })),
};

const LAZY: GraphicComponents = {
  map: lazy(loaders.map),
  timeline: lazy(loaders.timeline),
  money: lazy(loaders.money),
  bars: lazy(loaders.bars),
  areas: lazy(loaders.areas),
};

/** Fetches every graphic's chunk (the browser caches them; lazy() then resolves at once). */
export function preloadGraphics(): Promise<unknown> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

export function LiveGraphic(props: GraphicProps): JSX.Element {
  return (
    <Suspense fallback={null}>
      <GraphicSwitch {...props} components={LAZY} />
    </Suspense>
  );
}
