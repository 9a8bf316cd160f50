/**
 * In-page probes of phone-first reading (issue #8), shared by the Chromium-only phone tests
 * (tests/browser/phone.test.ts, playwright-core) and the cross-engine ones
 * (tests/browser/engines/phone.engines.test.ts, every engine through the adapter). Each function
 * is handed to `evaluate` and runs in the page, so it must not close over anything in this module
 * (only types are shared).
 */

export interface StoryReport {
  /** Per step: scroll positions sampled while it was active and in view, and how many showed ≥ 90% of the marks. */
  steps: Record<string, { positions: number; good: number }>;
  /**
   * Text blocks (step:index) not readable with their step active and ≥ 90% of the marks shown: never
   * wholly on screen and uncovered at one position, nor (for a block taller than the space there is
   * to read it in) every 8 px row of it at some position.
   */
  unread: string[];
  /** Blocks read only row by row: taller than the reading space at this size (for the log). */
  inParts: string[];
  positions: number;
  /** Positions that showed less than 90% of the marks: step@y=score, for the log. */
  weak: string[];
}

/**
 * Scrolls the whole story in the page, 24 px at a time, and at each position measures (after the
 * page has caught up: two frames, more if the graphic is still switching):
 * - how much of the graphic's drawn marks (path, rect, text, line, circle; their boxes clipped to
 *   the graphic's own box) is inside the viewport and under no step text, step control or opaque
 *   step background (hit-tested with pointer events forced on, so paint order decides);
 * - which of the active step's paragraphs, quotes and list items are wholly on screen and uncovered.
 *
 * Hit-testing needs every layer to take pointer events. That is forced with a constructed style
 * sheet (adoptedStyleSheets), which the page's CSP (style-src 'self') allows in every engine, so no
 * engine needs its CSP bypassed (Firefox and WebKit cannot) and no CSP violation is reported.
 */
export async function sampleStoryInPage(stride: number): Promise<StoryReport> {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const root = document.documentElement;
  // Hit-testing must see every layer, including those that let taps through.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('* { pointer-events: auto !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const storyRoot = document.querySelector<HTMLElement>('[data-active-step]')!;
  const graphic = document.querySelector<HTMLElement>('[data-graphic]')!;
  const stepEls = [...document.querySelectorAll<HTMLElement>('[data-step]')];
  const texts = stepEls.map((s) => [
    ...s.querySelectorAll<HTMLElement>('.step-card > p:not(.step-count, .step-sources, .visually-hidden), .step-card blockquote, .step-card li'),
  ]);
  const blocks = stepEls.map((s) => [...s.querySelectorAll<HTMLElement>('.step-card > :not(.visually-hidden)')]);
  const TEXT = new Set(['P', 'H1', 'H2', 'H3', 'BLOCKQUOTE', 'FIGCAPTION', 'LI', 'A', 'SPAN', 'BUTTON', 'FIGURE']);
  const opaque = new Map<Element, boolean>();
  const isOpaque = (el: Element) => {
    let o = opaque.get(el);
    if (o === undefined) {
      const bg = getComputedStyle(el).backgroundColor;
      o = !(bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg));
      opaque.set(el, o);
    }
    return o;
  };
  const covers = (hit: Element | null): boolean => {
    if (!hit) return true;
    if (hit.closest('[data-graphic], [data-graphic-preview]')) return false;
    if (hit.closest('.nav-layer')) return true;
    const steps = hit.closest('.steps');
    if (!steps) return false;
    for (let el: Element | null = hit; el && el !== steps; el = el.parentElement) if (TEXT.has(el.tagName) || isOpaque(el)) return true;
    return false;
  };
  const POINTS = [
    [0.5, 0.5],
    [0.2, 0.2],
    [0.8, 0.2],
    [0.2, 0.8],
    [0.8, 0.8],
  ];
  const markScore = () => {
    const vw = root.clientWidth;
    const vh = window.innerHeight;
    const box = graphic.getBoundingClientRect();
    const marks = [...graphic.querySelectorAll('svg :is(path, rect, text, line, circle)')].filter(
      (m) => !m.closest('defs, clipPath, pattern, mask, linearGradient, radialGradient, marker, symbol'),
    );
    let sum = 0;
    let count = 0;
    for (const m of marks) {
      const r = m.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const x0 = Math.max(r.left, box.left);
      const x1 = Math.min(r.right, box.right);
      const y0 = Math.max(r.top, box.top);
      const y1 = Math.min(r.bottom, box.bottom);
      if (x1 < x0 || y1 < y0) continue;
      count++;
      const vx0 = Math.max(x0, 0);
      const vx1 = Math.min(x1, vw);
      const vy0 = Math.max(y0, 0);
      const vy1 = Math.min(y1, vh);
      if (vx1 < vx0 || vy1 < vy0) continue;
      const inView = (Math.max(vx1 - vx0, 1) * Math.max(vy1 - vy0, 1)) / (Math.max(x1 - x0, 1) * Math.max(y1 - y0, 1));
      let clear = 0;
      for (const [fx, fy] of POINTS) {
        const x = Math.min(vx0 + fx * (vx1 - vx0), vw - 0.5);
        const y = Math.min(vy0 + fy * (vy1 - vy0), vh - 0.5);
        if (!covers(document.elementFromPoint(x, y))) clear++;
      }
      sum += inView * (clear / POINTS.length);
    }
    return count === 0 ? 0 : sum / count;
  };
  const whollyReadable = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > root.clientWidth) return false;
    for (const fx of [0.03, 0.5, 0.97])
      for (const fy of [0.03, 0.5, 0.97]) {
        const hit = document.elementFromPoint(r.left + fx * r.width, r.top + fy * r.height);
        if (!hit || !el.contains(hit)) return false;
      }
    return true;
  };

  const report: StoryReport = { steps: {}, unread: [], inParts: [], positions: 0, weak: [] };
  const read = new Set<string>();
  const rowsSeen = new Map<string, Set<number>>();
  const ROW = 8;
  const seeRows = (el: HTMLElement, key: string) => {
    const r = el.getBoundingClientRect();
    const seen = rowsSeen.get(key) ?? new Set<number>();
    rowsSeen.set(key, seen);
    for (let row = 0; row * ROW < r.height; row++) {
      const y = r.top + Math.min(row * ROW + ROW / 2, r.height - 1);
      if (seen.has(row) || y < 0 || y >= window.innerHeight) continue;
      const clear = [0.1, 0.5, 0.9].every((fx) => {
        const hit = document.elementFromPoint(r.left + fx * r.width, y);
        return !!hit && el.contains(hit);
      });
      if (clear) seen.add(row);
    }
  };
  const allRowsSeen = (el: HTMLElement, key: string) => (rowsSeen.get(key)?.size ?? 0) >= Math.ceil(el.getBoundingClientRect().height / ROW);
  for (const s of stepEls) report.steps[s.id] = { positions: 0, good: 0 };
  const last = stepEls[stepEls.length - 1].getBoundingClientRect();
  // The reading area starts below the band (portrait phones) or at the top (side by side).
  const bandHeight = root.dataset.layout === 'band' ? document.querySelector<HTMLElement>('.graphic-layer')!.offsetHeight : 0;
  const end = Math.min(last.bottom + window.scrollY - bandHeight, root.scrollHeight - window.innerHeight);
  // From a screen above the first step (no step is active before that) to the end of the last one
  // reaching the top of the reading area: past that no story text is left to read, and the band
  // leaves with the story's end.
  const start = Math.max(0, Math.floor((stepEls[0].getBoundingClientRect().top + window.scrollY - window.innerHeight) / stride) * stride);
  for (let y = start; y <= end; y += stride) {
    window.scrollTo(0, y);
    await frame();
    await frame();
    // The graphic may still be switching (or its code arriving): wait for the active step's state.
    let active = '';
    let index = -1;
    for (let i = 0; i < 40; i++) {
      active = storyRoot.dataset.activeStep ?? '';
      index = stepEls.findIndex((s) => s.id === active);
      if (index < 0 || (graphic.dataset.graphicState === stepEls[index].dataset.graphicState && graphic.querySelector('svg') && !('deepLink' in root.dataset)))
        break;
      await frame();
    }
    if (index < 0) continue;
    const inView = blocks[index].some((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    if (!inView) continue;
    report.positions++;
    const score = graphic.dataset.graphicState === stepEls[index].dataset.graphicState ? markScore() : 0;
    report.steps[active].positions++;
    if (score < 0.9) report.weak.push(`${active}@${y}=${score.toFixed(2)}`);
    if (score >= 0.9) {
      report.steps[active].good++;
      texts[index].forEach((t, i) => {
        const key = `${active}:${i}`;
        if (read.has(key)) return;
        if (whollyReadable(t)) read.add(key);
        else seeRows(t, key);
      });
    }
  }
  texts.forEach((list, s) =>
    list.forEach((el, i) => {
      const key = `${stepEls[s].id}:${i}`;
      if (read.has(key)) return;
      if (allRowsSeen(el, key)) report.inParts.push(`${key} (${Math.round(el.getBoundingClientRect().height)} px)`);
      else report.unread.push(key);
    }),
  );
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  return report;
}

/** Where step `stepId`'s second paragraph is, whether it is uncovered, and which step is active. */
export function readingStateInPage(stepId: string) {
  const p = document.querySelectorAll<HTMLElement>(`#${stepId} .step-card > p:not(.step-count):not(.step-sources):not(.visually-hidden)`)[1];
  const r = p.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, Math.min(r.top + r.height / 2, window.innerHeight - 1));
  return {
    active: document.querySelector<HTMLElement>('[data-active-step]')!.dataset.activeStep,
    top: r.top,
    bottom: r.bottom,
    height: window.innerHeight,
    // Not under the graphic's band or anything else.
    uncovered: !!hit && p.contains(hit),
  };
}

/** Scrolls so step `stepId`'s second paragraph sits 40% down the screen (below the graphic's band, if any). */
export function placeSecondParagraphInPage(stepId: string): void {
  const p = document.querySelectorAll<HTMLElement>(`#${stepId} .step-card > p:not(.step-count):not(.step-sources):not(.visually-hidden)`)[1];
  const band = document.documentElement.dataset.layout === 'band' ? document.querySelector('.graphic-layer')!.getBoundingClientRect().height : 0;
  const top = Math.max(window.innerHeight * 0.4, band);
  window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - top);
}

export interface RecordedFrame {
  y: number;
  /** data-graphic-state of every drawn, visible graphic (the sticky one and any preview) on screen; none while unstyled. */
  states: (string | null)[];
}

/**
 * Installed before the page's own scripts: records, every animation frame from the first, the
 * scroll position and the state of every graphic that is drawn and visible on screen, in
 * window.__frames. Graphics are read only once the page's stylesheets are in: Firefox 140.12 runs
 * its first frames before them (headless, its first contentful paint came before they arrived in 4
 * of 8 loads here), when the page is unstyled text and no graphic is pinned or hidden (a deep link's
 * live graphic, hidden by CSS until it shows the step, counted as shown then).
 */
export function recordGraphicFramesInPage(): void {
  const w = window as unknown as { __frames: RecordedFrame[] };
  w.__frames = [];
  const loop = () => {
    const states: (string | null)[] = [];
    const styled = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')).every((link) => link.sheet);
    for (const el of styled ? document.querySelectorAll<HTMLElement>('[data-graphic], [data-graphic-preview]') : []) {
      if (!el.querySelector('svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.bottom <= 0 || r.top >= window.innerHeight) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      states.push(el.getAttribute('data-graphic-state'));
    }
    w.__frames.push({ y: window.scrollY, states });
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}
