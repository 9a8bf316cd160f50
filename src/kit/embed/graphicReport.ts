/**
 * Sticky mode, the text frame's side: tells the host where the scrolly section and its graphic are
 * for the current layout (so embed.js can lay its own graphic frame over the same place, pinned by
 * the host's compositor), and hides our own graphic once the host says its copy is drawn. The
 * graphic's space is kept: only the drawing goes, so nothing in the text moves.
 */
import type { ChildGraphic } from './protocol.ts';
import { graphicPinned, layerPinned, type Flag } from './sharedProgress.ts';

export type GraphicGeometry = Omit<ChildGraphic, 'type' | 'id' | 'seq'>;

/** Nothing to pin: a stacked layout, or a context where the story draws its own graphic. */
export const NO_GRAPHIC: GraphicGeometry = {
  sectionTop: 0,
  sectionHeight: 0,
  layerLeft: 0,
  layerTop: 0,
  layerWidth: 0,
  layerHeight: 0,
  boxLeft: 0,
  boxTop: 0,
  boxWidth: 0,
  boxHeight: 0,
  navLeft: 0,
  navTop: 0,
  navWidth: 0,
  navHeight: 0,
  layout: '',
};

/** Whole pixels, so sub-pixel jitter in a layout pass does not re-send the same geometry. */
export function geometryKey(g: GraphicGeometry): string {
  return Object.values(g)
    .map((v) => (typeof v === 'number' ? Math.round(v) : v))
    .join(' ');
}

/**
 * Measures the section and its graphic in document coordinates. Offsets, not client rects, for the
 * layer and the box: the story engine moves the layer with a transform, and the host wants where it
 * is laid out, not where the last relayed position put it.
 */
export function measureGraphic(doc: Document): GraphicGeometry {
  const root = doc.documentElement;
  // No section selector: the story has no graphic-only page, so nothing for the host to pin.
  const section = __STORY_SECTION__ ? doc.querySelector<HTMLElement>(__STORY_SECTION__) : null;
  const layer = section?.querySelector<HTMLElement>(__STORY_GRAPHIC_LAYER__);
  const box = layer?.querySelector<HTMLElement>(__STORY_GRAPHIC_BOX__);
  if (!section || !layer || !box || root.dataset.embedContext !== 'auto' || root.dataset.layout === 'stacked') return NO_GRAPHIC;
  if (layer.offsetParent !== section || box.offsetParent !== layer) return NO_GRAPHIC;
  const rect = section.getBoundingClientRect();
  const view = doc.defaultView;
  const g: GraphicGeometry = {
    sectionTop: rect.top + (view?.scrollY ?? 0),
    sectionHeight: rect.height,
    layerLeft: layer.offsetLeft,
    layerTop: layer.offsetTop,
    layerWidth: layer.offsetWidth,
    layerHeight: layer.offsetHeight,
    boxLeft: box.offsetLeft,
    boxTop: box.offsetTop,
    boxWidth: box.offsetWidth,
    boxHeight: box.offsetHeight,
    ...controlBox(section, layer),
    layout: root.dataset.layout ?? '',
  };
  return g.sectionHeight > 0 && g.boxWidth > 0 && g.boxHeight > 0 ? g : NO_GRAPHIC;
}

/**
 * The step control's layer in the graphic layer's pixels (all 0 for a story without one). Both are
 * placed in the section and moved together by the engine, so their offsets compare directly.
 */
function controlBox(section: HTMLElement, layer: HTMLElement): Pick<GraphicGeometry, 'navLeft' | 'navTop' | 'navWidth' | 'navHeight'> {
  const nav = __STORY_NAV_LAYER__ ? section.querySelector<HTMLElement>(__STORY_NAV_LAYER__) : null;
  if (!nav || nav.offsetParent !== section) return { navLeft: 0, navTop: 0, navWidth: 0, navHeight: 0 };
  return { navLeft: nav.offsetLeft - layer.offsetLeft, navTop: nav.offsetTop - layer.offsetTop, navWidth: nav.offsetWidth, navHeight: nav.offsetHeight };
}

/**
 * Reports the geometry whenever a layout change may have moved it (the section or the graphic
 * resized, the layout or context flipped), once per change.
 */
export function startGraphicReport(win: Window, report: (g: GraphicGeometry) => void): { refresh(): void; stop(): void } {
  const doc = win.document;
  let last = '';
  let scheduled = false;
  const send = () => {
    scheduled = false;
    const g = measureGraphic(doc);
    const key = geometryKey(g);
    if (key === last) return;
    last = key;
    report(g);
  };
  // After the layout pass that caused it, and even in a frame the browser does not draw (off screen).
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    win.setTimeout(send, 0);
  };
  const sizes = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  const watch = () => {
    sizes?.disconnect();
    if (!__STORY_SECTION__) return;
    const section = doc.querySelector(__STORY_SECTION__);
    for (const el of [section, section?.querySelector(__STORY_GRAPHIC_LAYER__), section?.querySelector(__STORY_GRAPHIC_BOX__)]) if (el) sizes?.observe(el);
  };
  watch();
  const flips = new MutationObserver(schedule);
  flips.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-layout', 'data-embed-context'] });
  schedule();
  return {
    refresh() {
      last = '';
      watch();
      schedule();
    },
    stop() {
      sizes?.disconnect();
      flips.disconnect();
      setGraphicPinned(doc, false);
    },
  };
}

/**
 * Our own graphic stops (or resumes) drawing; its space stays (CSS: :root[data-graphic-pinned]).
 * With `layer`, the graphic frame draws the whole layer, control included: data-graphic-pinned="layer"
 * tells the CSS to stop drawing those too, leaving the control working but unseen.
 */
export function setGraphicPinned(doc: Document, on: boolean, layer = false, flag: Flag = graphicPinned, layerFlag: Flag = layerPinned): void {
  const root = doc.documentElement;
  if (on) root.dataset.graphicPinned = layer ? 'layer' : '';
  else delete root.dataset.graphicPinned;
  flag.set(on);
  layerFlag.set(on && layer);
}
