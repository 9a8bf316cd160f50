import { useMemo } from 'react';
import { formatCount, formatPoints } from '../../data/format.ts';
import type { AreaResult, CandidateResult } from '../../data/derive.ts';
import type { Units } from '../../data/types.ts';
import type { ChartBox } from '../../../kit/graphics/box.ts';
import type { ChartModel } from '../chartModel.ts';
import type { GraphicOf } from '../registry.ts';
import { ChartSvg } from '../../../kit/graphics/ChartSvg.tsx';
import { boxKey, steppedMemo } from '../../../kit/graphics/layoutCache.ts';
import type { IdleJob } from '../../../kit/graphics/idle.ts';
import { areasLayoutSteps, LABEL_GAP, type AreasLayout, type AreasText } from './areasLayout.ts';

/** "+1,411 (2.0 points)": the winner's lead in the area, in votes and in share points. */
export function marginCaption(marginVotes: number, marginShare: number, units: Pick<Units, 'point' | 'points'>): string {
  return `+${formatCount(marginVotes)} (${formatPoints(marginShare, units)})`;
}

/** The words the panels are labelled with, for a model. */
export function areasText({ candidate, labels, units }: ChartModel): AreasText {
  return {
    barLabel: (r: CandidateResult) => `${candidate(r.id).surname} ${candidate(r.id).partyShort} ${formatCount(r.votes)}`,
    caption: (a: AreaResult) => marginCaption(a.marginVotes, a.marginShare, units),
    shortBarLabel: (r: CandidateResult) => `${candidate(r.id).surname} ${formatCount(r.votes)}`,
    partyBarLabel: (r: CandidateResult) => `${candidate(r.id).partyShort} ${formatCount(r.votes)}`,
    surname: (r: CandidateResult) => candidate(r.id).surname,
    party: (r: CandidateResult) => candidate(r.id).partyShort,
    shortCaption: (a: AreaResult) => `+${formatCount(a.marginVotes)}`,
    note: labels.areas.note,
    noteWithoutLead: labels.areas.noteWithoutLead,
  };
}

/** The areas the story calls close: the smallest lead in votes and in share. */
export const closeAreaCodes = ({ derived }: ChartModel): string[] => [derived.closestByVotes.code, derived.closestByShare.code];

const layouts = steppedMemo<AreasLayout>();
const layoutSteps = (model: ChartModel, box: ChartBox) => () =>
  areasLayoutSteps(model.derived.areas, closeAreaCodes(model), areasText(model), box.width, box.height, box.font);

/** The panels' layout for a box, computed once per model and box. */
function areasScene(model: ChartModel, box: ChartBox): AreasLayout {
  return layouts.now(model, boxKey(box), layoutSteps(model, box));
}

/** A job that lays the panels out for a box ahead of need (at idle, in steps), so the step that shows them only renders. */
export function prepareAreas(model: ChartModel, box: ChartBox): IdleJob[] {
  return [() => layouts.ahead(model, boxKey(box), layoutSteps(model, box))];
}

export function AreasGraphic({ box, model }: { box: ChartBox; model: ChartModel }) {
  const { candidate } = model;
  const { width, height, font, measured } = box;
  const layout = useMemo(() => areasScene(model, { width, height, font, measured }), [model, width, height, font, measured]);
  const { line, labelForm } = layout;
  return (
    <ChartSvg
      box={{ ...box, font: layout.font }}
      height={layout.height}
      kind="areas"
      data-per-area={layout.perArea}
      data-mode={layout.mode}
      data-columns={layout.columns}
    >
      <text className="g-label g-muted" x={layout.noteX} y={layout.noteBaseline} data-scale-note="">
        {layout.noteLines.map((l, i) => (
          <tspan key={i} x={layout.noteX} dy={i === 0 ? 0 : line}>
            {l}
          </tspan>
        ))}
      </text>
      {layout.panels.map(({ area, caption, x, y, width, height, left, bars, close, nameBaseline, captionBaseline, captionX, captionAnchor }) => (
        <g
          key={area.code}
          data-area={area.code}
          data-winner={area.winnerId}
          data-runner-up={area.runnerUpId}
          data-margin={area.marginVotes}
          data-close={close ? 'true' : undefined}
        >
          {close && <rect x={x} y={y} width={width} height={height} rx={4} style={{ fill: 'var(--fg)', fillOpacity: 0.07 }} />}
          <text className="g-label g-strong" x={x + 1} y={nameBaseline}>
            {area.label}
          </text>
          {caption && (
            <text className={close ? 'g-label g-strong' : 'g-label g-muted'} x={captionX} y={captionBaseline} textAnchor={captionAnchor} data-caption="">
              {caption}
            </text>
          )}
          {bars.map((bar) => {
            const c = candidate(bar.id);
            return (
              <g key={bar.id} data-candidate={bar.id} data-votes={bar.votes} data-bar-width={bar.width}>
                <rect x={left} y={bar.y} width={bar.width} height={bar.height} style={{ fill: `var(--c-${bar.id})` }} />
                <text className="g-label" x={left + bar.width + LABEL_GAP} y={bar.baseline}>
                  {labelForm !== 'party' && <tspan className="g-strong">{c.surname} </tspan>}
                  {labelForm !== 'surname' && <tspan className={labelForm === 'party' ? 'g-strong' : 'g-muted'}>{c.partyShort} </tspan>}
                  <tspan>{formatCount(bar.votes)}</tspan>
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </ChartSvg>
  );
}

/** This graphic's code, as src/story/graphics/registry.ts finds it. */
export const graphic: GraphicOf<'areas'> = { component: AreasGraphic, prepare: prepareAreas };
