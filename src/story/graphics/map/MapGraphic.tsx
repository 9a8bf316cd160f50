import { useId, useMemo } from 'react';
import { DEFAULT_FONT, fitFontSteps, fontFloors, type ChartBox } from '../../../kit/graphics/box.ts';
import type { IdleJob } from '../../../kit/graphics/idle.ts';
import { finish, type Steps } from '../../../kit/graphics/steps.ts';
import type { ChartModel } from '../chartModel.ts';
import type { GraphicOf } from '../registry.ts';
import { ChartSvg } from '../../../kit/graphics/ChartSvg.tsx';
import { boxKey, perOwner, steppedMemo } from '../../../kit/graphics/layoutCache.ts';
import { boxesOverlap, estimateTextWidth, svgId, type Box } from '../../../kit/graphics/text.ts';
import { keepFitting, labelOverlaps, leaderCrossings } from './mapLabels.ts';
import { GRAPHICS } from '../../data/graphicStates.ts';
import {
  councilStyles,
  FOCUS_OPACITY,
  listFrame,
  KEY_SWATCH_GAP_EM,
  MAP_VARIANTS,
  mapData,
  mapFrame,
  mapExtent,
  mapKeyLayout,
  mapLabels,
  mapListLabels,
  parseCouncilBounds,
  SHADE_KEY_GAP_EM,
  shadeKey,
  type CouncilStyle,
  type MapData,
  type MapForm,
  type MapVariant,
} from './mapModel.ts';

/** Line height in ems of the short form (a short wide box): tighter than LINE_HEIGHT's, as the 320 × 568 band needed (f0937fe). */
const SHORT_LINE_EM = 1.15;
/** Space between the key's bottom and the callouts' top, in ems: less in the short form (f0937fe). Tuned by eye on the screenshots at 320×568..1280×800. */
const KEY_CALLOUT_GAP_EM = { normal: 0.5, short: 0.3 } as const;
/** The callouts' top when the key is beside them: y 150 of the view (as mapLabels' default), or a third of a short view's height. Tuned by eye (993d358). */
const CALLOUT_TOP = { y: 150, viewDivisor: 3 } as const;
/** The hatching of the councils outside the story's focus: a 6-unit tile at 45° with a 2-unit stroke; ink and tile opacities tuned by eye (993d358). */
const HATCH = { tile: 6, strokeX: 1.5, strokeWidth: 2, strokeOpacity: 0.55, tileOpacity: 0.1 } as const;
/** Radius of the dot at a callout's anchor, CSS px. Chosen by eye (993d358). */
export const LEADER_DOT_PX = 2.5;
/** Width of the halo behind label text (a paint-order stroke in the background colour, as graphics.css .g-halo), CSS px: enough to read over council edges. Chosen by eye (993d358). */
const HALO_PX = 3;
/** Baseline of a key line below its swatch's top, in ems (the text's cap sits level with the swatch). Chosen by eye (993d358). */
const KEY_BASELINE_EM = 0.85;
/** The shade key: space between swatches beyond the widest label, and the label's baseline below the swatch's bottom, in ems. Chosen by eye (993d358). */
const SHADE_KEY = { pitchEm: 0.6, labelBaselineEm: 1.05 } as const;

/*
 * The fallback ladder's rungs (MapForm's flags; a flag left out is off), richest first. Every
 * council's callout is kept before any key word.
 */
/** Two-line callouts, the full key. */
const FULL: MapForm = {};
/** Callouts packed closer. */
const TIGHT_CALLOUTS: MapForm = { tight: true };
/** One-line callouts, packed. */
const ONE_LINE_CALLOUTS: MapForm = { oneLine: true, tight: true };
/** Two-line callouts, packed, and the key without its headline. */
const COMPACT_KEY: MapForm = { tight: true, compact: true };
/** One-line callouts, packed, and the key without its headline. */
const COMPACT_KEY_ONE_LINE: MapForm = { oneLine: true, tight: true, compact: true };
/** Everything squeezed, with the short key (a short wide box); also the last resort's form (chooseScene). */
const SHORT_KEY: MapForm = { oneLine: true, tight: true, compact: true, short: true };
/** The fallback ladder: the forms a map scene is tried in, in order, until one fits. */
const MAP_FORMS: readonly MapForm[] = [FULL, TIGHT_CALLOUTS, ONE_LINE_CALLOUTS, COMPACT_KEY, COMPACT_KEY_ONE_LINE, SHORT_KEY];
/**
 * The map's least share of its full size on the shrunk rungs: smaller, the Tyne and Wear councils'
 * leader dots crowd together. Chosen by eye on the screenshots at a 200% text size.
 */
const MIN_MAP_SHRINK = 0.5;
/**
 * The shrunk rungs: each form of the ladder from packed callouts on, largest map first. Tried when
 * no form of MAP_FORMS keeps its leaders clear at a floor (a large text size): before, the callout
 * column moved left over the coast to fit, and at a 200% text size on a phone the leaders of the
 * Tyne and Wear five ran through each other's labels.
 */
const SHRUNK_FORMS: readonly MapForm[] = [0.85, 0.7, 0.6, MIN_MAP_SHRINK].flatMap((mapShrink) =>
  [TIGHT_CALLOUTS, ONE_LINE_CALLOUTS, COMPACT_KEY, COMPACT_KEY_ONE_LINE, SHORT_KEY].map((form) => ({ ...form, mapShrink })),
);
/**
 * The list forms (MapForm.list), the fullest key first, each with the largest map that fits: for a
 * box where no callout column clears the coast even with the map shrunk (164 px wide: a 390 px phone
 * at 200% zoom).
 */
const LIST_FORMS: readonly MapForm[] = [{}, { compact: true }, { compact: true, short: true }].flatMap((form) =>
  [1, 0.85, 0.7].map((mapShrink) => ({ ...form, list: true, mapShrink })),
);
/** `tall`: the forms may take the whole of a box whose height is the most (ChartBox.heightIsMost); the others keep the map's aspect in it. */
type Pass = { pass: 'strict' | 'ok'; forms: readonly MapForm[]; tall?: boolean };
/** Leaders clear of every label and the key: the ladder, then the shrunk map, then the list. */
const CLEAR: readonly Pass[] = [
  { pass: 'strict', forms: MAP_FORMS },
  { pass: 'strict', forms: SHRUNK_FORMS },
  { pass: 'strict', forms: LIST_FORMS, tall: true },
];
/** Then (a box whose callouts cannot clear the coast even so) a form whose labels merely fit. */
const CLEAR_THEN_FIT: readonly Pass[] = [...CLEAR, { pass: 'ok', forms: MAP_FORMS }];

/**
 * The map at a given label size: the view (map units), key, labels, and whether they all fit
 * without overlapping each other or the key.
 */
function mapScene(data: MapData, variant: MapVariant, box: ChartBox, font: number, form: MapForm = {}) {
  if (form.list) return listScene(data, variant, box, font, form);
  const { oneLine = false, tight = false, compact = false, short = false, mapShrink = 1 } = form;
  const fitted = mapFrame(box.width, box.height, font, mapShrink);
  const { scale } = fitted;
  // The short form (a short wide box) also packs its lines a little tighter.
  const frame = short ? { ...fitted.frame, line: fitted.frame.font * SHORT_LINE_EM } : fitted.frame;
  const key = mapKeyLayout(variant, data, frame, { compact, short });
  const labels = mapLabels(
    variant,
    data,
    frame,
    frame.keyBeside
      ? Math.min(CALLOUT_TOP.y, frame.height / CALLOUT_TOP.viewDivisor)
      : key.bottom + frame.font * (short ? KEY_CALLOUT_GAP_EM.short : KEY_CALLOUT_GAP_EM.normal),
    { oneLine, tight },
  );
  const keyInside = key.bottom <= frame.height;
  const inside =
    keyInside &&
    labels.every((l) => l.box.x >= 0 && l.box.x + l.box.width <= frame.width + 0.5 && l.box.y >= 0 && l.box.y + l.box.height <= frame.height + 0.5);
  const clear = labelOverlaps(labels).length === 0 && labels.every((l) => key.boxes.every((k) => !boxesOverlap(l.box, k)));
  const ok = inside && clear;
  // `strict`: also no leader, nor the dot at its council, over a label or the key. A callout column
  // moved left to fit its widest label ran over the coast's anchors: the leaders of South Tyneside
  // and Sunderland through "Gateshead" in a 320 × 568 phone's band.
  return {
    frame,
    scale,
    key,
    labels,
    short,
    ok,
    strict: ok && leaderCrossings(labels, LEADER_DOT_PX / scale, key.boxes).length === 0,
    drawHeight: box.height,
    form: 'callouts' as 'callouts' | 'list',
  };
}

/** The list form's scene (MapForm.list): key, map, then a row per council; drawn only as tall as that. */
function listScene(data: MapData, variant: MapVariant, box: ChartBox, font: number, { compact = false, short = false, mapShrink = 1 }: MapForm) {
  const extent = mapExtent(data);
  const fitted = listFrame(box.width, box.height, font, extent, mapShrink);
  const { scale } = fitted;
  const keyFrame = short ? { ...fitted.frame, line: fitted.frame.font * SHORT_LINE_EM } : fitted.frame;
  const key = mapKeyLayout(variant, data, keyFrame, { compact, short });
  const mapTop = key.items.length > 0 ? key.bottom : 0;
  const frame = { ...keyFrame, dy: mapTop - extent.y };
  const { labels, bottom } = mapListLabels(variant, data, frame, mapTop + extent.height);
  const inside = bottom <= frame.height && [...labels.map((l) => l.box), ...key.boxes].every((b) => b.x >= 0 && b.x + b.width <= frame.width + 0.5);
  const ok = inside && labelOverlaps(labels).length === 0;
  return { frame, scale, key, labels, short, ok, strict: ok, drawHeight: Math.min(box.height, Math.ceil(bottom * scale)), form: 'list' as const };
}

/** The richest scene that fits the box (exported for the unit tests). */
export function chooseScene(data: MapData, variant: MapVariant, box: ChartBox): Scene {
  return finish(chooseSceneSteps(data, variant, box));
}

type Scene = ReturnType<typeof mapScene>;

/** chooseScene, yielding after each scene it lays out (steps.ts). */
function* chooseSceneSteps(data: MapData, variant: MapVariant, box: ChartBox): Steps<Scene> {
  // Each rung of the ladder (MAP_FORMS), richest first, at the largest font that fits, from the
  // reader's floor (text grows with their text size; 14 px in a wide box, a desktop column) down,
  // floor by floor (box.ts fontFloors). First a clear map at every floor down to the default label
  // size: a reader who enlarged their text gets it smaller, though never under everyone's default,
  // before leaders run through labels (at a 200% text size in a 320 × 568 phone's band: 17.5 px and
  // clear, not 26 px over the map). Then floor by floor, a form that merely fits after the clear
  // ones, down to the least.
  const floors = fontFloors(box.font, box.width);
  const clearFloors = floors.filter((f) => f >= Math.min(floors[0], DEFAULT_FONT));
  const plan = [...clearFloors.map((floor) => ({ floor, passes: CLEAR })), ...floors.map((floor) => ({ floor, passes: CLEAR_THEN_FIT }))];
  // In a box as tall as its chart, the map keeps its aspect unless it is a list (`tall` passes).
  const { width: shapeWidth, height: shapeHeight } = GRAPHICS.map.box;
  const kept = box.heightIsMost ? { ...box, height: Math.min(box.height, Math.round((box.width * shapeHeight) / shapeWidth)) } : box;
  // Scenes tried, per rung and font: a lower floor's pass re-tries the fonts above it, so keep them.
  const tried = new Map<MapForm, Map<number, Scene>>();
  for (const { floor, passes } of plan) {
    for (const { pass, forms, tall } of passes) {
      for (const form of forms) {
        let byFont = tried.get(form);
        if (!byFont) tried.set(form, (byFont = new Map()));
        const sceneAt = (f: number) => {
          let scene = byFont.get(f);
          if (!scene) byFont.set(f, (scene = mapScene(data, variant, tall ? box : kept, f, form)));
          return scene;
        };
        // A form that does not fit even at the floor is not tried at every larger font (a box that
        // fits nothing at the reader's 22 px floor would otherwise lay out hundreds of scenes).
        const fitsAtFloor = sceneAt(floor)[pass];
        yield;
        if (!fitsAtFloor) continue;
        // fitFont's last try is the font it returns: that scene is already in `tried`.
        const found = sceneAt(yield* fitFontSteps(box.font, (f) => sceneAt(f)[pass], floor));
        if (found[pass]) return found;
      }
    }
  }
  const floor = floors[0];
  // Too small for every label: the key items and labels that fit, the rest left to the data table.
  const last = mapScene(data, variant, kept, floor, SHORT_KEY);
  const items = last.key.items.filter((_, i) => last.key.boxes[i].y + last.key.boxes[i].height <= last.frame.height);
  const key = { ...last.key, items, boxes: [...last.key.boxes.slice(0, items.length), ...last.key.boxes.slice(last.key.items.length)] };
  return { ...last, key, labels: keepFitting(last.labels, last.frame.width, last.frame.height, key.boxes) };
}

/**
 * Scenes already chosen, per map data, variant and box. Choosing one tries many layouts (a full
 * mapScene each) and took a long frame on a slow phone at every map step change; the box rarely
 * changes, so each scene is chosen once, most of them at idle ahead of need (prepareMap, called from LiveGraphic).
 */
const scenes = steppedMemo<Scene>();

const cachedScene = (data: MapData, variant: MapVariant, box: ChartBox): Scene =>
  scenes.now(data, `${variant}|${boxKey(box)}`, () => chooseSceneSteps(data, variant, box));

/** One MapData per model, so the scene cache (keyed by it) outlives the map's unmounts between map steps. */
const mapDataFor = perOwner(mapData);

/**
 * Jobs that choose every variant's scene for a box ahead of need (at idle, in steps), so a map step
 * only renders; the councils' outlines are parsed first, a council per step (with the first scene, it
 * was one 60 ms task on a mid-range phone, the load trace at 4x CPU).
 */
export function prepareMap(model: ChartModel, box: ChartBox): IdleJob[] {
  const data = mapDataFor(model);
  return [() => parseCouncilBounds(data), ...MAP_VARIANTS.map((v) => () => scenes.ahead(data, `${v}|${boxKey(box)}`, () => chooseSceneSteps(data, v, box)))];
}

export function MapGraphic({ variant, box, model }: { variant: MapVariant; box: ChartBox; model: ChartModel }) {
  const hatchId = svgId(useId(), 'hatch');
  const data = useMemo(() => mapDataFor(model), [model]);
  const { councilMap, derived } = model;
  const shades = useMemo(() => shadeKey(data), [data]);
  const { width, height, font: boxFont, measured, heightIsMost } = box;
  const scene = useMemo(
    () => cachedScene(data, variant, { width, height, font: boxFont, measured, heightIsMost }),
    [data, variant, width, height, boxFont, measured, heightIsMost],
  );
  const styles = councilStyles(variant, hatchId, data, { shaded: !scene.short });
  const { frame, scale, key, labels } = scene;
  const { dx, dy } = frame;
  const f = frame.font;
  const swatch = key.swatchSize;

  return (
    <ChartSvg box={{ ...box, font: Math.round(f * scale * 10) / 10 }} height={scene.drawHeight} kind="map" data-variant={variant}>
      <defs>
        <pattern id={hatchId} patternUnits="userSpaceOnUse" width={HATCH.tile} height={HATCH.tile} patternTransform="rotate(45)">
          <rect width={HATCH.tile} height={HATCH.tile} style={{ fill: 'var(--fg)', fillOpacity: HATCH.tileOpacity }} />
          <line
            x1={HATCH.strokeX}
            y1="0"
            x2={HATCH.strokeX}
            y2={HATCH.tile}
            style={{ stroke: 'var(--fg)', strokeOpacity: HATCH.strokeOpacity, strokeWidth: HATCH.strokeWidth }}
          />
        </pattern>
      </defs>
      {/* Map units to CSS pixels; text inside is sized in map units (font / scale), so it renders at the label size. */}
      <g transform={`scale(${scale})`} style={{ fontSize: f }}>
        <g transform={`translate(${dx} ${dy})`}>
          {styles.map((s) => (
            <path
              key={s.code}
              d={s.d}
              data-area={s.code}
              className="g-council g-anim"
              vectorEffect="non-scaling-stroke"
              style={{ fill: s.fill, fillOpacity: s.fillOpacity, strokeOpacity: s.emphasis === 'faint' ? 0.5 : 1 }}
            />
          ))}
          {councilMap.groups.map((g) => (
            <path
              key={g.group}
              d={g.d}
              className="g-group-outline g-anim"
              vectorEffect="non-scaling-stroke"
              style={{ opacity: variant === 'region' ? 1 : 0 }}
            />
          ))}
        </g>
        {labels.map((label) => (
          // Keyed by council only: a variant change updates each label in place (labels do not
          // animate, so this looks the same) instead of removing and re-creating every one.
          <g key={label.id} className="g-map-label" data-label-for={label.id} data-label={label.lines.join(' ')}>
            {label.leader && (
              <>
                <line
                  className="g-leader"
                  data-leader-of={label.id}
                  vectorEffect="non-scaling-stroke"
                  x1={label.leader.x1}
                  y1={label.leader.y1}
                  x2={label.leader.x2}
                  y2={label.leader.y2}
                />
                <circle
                  className="g-leader-dot"
                  data-leader-of={label.id}
                  vectorEffect="non-scaling-stroke"
                  cx={label.anchor[0]}
                  cy={label.anchor[1]}
                  r={LEADER_DOT_PX / scale}
                />
              </>
            )}
            {label.swatch && <RowSwatch box={label.swatch} style={styles.find((st) => st.code === label.id)} />}
            <text
              className="g-label g-halo"
              data-label-of={label.id}
              x={label.textX}
              y={label.firstBaseline}
              textAnchor={label.textAnchor}
              style={{ strokeWidth: HALO_PX / scale }}
            >
              {label.lines.map((line, i) => (
                <tspan key={i} x={label.textX} dy={i === 0 ? 0 : frame.line} className={i === 0 ? 'g-strong' : undefined}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
        {key.items.map((item, i) => {
          const textX = item.swatch === 'none' ? frame.keyX : frame.keyX + swatch + f * KEY_SWATCH_GAP_EM;
          return (
            <g key={i} className="g-key">
              {item.swatch === 'solid' && (
                <Swatch box={{ x: frame.keyX, y: item.y, width: swatch, height: swatch }} fill="var(--fg)" fillOpacity={FOCUS_OPACITY} />
              )}
              {item.swatch === 'hatched' && <Swatch box={{ x: frame.keyX, y: item.y, width: swatch, height: swatch }} fill={`url(#${hatchId})`} hatched />}
              <text className="g-label" x={textX} y={item.y + f * KEY_BASELINE_EM}>
                {item.lines.map((line, j) => (
                  <tspan key={j} x={textX} dy={j === 0 ? 0 : frame.line} className={item.strong ? 'g-strong' : undefined}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {variant === 'result' && !scene.short && (
          <g className="g-key" data-shade-key="">
            {shades.map((s, i) => {
              const pitch = Math.max(swatch, ...shades.map((x) => estimateTextWidth(x.label, f))) + f * SHADE_KEY.pitchEm;
              const x = frame.keyX + i * pitch;
              const y = key.bottom - swatch - frame.line - f * SHADE_KEY_GAP_EM;
              return (
                <g key={s.value} data-shade-value={s.value} data-shade-opacity={s.opacity}>
                  <rect x={x} y={y} width={swatch} height={swatch} style={{ fill: `var(--c-${derived.winnerId})`, fillOpacity: s.opacity }} />
                  <text className="g-label" x={x} y={y + swatch + f * SHADE_KEY.labelBaselineEm}>
                    {s.label}
                  </text>
                </g>
              );
            })}
          </g>
        )}
      </g>
    </ChartSvg>
  );
}

/** A key or list swatch: a square in a fill, outlined where hatched (the hatching alone has no edge). */
function Swatch({
  box,
  fill,
  fillOpacity,
  hatched = false,
  ...rest
}: {
  box: Box;
  fill: string;
  fillOpacity?: number;
  hatched?: boolean;
  'data-swatch'?: string;
}) {
  return (
    <rect
      x={box.x}
      y={box.y}
      width={box.width}
      height={box.height}
      {...rest}
      className={hatched ? 'g-group-outline' : undefined}
      vectorEffect={hatched ? 'non-scaling-stroke' : undefined}
      style={hatched ? { fill, strokeWidth: 1 } : { fill, fillOpacity }}
    />
  );
}

/** A list row's swatch (MapForm.list): the council's own fill, so the row and its shape match. */
function RowSwatch({ box, style }: { box: Box; style: CouncilStyle | undefined }) {
  if (!style) return null;
  return <Swatch box={box} fill={style.fill} fillOpacity={style.fillOpacity} hatched={style.emphasis === 'hatched'} data-swatch="" />;
}

/** This graphic's code, as src/story/graphics/registry.ts finds it. */
export const graphic: GraphicOf<'map'> = { component: MapGraphic, prepare: prepareMap };
