import { useReducedMotion } from 'framer-motion';
import { useMemo, useState, type AnimationEvent, type SVGProps } from 'react';
import { formatIsoDate } from '../../data/format.ts';
import type { ChartBox } from '../../../kit/graphics/box.ts';
import type { ChartModel } from '../chartModel.ts';
import type { GraphicOf } from '../registry.ts';
import { ChartSvg } from '../../../kit/graphics/ChartSvg.tsx';
import { boxKey, steppedMemo } from '../../../kit/graphics/layoutCache.ts';
import type { Steps } from '../../../kit/graphics/steps.ts';
import { useStoryTransition } from '../../../kit/motion.tsx';
import { isColumn, timelineSteps, type TimelineColumn, type TimelineScene } from './timelineColumn.ts';
import { FOCUS_R, MARK_R, type TimelineInput, type TimelineView, type TitleText } from './timelineLayout.ts';

const scenes = steppedMemo<TimelineScene>(48);

/** What the timeline is laid out from, for an event and a box. */
function timelineInput(model: ChartModel, eventId: string, box: ChartBox): TimelineInput {
  const events = model.data.timeline;
  const event = events.find((e) => e.id === eventId);
  return {
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
    heightIsMost: box.heightIsMost,
  };
}

const sceneKey = (eventId: string, box: ChartBox) => `${eventId}|${boxKey(box)}`;

/** The timeline's layout for an event and a box (across it, or down a tall one): computed once per model, event and box. */
function timelineScene(model: ChartModel, eventId: string, box: ChartBox): TimelineScene {
  return scenes.now(model, sceneKey(eventId, box), () => timelineSteps(timelineInput(model, eventId, box)));
}

/**
 * Jobs that lay the timeline out for every event the story stops at, for a box, ahead of need (at
 * idle), each in steps: one event's search took 60 ms at 4x CPU slowdown, one idle task after load.
 */
export function prepareTimeline(model: ChartModel, box: ChartBox): (() => Steps<void>)[] {
  return model.timelineFocus.map((id) => () => scenes.ahead(model, sceneKey(id, box), () => timelineSteps(timelineInput(model, id, box))));
}

/** A CSS transition from the story's one motion setting (kit/motion.tsx): none under reduced motion. */
function useCssTransition(properties: string[]): string {
  const t = useStoryTransition();
  const duration = typeof t.duration === 'number' ? t.duration : 0;
  const ease = Array.isArray(t.ease) ? `cubic-bezier(${t.ease.join(', ')})` : 'ease';
  return duration > 0 ? properties.map((p) => `${p} ${duration}s ${ease}`).join(', ') : 'none';
}

/** What the current event's title draws, across the box (centred over its mark) or down it (level with its mark). */
interface TitleDraw extends TitleText {
  down: boolean;
  x: number;
  y: number;
  alsoLines: string[];
  alsoBaselines: number[];
  alsoIds: string[];
}

function titleDraw(scene: TimelineScene): TitleDraw {
  if (isColumn(scene)) return { down: true, ...scene.title, alsoLines: [], alsoBaselines: [], alsoIds: [] };
  const { titleX, dateFont, dateBaseline, titleFont, titleLines, titleBaselines, alsoLines, alsoBaselines, alsoIds } = scene;
  return { down: false, x: titleX, y: 0, dateFont, dateBaseline, titleFont, titleLines, titleBaselines, alsoLines, alsoBaselines, alsoIds };
}

const titleTransform = (t: TitleDraw) => (t.down ? `translate(${t.x}px, ${t.y}px)` : `translateX(${t.x}px)`);

/** The focus's title: its date (bold), the event's label under it, and the events named with it. */
function FocusTitle({ title, dateText, ...rest }: { title: TitleDraw; dateText: string } & SVGProps<SVGTextElement>) {
  return (
    <text textAnchor={title.down ? 'start' : 'middle'} {...rest}>
      <tspan x={0} y={title.dateBaseline} className="g-strong" style={{ fontSize: title.dateFont }}>
        {dateText}
      </tspan>
      {title.titleLines.map((line, i) => (
        <tspan key={i} x={0} y={title.titleBaselines[i]} style={{ fontSize: title.titleFont }}>
          {line}
        </tspan>
      ))}
      {title.alsoLines.map((line, i) => (
        <tspan key={`also${i}`} x={0} y={title.alsoBaselines[i]} className="g-muted" data-also={title.alsoIds.join('+')}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The title shown, and the one it replaced while that fades out (none under reduced motion, or once the new one is in). */
interface TitleTrack {
  id: string;
  title: TitleDraw;
  dateText: string;
  leaving: { id: string; title: TitleDraw; dateText: string } | null;
}

/**
 * The timeline: one axis over the months the story stops in, the same at every timeline step, with
 * month and year ticks; the current event's date and label large by its mark, on a leader; the other
 * events labelled by theirs. Across the box (timelineLayout.ts), or down a desktop box about as tall
 * as it is wide or taller (timelineColumn.ts). Between timeline steps the focus (its mark, leader and title) slides along the
 * axis (CSS transitions on cx or cy and transform), and the title crossfades: the old one fades out
 * where it was while the new one fades in as it slides (CSS animations, graphics.css
 * .g-title-in/.g-title-out). Under reduced motion there is no transition, no animation and no old
 * title: the first frame is the end state.
 */
export function TimelineGraphic({ variant: eventId, box, model }: { variant: string; box: ChartBox; model: ChartModel }) {
  const events = model.data.timeline;
  const current = events.find((e) => e.id === eventId);
  const dateText = current ? formatIsoDate(current.date, model.units.months) : '';
  const { width, height, font, measured, heightIsMost } = box;
  const scene = useMemo(
    () => timelineScene(model, eventId, { width, height, font, measured, heightIsMost }),
    [model, eventId, width, height, font, measured, heightIsMost],
  );
  const title = useMemo(() => titleDraw(scene), [scene]);
  const slide = useCssTransition(['transform']);
  const reduced = useReducedMotion();

  // The title drawn last, kept from render to render (React's "information from previous renders"):
  // a new event makes the last one the leaving title.
  const [track, setTrack] = useState<TitleTrack>({ id: eventId, title, dateText, leaving: null });
  if (track.id !== eventId) {
    setTrack({ id: eventId, title, dateText, leaving: reduced ? null : { id: track.id, title: track.title, dateText: track.dateText } });
  } else if (track.title !== title || track.dateText !== dateText) {
    setTrack({ ...track, title, dateText });
  }
  const leaving = track.id === eventId && !reduced ? track.leaving : null;
  const entered = (e: AnimationEvent) => {
    if (e.animationName === 'g-title-in') setTrack((t) => (t.leaving ? { ...t, leaving: null } : t));
  };

  return (
    <ChartSvg
      box={{ ...box, font: scene.font }}
      height={scene.height}
      kind="timeline"
      data-event={eventId}
      data-orientation={isColumn(scene) ? 'down' : 'across'}
    >
      {current && (
        <g className="g-focus-title" style={{ transform: titleTransform(title), transition: slide }} data-title-x={title.x} data-title-y={title.y}>
          <FocusTitle
            key={current.id}
            title={title}
            dateText={dateText}
            className={leaving ? 'g-label g-title-in' : 'g-label'}
            data-highlight={current.id}
            data-label-of="focus"
            onAnimationEnd={entered}
          />
        </g>
      )}
      {leaving && (
        // Where it was, not sliding: it fades out as the new title arrives. Not a label of the chart's
        // (no data-label-of), so nothing reads it as one.
        <g style={{ transform: titleTransform(leaving.title) }} data-leaving-title={leaving.id}>
          <FocusTitle key={leaving.id} title={leaving.title} dateText={leaving.dateText} className="g-label g-title-out" />
        </g>
      )}
      {isColumn(scene) ? (
        <TrackDown scene={scene} eventId={eventId} hasCurrent={Boolean(current)} slide={slide} />
      ) : (
        <TrackAcross view={scene} eventId={eventId} hasCurrent={Boolean(current)} slide={slide} />
      )}
    </ChartSvg>
  );
}

interface TrackProps {
  eventId: string;
  hasCurrent: boolean;
  /** The focus's transform transition (none under reduced motion). */
  slide: string;
}

/** Across the box: the focus's leader up to its title, the axis, months, the other events' labels over it, and the marks. */
function TrackAcross({ view, eventId, hasCurrent, slide }: TrackProps & { view: TimelineView }) {
  const slideCx = useCssTransition(['cx']);
  const { axisY, scale } = view;
  return (
    <>
      {hasCurrent && (
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
          <MonthName key={m.key} month={m} />
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
        <Marks marks={view.marks.map((m) => ({ ...m, y: axisY }))} eventId={eventId} />
        {/* The current event drawn again, larger, over its neighbours' marks: one node at every step, so a step change slides it. */}
        {hasCurrent && (
          <circle
            data-focus-mark={eventId}
            cx={view.focusX}
            cy={axisY}
            r={FOCUS_R}
            style={{ cx: `${view.focusX}px`, transition: slideCx, fill: 'var(--fg)', stroke: 'var(--bg)', strokeWidth: 2 }}
          />
        )}
      </g>
    </>
  );
}

/** Down a tall box: the focus's leader across to its title, the axis with the months beside it, every other event's label in the column, and the marks. */
function TrackDown({ scene, eventId, hasCurrent, slide }: TrackProps & { scene: TimelineColumn }) {
  const slideCy = useCssTransition(['cy']);
  const { axisX, focus } = scene;
  return (
    <>
      {hasCurrent && (
        <g style={{ transform: `translateY(${focus.y}px)`, transition: slide }}>
          <line className="g-leader" data-leader-of="focus" x1={focus.leaderX1} x2={focus.leaderX2} y1={0} y2={focus.leaderDy} />
        </g>
      )}
      <g className="g-track">
        {/* The axis: solid over its window of months, dotted out to the events before and after it. */}
        <line className="g-axis" x1={axisX} x2={axisX} y1={scene.windowTop} y2={scene.windowBottom} />
        {scene.axisTop < scene.windowTop && <line className="g-axis" x1={axisX} x2={axisX} y1={scene.axisTop} y2={scene.windowTop} strokeDasharray="2 3" />}
        {scene.axisBottom > scene.windowBottom && (
          <line className="g-axis" x1={axisX} x2={axisX} y1={scene.windowBottom} y2={scene.axisBottom} strokeDasharray="2 3" />
        )}
        {scene.ticks.map((t) => (
          <line key={t.y} className={t.major ? 'g-axis' : 'g-rule'} data-tick={t.major ? 'year' : 'month'} x1={t.x1} x2={axisX} y1={t.y} y2={t.y} />
        ))}
        {scene.months.map((m) => (
          <MonthName key={m.key} month={m} anchor="end" />
        ))}
        {scene.labels.map((l) => (
          <g key={l.id} data-short-label={l.id}>
            <line className="g-rule" data-leader-of={l.id} x1={l.leader.x1} y1={l.leader.y1} x2={l.leader.x2} y2={l.leader.y2} />
            <text className="g-label g-muted" data-label-of={l.id}>
              {l.lines.map((line, i) => (
                <tspan key={i} x={l.box.x} y={l.baselines[i]}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
        <Marks marks={scene.marks} eventId={eventId} />
        {hasCurrent && (
          <circle
            data-focus-mark={eventId}
            cx={focus.x}
            cy={focus.y}
            r={FOCUS_R}
            style={{ cy: `${focus.y}px`, transition: slideCy, fill: 'var(--fg)', stroke: 'var(--bg)', strokeWidth: 2 }}
          />
        )}
      </g>
    </>
  );
}

/** A month's name on the axis; at a year tick, with the year in bold. */
function MonthName({ month: m, anchor }: { month: { key: string; text: string; year?: string; x: number; baseline: number }; anchor?: 'end' }) {
  return (
    <text className="g-label g-muted" data-month={m.key} x={m.x} y={m.baseline} textAnchor={anchor}>
      {m.text}
      {m.year && (
        <tspan className="g-strong" data-year={m.year}>
          {` ${m.year}`}
        </tspan>
      )}
    </text>
  );
}

/** Every event's mark, in date order at every step, so a step change only writes attributes. */
function Marks({ marks, eventId }: { marks: { id: string; x: number; y: number }[]; eventId: string }) {
  return marks.map((m) => {
    const on = m.id === eventId;
    return (
      <circle
        key={m.id}
        className="g-anim"
        data-event-mark={m.id}
        data-current={on ? 'true' : undefined}
        cx={m.x}
        cy={m.y}
        r={MARK_R}
        style={{ fill: on ? 'var(--fg)' : 'var(--muted)', stroke: 'var(--bg)', strokeWidth: 2 }}
      />
    );
  });
}

/** This graphic's code, as src/story/graphics/registry.ts finds it. */
export const graphic: GraphicOf<'timeline'> = { component: TimelineGraphic, prepare: prepareTimeline };
