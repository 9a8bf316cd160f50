import { m } from 'framer-motion';
import { candidate, derived } from '../../data/dataset.ts';
import { formatCount, formatPoints } from '../../data/format.ts';
import { useStoryTransition } from '../../motion.tsx';
import { AREAS_PLOT, AREAS_VIEW, areasLayout } from './areasLayout.ts';

const panels = areasLayout(derived.areas, [derived.closestByVotes.code, derived.closestByShare.code]);

/** "McGuinness +1,411 (2.0 points)". */
export function marginCaption(winnerSurname: string, marginVotes: number, marginShare: number): string {
  return `${winnerSurname} +${formatCount(marginVotes)} (${formatPoints(marginShare)})`;
}

export function AreasGraphic() {
  const transition = useStoryTransition();
  const right = AREAS_VIEW.width - AREAS_PLOT.left;
  return (
    <svg className="graphic-svg" viewBox={`0 0 ${AREAS_VIEW.width} ${AREAS_VIEW.height}`} aria-hidden="true" focusable="false" data-graphic-kind="areas">
      {panels.map(({ area, y, bars, close }) => (
        <g
          key={area.code}
          data-area={area.code}
          data-winner={area.winnerId}
          data-runner-up={area.runnerUpId}
          data-margin={area.marginVotes}
          data-close={close ? 'true' : undefined}
        >
          {close && (
            <rect x={0} y={y - 2} width={AREAS_VIEW.width} height={AREAS_PLOT.panelHeight - 2} rx={4} style={{ fill: 'var(--fg)', fillOpacity: 0.07 }} />
          )}
          <text className="g-label g-strong" x={AREAS_PLOT.left} y={y + AREAS_PLOT.headerBaseline}>
            {area.label}
          </text>
          <text className={close ? 'g-label g-strong' : 'g-label'} x={right} y={y + AREAS_PLOT.headerBaseline} textAnchor="end" data-caption="">
            {marginCaption(candidate(area.winnerId).surname, area.marginVotes, area.marginShare)}
          </text>
          {bars.map((bar) => {
            const c = candidate(bar.id);
            return (
              <g key={bar.id} data-candidate={bar.id} data-votes={bar.votes}>
                <m.rect
                  x={AREAS_PLOT.left}
                  y={bar.y}
                  height={AREAS_PLOT.barHeight}
                  style={{ fill: `var(--c-${bar.id})` }}
                  initial={false}
                  animate={{ width: bar.width }}
                  transition={transition}
                />
                <text className="g-label" x={AREAS_PLOT.left + bar.width + 5} y={bar.y + 11.5}>
                  <tspan className="g-strong">{c.surname}</tspan>
                  <tspan className="g-muted"> {c.partyShort}</tspan>
                  <tspan> {formatCount(bar.votes)}</tspan>
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
