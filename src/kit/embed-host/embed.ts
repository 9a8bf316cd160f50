/**
 * embed.js: the script a newsroom puts on its article page, next to a placeholder
 *   <div data-{prefix}-src="https://…/story/" data-{prefix}-title="…"></div>
 * where {prefix} is the story's attribute prefix (__EMBED_PREFIX__, set at build time from the story's
 * configuration; src/kit/embed/names.d.ts).
 * It turns each placeholder into an iframe, sizes the frame to the story, streams the frame's
 * position and the reader's viewport to it once per animation frame while it is near the
 * viewport (the story cannot see the host's scroll from inside its frame), and scrolls the page
 * when the story asks (keyboard step-through). No framework, no dependencies: a few KB.
 *
 * Optional attributes on the placeholder:
 *   data-{prefix}-title       the frame's accessible title;
 *   data-{prefix}-height      the height (px) to reserve before the story reports its own;
 *   data-{prefix}-inset-top   the height (px) of the site's sticky header, which hides the top
 *                             of the viewport (or set --{prefix}-inset-top on <html>). Without
 *                             it, fixed or sticky elements along the viewport's top are found;
 *   data-{prefix}-pin         off: no sticky mode (the story moves its own graphic).
 *
 * It copes with pages built unlike a plain article: a frame inside an aspect-ratio wrapper gets the
 * wrapper sized to fit (with a console warning), an app shell whose <main> (or body) scrolls is
 * scrolled in place of the window, and positions in a zoomed or scaled page are sent with the
 * frame's own size, so the story can convert them.
 */
import {
  EMBED_ID_PARAM,
  parseChildMessage,
  toWire,
  type ChildGraphic,
  type ChildMessage,
  type ChildStep,
  type HostMessage,
  type LayerLayout,
} from '../embed/protocol.ts';
import { ancestorChain, createPinnedOverlay, describeAncestor, findPinBlocker, injectPrintRule, type PinnedOverlay } from './pinned.ts';

type Geometry = Omit<ChildGraphic, 'type' | 'id' | 'seq'>;

/** Sticky mode's graphic frame: one more checked window, with its own id and sequence numbers. */
interface GraphicFrame {
  overlay: PinnedOverlay;
  origin: string;
  id: string;
  seq: number;
  lastSeq: number;
  ready: boolean;
  drawn: boolean;
  /** The last layout sent to it, to send each one once. */
  layoutSent: string;
}

interface Frame {
  iframe: HTMLIFrameElement;
  id: string;
  origin: string;
  /** Our last outgoing sequence number. */
  seq: number;
  /** The child's last accepted sequence number. */
  lastSeq: number;
  /** The child has spoken: it listens. */
  ready: boolean;
  near: boolean;
  lastSent: string;
  insetTop: number | null;
  /** The frame's top and the time it was read, for the velocity the story predicts with. */
  lastTop: number;
  lastAt: number;
  rawVy: number;
  vy: number;
  /** Ancestors embed.js sized because they were shorter than the frame (aspect-ratio wrappers). */
  sized: HTMLElement[];
  warned: boolean;
  /** The placeholder embed.js built the frame in (null for an adopted iframe: relay only). */
  holder: HTMLElement | null;
  /** The holder's inline position before sticky mode made it a containing block. */
  holderPosition: string | null;
  mode: 'sticky' | 'relay' | null;
  /** The culprit last warned about, so each one is named once. */
  pinWarned: string;
  geometry: Geometry | null;
  step: Omit<ChildStep, 'type' | 'id' | 'seq'> | null;
  graphic: GraphicFrame | null;
  pinned: boolean;
  stickyTop: number;
  /** The inset the overlay was last placed for. */
  placedInset: number;
  insetSources: InsetSources | null;
}

interface InsetSources {
  /** When they were looked up, and for which viewport size. */
  at: number;
  size: string;
  /** The page's --<prefix>-inset-top, or -1. */
  css: number;
  scroller: HTMLElement | null;
  headers: Element[];
}

/** How long a lookup of the sticky header and the scroller stands while the page scrolls. */
const INSET_LOOKUP_MS = 250;

type Outgoing = HostMessage extends infer M ? (M extends HostMessage ? Omit<M, 'seq'> : never) : never;

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';
const DEFAULT_HEIGHT = 600;
/** The graphic frame only draws: no popups, no navigation. */
const GRAPHIC_SANDBOX = 'allow-scripts allow-same-origin';

interface Api {
  /** Upgrades placeholders added since (a CMS that renders blocks late). */
  scan(): void;
  /** Stops listening and streaming (a single-page site leaving the article); frames stay. */
  destroy(): void;
}

(function main() {
  // The page reaches us as window[__EMBED_GLOBAL__], the story's name for embed.js.
  const w = window as unknown as Window & Record<string, Api | undefined>;
  // Included twice (two embeds, one CMS block each): the first copy does the work.
  if (w[__EMBED_GLOBAL__]) {
    w[__EMBED_GLOBAL__]!.scan();
    return;
  }
  const doc = document;
  const frames: Frame[] = [];
  let counter = 0;
  let scheduled = false;
  let heights: { svh: number; lvh: number } | null = null;
  let heightProbes: HTMLElement[] | null = null;
  let printRule: HTMLStyleElement | null = null;

  const intOr = (text: string | null, fallback: number, min: number, max: number) => {
    const n = text === null || text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(n) && n >= min && n <= max ? Math.round(n) : fallback;
  };

  /** Small and large viewport heights (toolbars shown or hidden), measured with CSS units. */
  const viewportHeights = () => {
    if (heights) return heights;
    const fallback = { svh: w.innerHeight, lvh: w.innerHeight };
    if (!doc.body || !(typeof CSS !== 'undefined' && CSS.supports('height', '100svh'))) return fallback;
    if (!heightProbes) {
      heightProbes = ['100svh', '100lvh'].map((h) => {
        const el = doc.createElement('div');
        el.setAttribute('aria-hidden', 'true');
        el.style.cssText = `position:fixed;top:0;left:0;width:0;height:${h};visibility:hidden;pointer-events:none`;
        doc.body.appendChild(el);
        return el;
      });
    }
    heights = { svh: heightProbes[0].offsetHeight || fallback.svh, lvh: heightProbes[1].offsetHeight || fallback.lvh };
    return heights;
  };

  const now = () => (w.performance && w.performance.timeOrigin ? w.performance.timeOrigin + w.performance.now() : Date.now());

  const cssInset = () => {
    const fromCss = getComputedStyle(doc.documentElement).getPropertyValue(`--${__EMBED_PREFIX__}-inset-top`).trim();
    return fromCss ? intOr(fromCss.replace('px', ''), -1, 0, 1000) : -1;
  };

  /** The element that scrolls the frame into view: an app shell's <main>, body, or null (the window). */
  const scrollerOf = (el: Element): HTMLElement | null => {
    const root = doc.scrollingElement || doc.documentElement;
    const windowScrolls = root.scrollHeight > root.clientHeight + 1;
    for (let a = el.parentElement; a && a !== doc.documentElement; a = a.parentElement) {
      if (!/(auto|scroll|overlay)/.test(getComputedStyle(a).overflowY) || a.scrollHeight <= a.clientHeight + 1) continue;
      // Body's overflow moves to the window unless the root clips: then body is the scroller.
      if (a === doc.body && windowScrolls) continue;
      return a;
    }
    return null;
  };

  /**
   * Fixed or sticky elements along the top of the reader's viewport (a site header), found by
   * hit-testing a few points just below the top edge: at each point, the first such ancestor.
   */
  const findHeaders = (f: Frame, vw: number) => {
    const found: Element[] = [];
    for (const x of [0.2, 0.5, 0.8]) {
      for (let el = doc.elementFromPoint(vw * x, 1); el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
        if (el === f.iframe || el.contains(f.iframe)) break;
        const position = getComputedStyle(el).position;
        if (position !== 'fixed' && position !== 'sticky') continue;
        if (found.indexOf(el) < 0) found.push(el);
        break;
      }
    }
    return found;
  };

  /**
   * What the inset is measured from, looked up again at most every INSET_LOOKUP_MS while the page
   * scrolls and at once after a resize or a layout report: three hit tests and a style walk in every
   * frame cost a mid-range phone long frames (issue #16's trace). A header that slides away moves
   * its box, which is read every frame; only a header that appears from nothing waits for a lookup.
   */
  const insetSources = (f: Frame, vw: number, vh: number): InsetSources => {
    const t = now();
    const size = `${vw} ${vh}`;
    const s = f.insetSources;
    if (s && s.size === size && t - s.at < INSET_LOOKUP_MS) return s;
    f.insetSources = { at: t, size, css: cssInset(), scroller: scrollerOf(f.iframe), headers: findHeaders(f, vw) };
    return f.insetSources;
  };

  /**
   * How much of the viewport's top the reader cannot see the frame in: a sticky header, or the top
   * of the box that scrolls it. The page's own figure (attribute or CSS variable) wins.
   */
  const insetTop = (f: Frame, vw: number, vh: number) => {
    if (f.insetTop !== null) return f.insetTop;
    const s = insetSources(f, vw, vh);
    if (s.css >= 0) return s.css;
    let bottom = s.scroller ? Math.max(0, s.scroller.getBoundingClientRect().top) : 0;
    for (const el of s.headers) {
      const r = el.getBoundingClientRect();
      if (r.top <= 1 && r.bottom > bottom && r.bottom < vh / 2) bottom = r.bottom;
    }
    return Math.round(bottom);
  };

  /** Host pixels per story pixel: 1.5 under body { zoom: 1.5 }, 0.9 in a scale(0.9) column. */
  const scaleOf = (f: Frame, rect: DOMRect) => {
    const w0 = f.iframe.clientWidth;
    const scale = w0 > 0 ? rect.width / w0 : 1;
    return scale > 0.05 && scale < 20 ? scale : 1;
  };

  const post = (f: Frame, message: Outgoing) => {
    const target = f.iframe.contentWindow;
    if (!target) return;
    f.seq += 1;
    target.postMessage(toWire(Object.assign({ seq: f.seq }, message) as HostMessage), f.origin);
  };

  const postGraphic = (g: GraphicFrame, message: Outgoing) => {
    const target = g.overlay.graphic.contentWindow;
    if (!target) return;
    g.seq += 1;
    target.postMessage(toWire(Object.assign({}, message, { id: g.id, seq: g.seq }) as HostMessage), g.origin);
  };

  const sendViewport = (f: Frame) => {
    const vv = w.visualViewport;
    const vw = vv ? vv.width : w.innerWidth;
    const vh = vv ? vv.height : w.innerHeight;
    if (!(vw >= 1 && vh >= 1)) return;
    const rect = f.iframe.getBoundingClientRect();
    const { svh, lvh } = viewportHeights();
    const inset = Math.min(insetTop(f, vw, vh), Math.floor(vh / 2));
    // The sticky box moves with the page on the compositor; only a new inset (a header that
    // appeared or went) needs it placed again. Layout reports and resizes place it in updatePin.
    if (f.graphic && inset !== f.placedInset) placeOverlay(f, inset);
    const top = rect.top - (vv ? vv.offsetTop : 0);
    // The frame's speed over the last frame: the story looks one frame ahead with it, so the
    // graphic keeps up with a fast wheel. Zero once the frame stops (sent once more, below).
    const t = now();
    const dt = t - f.lastAt;
    // Frame to frame only (a gap means the page scrolled in jumps, not steadily).
    const raw = dt > 0 && dt < 25 ? Math.max(-50, Math.min(50, (top - f.lastTop) / dt)) : 0;
    // Only steady motion (two frames the same way) is extrapolated, at the slower of the two
    // speeds: a single jump (an anchor, a key press) or a slowing wheel must not overshoot.
    const vy = raw * f.rawVy > 0 ? (Math.abs(raw) < Math.abs(f.rawVy) ? raw : f.rawVy) : 0;
    f.rawVy = raw;
    f.lastTop = top;
    f.lastAt = t;
    const key = [vw, vh, top, rect.left, rect.width, rect.height, inset].join(' ');
    if (key === f.lastSent && (vy !== 0 || f.vy === 0)) return;
    f.lastSent = key;
    f.vy = vy;
    const message: Outgoing = {
      type: 'viewport',
      id: f.id,
      vw,
      vh,
      svh: svh >= 1 ? svh : vh,
      lvh: lvh >= 1 ? lvh : vh,
      top,
      left: rect.left - (vv ? vv.offsetLeft : 0),
      width: rect.width,
      height: rect.height,
      insetTop: inset,
      // The frame's own layout width: with rect.width it gives the host's zoom or scale.
      frameWidth: f.iframe.clientWidth || rect.width,
      vy,
      t,
    };
    post(f, message);
  };

  const flush = () => {
    scheduled = false;
    let moving = false;
    for (const f of frames) {
      if (!(f.near && f.ready)) continue;
      sendViewport(f);
      if (f.vy !== 0) moving = true;
    }
    // Look again next frame: either the page still moves, or it stopped and the story hears so.
    if (moving) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    w.requestAnimationFrame(flush);
  };
  const onResize = () => {
    heights = null;
    // A resize can add or lift what stops sticky mode (a breakpoint's overflow), and moves the section.
    for (const f of frames) updatePin(f);
    schedule();
  };

  // Near = within a viewport's height of the screen: start streaming before the frame shows.
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const f = frames.find((x) => x.iframe === entry.target);
        if (!f) continue;
        if (entry.isIntersecting) {
          f.near = true;
          schedule();
        } else if (f.near) {
          f.near = false;
          // One last position, so a jump far past the story still lands on its final state.
          if (f.ready) {
            sendViewport(f);
            post(f, { type: 'bye', id: f.id });
          }
        }
      }
    },
    { rootMargin: '100% 0px' },
  );

  const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
  const important = (el: HTMLElement, props: Record<string, string>) => {
    for (const k of Object.keys(props)) el.style.setProperty(k, props[k], 'important');
  };

  /**
   * A theme's aspect-ratio wrapper (padding-top: 56.25%, overflow: hidden, the iframe absolute at
   * height 100%) would clip the story to a sliver. Size every box that holds only the frame and is
   * shorter than it, and say so in the console; warn if something else still clips it.
   */
  const fitAncestors = (f: Frame, height: number) => {
    const px = `${height}px`;
    important(f.iframe, { height: px, 'max-height': 'none', 'min-height': '0' });
    for (const el of f.sized) important(el, { height: px });
    const frameRect = f.iframe.getBoundingClientRect();
    const fixed: string[] = [];
    for (let child: Element = f.iframe, a = f.iframe.parentElement; a && a !== doc.body; child = a, a = a.parentElement) {
      if (a.children.length !== 1 || a.children[0] !== child) break;
      if (f.sized.indexOf(a) >= 0) continue;
      const r = a.getBoundingClientRect();
      if (r.height >= frameRect.height - 1 || /(auto|scroll|overlay)/.test(getComputedStyle(a).overflowY)) continue;
      important(a, {
        height: px,
        'min-height': '0',
        'max-height': 'none',
        'padding-top': '0',
        'padding-bottom': '0',
        'aspect-ratio': 'auto',
        overflow: 'visible',
      });
      f.sized.push(a);
      fixed.push(describe(a));
    }
    if (fixed.length)
      console.warn(
        `[embed.js] ${fixed.join(' in ')} was shorter than the story and would have clipped it; embed.js sized it to fit. Place the embed code outside aspect-ratio wrappers.`,
      );
    if (f.warned) return;
    const fr = f.iframe.getBoundingClientRect();
    for (let a = f.iframe.parentElement; a && a !== doc.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (!/(hidden|clip)/.test(s.overflowY)) continue;
      const r = a.getBoundingClientRect();
      if (r.top <= fr.top + 1 && r.bottom >= fr.bottom - 1) continue;
      f.warned = true;
      console.warn(
        `[embed.js] ${describe(a)} (overflow: ${s.overflowY}) clips the story frame to ${Math.round(Math.max(0, Math.min(r.bottom, fr.bottom) - Math.max(r.top, fr.top)))} of ${Math.round(fr.height)} px. Readers will not see all of it.`,
      );
      break;
    }
  };

  // ------------------------------------------------------------------ sticky mode (pinned.ts)

  /** Where the sticky box sticks in its scroller: below the header, from the scroller's own top. */
  const placeOverlay = (f: Frame, inset: number) => {
    if (!f.graphic || !f.geometry) return;
    f.placedInset = inset;
    const scroller = scrollerOf(f.iframe);
    const scrollerTop = scroller ? Math.max(0, scroller.getBoundingClientRect().top) : 0;
    f.stickyTop = Math.max(0, inset - scrollerTop);
    f.graphic.overlay.place(f.geometry, f.stickyTop);
    sendLayout(f);
  };

  /** What the graphic frame draws where in the layer it covers; sent only when it changed. */
  const sendLayout = (f: Frame) => {
    const g = f.graphic;
    if (!g || !g.ready || !f.geometry) return;
    const l = f.geometry;
    const message: LayerLayout = {
      layerWidth: l.layerWidth,
      layerHeight: l.layerHeight,
      boxLeft: l.boxLeft,
      boxTop: l.boxTop,
      boxWidth: l.boxWidth,
      boxHeight: l.boxHeight,
      navLeft: l.navLeft,
      navTop: l.navTop,
      navWidth: l.navWidth,
      navHeight: l.navHeight,
      layout: l.layout,
    };
    const key = JSON.stringify(message);
    if (key === g.layoutSent) return;
    g.layoutSent = key;
    postGraphic(g, Object.assign({ type: 'layout', id: '' } as const, message));
  };

  /** Sticky, or the relayed graphic: the host's opt-out, a box that clips or scrolls, a scaled or zoomed frame. */
  const chooseMode = (f: Frame): 'sticky' | 'relay' => {
    const holder = f.holder;
    if (!holder || holder.getAttribute(`data-${__EMBED_PREFIX__}-pin`) === 'off') return 'relay';
    const blocker = findPinBlocker(ancestorChain(doc, holder, scrollerOf(f.iframe)));
    const rect = f.iframe.getBoundingClientRect();
    const scaled = Math.abs(scaleOf(f, rect) - 1) > 0.01;
    const culprit = blocker ? `${describeAncestor(blocker.culprit)} (${blocker.reason})` : scaled ? 'a zoom or scale around the frame' : '';
    if (culprit && culprit !== f.pinWarned) {
      f.pinWarned = culprit;
      console.warn(`[embed.js] ${culprit} stops the story's graphic from being pinned by the page; the story places it itself (it may trail a fast scroll).`);
    }
    return culprit ? 'relay' : 'sticky';
  };

  const unpin = (f: Frame) => {
    if (f.graphic) {
      f.graphic.overlay.remove();
      f.graphic = null;
    }
    if (f.pinned) {
      f.pinned = false;
      post(f, { type: 'pin', id: f.id, on: false });
    }
  };

  /** Re-decides the mode and lays, moves or removes the overlay; on every layout report and resize. */
  const updatePin = (f: Frame) => {
    // The layout moved: the header or the scroller may be other elements now.
    f.insetSources = null;
    if (!f.holder) return;
    const mode = chooseMode(f);
    if (mode !== f.mode) {
      f.mode = mode;
      f.holder.setAttribute(`data-${__EMBED_PREFIX__}-pinned`, mode);
    }
    const g = f.geometry;
    if (mode !== 'sticky' || !g || g.sectionHeight <= 0 || !f.ready) {
      unpin(f);
      return;
    }
    if (!f.graphic) {
      if (getComputedStyle(f.holder).position === 'static') {
        f.holderPosition = f.holder.style.position;
        f.holder.style.position = 'relative';
      }
      if (!printRule) printRule = injectPrintRule(doc);
      const src = new URL(__EMBED_GRAPHIC_PAGE__, f.iframe.src);
      src.search = '';
      src.searchParams.set(EMBED_ID_PARAM, `${f.id}-g`);
      const overlay = createPinnedOverlay(doc, f.holder, f.iframe, src.href, `${f.iframe.title} (graphic)`, GRAPHIC_SANDBOX);
      f.graphic = { overlay, origin: f.origin, id: `${f.id}-g`, seq: 0, lastSeq: 0, ready: false, drawn: false, layoutSent: '' };
      // Tells a graphic frame that loaded before its hello reached us that we listen.
      overlay.graphic.addEventListener('load', () => f.graphic && f.graphic.overlay === overlay && greetGraphic(f, f.graphic));
    }
    const vh = w.visualViewport ? w.visualViewport.height : w.innerHeight;
    placeOverlay(f, Math.min(insetTop(f, w.innerWidth, vh), Math.floor(vh / 2)));
  };

  /**
   * The layout, then hello: a graphic page that hears hello with no layout before it knows its host
   * pins the graphic alone (embed.js before December 2026) and fills its frame with the graphic.
   */
  const greetGraphic = (f: Frame, g: GraphicFrame) => {
    g.ready = true;
    g.layoutSent = '';
    sendLayout(f);
    postGraphic(g, { type: 'hello', id: '' });
  };

  const onGraphicMessage = (f: Frame, g: GraphicFrame, event: MessageEvent) => {
    let m = parseChildMessage(event.data, g.id, g.lastSeq);
    if (!m) {
      const restart = parseChildMessage(event.data, g.id, 0);
      if (!restart || restart.type !== 'hello' || restart.seq !== 1) return;
      m = restart;
    }
    g.lastSeq = m.seq;
    if (m.type === 'hello') {
      greetGraphic(f, g);
      if (f.step) postGraphic(g, Object.assign({ type: 'step', id: '' } as const, f.step));
    } else if (m.type === 'drawn' && !g.drawn) {
      g.drawn = true;
      g.overlay.show();
      // Only now does the story stop drawing its own layer: never a frame with neither.
      f.pinned = true;
      post(f, { type: 'pin', id: f.id, on: true, layer: true });
    }
  };

  const onHeight = (f: Frame, height: number) => {
    const before = f.iframe.getBoundingClientRect();
    if (f.iframe.clientHeight !== height) {
      f.iframe.style.height = `${height}px`;
      fitAncestors(f, height);
      // Browsers without scroll anchoring would shift the article under a reader who is below it.
      const after = f.iframe.getBoundingClientRect();
      if (before.bottom < 0 && !(typeof CSS !== 'undefined' && CSS.supports('overflow-anchor', 'auto'))) w.scrollBy(0, after.height - before.height);
      // A wrapper sized just now may have been what stopped sticky mode; the overlay moves with the frame too.
      updatePin(f);
    }
    schedule();
  };

  const onScrollTo = (f: Frame, y: number, smooth: boolean) => {
    const rect = f.iframe.getBoundingClientRect();
    const vw = w.innerWidth;
    const vh = w.innerHeight;
    // y is in the story's pixels; the page may be zoomed or scaled around the frame.
    const within = Math.min(Math.max(0, y), f.iframe.clientHeight || rect.height) * scaleOf(f, rect);
    const delta = rect.top + within - insetTop(f, vw, vh);
    const reduce = w.matchMedia && w.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const behavior: ScrollBehavior = smooth && !reduce ? 'smooth' : 'auto';
    // An app shell scrolls its <main> (or body), not the window: scroll whatever holds the frame.
    const scroller = scrollerOf(f.iframe);
    if (scroller) scroller.scrollBy({ top: delta, behavior });
    else w.scrollTo({ top: Math.max(0, w.scrollY + delta), behavior });
  };

  const onMessage = (event: MessageEvent) => {
    if (!event.source) return;
    let f: Frame | undefined;
    for (const x of frames) {
      if (x.iframe.contentWindow === event.source) f = x;
      // The graphic frame: the same origin check, its own id and count.
      const g = x.graphic;
      if (g && g.overlay.graphic.contentWindow === event.source) {
        if (event.origin === g.origin) onGraphicMessage(x, g, event);
        return;
      }
    }
    if (!f || event.origin !== f.origin) return;
    let m: ChildMessage | null = parseChildMessage(event.data, f.id, f.lastSeq);
    if (!m) {
      // A reloaded story starts counting again, always with hello #1.
      const restart = parseChildMessage(event.data, f.id, 0);
      if (!restart || restart.type !== 'hello' || restart.seq !== 1) return;
      m = restart;
    }
    f.lastSeq = m.seq;
    const wasReady = f.ready;
    f.ready = true;
    if (m.type === 'hello') {
      post(f, { type: 'hello', id: f.id });
      f.lastSent = '';
    } else if (m.type === 'height') onHeight(f, m.height);
    else if (m.type === 'scrollTo') onScrollTo(f, m.y, m.smooth);
    else if (m.type === 'graphic') {
      f.geometry = m;
      updatePin(f);
    } else if (m.type === 'step') {
      f.step = { index: m.index, progress: m.progress, story: m.story, focus: m.focus };
      if (f.graphic && f.graphic.ready) postGraphic(f.graphic, Object.assign({ type: 'step', id: '' } as const, f.step));
    }
    if (m.type === 'hello' && f.pinned) post(f, { type: 'pin', id: f.id, on: true, layer: true });
    if (!wasReady || m.type === 'hello') schedule();
  };
  w.addEventListener('message', onMessage);

  const register = (iframe: HTMLIFrameElement, id: string, origin: string, inset: number | null, holder: HTMLElement | null) => {
    const f: Frame = {
      iframe,
      id,
      origin,
      seq: 0,
      lastSeq: 0,
      ready: false,
      near: false,
      lastSent: '',
      insetTop: inset,
      lastTop: 0,
      lastAt: 0,
      rawVy: 0,
      vy: 0,
      sized: [],
      warned: false,
      holder,
      holderPosition: null,
      mode: null,
      pinWarned: '',
      geometry: null,
      step: null,
      graphic: null,
      pinned: false,
      stickyTop: 0,
      placedInset: -1,
      insetSources: null,
    };
    if (!holder) iframe.setAttribute(`data-${__EMBED_PREFIX__}-pinned`, 'relay');
    frames.push(f);
    near.observe(iframe);
    // Tells a story that loaded before this script (or reloaded) that a host is listening.
    iframe.addEventListener('load', () => post(f, { type: 'hello', id: f.id }));
  };

  const httpUrl = (raw: string | null): URL | null => {
    if (!raw) return null;
    try {
      const url = new URL(raw, location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
    } catch {
      return null;
    }
  };

  const upgrade = (el: HTMLElement) => {
    el.setAttribute(`data-${__EMBED_PREFIX__}-ready`, '');
    const url = httpUrl(el.getAttribute(`data-${__EMBED_PREFIX__}-src`));
    if (!url) return;
    counter += 1;
    const id = `${__EMBED_PREFIX__}-${counter}`;
    url.searchParams.set(EMBED_ID_PARAM, id);
    const iframe = doc.createElement('iframe');
    iframe.src = url.href;
    iframe.title = el.getAttribute(`data-${__EMBED_PREFIX__}-title`) || 'Interactive story';
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.setAttribute(`data-${__EMBED_PREFIX__}-embed`, id);
    iframe.setAttribute(`data-${__EMBED_PREFIX__}-ready`, '');
    const height = intOr(el.getAttribute(`data-${__EMBED_PREFIX__}-height`), DEFAULT_HEIGHT, 150, 5000);
    iframe.style.cssText = `display:block;width:1px;min-width:100%;border:0;margin:0;height:${height}px`;
    const inset = el.hasAttribute(`data-${__EMBED_PREFIX__}-inset-top`) ? intOr(el.getAttribute(`data-${__EMBED_PREFIX__}-inset-top`), 0, 0, 1000) : null;
    // The placeholder's own content (a link to the story) is for readers without this script.
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(iframe);
    register(iframe, id, url.origin, inset, el);
  };

  /** An iframe pasted by hand with data-{prefix}-embed: adopt it as it is. */
  const adopt = (iframe: HTMLIFrameElement) => {
    iframe.setAttribute(`data-${__EMBED_PREFIX__}-ready`, '');
    const url = httpUrl(iframe.getAttribute('src'));
    if (!url) return;
    const id = url.searchParams.get(EMBED_ID_PARAM) || '';
    if (!/^[A-Za-z0-9_-]{0,64}$/.test(id)) return;
    const inset = iframe.hasAttribute(`data-${__EMBED_PREFIX__}-inset-top`)
      ? intOr(iframe.getAttribute(`data-${__EMBED_PREFIX__}-inset-top`), 0, 0, 1000)
      : null;
    register(iframe, id, url.origin, inset, null);
    const f = frames[frames.length - 1];
    post(f, { type: 'hello', id });
  };

  const scan = () => {
    doc.querySelectorAll<HTMLElement>(`div[data-${__EMBED_PREFIX__}-src]:not([data-${__EMBED_PREFIX__}-ready])`).forEach(upgrade);
    doc.querySelectorAll<HTMLIFrameElement>(`iframe[data-${__EMBED_PREFIX__}-embed]:not([data-${__EMBED_PREFIX__}-ready])`).forEach(adopt);
  };

  doc.addEventListener('scroll', schedule, { capture: true, passive: true });
  w.addEventListener('resize', onResize, { passive: true });
  w.addEventListener('orientationchange', onResize, { passive: true });
  if (w.visualViewport) {
    w.visualViewport.addEventListener('resize', onResize, { passive: true });
    w.visualViewport.addEventListener('scroll', schedule, { passive: true });
  }
  // The article may move the frame without scrolling (an ad above it loads late).
  const bodyWatch = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  const watchBody = () => bodyWatch && bodyWatch.observe(doc.body);
  if (doc.body) watchBody();
  else doc.addEventListener('DOMContentLoaded', watchBody);

  const destroy = () => {
    w.removeEventListener('message', onMessage);
    doc.removeEventListener('scroll', schedule, { capture: true });
    w.removeEventListener('resize', onResize);
    w.removeEventListener('orientationchange', onResize);
    if (w.visualViewport) {
      w.visualViewport.removeEventListener('resize', onResize);
      w.visualViewport.removeEventListener('scroll', schedule);
    }
    if (bodyWatch) bodyWatch.disconnect();
    near.disconnect();
    // Sticky mode leaves nothing behind: the story draws its own graphic again, the page is as it was.
    for (const f of frames) {
      unpin(f);
      if (f.holder) {
        f.holder.removeAttribute(`data-${__EMBED_PREFIX__}-pinned`);
        if (f.holderPosition !== null) f.holder.style.position = f.holderPosition;
      }
    }
    if (printRule) printRule.remove();
    printRule = null;
    frames.length = 0;
    delete w[__EMBED_GLOBAL__];
  };

  w[__EMBED_GLOBAL__] = { scan, destroy };
  scan();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', scan);
})();
