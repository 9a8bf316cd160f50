import { m } from 'framer-motion';
import { useId } from 'react';
import islandCopy from 'virtual:island-copy';
import { dataset } from '../../data/dataset.ts';
import { formatPounds } from '../../data/format.ts';
import { useStoryTransition } from '../../motion.tsx';
import { LINE_HEIGHT, svgId } from '../text.ts';
import { AXIS_BASELINE, MONEY_PLOT, MONEY_VIEW, moneyLayout, VALUE_GAP } from './moneyLayout.ts';

export type MoneyVariant = 'crowdfund' | 'rmt';

const layout = moneyLayout(dataset.fundraising);
const DIM = 0.3;
const labels = islandCopy.graphicLabels.money;

export function MoneyGraphic({ variant }: { variant: MoneyVariant }) {
  const transition = useStoryTransition();
  const hatchId = svgId(useId(), 'union-hatch');
  const showUnion = variant === 'rmt';
  const { targetPounds } = dataset.fundraising.crowdfunder;

  return (
    <svg
      className="graphic-svg"
      viewBox={`0 0 ${MONEY_VIEW.width} ${MONEY_VIEW.height}`}
      aria-hidden="true"
      focusable="false"
      data-graphic-kind="money"
      data-variant={variant}
    >
      <defs>
        <pattern id={hatchId} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
          <rect width="7" height="7" style={{ fill: 'var(--bg)' }} />
          <line x1="2" y1="0" x2="2" y2="7" style={{ stroke: 'var(--fg)', strokeWidth: 3 }} />
        </pattern>
      </defs>
      <text className="g-label g-strong" x={MONEY_PLOT.left} y={16}>
        {labels.title}
      </text>
      {layout.bars.map((bar) => {
        const union = bar.kind === 'union';
        const opacity = union ? (showUnion ? 1 : 0) : showUnion ? DIM : 1;
        const dimmed = !union && showUnion;
        return (
          <g
            key={bar.id}
            data-bar={bar.id}
            data-kind={bar.kind}
            data-amount={bar.amount}
            data-label={union ? `${bar.axisLines[0]} ${bar.valueLabel}` : bar.valueLabel}
            data-dimmed={!union && showUnion ? 'true' : undefined}
          >
            <m.rect
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              style={union ? { fill: `url(#${hatchId})`, stroke: 'var(--fg)', strokeWidth: 1.5 } : { fill: 'var(--c-driscoll)' }}
              initial={false}
              animate={{ opacity }}
              transition={transition}
            />
            {/* Dimmed bars keep readable labels: muted text, not faded text. */}
            <m.g initial={false} animate={{ opacity: union && !showUnion ? 0 : 1 }} transition={transition}>
              <text className={dimmed ? 'g-label g-muted' : union ? 'g-label g-strong' : 'g-label'} x={bar.valueX} y={bar.y - VALUE_GAP} textAnchor="middle">
                {bar.valueLabel}
              </text>
              <text className="g-label" x={bar.axisX} y={AXIS_BASELINE} textAnchor="middle">
                <tspan x={bar.axisX} className={union ? 'g-strong' : dimmed ? 'g-muted' : undefined}>
                  {bar.axisLines[0]}
                </tspan>
                {bar.axisLines[1] && (
                  <tspan x={bar.axisX} dy={LINE_HEIGHT} className="g-muted">
                    {bar.axisLines[1]}
                  </tspan>
                )}
              </text>
            </m.g>
          </g>
        );
      })}
      <line className="g-axis" x1={MONEY_PLOT.left} x2={MONEY_PLOT.right} y1={layout.baseline} y2={layout.baseline} />
      <g data-target={targetPounds}>
        <line
          x1={MONEY_PLOT.left}
          x2={MONEY_PLOT.right}
          y1={layout.targetY}
          y2={layout.targetY}
          style={{ stroke: 'var(--fg)', strokeWidth: 1.5, strokeDasharray: '5 3' }}
        />
        <text className="g-label g-halo" x={layout.targetLabelX} y={layout.targetY - VALUE_GAP - LINE_HEIGHT} textAnchor="middle">
          <tspan x={layout.targetLabelX} className="g-strong">
            {formatPounds(targetPounds)}
          </tspan>
          <tspan x={layout.targetLabelX} dy={LINE_HEIGHT}>
            {labels.target}
          </tspan>
        </text>
      </g>
    </svg>
  );
}
