/**
 * The story's graphic for one state. A pure function of (stateId, progress): the sticky graphic and
 * the static copies in the stacked/print layout use the same components.
 */
import type { MotionValue } from 'framer-motion';
import type { ComponentType, JSX } from 'react';
import { parseGraphicState, type GraphicKind, type GraphicVariant } from '../data/graphicStates.ts';
import { defaultBox, type BoxKind, type ChartBox } from '../../kit/graphics/box.ts';
import type { ChartModel } from './chartModel.ts';
import { ChartSvg } from '../../kit/graphics/ChartSvg.tsx';
import './graphics.css';

/**
 * What each graphic in the table (src/story/data/graphicStates.ts) is given to draw one of its states, in
 * the box it gets, from the model it is given (the story's, or a test's fixture).
 */
interface GraphicPropsByKind {
  map: { variant: GraphicVariant<'map'>; box: ChartBox; model: ChartModel };
  timeline: { eventId: GraphicVariant<'timeline'>; box: ChartBox; model: ChartModel };
  money: { variant: GraphicVariant<'money'>; box: ChartBox; model: ChartModel };
  bars: { variant: GraphicVariant<'bars'>; progress: MotionValue<number>; box: ChartBox; model: ChartModel };
  areas: { box: ChartBox; model: ChartModel };
}

/**
 * One component per graphic in the table: the eager set (Graphic.tsx) at build time, a lazy set
 * (LiveGraphic.tsx) in the browser. A graphic added to the table without a component fails to compile.
 */
export type GraphicComponents = { [K in GraphicKind]: ComponentType<GraphicPropsByKind[K]> };

export interface GraphicProps {
  /** A graphic state id from data/story.json steps[].graphic, e.g. "map:region", "timeline:barred", "money:rmt", "bars:result", "areas:margins". */
  stateId: string;
  /** Scroll progress through the current step, 0..1, updated per frame. Never copy it into React state. */
  progress: MotionValue<number>;
}

/** Which graphic a state draws ("none" for an unknown state): decides the default box. */
export function graphicKind(stateId: string): BoxKind {
  return parseGraphicState(stateId)?.kind ?? 'none';
}

export function GraphicSwitch({
  stateId,
  progress,
  model,
  components,
  box: givenBox,
}: GraphicProps & { model: ChartModel; components: GraphicComponents; box?: ChartBox }): JSX.Element {
  const state = parseGraphicState(stateId);
  const box = givenBox ?? defaultBox(state?.kind ?? 'none');
  const { map: Map, timeline: Timeline, money: Money, bars: Bars, areas: Areas } = components;
  switch (state?.kind) {
    case 'map':
      return <Map variant={state.variant} box={box} model={model} />;
    case 'timeline':
      return <Timeline eventId={state.variant} box={box} model={model} />;
    case 'money':
      return <Money variant={state.variant} box={box} model={model} />;
    case 'bars':
      return <Bars variant={state.variant} progress={progress} box={box} model={model} />;
    case 'areas':
      return <Areas box={box} model={model} />;
    default:
      // An unknown state draws nothing rather than failing the page; the validator rejects it at build time.
      return <ChartSvg box={box} kind="none" />;
  }
}
