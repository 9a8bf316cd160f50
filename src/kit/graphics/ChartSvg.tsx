import type { ReactNode, SVGProps } from 'react';
import type { ChartBox } from './box.ts';

/**
 * The root <svg> of every graphic. A measured box draws at exactly its size in CSS pixels (1 unit =
 * 1 px, so text is the size it says); the default box (prerendered, static copies) scales to the
 * width it is given. The label font size is set once here; text inherits it.
 */
export function ChartSvg({
  box,
  height,
  kind,
  children,
  ...rest
}: { box: ChartBox; height?: number; kind: string; children?: ReactNode } & Omit<SVGProps<SVGSVGElement>, 'height' | 'width' | 'viewBox'>) {
  const h = Math.ceil(height ?? box.height);
  return (
    <svg
      className={box.measured ? 'graphic-svg graphic-svg-measured' : 'graphic-svg'}
      viewBox={`0 0 ${box.width} ${h}`}
      style={box.measured ? { width: box.width, height: h, fontSize: box.font } : { fontSize: box.font }}
      aria-hidden="true"
      focusable="false"
      data-graphic-kind={kind}
      data-font={box.font}
      {...rest}
    >
      {children}
    </svg>
  );
}
