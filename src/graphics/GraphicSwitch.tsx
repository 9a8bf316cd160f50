/**
 * The story's graphic for one state. A pure function of (stateId, progress): the sticky graphic and
 * the static copies in the stacked/print layout use the same components.
 */
import type { MotionValue } from 'framer-motion';
import type { ComponentType, JSX } from 'react';
import { dataset } from '../data/dataset.ts';
import { parseGraphicState } from '../data/graphicStates.ts';
import type { MapVariant } from './map/mapModel.ts';
import './graphics.css';

/** One component per graphic: the eager set (Graphic.tsx) at build time, a lazy set (LiveGraphic.tsx) in the browser. */
export interface GraphicComponents {
  map: ComponentType<{ variant: MapVariant }>;
  timeline: ComponentType<{ eventId: string; progress: MotionValue<number> }>;
  money: ComponentType<{ variant: 'crowdfund' | 'rmt' }>;
  bars: ComponentType<{ variant: 'poll' | 'result'; progress: MotionValue<number> }>;
  areas: ComponentType;
}

export interface GraphicProps {
  /** A graphic state id from data/story.json steps[].graphic, e.g. "map:region", "timeline:barred", "money:rmt", "bars:result", "areas:margins". */
  stateId: string;
  /** Scroll progress through the current step, 0..1, updated per frame. Never copy it into React state. */
  progress: MotionValue<number>;
}

const timelineIds = dataset.timeline.map((e) => e.id);

export function GraphicSwitch({ stateId, progress, components }: GraphicProps & { components: GraphicComponents }): JSX.Element {
  const state = parseGraphicState(stateId, timelineIds);
  const { map: Map, timeline: Timeline, money: Money, bars: Bars, areas: Areas } = components;
  switch (state?.kind) {
    case 'map':
      return <Map variant={state.variant as MapVariant} />;
    case 'timeline':
      return <Timeline eventId={state.variant} progress={progress} />;
    case 'money':
      return <Money variant={state.variant === 'rmt' ? 'rmt' : 'crowdfund'} />;
    case 'bars':
      return <Bars variant={state.variant === 'result' ? 'result' : 'poll'} progress={progress} />;
    case 'areas':
      return <Areas />;
    default:
      // An unknown state draws nothing rather than failing the page; the validator rejects it at build time.
      return <svg className="graphic-svg" viewBox="0 0 400 300" aria-hidden="true" focusable="false" data-graphic-kind="none" />;
  }
}
