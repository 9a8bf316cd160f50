/**
 * embed.js sticky mode, the host's side. The story's auto-height frame cannot pin its own graphic
 * (it never scrolls), so embed.js lays a second frame of the story, its graphic layer alone (the
 * story's graphic-only page, __EMBED_GRAPHIC_PAGE__: the graphic, the step control and the band
 * around them), in a `position: sticky` box over the part of the text frame the scrolly section
 * occupies. The host's compositor then keeps all of it still while the reader scrolls, as CSS
 * sticky does on the story's own page; no script is in that loop.
 *
 * Sticky needs every box between the placeholder and the scroller to let it stick: one that clips
 * or scrolls (overflow other than visible) becomes the sticky box's scroller, and one that is scaled
 * or rotated would misplace the overlay against the frame. Those hosts keep the relayed graphic.
 */
import type { ChildGraphic } from '../embed/protocol.ts';

/** The computed style of one ancestor, as far as sticky mode cares. */
export interface AncestorStyle {
  tag: string;
  id: string;
  className: string;
  overflowX: string;
  overflowY: string;
  transform: string;
  scale: string;
  rotate: string;
  zoom: string;
  /** body whose overflow the browser applies to the viewport instead (the root's overflow is visible). */
  propagated: boolean;
}

export interface PinBlocker {
  culprit: AncestorStyle;
  reason: string;
}

const CLIPS = /^(hidden|auto|scroll|clip|overlay)$/;

/** A transform that moves only (translate) keeps the overlay aligned; scale, rotate or skew do not. */
export function transformMisplaces(transform: string): boolean {
  const t = transform.trim();
  if (t === '' || t === 'none') return false;
  const m = /^matrix\(([^)]*)\)$/.exec(t);
  if (!m) return true;
  const [a, b, c, d] = m[1].split(',').map((v) => Number(v.trim()));
  return !(a === 1 && b === 0 && c === 0 && d === 1);
}

/**
 * The first ancestor (placeholder first, up to but not including the scroller) that stops sticky
 * mode, or null. Pure: embed.js hands it computed styles, a test hands it a fake chain.
 */
export function findPinBlocker(chain: readonly AncestorStyle[]): PinBlocker | null {
  for (const a of chain) {
    if (!a.propagated && (CLIPS.test(a.overflowX) || CLIPS.test(a.overflowY)))
      return { culprit: a, reason: `overflow: ${a.overflowX === a.overflowY ? a.overflowY : `${a.overflowX} ${a.overflowY}`}` };
    if (transformMisplaces(a.transform)) return { culprit: a, reason: `transform: ${a.transform}` };
    if (a.scale && a.scale !== 'none' && a.scale !== '1') return { culprit: a, reason: `scale: ${a.scale}` };
    if (a.rotate && a.rotate !== 'none' && !/^0(deg)?$/.test(a.rotate)) return { culprit: a, reason: `rotate: ${a.rotate}` };
    if (a.zoom && a.zoom !== '1' && a.zoom !== 'normal' && a.zoom !== '100%') return { culprit: a, reason: `zoom: ${a.zoom}` };
  }
  return null;
}

export function describeAncestor(a: Pick<AncestorStyle, 'tag' | 'id' | 'className'>): string {
  const classes = a.className.trim().split(/\s+/).filter(Boolean);
  return `<${a.tag}${a.id ? `#${a.id}` : ''}${classes.length ? `.${classes.join('.')}` : ''}>`;
}

/** The ancestors from `from` up to (not including) `scroller`, or up to <html> when the window scrolls. */
export function ancestorChain(doc: Document, from: HTMLElement, scroller: HTMLElement | null): AncestorStyle[] {
  const chain: AncestorStyle[] = [];
  const rootStyle = getComputedStyle(doc.documentElement);
  const rootVisible = rootStyle.overflowX === 'visible' && rootStyle.overflowY === 'visible';
  for (let a: HTMLElement | null = from; a && a !== scroller && a !== doc.documentElement; a = a.parentElement) {
    const s = getComputedStyle(a);
    const style = s as CSSStyleDeclaration & { zoom?: string; scale?: string; rotate?: string };
    chain.push({
      tag: a.tagName.toLowerCase(),
      id: a.id,
      className: typeof a.className === 'string' ? a.className : '',
      overflowX: s.overflowX,
      overflowY: s.overflowY,
      transform: s.transform,
      scale: style.scale ?? '',
      rotate: style.rotate ?? '',
      zoom: style.zoom ?? '',
      propagated: a === doc.body && rootVisible,
    });
  }
  return chain;
}

type Geometry = Omit<ChildGraphic, 'type' | 'id' | 'seq'>;

export interface PinnedOverlay {
  readonly graphic: HTMLIFrameElement;
  /** Lays the overlay over the frame's section, with the sticky box at `stickyTop` in the scroller. */
  place(g: Geometry, stickyTop: number): void;
  /** The graphic frame has drawn: show it (until then it is laid out and running, but unseen). */
  show(): void;
  remove(): void;
}

/**
 * The overlay: an absolutely placed box over the frame's scrolly section, holding a sticky box as
 * tall as the story's graphic layer, holding the graphic frame over that layer. None of it takes
 * pointer events: every click, tap and wheel reaches the text frame, whose step control (unseen
 * while pinned) lies under the copy the graphic frame draws, and the graphic is not interactive.
 */
export function createPinnedOverlay(doc: Document, holder: HTMLElement, text: HTMLIFrameElement, src: string, title: string, sandbox: string): PinnedOverlay {
  const overlay = doc.createElement('div');
  overlay.setAttribute(`data-${__EMBED_PREFIX__}-overlay`, '');
  overlay.setAttribute('aria-hidden', 'true');
  overlay.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;margin:0;padding:0;border:0;pointer-events:none;box-sizing:border-box';
  const sticky = doc.createElement('div');
  sticky.style.cssText = 'position:-webkit-sticky;position:sticky;top:0;margin:0;padding:0;border:0;pointer-events:none;box-sizing:border-box';
  const graphic = doc.createElement('iframe');
  graphic.src = src;
  graphic.title = title;
  graphic.setAttribute('aria-hidden', 'true');
  graphic.setAttribute('tabindex', '-1');
  graphic.setAttribute('inert', '');
  graphic.setAttribute('scrolling', 'no');
  graphic.setAttribute('sandbox', sandbox);
  graphic.setAttribute(`data-${__EMBED_PREFIX__}-graphic`, '');
  graphic.style.cssText = 'position:absolute;display:block;border:0;margin:0;padding:0;pointer-events:none;opacity:0;left:0;top:0;width:0;height:0';
  sticky.appendChild(graphic);
  overlay.appendChild(sticky);
  // Right after the text frame: later in the tree, so it paints over it without a z-index.
  holder.insertBefore(overlay, text.nextSibling);
  let last = '';
  return {
    graphic,
    place(g, stickyTop) {
      const key = [text.offsetLeft, text.offsetTop, text.offsetWidth, stickyTop, ...Object.values(g)].join(' ');
      if (key === last) return;
      last = key;
      const px = (n: number) => `${Math.round(n * 100) / 100}px`;
      Object.assign(overlay.style, {
        left: px(text.offsetLeft),
        top: px(text.offsetTop + g.sectionTop),
        width: px(text.offsetWidth),
        height: px(g.sectionHeight),
      });
      // The story keeps its layer at the viewport's top and inside its section: a sticky box does the same.
      Object.assign(sticky.style, { top: px(stickyTop), marginTop: px(g.layerTop), height: px(g.layerHeight) });
      Object.assign(graphic.style, { left: px(g.layerLeft), top: '0px', width: px(g.layerWidth), height: px(g.layerHeight) });
    },
    show() {
      graphic.style.opacity = '';
    },
    remove() {
      overlay.remove();
    },
  };
}

/** Print shows the story's own printable frame, never the overlay. A rule, not a style attribute: CSP-safe via CSSOM. */
export function injectPrintRule(doc: Document): HTMLStyleElement | null {
  const style = doc.createElement('style');
  style.setAttribute(`data-${__EMBED_PREFIX__}-embed-style`, '');
  (doc.head || doc.documentElement).appendChild(style);
  try {
    style.sheet?.insertRule(`@media print { [data-${__EMBED_PREFIX__}-overlay] { display: none !important; } }`, 0);
  } catch {
    style.remove();
    return null;
  }
  return style;
}
