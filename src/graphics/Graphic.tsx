/**
 * The story's graphic for one state. A pure function of (stateId, progress): the sticky graphic and
 * the static copies in the stacked/print layout use the same components.
 */
import type { MotionValue } from 'framer-motion';
import type { JSX } from 'react';
import { dataset } from '../data/dataset.ts';
import { parseGraphicState } from '../data/graphicStates.ts';
import { AreasGraphic } from './areas/AreasGraphic.tsx';
import { BarsGraphic } from './bars/BarsGraphic.tsx';
import { MapGraphic } from './map/MapGraphic.tsx';
import type { MapVariant } from './map/mapModel.ts';
import { MoneyGraphic } from './money/MoneyGraphic.tsx';
import { TimelineGraphic } from './timeline/TimelineGraphic.tsx';
import './graphics.css';

export interface GraphicProps {
  /** A graphic state id from data/story.json steps[].graphic, e.g. "map:region", "timeline:barred", "money:rmt", "bars:result", "areas:margins". */
  stateId: string;
  /** Scroll progress through the current step, 0..1, updated per frame. Never copy it into React state. */
  progress: MotionValue<number>;
}

const timelineIds = dataset.timeline.map((e) => e.id);

export function Graphic({ stateId, progress }: GraphicProps): JSX.Element {
  const state = parseGraphicState(stateId, timelineIds);
  switch (state?.kind) {
    case 'map':
      return <MapGraphic variant={state.variant as MapVariant} />;
    case 'timeline':
      return <TimelineGraphic eventId={state.variant} progress={progress} />;
    case 'money':
      return <MoneyGraphic variant={state.variant === 'rmt' ? 'rmt' : 'crowdfund'} />;
    case 'bars':
      return <BarsGraphic variant={state.variant === 'result' ? 'result' : 'poll'} progress={progress} />;
    case 'areas':
      return <AreasGraphic />;
    default:
      // An unknown state draws nothing rather than failing the page; the validator rejects it at build time.
      return <svg className="graphic-svg" viewBox="0 0 400 300" aria-hidden="true" focusable="false" data-graphic-kind="none" />;
  }
}
