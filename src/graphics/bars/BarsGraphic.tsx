import { m, useTransform, type MotionValue, useReducedMotion } from 'framer-motion';
import islandCopy from 'virtual:island-copy';
import { candidate, dataset, derived } from '../../data/dataset.ts';
import { formatCount, formatIsoDate, formatPercentFigure, formatShare } from '../../data/format.ts';
import { fillSlots } from '../../data/tokens.ts';
import { useStoryTransition } from '../../motion.tsx';
import { r1 } from '../text.ts';
import { axisGeometry, BARS_PLOT, BARS_VIEW, growth, ROW, rowOrder, rowTop, shareScale } from './barsLayout.ts';

export type BarsVariant = 'poll' | 'result';

const pollPercent = (id: string) => dataset.poll.sharesPercent[id] ?? 0;
const x = shareScale(
  derived.results,
  derived.pollRanked.map((p) => p.percent),
);
const order = rowOrder(derived.results);
const resultsById = new Map(derived.results.map((r) => [r.id, r]));
const ticks = x.ticks(5);
const axis = axisGeometry(order.length);
const labels = islandCopy.graphicLabels.bars;

/** A result bar and its label, both sized by the step's progress through motion values. */
function ResultBar({ id, progress, top }: { id: string; progress: MotionValue<number>; top: number }) {
  const r = resultsById.get(id)!;
  const full = r1(x(r.share) - BARS_PLOT.left);
  // Under reduced motion the bars are simply complete; they do not grow with the scroll.
  const reduced = useReducedMotion();
  const scale = useTransform(progress, (p) => (reduced ? 1 : growth(p)));
  const shift = useTransform(progress, (p) => (reduced ? 0 : -full * (1 - growth(p))));
  return (
    <>
      <m.rect
        className="g-result-bar"
        x={BARS_PLOT.left}
        y={top + ROW.barY}
        width={full}
        height={ROW.barHeight}
        style={{ fill: `var(--c-${id})`, scaleX: scale, originX: 0 }}
      />
      <m.text className="g-label" x={BARS_PLOT.left + full + 6} y={top + ROW.barY + 14} style={{ x: shift }} data-value-label="">
        <tspan className="g-strong">{formatShare(r.share)}</tspan>
        <tspan className="g-muted"> · </tspan>
        <tspan>{formatCount(r.votes)}</tspan>
      </m.text>
    </>
  );
}

export function BarsGraphic({ variant, progress }: { variant: BarsVariant; progress: MotionValue<number> }) {
  const transition = useStoryTransition();
  const isResult = variant === 'result';
  const title = isResult
    ? fillSlots(labels.resultTitle, { declared: formatIsoDate(dataset.results.election.declarationDay) })
    : fillSlots(labels.pollTitle, { pollster: dataset.poll.pollster, published: formatIsoDate(dataset.poll.published) });

  return (
    <svg
      className="graphic-svg"
      viewBox={`0 0 ${BARS_VIEW.width} ${BARS_VIEW.height}`}
      aria-hidden="true"
      focusable="false"
      data-graphic-kind="bars"
      data-variant={variant}
    >
      <text className="g-label g-strong" x={BARS_PLOT.left} y={16}>
        {title}
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line className="g-rule" x1={x(t)} x2={x(t)} y1={BARS_PLOT.top} y2={axis.y} />
          <text className="g-label g-muted" x={x(t)} y={axis.labelBaseline} textAnchor={t === 0 ? 'start' : 'middle'}>
            {formatShare(t, 0)}
          </text>
        </g>
      ))}
      {order.map((id, i) => {
        const top = rowTop(i);
        const c = candidate(id);
        const r = resultsById.get(id)!;
        const poll = pollPercent(id);
        const pollEnd = r1(x(poll / 100));
        return (
          <g
            key={id}
            data-candidate={id}
            data-poll-percent={poll}
            data-votes={isResult ? r.votes : undefined}
            data-share={isResult ? String(r.share) : undefined}
          >
            <text className="g-label" x={BARS_PLOT.left} y={top + ROW.nameBaseline}>
              <tspan className="g-strong">{c.surname}</tspan>
              <tspan className="g-muted"> {c.partyShort}</tspan>
            </text>
            <m.rect
              className="g-poll-bar"
              x={BARS_PLOT.left}
              width={pollEnd - BARS_PLOT.left}
              style={{ fill: `var(--c-${id})`, stroke: `var(--c-${id})`, strokeWidth: 1 }}
              initial={false}
              animate={{
                attrY: top + (isResult ? ROW.ghostY : ROW.barY),
                height: isResult ? ROW.ghostHeight : ROW.barHeight,
                fillOpacity: isResult ? 0.25 : 1,
              }}
              transition={transition}
            />
            <m.text
              className="g-label"
              x={pollEnd + 6}
              initial={false}
              animate={{ attrY: top + (isResult ? ROW.ghostY + 9 : ROW.barY + 14) }}
              transition={transition}
              data-poll-label=""
            >
              {isResult ? (
                <tspan className="g-muted">{fillSlots(labels.pollMarker, { share: formatPercentFigure(poll) })}</tspan>
              ) : (
                <tspan className="g-strong">{formatPercentFigure(poll)}</tspan>
              )}
            </m.text>
            {isResult && <ResultBar id={id} progress={progress} top={top} />}
          </g>
        );
      })}
    </svg>
  );
}
