import { m, useTransform, type MotionValue, useReducedMotion } from 'framer-motion';
import { useId } from 'react';
import storyOutline from 'virtual:story-outline';
import { dataset } from '../../data/dataset.ts';
import { formatIsoDate } from '../../data/format.ts';
import { useStoryTransition } from '../../motion.tsx';
import { balancedWrap, FONT_SIZE_LARGE, r1, svgId } from '../text.ts';
import { isoToDay, placeShortLabels, timelineCentre, unitsPerDay, yearStarts } from './timelineLayout.ts';

export const TIMELINE_VIEW = { width: 400, height: 300 } as const;
const W = TIMELINE_VIEW.width;
const H = TIMELINE_VIEW.height;
const AXIS_Y = 150;
const ROWS = { rows: 4, rowHeight: 18, top: AXIS_Y + 14, padding: 8 };
const TITLE_Y = 34;
const LABEL_LINE = 19;

const events = dataset.timeline;
/** The events the story stops at; the track's scale is chosen for them. */
const focusIds = storyOutline.filter((s) => s.graphic.startsWith('timeline:')).map((s) => s.graphic.slice('timeline:'.length));
const day0 = events.length ? isoToDay(events[0].date) : 0;
/** Units per day: each story event stays in view until the window reaches the next event. */
const K = unitsPerDay(events, focusIds, W / 2, 36, 3);
const x = (day: number) => r1((day - day0) * K);
const years = yearStarts(events);

export function TimelineGraphic({ eventId, progress }: { eventId: string; progress: MotionValue<number> }) {
  const transition = useStoryTransition();
  const uid = useId();
  const clipId = svgId(uid, 'clip');
  const fadeId = svgId(uid, 'fade');
  // Per frame: a transform on the track, not a React render.
  // Under reduced motion the timeline does not pan with the scroll: it stays centred on the event.
  const reduced = useReducedMotion();
  const shift = useTransform(progress, (p) => W / 2 - x(timelineCentre(events, eventId, reduced ? 0 : p)));
  const current = events.find((e) => e.id === eventId);
  const labels = placeShortLabels(events, eventId, (d) => x(d), ROWS);
  const titleLines = current ? balancedWrap(current.label, W - 40, FONT_SIZE_LARGE) : [];
  const titleBottom = TITLE_Y + titleLines.length * LABEL_LINE + 4;

  return (
    <svg className="graphic-svg" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" data-graphic-kind="timeline" data-event={eventId}>
      <defs>
        <clipPath id={clipId}>
          <rect x="0" y="0" width={W} height={H} />
        </clipPath>
        <linearGradient id={fadeId}>
          <stop offset="0" style={{ stopColor: 'var(--bg)', stopOpacity: 1 }} />
          <stop offset="1" style={{ stopColor: 'var(--bg)', stopOpacity: 0 }} />
        </linearGradient>
      </defs>
      {current && (
        <text className="g-label g-large" x={W / 2} y={TITLE_Y} textAnchor="middle" data-highlight={current.id}>
          <tspan x={W / 2} className="g-strong">
            {formatIsoDate(current.date)}
          </tspan>
          {titleLines.map((line, i) => (
            <tspan key={i} x={W / 2} dy={LABEL_LINE}>
              {line}
            </tspan>
          ))}
        </text>
      )}
      <g clipPath={`url(#${clipId})`}>
        <m.g className="g-track" style={{ x: shift }}>
          {years.map((y) => (
            <g key={y.year}>
              <line className="g-rule" x1={x(y.day)} x2={x(y.day)} y1={AXIS_Y - 12} y2={H - 6} />
              <text className="g-label g-muted" x={x(y.day) + 4} y={H - 8}>
                {y.year}
              </text>
            </g>
          ))}
          <line className="g-axis" x1={x(years[0]?.day ?? day0)} x2={x(years[years.length - 1]?.day ?? day0)} y1={AXIS_Y} y2={AXIS_Y} />
          {labels.map((l) => (
            <g key={l.id} data-short-label={l.id}>
              {l.row > 0 && <line className="g-rule" x1={l.box.x + l.box.width / 2} x2={l.box.x + l.box.width / 2} y1={AXIS_Y + 6} y2={l.box.y + 2} />}
              <text className="g-label g-muted g-halo" x={l.box.x + l.box.width / 2} y={l.box.y + 13} textAnchor="middle">
                {l.text}
              </text>
            </g>
          ))}
          {current && <line className="g-leader" x1={x(isoToDay(current.date))} x2={x(isoToDay(current.date))} y1={titleBottom} y2={AXIS_Y - 10} />}
          {[...events.filter((e) => e.id !== eventId), ...(current ? [current] : [])].map((e) => {
            const on = e.id === eventId;
            return (
              <m.circle
                key={e.id}
                data-event-mark={e.id}
                data-current={on ? 'true' : undefined}
                cx={x(isoToDay(e.date))}
                cy={AXIS_Y}
                style={{ fill: on ? 'var(--fg)' : 'var(--muted)', stroke: 'var(--bg)', strokeWidth: 2 }}
                initial={false}
                animate={{ r: on ? 8 : 4.5, opacity: on ? 1 : 0.75 }}
                transition={transition}
              />
            );
          })}
        </m.g>
        <rect x="0" y={AXIS_Y - 16} width="28" height={H - AXIS_Y + 16} style={{ fill: `url(#${fadeId})` }} />
        <rect
          x={W - 28}
          y={AXIS_Y - 16}
          width="28"
          height={H - AXIS_Y + 16}
          transform={`rotate(180 ${W - 14} ${(AXIS_Y - 16 + H) / 2})`}
          style={{ fill: `url(#${fadeId})` }}
        />
      </g>
    </svg>
  );
}
