import { m } from 'framer-motion';
import { useId } from 'react';
import councilMap from 'virtual:council-map';
import { useStoryTransition } from '../../motion.tsx';
import { derived } from '../../data/dataset.ts';
import { FONT_SIZE, LINE_HEIGHT, svgId } from '../text.ts';
import { marginOpacity } from './mapLabels.ts';
import { councilStyles, MAP_OFFSET, MAP_VIEW, mapKeyLayout, mapLabels, type MapVariant } from './mapModel.ts';

const KEY_X = 226;
const SWATCH = 14;

export function MapGraphic({ variant }: { variant: MapVariant }) {
  const transition = useStoryTransition();
  const hatchId = svgId(useId(), 'hatch');
  const styles = councilStyles(variant, hatchId);
  const labels = mapLabels(variant);
  const { items: keyItems, bottom: keyY } = mapKeyLayout(variant);
  const [dx, dy] = MAP_OFFSET;
  const maxMargin = Math.max(...derived.areas.map((a) => a.marginShare));

  return (
    <svg
      className="graphic-svg"
      viewBox={`0 0 ${MAP_VIEW.width} ${MAP_VIEW.height}`}
      aria-hidden="true"
      focusable="false"
      data-graphic-kind="map"
      data-variant={variant}
    >
      <defs>
        <pattern id={hatchId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" style={{ fill: 'var(--fg)', fillOpacity: 0.1 }} />
          <line x1="1.5" y1="0" x2="1.5" y2="6" style={{ stroke: 'var(--fg)', strokeOpacity: 0.55, strokeWidth: 2 }} />
        </pattern>
      </defs>
      <g transform={`translate(${dx} ${dy})`}>
        {styles.map((s) => (
          <m.path
            key={s.code}
            d={s.d}
            data-area={s.code}
            className="g-council"
            style={{ fill: s.fill }}
            initial={false}
            animate={{ fillOpacity: s.fillOpacity, strokeOpacity: s.emphasis === 'faint' ? 0.5 : 1 }}
            transition={transition}
          />
        ))}
        {councilMap.groups.map((g) => (
          <m.path
            key={g.group}
            d={g.d}
            className="g-group-outline"
            initial={false}
            animate={{ opacity: variant === 'region' ? 1 : 0 }}
            transition={transition}
          />
        ))}
      </g>
      {labels.map((label) => (
        <g key={`${variant}-${label.id}`} className="g-map-label" data-label-for={label.id} data-label={label.lines.join(' ')}>
          {label.leader && (
            <>
              <line className="g-leader" x1={label.leader.x1} y1={label.leader.y1} x2={label.leader.x2} y2={label.leader.y2} />
              <circle className="g-leader-dot" cx={label.anchor[0]} cy={label.anchor[1]} r={2.5} />
            </>
          )}
          <text className="g-label g-halo" x={label.textX} y={label.firstBaseline} textAnchor={label.textAnchor}>
            {label.lines.map((line, i) => (
              <tspan key={i} x={label.textX} dy={i === 0 ? 0 : LINE_HEIGHT} className={i === 0 ? 'g-strong' : undefined}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      {keyItems.map((item, i) => {
        const textX = item.swatch === 'none' ? KEY_X : KEY_X + SWATCH + 6;
        return (
          <g key={`${variant}-key-${i}`} className="g-key">
            {item.swatch === 'solid' && <rect x={KEY_X} y={item.y} width={SWATCH} height={SWATCH} style={{ fill: 'var(--fg)', fillOpacity: 0.42 }} />}
            {item.swatch === 'hatched' && (
              <rect x={KEY_X} y={item.y} width={SWATCH} height={SWATCH} className="g-group-outline" style={{ fill: `url(#${hatchId})`, strokeWidth: 1 }} />
            )}
            <text className="g-label" x={textX} y={item.y + FONT_SIZE * 0.85}>
              {item.lines.map((line, j) => (
                <tspan key={j} x={textX} dy={j === 0 ? 0 : LINE_HEIGHT} className={i === 0 && variant === 'result' ? 'g-strong' : undefined}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      {variant === 'result' && (
        <g className="g-key" aria-hidden="true">
          {[0.25, 0.6, 1].map((t, i) => (
            <rect
              key={t}
              x={KEY_X + i * (SWATCH + 2)}
              y={keyY}
              width={SWATCH}
              height={SWATCH}
              style={{ fill: `var(--c-${derived.winnerId})`, fillOpacity: marginOpacity(t * maxMargin, maxMargin) }}
            />
          ))}
        </g>
      )}
    </svg>
  );
}
