/** The graphics loaded eagerly: for the prerendered HTML (static copies of every step's graphic, in their default boxes). */
import type { JSX } from 'react';
import { GraphicSwitch, type GraphicProps } from './GraphicSwitch.tsx';
import { byKind, type GraphicChunk, type GraphicComponents } from './registry.ts';
import type { ChartBox } from '../../kit/graphics/box.ts';
import type { ChartModel } from './chartModel.ts';

export type { GraphicProps } from './GraphicSwitch.tsx';

/** Every graphic's module (src/story/graphics/<kind>/<Kind>Graphic.tsx, see registry.ts), by kind. */
export const EAGER_GRAPHICS = byKind(import.meta.glob<GraphicChunk>('./*/*Graphic.tsx', { import: 'graphic', eager: true }));

export const EAGER = Object.fromEntries(Object.entries(EAGER_GRAPHICS).map(([kind, { component }]) => [kind, component])) as GraphicComponents;

export function Graphic(props: GraphicProps & { model: ChartModel; box?: ChartBox }): JSX.Element {
  return <GraphicSwitch {...props} components={EAGER} />;
}
