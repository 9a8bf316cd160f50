/** The graphics loaded eagerly: for the prerendered HTML (static copies of every step's graphic, in their default boxes). */
import type { JSX } from 'react';
import { AreasGraphic } from './areas/AreasGraphic.tsx';
import { BarsGraphic } from './bars/BarsGraphic.tsx';
import { GraphicSwitch, type GraphicComponents, type GraphicProps } from './GraphicSwitch.tsx';
import { MapGraphic } from './map/MapGraphic.tsx';
import { MoneyGraphic } from './money/MoneyGraphic.tsx';
import { TimelineGraphic } from './timeline/TimelineGraphic.tsx';
import type { ChartBox } from '../../kit/graphics/box.ts';
import type { ChartModel } from './chartModel.ts';

export type { GraphicProps } from './GraphicSwitch.tsx';

const EAGER: GraphicComponents = { map: MapGraphic, timeline: TimelineGraphic, money: MoneyGraphic, bars: BarsGraphic, areas: AreasGraphic };

export function Graphic(props: GraphicProps & { model: ChartModel; box?: ChartBox }): JSX.Element {
  return <GraphicSwitch {...props} components={EAGER} />;
}
