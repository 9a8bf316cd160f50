/**
 * The graphics side of each graphic's definition. Its row in src/story/data/graphicStates.ts says
 * what is known before its code loads (kind, variants, labels, default box); its code is the module
 * src/story/graphics/<kind>/<Kind>Graphic.tsx, found here by that path, which exports
 * `graphic: GraphicOf<'<kind>'>` (its component and the layouts it can prepare ahead). From the two
 * come the switch's components (eager in Graphic.tsx, lazy in LiveGraphic.tsx, one chunk per
 * graphic), the preloading, and the boxes each graphic is drawn in. Nothing else lists the graphics.
 */
import type { MotionValue } from 'framer-motion';
import type { ComponentType } from 'react';
import {
  GRAPHICS,
  NO_GRAPHIC_BOX,
  parseStateIn,
  type GraphicKind,
  type GraphicTable,
  type GraphicVariant,
  type KindOf,
  type VariantOf,
} from '../data/graphicStates.ts';
import { boxFromMeasure as boxFromShape, defaultBox as defaultShapeBox, type BoxShape, type ChartBox } from '../../kit/graphics/box.ts';
import { boxFor as boxForShape, type Measure } from '../../kit/graphics/useGraphicBox.ts';
import type { IdleJob } from '../../kit/graphics/idle.ts';
import type { ChartModel } from './chartModel.ts';

/** What every graphic is given to draw one of its states, in the box it gets, from the model it is given (the story's, or a test's fixture). */
export interface GraphicDrawProps<V extends string = string> {
  variant: V;
  /** Scroll progress through the current step, 0..1, updated per frame. Never copy it into React state. */
  progress: MotionValue<number>;
  box: ChartBox;
  model: ChartModel;
}

/**
 * A graphic's code: its component, and the jobs that lay it out for a box ahead of need (cached
 * layouts); a long job returns its work as steps, which the idle queue runs a few per idle period.
 */
export interface GraphicChunk<V extends string = string> {
  component: ComponentType<GraphicDrawProps<V>>;
  prepare: (model: ChartModel, box: ChartBox) => IdleJob[];
}

/** What src/story/graphics/<kind>/<Kind>Graphic.tsx exports as `graphic`. */
export type GraphicOf<K extends GraphicKind> = GraphicChunk<GraphicVariant<K>>;

/** One component per graphic of a table (the story's unless given). */
export type GraphicComponents<T extends GraphicTable = typeof GRAPHICS> = { [K in KindOf<T>]: ComponentType<GraphicDrawProps<VariantOf<T, K>>> };

/** Modules by their glob path ("./map/MapGraphic.tsx") to modules by kind (the module's folder: "map"). */
export function byKind<M>(modules: Record<string, M>): Record<string, M> {
  return Object.fromEntries(Object.entries(modules).map(([path, module]) => [path.split('/').slice(-2)[0], module]));
}

/** Each graphic's chunk, loaded on demand: one chunk per graphic. */
export const LOADERS = byKind(import.meta.glob<GraphicChunk>('./*/*Graphic.tsx', { import: 'graphic' })) as {
  [K in GraphicKind]: () => Promise<GraphicOf<K>>;
};

/** A graphic's box shape in a table ("none", or a kind the table lacks: the empty chart's). */
export function shapeOf(kind: string, table: GraphicTable = GRAPHICS): BoxShape {
  return Object.hasOwn(table, kind) ? table[kind].box : NO_GRAPHIC_BOX;
}

/** Which graphic a state draws ("none" for an unknown state): decides its box. */
export function graphicKind(stateId: string, table: GraphicTable = GRAPHICS): string {
  return parseStateIn(table, stateId)?.kind ?? 'none';
}

/** The default box of a graphic (see kit/graphics/box.ts). */
export const defaultBox = (kind: string, table: GraphicTable = GRAPHICS): ChartBox => defaultShapeBox(shapeOf(kind, table));

/** The box of a graphic for a measured element (see kit/graphics/box.ts). */
export const boxFromMeasure = (kind: string, width: number, height: number, rootFontPx: number): ChartBox | null =>
  boxFromShape(shapeOf(kind), width, height, rootFontPx);

/** The box a graphic draws in, for a measure (see kit/graphics/useGraphicBox.ts). */
export const boxFor = (kind: string, measure: Measure | null, naturalHeight: boolean): ChartBox => boxForShape(shapeOf(kind), measure, naturalHeight);
