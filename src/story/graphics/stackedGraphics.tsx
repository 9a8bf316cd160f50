/**
 * The stacked layout of a tiny viewport (data-layout="stacked", a phone at 200% page zoom): each
 * step's own graphic is shown. The prerendered copies are drawn for a 320 px default box, so scaled
 * down to a 195 px screen their text would be half size; here each copy is redrawn for its measured
 * width, at its natural height, so its text keeps its legible size.
 */
import { motionValue } from 'framer-motion';
import { createRoot } from 'react-dom/client';
import { LiveGraphic } from './LiveGraphic.tsx';

/** A static copy shows its state complete. */
const COMPLETE = motionValue(1);

let drawn = false;

/** Redraws every step's static graphic for its own box; once (they follow their boxes from then on). */
export function drawStackedGraphics(): void {
  if (drawn) return;
  drawn = true;
  for (const slot of document.querySelectorAll<HTMLElement>('[data-static-graphic-state]')) {
    const stateId = slot.dataset.staticGraphicState;
    if (!stateId || slot.closest('[data-graphic-preview]')) continue;
    createRoot(slot).render(<LiveGraphic stateId={stateId} progress={COMPLETE} naturalHeight />);
  }
}

/** Draws them as soon as the layout is (or becomes) stacked. */
export function watchStackedLayout(root: HTMLElement = document.documentElement): void {
  const check = () => {
    if (root.dataset.layout !== 'stacked') return;
    observer.disconnect();
    drawStackedGraphics();
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { attributes: true, attributeFilter: ['data-layout'] });
  check();
}
