// @vitest-environment jsdom
/**
 * Adding a graphic (issue #20; README, "Adding a graphic"): a tiny extra graphic, a dot, made from a
 * fixture by the documented steps only (a row in the table of graphics, its labels, and its module at
 * <kind>/<Kind>Graphic.tsx exporting `graphic`), is accepted by the state table and the schemas and
 * drawn by the switch, through the same derivations the story's graphics go through. And the story's
 * own graphics are each found the same way: one module per row of the table, no more, no fewer.
 */
import { cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fixedStatesIn,
  followsProgressIn,
  GRAPHIC_KINDS,
  GRAPHIC_LABELS,
  GRAPHICS,
  parseGraphicState,
  parseStateIn,
  type GraphicTable,
  type LabelTable,
} from '../../../src/story/data/graphicStates.ts';
import { graphicLabelsSchemaFor, graphicStateSchemaFor } from '../../../src/story/data/schema.ts';
import { EAGER, EAGER_GRAPHICS, Graphic } from '../../../src/story/graphics/Graphic.tsx';
import { GraphicSwitch } from '../../../src/story/graphics/GraphicSwitch.tsx';
import { byKind, LOADERS, type GraphicChunk, type GraphicComponents } from '../../../src/story/graphics/registry.ts';
import { FIXTURE_LABELS, fixtureModel } from './fixtureModel.ts';

afterEach(cleanup);

// Step 1: the dot's row (its variants and default box) and its labels, beside the story's.
const TABLE = { ...GRAPHICS, dot: { variants: ['one'], box: { width: 300, height: 200 } } } as const satisfies GraphicTable;
const LABELS = { ...GRAPHIC_LABELS, dot: { caption: 'text' } } as const satisfies LabelTable<typeof TABLE>;

// Step 2: its module, found by its path as registry.ts finds the story's.
const MODULES = byKind(import.meta.glob<GraphicChunk>('./fixtureGraphics/*/*Graphic.tsx', { import: 'graphic', eager: true }));
const COMPONENTS = { ...EAGER, dot: MODULES.dot.component } as GraphicComponents<typeof TABLE>;

function draw(stateId: string) {
  const { container } = render(<GraphicSwitch graphics={TABLE} components={COMPONENTS} stateId={stateId} progress={motionValue(1)} model={fixtureModel()} />);
  return container.querySelector('svg')!;
}

describe('adding a graphic', () => {
  it('its module is found by its folder', () => {
    expect(Object.keys(MODULES)).toEqual(['dot']);
  });

  it('the state table accepts its states, and only them', () => {
    expect(parseStateIn(TABLE, 'dot:one')).toEqual({ kind: 'dot', variant: 'one' });
    expect(parseStateIn(TABLE, 'dot:two')).toBeNull();
    expect(parseStateIn(TABLE, 'map:region')).toEqual({ kind: 'map', variant: 'region' });
    expect(fixedStatesIn(TABLE).at(-1)).toBe('dot:one');
    // The story's table knows nothing of it.
    expect(parseGraphicState('dot:one')).toBeNull();
  });

  it('says whether its drawing follows the scroll through a step (then its progress is streamed to a graphic frame)', () => {
    const moving = { ...TABLE, dot: { ...TABLE.dot, followsProgress: true } } as const satisfies GraphicTable;
    expect(followsProgressIn(moving, 'dot:one')).toBe(true);
    expect(followsProgressIn(TABLE, 'dot:one')).toBe(false);
    expect(followsProgressIn(moving, 'dot:two')).toBe(false);
    // None of the story's graphics moves within a step: its graphic frame hears of step changes alone.
    expect(
      fixedStatesIn(GRAPHICS)
        .concat('timeline:barred')
        .filter((id) => followsProgressIn(GRAPHICS, id)),
    ).toEqual([]);
  });

  it('the schema of step states accepts its states, and lists them when a state is wrong', () => {
    const schema = graphicStateSchemaFor(TABLE);
    expect(schema.safeParse('dot:one').success).toBe(true);
    expect(schema.safeParse('bars:poll').success).toBe(true);
    const wrong = schema.safeParse('dot:two');
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0].message).toContain('"areas:margins", "dot:one"');
  });

  it('the schema of chart words asks for its labels', () => {
    const schema = graphicLabelsSchemaFor(TABLE, LABELS);
    expect(schema.safeParse({ ...FIXTURE_LABELS, dot: { caption: 'One dot' } }).success).toBe(true);
    expect(schema.safeParse(FIXTURE_LABELS).success).toBe(false);
    expect(schema.safeParse({ ...FIXTURE_LABELS, dot: { caption: 'One dot', other: 'x' } }).success).toBe(false);
  });

  it('the switch draws it in its default box, and still draws the story’s graphics', () => {
    const svg = draw('dot:one');
    expect(svg.getAttribute('data-graphic-kind')).toBe('dot');
    expect(svg.getAttribute('data-variant')).toBe('one');
    expect(svg.getAttribute('viewBox')).toBe('0 0 300 200');
    expect(svg.querySelectorAll('circle')).toHaveLength(1);
    cleanup();
    expect(draw('areas:margins').getAttribute('data-graphic-kind')).toBe('areas');
    cleanup();
    expect(draw('dot:two').getAttribute('data-graphic-kind')).toBe('none');
  });

  it('the story’s switch, without the row, draws nothing for it', () => {
    const { container } = render(<Graphic stateId="dot:one" progress={motionValue(1)} model={fixtureModel()} />);
    expect(container.querySelector('svg')!.getAttribute('data-graphic-kind')).toBe('none');
  });
});

describe('the story’s graphics', () => {
  it('each row of the table has one module, eager and lazy, and each module a row', () => {
    expect(Object.keys(EAGER_GRAPHICS).sort()).toEqual([...GRAPHIC_KINDS].sort());
    expect(Object.keys(LOADERS).sort()).toEqual([...GRAPHIC_KINDS].sort());
  });

  it('each lazy chunk is the eager module’s graphic', async () => {
    for (const kind of GRAPHIC_KINDS) expect(await LOADERS[kind]()).toBe(EAGER_GRAPHICS[kind]);
  });
});
