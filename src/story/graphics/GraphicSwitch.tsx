/**
 * The story's graphic for one state. A pure function of (stateId, progress): the sticky graphic and
 * the static copies in the stacked/print layout use the same components.
 */
import type { MotionValue } from 'framer-motion';
import type { ComponentType, JSX } from 'react';
import { GRAPHICS, parseStateIn, type GraphicTable } from '../data/graphicStates.ts';
import type { ChartBox } from '../../kit/graphics/box.ts';
import type { ChartModel } from './chartModel.ts';
import { ChartSvg } from '../../kit/graphics/ChartSvg.tsx';
import { defaultBox, type GraphicComponents, type GraphicDrawProps } from './registry.ts';
import './graphics.css';

export type { GraphicComponents } from './registry.ts';
export { graphicKind } from './registry.ts';

export interface GraphicProps {
  /** A graphic state id from data/story.json steps[].graphic, e.g. "map:region", "timeline:barred", "money:rmt", "bars:result", "areas:margins". */
  stateId: string;
  /** Scroll progress through the current step, 0..1, updated per frame. Never copy it into React state. */
  progress: MotionValue<number>;
}

/**
 * Draws the state with its graphic's component: the eager set (Graphic.tsx) at build time, a lazy
 * set (LiveGraphic.tsx) in the browser. `graphics` is the table of graphics (the story's unless given).
 */
export function GraphicSwitch<T extends GraphicTable = typeof GRAPHICS>({
  stateId,
  progress,
  model,
  components,
  box: givenBox,
  graphics,
}: GraphicProps & { model: ChartModel; components: GraphicComponents<T>; box?: ChartBox; graphics?: T }): JSX.Element {
  const table: GraphicTable = graphics ?? GRAPHICS;
  const state = parseStateIn(table, stateId);
  const box = givenBox ?? defaultBox(state?.kind ?? 'none', table);
  // An unknown state draws nothing rather than failing the page; the validator rejects it at build time.
  if (!state) return <ChartSvg box={box} kind="none" />;
  const Component = (components as Record<string, ComponentType<GraphicDrawProps>>)[state.kind];
  return <Component variant={state.variant} progress={progress} box={box} model={model} />;
}
