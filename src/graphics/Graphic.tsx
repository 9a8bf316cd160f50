// TEMPORARY STUB written by the lead so the page builds; the graphics engineer replaces this file entirely.
import type { MotionValue } from 'framer-motion';

export interface GraphicProps {
  stateId: string;
  progress: MotionValue<number>;
}

export function Graphic({ stateId }: GraphicProps) {
  return (
    <svg viewBox="0 0 400 300" aria-hidden="true" focusable="false" data-graphic-kind={stateId.split(':')[0]}>
      <rect x="0" y="0" width="400" height="300" fill="none" stroke="currentColor" />
      <text x="200" y="150" textAnchor="middle">
        {stateId}
      </text>
    </svg>
  );
}
