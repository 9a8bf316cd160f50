/**
 * The story's graphic for one state. A pure function of (stateId, progress): the sticky graphic and
 * the static copies in the stacked/print layout use the same components.
 */
import type { MotionValue } from 'framer-motion';
import type { ComponentType, JSX } from 'react';
import { dataset } from '../data/dataset.ts';
import { parseGraphicState } from '../data/graphicStates.ts';
import { defaultBox, type BoxKind, type ChartBox } from './box.ts';
import { ChartSvg } from './ChartSvg.tsx';
import type { MapVariant } from './map/mapModel.ts';
import './graphics.css';

/** One component per graphic: the eager set (Graphic.tsx) at build time, a lazy set (LiveGraphic.tsx) in the browser. */
export interface GraphicComponents {
  map: ComponentType<{ variant: MapVariant; box: ChartBox }>;
  timeline: ComponentType<{ eventId: string; box: ChartBox }>;
  money: ComponentType<{ variant: 'crowdfund' | 'rmt'; box: ChartBox }>;
  bars: ComponentType<{ variant: 'poll' | 'result'; progress: MotionValue<number>; box: ChartBox }>;
  areas: ComponentType<{ box: ChartBox }>;
}

export interface GraphicProps {
  /** A graphic state id from data/story.json steps[].graphic, e.g. "map:region", "timeline:barred", "money:rmt", "bars:result", "areas:margins". */
  stateId: string;
  /** Scroll progress through the current step, 0..1, updated per frame. Never copy it into React state. */
  progress: MotionValue<number>;
}

const timelineIds = dataset.timeline.map((e) => e.id);

/** Which graphic a state draws ("none" for an unknown state): decides the default box. */
export function graphicKind(stateId: string): BoxKind {
  return parseGraphicState(stateId, timelineIds)?.kind ?? 'none';
}

export function GraphicSwitch({ stateId, progress, components, box: givenBox }: GraphicProps & { components: GraphicComponents; box?: ChartBox }): JSX.Element {
  const state = parseGraphicState(stateId, timelineIds);
  const box = givenBox ?? defaultBox(state?.kind ?? 'none');
  const { map: Map, timeline: Timeline, money: Money, bars: Bars, areas: Areas } = components;
  switch (state?.kind) {
    case 'map':
      return <Map variant={state.variant as MapVariant} box={box} />;
    case 'timeline':
      return <Timeline eventId={state.variant} box={box} />;
    case 'money':
      return <Money variant={state.variant === 'rmt' ? 'rmt' : 'crowdfund'} box={box} />;
    case 'bars':
      return <Bars variant={state.variant === 'result' ? 'result' : 'poll'} progress={progress} box={box} />;
    case 'areas':
      return <Areas box={box} />;
    default:
      // An unknown state draws nothing rather than failing the page; the validator rejects it at build time.
      return <ChartSvg box={box} kind="none" />;
  }
}
