import type { MotionValue } from 'framer-motion';
import { useMemo } from 'react';
import { formatCount, formatPercentFigure, formatShare } from '../../data/format.ts';
import { fillSlots } from '../../data/tokens.ts';
import type { ChartBox } from '../../../kit/graphics/box.ts';
import type { ChartModel } from '../chartModel.ts';
import type { GraphicOf } from '../registry.ts';
import { ChartSvg } from '../../../kit/graphics/ChartSvg.tsx';
import { boxKey, perOwner, steppedMemo } from '../../../kit/graphics/layoutCache.ts';
import type { IdleJob } from '../../../kit/graphics/idle.ts';
import { barsLayoutSteps, rowOrder, type BarsLayout, type BarsRowInput } from './barsLayout.ts';

export type BarsVariant = 'poll' | 'result';

/** What the bars draw from a model: a row per candidate (by result) and the figures each row shows. Their title is the caption's (data/story.json steps[].chart). */
export function barsInput(model: ChartModel) {
  const { data, derived, candidate } = model;
  const copy = model.labels.bars;
  const pollPercent = (id: string) => data.poll.sharesPercent[id] ?? 0;
  const resultsById = new Map(derived.results.map((r) => [r.id, r]));
  const result = (id: string) => {
    const found = resultsById.get(id);
    if (!found) throw new Error(`No result for candidate "${id}"`);
    return found;
  };
  const pollMarker = (id: string) => fillSlots(copy.pollMarker, { share: formatPercentFigure(pollPercent(id)) });
  const rows: BarsRowInput[] = rowOrder(derived.results).map((id) => {
    const r = result(id);
    const c = candidate(id);
    return {
      id,
      name: `${c.surname} ${c.partyShort}`,
      surname: c.surname,
      share: r.share,
      poll: pollPercent(id) / 100,
      resultLabel: `${formatShare(r.share)} · ${formatCount(r.votes)}`,
      shareLabel: formatShare(r.share),
      pollLabel: formatPercentFigure(pollPercent(id)),
      ghostLabel: pollMarker(id),
    };
  });
  return { rows, result, pollPercent, pollMarker };
}

/** The rows per model: shared by every mount, so the layout cache (keyed by them) outlives unmounts. */
const inputFor = perOwner(barsInput);
const layouts = steppedMemo<BarsLayout>();
const layoutSteps = (input: ReturnType<typeof inputFor>, box: ChartBox) => () => barsLayoutSteps(input.rows, box.width, box.height, box.font);

/** The bars' layout for a box (the same for both variants, so nothing moves when the result arrives). */
export function barsScene(model: ChartModel, _variant: BarsVariant, box: ChartBox) {
  const input = inputFor(model);
  const layout = layouts.now(input, boxKey(box), layoutSteps(input, box));
  return { input, layout };
}

/** The job that lays the bars out for a box ahead of need (at idle, in steps; both variants share it), so the step that shows them only renders. */
export function prepareBars(model: ChartModel, box: ChartBox): IdleJob[] {
  const input = inputFor(model);
  return [() => layouts.ahead(input, boxKey(box), layoutSteps(input, box))];
}

/**
 * A result bar drawn to a fraction of its full length (a transform, so it animates on the compositor).
 * In the poll it is drawn at the poll's length, over the poll bar: the step to the result grows or
 * shrinks each candidate's bar from its poll share to its result (graphics.css .g-bar-move), while the
 * poll bar thins to the reference line under it. Under reduced motion the end state is drawn at once.
 */
const barTransform = (g: number) => `scaleX(${Math.round(g * 10000) / 10000})`;

export function BarsGraphic({ variant, box, model }: { variant: BarsVariant; progress: MotionValue<number>; box: ChartBox; model: ChartModel }) {
  const isResult = variant === 'result';
  const { candidate } = model;
  const { width, height, font, measured } = box;
  const { input, layout } = useMemo(() => barsScene(model, variant, { width, height, font, measured }), [model, variant, width, height, font, measured]);
  const { result, pollPercent, pollMarker } = input;

  const f = layout.font;
  return (
    <ChartSvg box={{ ...box, font: f }} height={layout.height} kind="bars" data-variant={variant}>
      {layout.ticks.map((t) => (
        <g key={t.value} data-tick={t.value}>
          <line className="g-rule" x1={t.x} x2={t.x} y1={layout.rows[0].barY - 4} y2={layout.axisY} />
          <text className="g-label g-muted" x={t.x} y={layout.axisBaseline} textAnchor={t.anchor}>
            {formatShare(t.value, 0)}
          </text>
        </g>
      ))}
      {layout.rows.map((row) => {
        const c = candidate(row.id);
        const r = result(row.id);
        const poll = pollPercent(row.id);
        const pollEnd = layout.left + row.pollWidth;
        const resultEnd = layout.left + row.resultWidth;
        const ghostShift = row.ghostY - row.barY;
        return (
          <g
            key={row.id}
            data-candidate={row.id}
            data-poll-percent={poll}
            data-votes={isResult ? r.votes : undefined}
            data-share={isResult ? String(r.share) : undefined}
          >
            <text className="g-label" x={row.nameX} y={row.nameBaseline}>
              <tspan className="g-strong">{c.surname}</tspan>
              {layout.partyShown && <tspan className="g-muted"> {c.partyShort}</tspan>}
            </text>
            {/* The poll bar becomes the thin reference bar under the result: a transform, so it animates on the compositor. */}
            <rect
              className="g-poll-bar g-anim g-fill-box"
              x={layout.left}
              y={row.barY}
              width={row.pollWidth}
              height={row.barHeight}
              style={{
                fill: `var(--c-${row.id})`,
                fillOpacity: isResult ? 0.25 : 1,
                stroke: `var(--c-${row.id})`,
                strokeWidth: 1,
                transform: isResult ? `translateY(${ghostShift}px) scaleY(${row.ghostHeight / row.barHeight})` : 'none',
              }}
            />
            {/* The poll bar's figure: its value label in the poll variant; left off (not drawn) beside the result's thin poll bar where the layout has no room. */}
            <text
              className="g-label g-anim"
              x={pollEnd + 6}
              y={row.barBaseline}
              style={{
                transform: isResult
                  ? `translate(${Math.round((row.ghostLabelX - pollEnd - 6) * 10) / 10}px, ${row.ghostBaseline - row.barBaseline}px)`
                  : 'none',
                display: isResult && !layout.pollFiguresShown ? 'none' : undefined,
              }}
              data-poll-label=""
            >
              {isResult ? <tspan className="g-muted">{pollMarker(row.id)}</tspan> : <tspan className="g-strong">{formatPercentFigure(poll)}</tspan>}
            </text>
            {/* The result's bar and figure are there in the poll too, not drawn and not yet grown, so the step to the result only writes attributes (issue #17) and a transition can grow them (issue #18). */}
            <rect
              className="g-result-bar g-fill-box g-bar-move"
              x={layout.left}
              y={row.barY}
              width={row.resultWidth}
              height={row.barHeight}
              style={{ fill: `var(--c-${row.id})`, transform: barTransform(isResult || row.resultWidth <= 0 ? 1 : row.pollWidth / row.resultWidth) }}
            />
            {/* The result's figure fades in at its bar's end as the bar arrives there; hidden (not read out) in the poll. */}
            <text
              className="g-label g-fade"
              x={resultEnd + 6}
              y={row.barBaseline}
              style={{ opacity: isResult ? 1 : 0, visibility: isResult ? 'visible' : 'hidden' }}
              data-value-label=""
            >
              <tspan className="g-strong">{formatShare(r.share)}</tspan>
              {layout.votesShown && (
                <>
                  <tspan className="g-muted"> · </tspan>
                  <tspan>{formatCount(r.votes)}</tspan>
                </>
              )}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

/** This graphic's code, as src/story/graphics/registry.ts finds it. */
export const graphic: GraphicOf<'bars'> = { component: BarsGraphic, prepare: prepareBars };
