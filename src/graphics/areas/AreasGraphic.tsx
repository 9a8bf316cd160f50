import { useMemo } from 'react';
import { formatCount, formatPoints } from '../../data/format.ts';
import type { AreaResult, CandidateResult } from '../../data/derive.ts';
import type { ChartBox } from '../box.ts';
import type { ChartModel } from '../chartModel.ts';
import { ChartSvg } from '../ChartSvg.tsx';
import { boxKey, keyedMemo } from '../layoutCache.ts';
import { areasLayout, type AreasLayout, type AreasText } from './areasLayout.ts';

/** "+1,411 (2.0 points)": the winner's lead in the area, in votes and in share points. */
export function marginCaption(marginVotes: number, marginShare: number): string {
  return `+${formatCount(marginVotes)} (${formatPoints(marginShare)})`;
}

/** The words the panels are labelled with, for a model. */
export function areasText({ candidate, labels }: ChartModel): AreasText {
  return {
    barLabel: (r: CandidateResult) => `${candidate(r.id).surname} ${candidate(r.id).partyShort} ${formatCount(r.votes)}`,
    caption: (a: AreaResult) => marginCaption(a.marginVotes, a.marginShare),
    shortBarLabel: (r: CandidateResult) => `${candidate(r.id).surname} ${formatCount(r.votes)}`,
    shortCaption: (a: AreaResult) => `+${formatCount(a.marginVotes)}`,
    note: labels.areas.note,
  };
}

/** The areas the story calls close: the smallest lead in votes and in share. */
export const closeAreaCodes = ({ derived }: ChartModel): string[] => [derived.closestByVotes.code, derived.closestByShare.code];

const layouts = keyedMemo<AreasLayout>();

/** The panels' layout for a box, computed once per model and box. */
function areasScene(model: ChartModel, box: ChartBox): AreasLayout {
  return layouts(model, boxKey(box), () => areasLayout(model.derived.areas, closeAreaCodes(model), areasText(model), box.width, box.height, box.font));
}

/** A job that lays the panels out for a box ahead of need (at idle), so the step that shows them only renders. */
export function prepareAreas(model: ChartModel, box: ChartBox): (() => void)[] {
  return [() => areasScene(model, box)];
}

export function AreasGraphic({ box, model }: { box: ChartBox; model: ChartModel }) {
  const { candidate } = model;
  const { width, height, font, measured } = box;
  const layout = useMemo(() => areasScene(model, { width, height, font, measured }), [model, width, height, font, measured]);
  const { left, line } = layout;
  return (
    <ChartSvg box={{ ...box, font: layout.font }} height={layout.height} kind="areas" data-per-area={layout.perArea} data-mode={layout.mode}>
      <text className="g-label g-muted" x={1} y={layout.font} data-scale-note="">
        {layout.noteLines.map((l, i) => (
          <tspan key={i} x={1} dy={i === 0 ? 0 : line}>
            {l}
          </tspan>
        ))}
      </text>
      {layout.panels.map(({ area, caption, y, height, bars, close, nameBaseline, captionBaseline, captionX, captionAnchor }) => (
        <g
          key={area.code}
          data-area={area.code}
          data-winner={area.winnerId}
          data-runner-up={area.runnerUpId}
          data-margin={area.marginVotes}
          data-close={close ? 'true' : undefined}
        >
          {close && <rect x={0} y={y} width={layout.width} height={height} rx={4} style={{ fill: 'var(--fg)', fillOpacity: 0.07 }} />}
          <text className="g-label g-strong" x={1} y={nameBaseline}>
            {area.label}
          </text>
          <text className={close ? 'g-label g-strong' : 'g-label g-muted'} x={captionX} y={captionBaseline} textAnchor={captionAnchor} data-caption="">
            {caption}
          </text>
          {bars.map((bar) => {
            const c = candidate(bar.id);
            return (
              <g key={bar.id} data-candidate={bar.id} data-votes={bar.votes} data-bar-width={bar.width}>
                <rect x={left} y={bar.y} width={bar.width} height={bar.height} style={{ fill: `var(--c-${bar.id})` }} />
                <text className="g-label" x={left + bar.width + 5} y={bar.baseline}>
                  <tspan className="g-strong">{c.surname}</tspan>
                  {!layout.shortLabels && <tspan className="g-muted"> {c.partyShort}</tspan>}
                  <tspan> {formatCount(bar.votes)}</tspan>
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </ChartSvg>
  );
}
