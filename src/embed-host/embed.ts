/**
 * embed.js: the script a newsroom puts on its article page, next to a placeholder
 *   <div data-driscoll-src="https://…/driscoll/" data-driscoll-title="…"></div>
 * It turns each placeholder into an iframe, sizes the frame to the story, streams the frame's
 * position and the reader's viewport to it once per animation frame while it is near the
 * viewport (the story cannot see the host's scroll from inside its frame), and scrolls the page
 * when the story asks (keyboard step-through). No framework, no dependencies: a few KB.
 *
 * Optional attributes on the placeholder:
 *   data-driscoll-title       the frame's accessible title;
 *   data-driscoll-height      the height (px) to reserve before the story reports its own;
 *   data-driscoll-inset-top   the height (px) of the site's sticky header, which hides the top
 *                             of the viewport (or set --driscoll-inset-top on <html>).
 */
import { EMBED_ID_PARAM, parseChildMessage, toWire, type ChildMessage, type HostMessage } from '../embed/protocol.ts';

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
}

type Outgoing = HostMessage extends infer M ? (M extends HostMessage ? Omit<M, 'seq'> : never) : never;

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';
const DEFAULT_HEIGHT = 600;

interface Api {
  /** Upgrades placeholders added since (a CMS that renders blocks late). */
  scan(): void;
  /** Stops listening and streaming (a single-page site leaving the article); frames stay. */
  destroy(): void;
}

(function main() {
  const w = window as Window & { DriscollEmbed?: Api };
  // Included twice (two embeds, one CMS block each): the first copy does the work.
  if (w.DriscollEmbed) {
    w.DriscollEmbed.scan();
    return;
  }
  const doc = document;
  const frames: Frame[] = [];
  let counter = 0;
  let scheduled = false;
  let heights: { svh: number; lvh: number } | null = null;
  let heightProbes: HTMLElement[] | null = null;

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

  const insetTop = (f: Frame) => {
    if (f.insetTop !== null) return f.insetTop;
    const fromCss = getComputedStyle(doc.documentElement).getPropertyValue('--driscoll-inset-top');
    return intOr(fromCss.replace('px', ''), 0, 0, 1000);
  };

  const post = (f: Frame, message: Outgoing) => {
    const target = f.iframe.contentWindow;
    if (!target) return;
    f.seq += 1;
    target.postMessage(toWire(Object.assign({ seq: f.seq }, message) as HostMessage), f.origin);
  };

  const sendViewport = (f: Frame) => {
    const vv = w.visualViewport;
    const vw = vv ? vv.width : w.innerWidth;
    const vh = vv ? vv.height : w.innerHeight;
    if (!(vw >= 1 && vh >= 1)) return;
    const rect = f.iframe.getBoundingClientRect();
    const { svh, lvh } = viewportHeights();
    const inset = Math.min(insetTop(f), Math.floor(vh / 2));
    const message: Outgoing = {
      type: 'viewport',
      id: f.id,
      vw,
      vh,
      svh: svh >= 1 ? svh : vh,
      lvh: lvh >= 1 ? lvh : vh,
      top: rect.top - (vv ? vv.offsetTop : 0),
      left: rect.left - (vv ? vv.offsetLeft : 0),
      width: rect.width,
      height: rect.height,
      insetTop: inset,
    };
    const key = [vw, vh, message.top, message.left, rect.width, rect.height, inset].join(' ');
    if (key === f.lastSent) return;
    f.lastSent = key;
    post(f, message);
  };

  const flush = () => {
    scheduled = false;
    for (const f of frames) if (f.near && f.ready) sendViewport(f);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    w.requestAnimationFrame(flush);
  };
  const onResize = () => {
    heights = null;
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

  const onHeight = (f: Frame, height: number) => {
    const before = f.iframe.getBoundingClientRect();
    if (Math.round(before.height) === height) return;
    f.iframe.style.height = `${height}px`;
    // Browsers without scroll anchoring would shift the article under a reader who is below it.
    if (before.bottom < 0 && !(typeof CSS !== 'undefined' && CSS.supports('overflow-anchor', 'auto'))) w.scrollBy(0, height - before.height);
    schedule();
  };

  const onScrollTo = (f: Frame, y: number, smooth: boolean) => {
    const rect = f.iframe.getBoundingClientRect();
    const within = Math.min(Math.max(0, y), rect.height);
    const top = w.scrollY + rect.top + within - insetTop(f);
    const reduce = w.matchMedia && w.matchMedia('(prefers-reduced-motion: reduce)').matches;
    w.scrollTo({ top: Math.max(0, top), behavior: smooth && !reduce ? 'smooth' : 'auto' });
  };

  const onMessage = (event: MessageEvent) => {
    if (!event.source) return;
    let f: Frame | undefined;
    for (const x of frames) if (x.iframe.contentWindow === event.source) f = x;
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
    else onScrollTo(f, m.y, m.smooth);
    if (!wasReady || m.type === 'hello') schedule();
  };
  w.addEventListener('message', onMessage);

  const register = (iframe: HTMLIFrameElement, id: string, origin: string, inset: number | null) => {
    const f: Frame = { iframe, id, origin, seq: 0, lastSeq: 0, ready: false, near: false, lastSent: '', insetTop: inset };
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
    el.setAttribute('data-driscoll-ready', '');
    const url = httpUrl(el.getAttribute('data-driscoll-src'));
    if (!url) return;
    counter += 1;
    const id = `driscoll-${counter}`;
    url.searchParams.set(EMBED_ID_PARAM, id);
    const iframe = doc.createElement('iframe');
    iframe.src = url.href;
    iframe.title = el.getAttribute('data-driscoll-title') || 'Interactive story';
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.setAttribute('data-driscoll-embed', id);
    iframe.setAttribute('data-driscoll-ready', '');
    const height = intOr(el.getAttribute('data-driscoll-height'), DEFAULT_HEIGHT, 150, 5000);
    iframe.style.cssText = `display:block;width:1px;min-width:100%;border:0;margin:0;height:${height}px`;
    const inset = el.hasAttribute('data-driscoll-inset-top') ? intOr(el.getAttribute('data-driscoll-inset-top'), 0, 0, 1000) : null;
    // The placeholder's own content (a link to the story) is for readers without this script.
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(iframe);
    register(iframe, id, url.origin, inset);
  };

  /** An iframe pasted by hand with data-driscoll-embed: adopt it as it is. */
  const adopt = (iframe: HTMLIFrameElement) => {
    iframe.setAttribute('data-driscoll-ready', '');
    const url = httpUrl(iframe.getAttribute('src'));
    if (!url) return;
    const id = url.searchParams.get(EMBED_ID_PARAM) || '';
    if (!/^[A-Za-z0-9_-]{0,64}$/.test(id)) return;
    const inset = iframe.hasAttribute('data-driscoll-inset-top') ? intOr(iframe.getAttribute('data-driscoll-inset-top'), 0, 0, 1000) : null;
    register(iframe, id, url.origin, inset);
    const f = frames[frames.length - 1];
    post(f, { type: 'hello', id });
  };

  const scan = () => {
    doc.querySelectorAll<HTMLElement>('div[data-driscoll-src]:not([data-driscoll-ready])').forEach(upgrade);
    doc.querySelectorAll<HTMLIFrameElement>('iframe[data-driscoll-embed]:not([data-driscoll-ready])').forEach(adopt);
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
    frames.length = 0;
    delete w.DriscollEmbed;
  };

  w.DriscollEmbed = { scan, destroy };
  scan();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', scan);
})();
