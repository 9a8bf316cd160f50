import { useId, useMemo } from 'react';
import { formatIsoDate } from '../../data/format.ts';
import type { ChartBox } from '../../../kit/graphics/box.ts';
import type { ChartModel } from '../chartModel.ts';
import type { GraphicOf } from '../registry.ts';
import { ChartSvg } from '../../../kit/graphics/ChartSvg.tsx';
import { svgId } from '../../../kit/graphics/text.ts';
import { boxKey, keyedMemo } from '../../../kit/graphics/layoutCache.ts';
import { isoToDay, timelineView, yearStarts, type TimelineView } from './timelineLayout.ts';

const views = keyedMemo<TimelineView>(48);
/** Radius of the current event's mark, CSS px. */
const FOCUS_R = 8;

/** The track's view centred on an event, for a box: computed once per model, event and box. */
function timelineScene(model: ChartModel, eventId: string, box: ChartBox): TimelineView {
  return views(model, `${eventId}|${boxKey(box)}`, () => {
    const events = model.data.timeline;
    const event = events.find((e) => e.id === eventId);
    return timelineView(events, eventId, model.timelineFocus, event ? formatIsoDate(event.date, model.units.months) : '', box.width, box.height, box.font);
  });
}

/** Jobs that lay the track out for every event the story stops at, for a box, ahead of need (at idle). */
export function prepareTimeline(model: ChartModel, box: ChartBox): (() => void)[] {
  return model.timelineFocus.map((id) => () => timelineScene(model, id, box));
}

/**
 * The timeline, centred on the step's event: its mark sits under its title. Between timeline steps
 * the track glides to the next event (a CSS transform transition); within a step nothing moves.
 */
export function TimelineGraphic({ variant: eventId, box, model }: { variant: string; box: ChartBox; model: ChartModel }) {
  const clipId = svgId(useId(), 'clip');
  const events = model.data.timeline;
  const years = useMemo(() => yearStarts(events), [events]);
  const current = events.find((e) => e.id === eventId);
  const dateText = current ? formatIsoDate(current.date, model.units.months) : '';
  // The track's scale is chosen for the events the story stops at (model.timelineFocus).
  const { width, height, font, measured } = box;
  const view = useMemo(() => timelineScene(model, eventId, { width, height, font, measured }), [model, eventId, width, height, font, measured]);
  const { width: W, height: H, axisY, k, day0, shift } = view;
  const x = (day: number) => Math.round((day - day0) * k * 10) / 10;
  const centreX = W / 2;

  return (
    <ChartSvg box={{ ...box, font: view.font }} height={H} kind="timeline" data-event={eventId}>
      <defs>
        <clipPath id={clipId}>
          <rect x="0" y="0" width={W} height={H} />
        </clipPath>
      </defs>
      {current && (
        <text className="g-label" x={centreX} y={view.titleFont} textAnchor="middle" data-highlight={current.id} style={{ fontSize: view.titleFont }}>
          <tspan x={centreX} className="g-strong">
            {dateText}
          </tspan>
          {view.titleLines.map((line, i) => (
            <tspan key={i} x={centreX} dy={view.titleLine}>
              {line}
            </tspan>
          ))}
        </text>
      )}
      {current && <line className="g-leader" x1={centreX} x2={centreX} y1={view.titleBottom} y2={axisY - 10} />}
      <g clipPath={`url(#${clipId})`}>
        <g className="g-track g-anim" style={{ transform: `translateX(${shift}px)` }} data-shift={shift}>
          {years.map((y) => (
            <line key={y.year} className="g-rule" x1={x(y.day)} x2={x(y.day)} y1={axisY - 12} y2={view.yearBaseline + 2} />
          ))}
          {view.years.map((y) => (
            <text key={y.year} className="g-label g-muted" x={y.x + 4} y={view.yearBaseline}>
              {y.year}
            </text>
          ))}
          <line className="g-axis" x1={x(years[0]?.day ?? day0)} x2={x(years[years.length - 1]?.day ?? day0)} y1={axisY} y2={axisY} />
          {view.labels.map((l) => (
            <g key={l.id} data-short-label={l.id}>
              {l.row > 0 && (
                <line
                  className="g-rule"
                  x1={x(isoToDay(events.find((e) => e.id === l.id)!.date))}
                  x2={x(isoToDay(events.find((e) => e.id === l.id)!.date))}
                  y1={axisY + 6}
                  y2={l.box.y + 2}
                />
              )}
              <text className="g-label g-muted g-halo" x={l.box.x + l.box.width / 2} y={l.box.y + view.font * 1.05} textAnchor="middle">
                {l.text}
              </text>
            </g>
          ))}
          {/* In date order at every step: moving the current event's mark to the end (to draw it on top) moved a node at each step change. */}
          {events.map((e) => {
            const on = e.id === eventId;
            return (
              <circle
                key={e.id}
                className="g-anim"
                data-event-mark={e.id}
                data-current={on ? 'true' : undefined}
                cx={x(isoToDay(e.date))}
                cy={axisY}
                r={on ? FOCUS_R : 4.5}
                style={{ fill: on ? 'var(--fg)' : 'var(--muted)', stroke: 'var(--bg)', strokeWidth: 2, opacity: on ? 1 : 0.75 }}
              />
            );
          })}
          {/* The current event drawn again over its neighbours' marks: one node for every step, so a step change moves it. */}
          {current && (
            <circle
              className="g-anim"
              data-focus-mark={current.id}
              cx={x(isoToDay(current.date))}
              cy={axisY}
              r={FOCUS_R}
              style={{ fill: 'var(--fg)', stroke: 'var(--bg)', strokeWidth: 2 }}
            />
          )}
        </g>
      </g>
    </ChartSvg>
  );
}

/** This graphic's code, as src/story/graphics/registry.ts finds it. */
export const graphic: GraphicOf<'timeline'> = { component: TimelineGraphic, prepare: prepareTimeline };
