/**
 * A tiny extra graphic, made only by the steps in the README's "Adding a graphic" (the test's table
 * row is step 1): this module is step 2, at the path registry.ts finds graphics by
 * (<kind>/<Kind>Graphic.tsx), exporting `graphic`. One variant, one dot in the middle of its box.
 */
import { ChartSvg } from '../../../../../src/kit/graphics/ChartSvg.tsx';
import type { GraphicChunk, GraphicDrawProps } from '../../../../../src/story/graphics/registry.ts';

export function DotGraphic({ variant, box }: GraphicDrawProps<'one'>) {
  return (
    <ChartSvg box={box} kind="dot" data-variant={variant}>
      <circle cx={box.width / 2} cy={box.height / 2} r={Math.min(box.width, box.height) / 4} />
    </ChartSvg>
  );
}

export const graphic: GraphicChunk<'one'> = { component: DotGraphic, prepare: () => [] };
