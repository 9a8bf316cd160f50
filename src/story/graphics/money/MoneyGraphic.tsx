import { useId, useMemo } from 'react';
import { formatPounds } from '../../data/format.ts';
import type { ChartBox } from '../../../kit/graphics/box.ts';
import type { ChartModel } from '../chartModel.ts';
import type { GraphicOf } from '../registry.ts';
import { ChartSvg } from '../../../kit/graphics/ChartSvg.tsx';
import { svgId } from '../../../kit/graphics/text.ts';
import { boxKey, perOwner, steppedMemo } from '../../../kit/graphics/layoutCache.ts';
import type { IdleJob } from '../../../kit/graphics/idle.ts';
import { moneyLayoutSteps, type MoneyLayout, type MoneyText } from './moneyLayout.ts';

export type MoneyVariant = 'crowdfund' | 'rmt';

const DIM = 0.3;
/**
 * The chart's words for a model: its note, the target's label and the words around figures. Its
 * title is the caption's, above the chart (GraphicCaption.tsx), so the chart draws none.
 */
export function moneyText({ data, labels, units }: ChartModel): MoneyText {
  const { note, target } = labels.money;
  return { title: '', note, targetLabel: [formatPounds(data.fundraising.crowdfunder.targetPounds), target], units };
}

const textFor = perOwner(moneyText);
const layouts = steppedMemo<MoneyLayout>();
const layoutSteps = (model: ChartModel, box: ChartBox) => () => moneyLayoutSteps(model.data.fundraising, textFor(model), box.width, box.height, box.font);

/** The chart's layout for a box (both variants share it), computed once per model and box. */
function moneyScene(model: ChartModel, box: ChartBox): MoneyLayout {
  return layouts.now(textFor(model), boxKey(box), layoutSteps(model, box));
}

/** A job that lays the chart out for a box ahead of need (at idle, in steps), so the step that shows it only renders. */
export function prepareMoney(model: ChartModel, box: ChartBox): IdleJob[] {
  return [() => layouts.ahead(textFor(model), boxKey(box), layoutSteps(model, box))];
}

export function MoneyGraphic({ variant, box, model }: { variant: MoneyVariant; box: ChartBox; model: ChartModel }) {
  const hatchId = svgId(useId(), 'union-hatch');
  const showUnion = variant === 'rmt';
  const { fundraising } = model.data;
  const { targetPounds } = fundraising.crowdfunder;
  const text = textFor(model);
  const { width, height, font, measured } = box;
  const layout = useMemo(() => moneyScene(model, { width, height, font, measured }), [model, width, height, font, measured]);
  const { line, plot, target } = layout;
  const rows = layout.mode === 'rows';
  const horizontal = layout.mode !== 'columns';

  return (
    <ChartSvg box={{ ...box, font: layout.font }} height={layout.height} kind="money" data-variant={variant} data-mode={layout.mode}>
      <defs>
        <pattern id={hatchId} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
          <rect width="7" height="7" style={{ fill: 'var(--bg)' }} />
          <line x1="2" y1="0" x2="2" y2="7" style={{ stroke: 'var(--fg)', strokeWidth: 3 }} />
        </pattern>
      </defs>
      <text className="g-label" x={1} y={layout.font}>
        {layout.titleLines.map((l, i) => (
          <tspan key={`t${i}`} x={1} dy={i === 0 ? 0 : line} className="g-strong">
            {l}
          </tspan>
        ))}
        {layout.noteLines.map((l, i) => (
          <tspan key={`n${i}`} x={1} dy={i === 0 && layout.titleLines.length === 0 ? 0 : line} className="g-muted" data-order-note="">
            {l}
          </tspan>
        ))}
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
            <rect
              className="g-anim"
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              style={union ? { fill: `url(#${hatchId})`, stroke: 'var(--fg)', strokeWidth: 1.5, opacity } : { fill: 'var(--c-driscoll)', opacity }}
            />
            {/* Dimmed bars keep readable labels: muted text, not faded text. */}
            <g className="g-anim" style={{ opacity: union && !showUnion ? 0 : 1 }}>
              <text
                className={dimmed ? 'g-label g-muted' : union ? 'g-label g-strong' : 'g-label'}
                x={bar.valueX}
                y={bar.valueBaseline}
                textAnchor={bar.valueAnchor}
              >
                {bar.valueLabel}
              </text>
              <text className="g-label" x={bar.axisX} y={bar.axisBaseline} textAnchor={bar.axisAnchor}>
                {bar.axisLines.map((l, i) => (
                  <tspan
                    key={i}
                    x={rows && i > 0 ? undefined : bar.axisX}
                    dy={i === 0 || rows ? undefined : line}
                    className={union && i === 0 ? 'g-strong' : dimmed || (i > 0 && !rows) ? 'g-muted' : undefined}
                  >
                    {rows && i > 0 ? ` ${l}` : l}
                  </tspan>
                ))}
              </text>
            </g>
          </g>
        );
      })}
      {horizontal ? (
        rows && <line className="g-axis" x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
      ) : (
        <line className="g-axis" x1={plot.left} x2={plot.right} y1={layout.baseline} y2={layout.baseline} />
      )}
      <g data-target={targetPounds}>
        <line
          data-leader-of="target"
          x1={target.x1}
          x2={target.x2}
          y1={target.y1}
          y2={target.y2}
          style={{ stroke: 'var(--fg)', strokeWidth: 1.5, strokeDasharray: '5 3' }}
        />
        <text className="g-label g-halo" data-label-of="target" x={target.labelX} y={target.baseline} textAnchor={target.anchor}>
          <tspan x={target.labelX} className="g-strong">
            {text.targetLabel[0]}
          </tspan>
          {horizontal ? (
            <tspan> {text.targetLabel[1]}</tspan>
          ) : (
            <tspan x={target.labelX} dy={line}>
              {text.targetLabel[1]}
            </tspan>
          )}
        </text>
      </g>
    </ChartSvg>
  );
}

/** This graphic's code, as src/story/graphics/registry.ts finds it. */
export const graphic: GraphicOf<'money'> = { component: MoneyGraphic, prepare: prepareMoney };
