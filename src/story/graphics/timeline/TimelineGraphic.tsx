import { useMemo } from 'react';
import { formatIsoDate } from '../../data/format.ts';
import type { ChartBox } from '../../../kit/graphics/box.ts';
import type { ChartModel } from '../chartModel.ts';
import type { GraphicOf } from '../registry.ts';
import { ChartSvg } from '../../../kit/graphics/ChartSvg.tsx';
import { boxKey, keyedMemo } from '../../../kit/graphics/layoutCache.ts';
import { useStoryTransition } from '../../../kit/motion.tsx';
import { FOCUS_R, MARK_R, timelineView, type TimelineView } from './timelineLayout.ts';

const views = keyedMemo<TimelineView>(48);

/** The timeline's layout for an event and a box: computed once per model, event and box. */
function timelineScene(model: ChartModel, eventId: string, box: ChartBox): TimelineView {
  return views(model, `${eventId}|${boxKey(box)}`, () => {
    const events = model.data.timeline;
    const event = events.find((e) => e.id === eventId);
    return timelineView({
      events,
      eventId,
      focusIds: model.timelineFocus,
      dateText: event ? formatIsoDate(event.date, model.units.months) : '',
      formatDate: (iso) => formatIsoDate(iso, model.units.months),
      words: model.labels.timeline,
      monthsShort: model.units.monthsShort,
      width: box.width,
      height: box.height,
      font: box.font,
    });
  });
}

/** Jobs that lay the timeline out for every event the story stops at, for a box, ahead of need (at idle). */
export function prepareTimeline(model: ChartModel, box: ChartBox): (() => void)[] {
  return model.timelineFocus.map((id) => () => timelineScene(model, id, box));
}

/** A CSS transition from the story's one motion setting (kit/motion.tsx): none under reduced motion. */
function useCssTransition(properties: string[]): string {
  const t = useStoryTransition();
  const duration = typeof t.duration === 'number' ? t.duration : 0;
  const ease = Array.isArray(t.ease) ? `cubic-bezier(${t.ease.join(', ')})` : 'ease';
  return duration > 0 ? properties.map((p) => `${p} ${duration}s ${ease}`).join(', ') : 'none';
}

/**
 * The timeline: one axis over the months the story stops in, the same at every timeline step, with
 * month and year ticks; the current event's date and label large over the axis, on a leader down to
 * its mark; the other events labelled over theirs, or grouped with a count. Between timeline steps
 * the focus (its mark, leader and title) slides along the axis (CSS transitions on cx and transform;
 * none under reduced motion, so the first frame is the end state).
 */
export function TimelineGraphic({ variant: eventId, box, model }: { variant: string; box: ChartBox; model: ChartModel }) {
  const events = model.data.timeline;
  const current = events.find((e) => e.id === eventId);
  const dateText = current ? formatIsoDate(current.date, model.units.months) : '';
  const { width, height, font, measured } = box;
  const view = useMemo(() => timelineScene(model, eventId, { width, height, font, measured }), [model, eventId, width, height, font, measured]);
  const slide = useCssTransition(['transform']);
  const slideCx = useCssTransition(['cx']);
  const { axisY, scale } = view;

  return (
    <ChartSvg box={{ ...box, font: view.font }} height={view.height} kind="timeline" data-event={eventId}>
      {current && (
        <g className="g-focus-title" style={{ transform: `translateX(${view.titleX}px)`, transition: slide }} data-title-x={view.titleX}>
          <text className="g-label" textAnchor="middle" data-highlight={current.id} data-label-of="focus">
            <tspan x={0} y={view.dateBaseline} className="g-strong" style={{ fontSize: view.dateFont }}>
              {dateText}
            </tspan>
            {view.titleLines.map((line, i) => (
              <tspan key={i} x={0} y={view.titleBaselines[i]} style={{ fontSize: view.titleFont }}>
                {line}
              </tspan>
            ))}
            {view.alsoLines.map((line, i) => (
              <tspan key={`also${i}`} x={0} y={view.alsoBaselines[i]} className="g-muted" data-also={view.alsoIds.join('+')}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      )}
      {current && (
        <g style={{ transform: `translateX(${view.focusX}px)`, transition: slide }}>
          <line className="g-leader" data-leader-of="focus" x1={0} x2={0} y1={view.focusLeaderTop} y2={axisY - FOCUS_R - 1} />
        </g>
      )}
      <g className="g-track">
        {/* The axis: solid over its window of months, dotted out to the events gathered at its ends. */}
        <line className="g-axis" x1={scale.x0} x2={scale.x1} y1={axisY} y2={axisY} />
        {scale.x0 > 4 && <line className="g-axis" x1={4} x2={scale.x0} y1={axisY} y2={axisY} strokeDasharray="2 3" />}
        {scale.x1 < view.width - 4 && <line className="g-axis" x1={scale.x1} x2={view.width - 4} y1={axisY} y2={axisY} strokeDasharray="2 3" />}
        {view.ticks.map((t) => (
          <line key={t.x} className={t.major ? 'g-axis' : 'g-rule'} data-tick={t.major ? 'year' : 'month'} x1={t.x} x2={t.x} y1={axisY} y2={t.bottom} />
        ))}
        {view.months.map((m) => (
          <text key={m.key} className="g-label g-muted" data-month={m.key} x={m.x} y={m.baseline}>
            {m.text}
            {m.year && (
              <tspan className="g-strong" data-year={m.year}>
                {` ${m.year}`}
              </tspan>
            )}
          </text>
        ))}
        {view.ends.map((t) => (
          <text key={t.key} className="g-label g-muted" data-short-label={t.ids.join('+')} data-end={t.key} x={t.x} y={t.baseline} textAnchor={t.anchor}>
            {t.text}
          </text>
        ))}
        {view.labels.map((l) => {
          const key = l.ids.join('+');
          const lo = Math.min(...l.xs);
          const hi = Math.max(...l.xs);
          return (
            <g key={key} data-short-label={key}>
              <line className="g-rule" data-leader-of={key} x1={l.leaderX} x2={l.leaderX} y1={l.leaderTop} y2={l.leaderBottom} />
              {hi - lo > 1 && <line className="g-rule" x1={lo} x2={hi} y1={l.leaderBottom} y2={l.leaderBottom} />}
              <text className="g-label g-muted" data-label-of={key} x={l.box.x} y={l.baseline}>
                {l.text}
              </text>
            </g>
          );
        })}
        {/* In date order at every step, so a step change only writes attributes. */}
        {view.marks.map((m) => {
          const on = m.id === eventId;
          return (
            <circle
              key={m.id}
              className="g-anim"
              data-event-mark={m.id}
              data-current={on ? 'true' : undefined}
              cx={m.x}
              cy={axisY}
              r={MARK_R}
              style={{ fill: on ? 'var(--fg)' : 'var(--muted)', stroke: 'var(--bg)', strokeWidth: 2 }}
            />
          );
        })}
        {/* The current event drawn again, larger, over its neighbours' marks: one node at every step, so a step change slides it. */}
        {current && (
          <circle
            data-focus-mark={current.id}
            cx={view.focusX}
            cy={axisY}
            r={FOCUS_R}
            style={{ cx: `${view.focusX}px`, transition: slideCx, fill: 'var(--fg)', stroke: 'var(--bg)', strokeWidth: 2 }}
          />
        )}
      </g>
    </ChartSvg>
  );
}

/** This graphic's code, as src/story/graphics/registry.ts finds it. */
export const graphic: GraphicOf<'timeline'> = { component: TimelineGraphic, prepare: prepareTimeline };
