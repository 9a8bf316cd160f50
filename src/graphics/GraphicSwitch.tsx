/**
 * The story's graphic for one state. A pure function of (stateId, progress): the sticky graphic and
 * the static copies in the stacked/print layout use the same components.
 */
import type { MotionValue } from 'framer-motion';
import type { ComponentType, JSX } from 'react';
import { parseGraphicState, type GraphicKind, type GraphicVariant } from '../data/graphicStates.ts';
import './graphics.css';

/** What each graphic in the table (src/data/graphicStates.ts) is given to draw one of its states. */
interface GraphicPropsByKind {
  map: { variant: GraphicVariant<'map'> };
  timeline: { eventId: GraphicVariant<'timeline'>; progress: MotionValue<number> };
  money: { variant: GraphicVariant<'money'> };
  bars: { variant: GraphicVariant<'bars'>; progress: MotionValue<number> };
  areas: object;
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

export function GraphicSwitch({ stateId, progress, components }: GraphicProps & { components: GraphicComponents }): JSX.Element {
  const state = parseGraphicState(stateId);
  const { map: Map, timeline: Timeline, money: Money, bars: Bars, areas: Areas } = components;
  switch (state?.kind) {
    case 'map':
      return <Map variant={state.variant} />;
    case 'timeline':
      return <Timeline eventId={state.variant} progress={progress} />;
    case 'money':
      return <Money variant={state.variant} />;
    case 'bars':
      return <Bars variant={state.variant} progress={progress} />;
    case 'areas':
      return <Areas />;
    default:
      // An unknown state draws nothing rather than failing the page; the validator rejects it at build time.
      return <svg className="graphic-svg" viewBox="0 0 400 300" aria-hidden="true" focusable="false" data-graphic-kind="none" />;
  }
}
