/**
 * The wire formats between the story (child) and the page that embeds it (host): our own
 * namespaced JSON protocol, the Pym.js string protocol, and AMP's embed-size. Validators are
 * hand-written and return null for anything unexpected: a hostile page may post anything, and the
 * only safe reaction is to drop it without a sound. Pure, DOM-free, shared by both sides.
 */

/** The namespace field of every message: the story's own (a build-time constant, src/kit/embed/names.d.ts). */
export const SENTINEL = __EMBED_SENTINEL__;
export const PROTOCOL_VERSION = 1;
/** Query parameter carrying the embed id that our host script gives each frame. */
export const EMBED_ID_PARAM = 'embedId';

/** Highest sequence number accepted: far above a year of 60 messages/s, far below float trouble. */
export const MAX_SEQ = 2 ** 31;
/**
 * Largest step between two accepted sequence numbers. Messages never get lost between two windows,
 * so a real peer counts up by one; a forged message with a huge number must not be able to make
 * every later real one look stale.
 */
export const MAX_SEQ_STEP = 10_000;
/** Fastest frame speed accepted, in px per ms (50 000 px/s). */
const MAX_SPEED = 50;
export const MAX_HEIGHT = 100_000;
const MAX_VIEWPORT = 20_000;
const MAX_OFFSET = 1e7;
const MAX_SCROLL_Y = 1e6;
/** Far more steps than any story has: an index past it is not from our peer. */
const MAX_STEPS = 1000;
/** The most focusable parts a step control has (ours has two buttons). */
const MAX_CONTROL_PARTS = 20;

// ---------------------------------------------------------------------------------------------
// Host -> child

export interface HostHello {
  type: 'hello';
  id: string;
  seq: number;
}

/** The frame's rect in the reader's viewport and that viewport's size, once per animation frame. */
export interface HostViewport {
  type: 'viewport';
  id: string;
  seq: number;
  /** Reader's (visual) viewport width and height. */
  vw: number;
  vh: number;
  /** Small and large viewport heights measured on the host (toolbars shown / hidden). */
  svh: number;
  lvh: number;
  /** The frame's border box relative to the visual viewport. */
  top: number;
  left: number;
  width: number;
  height: number;
  /** Height of the host's own sticky header, which hides the top of the viewport. */
  insetTop: number;
  /**
   * The frame's own layout width, so width / frameWidth is the host's zoom or scale around it.
   * Optional (embed.js before November 2026 did not send it): absent means 1:1.
   */
  frameWidth?: number;
  /** The frame's speed in px per ms as last measured, and when (epoch ms); optional. */
  vy?: number;
  t?: number;
}

/** The frame left the zone near the viewport: the stream pauses, on purpose. */
export interface HostBye {
  type: 'bye';
  id: string;
  seq: number;
}

/**
 * Pinned mode (embed.js sticky mode), to the text frame: the host's own graphic frame has drawn and
 * sits over ours (on: stop drawing the graphic, keep its space), or it is gone (on: false).
 */
export interface HostPin {
  type: 'pin';
  id: string;
  seq: number;
  on: boolean;
  /**
   * The graphic frame draws the whole graphic layer (its background, rule and step control), not
   * only the graphic: the text frame stops drawing those too (keeping its control working, unseen).
   * Optional (embed.js before December 2026 pinned the graphic alone): absent is false.
   */
  layer?: boolean;
}

/** The step control's state a graphic frame mirrors: progress through the whole story, and which of its parts has keyboard focus. */
export interface ControlState {
  /** 0 to 1 through the whole story. Optional; absent is 0. */
  story?: number;
  /** The focused part of the step control, in document order (focus-visible only); -1 or absent for none. */
  focus?: number;
}

/** To the graphic frame: the step the text frame made active and the progress through it. */
export interface HostStep extends ControlState {
  type: 'step';
  id: string;
  seq: number;
  index: number;
  progress: number;
}

/** To the graphic frame, before the host's hello and on every change: where it draws what, in the layer it covers. */
export interface HostLayout extends LayerLayout {
  type: 'layout';
  id: string;
  seq: number;
}

export type HostMessage = HostHello | HostViewport | HostBye | HostPin | HostStep | HostLayout;

// ---------------------------------------------------------------------------------------------
// Child -> host

export interface ChildHello {
  type: 'hello';
  id: string;
  seq: number;
}

export interface ChildHeight {
  type: 'height';
  id: string;
  seq: number;
  height: number;
}

/** Asks the host to bring our document's y to the top of the reader's viewport. */
export interface ChildScrollTo {
  type: 'scrollTo';
  id: string;
  seq: number;
  y: number;
  smooth: boolean;
}

/**
 * What a graphic frame draws where, in the graphic layer it covers (the layer's own pixels): the
 * graphic's box, the step control's layer (all 0 for none) and the layout's name (the text frame's
 * data-layout), whose look (a band's background and rule) the graphic page draws as the story does.
 */
export interface LayerLayout {
  layerWidth: number;
  layerHeight: number;
  boxLeft: number;
  boxTop: number;
  boxWidth: number;
  boxHeight: number;
  navLeft: number;
  navTop: number;
  navWidth: number;
  navHeight: number;
  layout: string;
}

/**
 * The text frame's scrolly section and its graphic, for the current layout, in the frame's own
 * pixels: the section's top and height in the document, the graphic layer's box in the section (as
 * laid out, before any sticky offset), and in the layer the drawn graphic's box and the step
 * control's. A section height of 0 means there is nothing to pin (a stacked layout, another context).
 */
export interface ChildGraphic extends LayerLayout {
  type: 'graphic';
  id: string;
  seq: number;
  sectionTop: number;
  sectionHeight: number;
  layerLeft: number;
  layerTop: number;
}

/** The text frame's active step and progress, for the host to relay to the graphic frame. */
export interface ChildStep extends ControlState {
  type: 'step';
  id: string;
  seq: number;
  index: number;
  progress: number;
}

/** The graphic frame has drawn the step it was given: the text frame may hide its own graphic. */
export interface ChildDrawn {
  type: 'drawn';
  id: string;
  seq: number;
}

export type ChildMessage = ChildHello | ChildHeight | ChildScrollTo | ChildGraphic | ChildStep | ChildDrawn;

/** What actually travels: the payload plus the namespace fields. */
export type Wire<M> = M & { sentinel: typeof SENTINEL; v: typeof PROTOCOL_VERSION };

export function toWire<M extends HostMessage | ChildMessage>(message: M): Wire<M> {
  // Object.assign, not spread: the host script targets ES2017, where spread needs helpers.
  return Object.assign({ sentinel: SENTINEL, v: PROTOCOL_VERSION } as const, message);
}

// ---------------------------------------------------------------------------------------------
// Validation helpers

type Plain = Record<string, unknown>;

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Only plain data objects: structured clone gives the receiver plain objects, so anything with
 * another prototype (or carrying prototype-shaped keys) did not come from our peer.
 */
export function asPlainObject(data: unknown): Plain | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const proto = Object.getPrototypeOf(data) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  for (const key of FORBIDDEN_KEYS) if (hasOwn(data, key)) return null;
  return data as Plain;
}

function own(o: Plain, key: string): unknown {
  return hasOwn(o, key) ? o[key] : undefined;
}

function num(o: Plain, key: string, min: number, max: number): number | null {
  const v = own(o, key);
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : null;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{0,64}$/;

export function isValidEmbedId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** The namespace, version, id and sequence checks both directions share. */
function envelope(data: unknown, expectedId: string, lastSeq: number): { o: Plain; type: string; seq: number } | null {
  const o = asPlainObject(data);
  if (!o) return null;
  if (own(o, 'sentinel') !== SENTINEL || own(o, 'v') !== PROTOCOL_VERSION) return null;
  const type = own(o, 'type');
  const id = own(o, 'id');
  if (typeof type !== 'string' || !isValidEmbedId(id) || id !== expectedId) return null;
  const seq = own(o, 'seq');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= lastSeq || seq > MAX_SEQ) return null;
  if (lastSeq > 0 && seq > lastSeq + MAX_SEQ_STEP) return null;
  return { o, type, seq };
}

/**
 * A message from the host, checked for shape, id, numeric sanity and a rising sequence.
 * The caller has already checked the sending window and origin.
 */
export function parseHostMessage(data: unknown, expectedId: string, lastSeq: number): HostMessage | null {
  const env = envelope(data, expectedId, lastSeq);
  if (!env) return null;
  const { o, type, seq } = env;
  const id = expectedId;
  if (type === 'hello') return { type, id, seq };
  if (type === 'bye') return { type, id, seq };
  if (type === 'pin') {
    const on = own(o, 'on');
    const layer = own(o, 'layer');
    if (typeof on !== 'boolean' || (layer !== undefined && typeof layer !== 'boolean')) return null;
    return layer === undefined ? { type, id, seq, on } : { type, id, seq, on, layer };
  }
  if (type === 'step') return parseStep(o, id, seq);
  if (type === 'layout') {
    const layout = parseLayerLayout(o);
    return layout && Object.assign({ type, id, seq } as const, layout);
  }
  if (type !== 'viewport') return null;
  const vw = num(o, 'vw', 1, MAX_VIEWPORT);
  const vh = num(o, 'vh', 1, MAX_VIEWPORT);
  const svh = num(o, 'svh', 1, MAX_VIEWPORT);
  const lvh = num(o, 'lvh', 1, MAX_VIEWPORT);
  const top = num(o, 'top', -MAX_OFFSET, MAX_OFFSET);
  const left = num(o, 'left', -MAX_OFFSET, MAX_OFFSET);
  const width = num(o, 'width', 0, MAX_OFFSET);
  const height = num(o, 'height', 0, MAX_OFFSET);
  const insetTop = num(o, 'insetTop', 0, MAX_VIEWPORT);
  if (vw === null || vh === null || svh === null || lvh === null || top === null || left === null) return null;
  if (width === null || height === null || insetTop === null || insetTop >= vh) return null;
  const message: HostViewport = { type, id, seq, vw, vh, svh, lvh, top, left, width, height, insetTop };
  // Optional fields: absent is fine, present must be sane, or the whole message is dropped.
  for (const [key, min, max] of [
    ['frameWidth', 1, MAX_OFFSET],
    ['vy', -MAX_SPEED, MAX_SPEED],
    ['t', 0, 1e14],
  ] as const) {
    if (own(o, key) === undefined) continue;
    const v = num(o, key, min, max);
    if (v === null) return null;
    message[key] = v;
  }
  return message;
}

/** A message from our frame, as the host script sees it (window and origin already checked). */
export function parseChildMessage(data: unknown, expectedId: string, lastSeq: number): ChildMessage | null {
  const env = envelope(data, expectedId, lastSeq);
  if (!env) return null;
  const { o, type, seq } = env;
  const id = expectedId;
  if (type === 'hello') return { type, id, seq };
  if (type === 'height') {
    const height = num(o, 'height', 1, MAX_HEIGHT);
    return height !== null && Number.isInteger(height) ? { type, id, seq, height } : null;
  }
  if (type === 'scrollTo') {
    const y = num(o, 'y', -MAX_SCROLL_Y, MAX_SCROLL_Y);
    const smooth = own(o, 'smooth');
    return y !== null && typeof smooth === 'boolean' ? { type, id, seq, y, smooth } : null;
  }
  if (type === 'graphic') return parseGraphic(o, id, seq);
  if (type === 'step') return parseStep(o, id, seq);
  if (type === 'drawn') return { type, id, seq };
  return null;
}

/** A step index and progress, shared by both directions' step messages, and the control's mirrored state. */
function parseStep(o: Plain, id: string, seq: number): HostStep | ChildStep | null {
  const index = num(o, 'index', -1, MAX_STEPS);
  const progress = num(o, 'progress', 0, 1);
  if (index === null || !Number.isInteger(index) || progress === null) return null;
  const step: HostStep | ChildStep = { type: 'step', id, seq, index, progress };
  // Optional: absent is fine, present must be sane, or the whole message is dropped.
  if (own(o, 'story') !== undefined) {
    const story = num(o, 'story', 0, 1);
    if (story === null) return null;
    step.story = story;
  }
  if (own(o, 'focus') !== undefined) {
    const focus = num(o, 'focus', -1, MAX_CONTROL_PARTS);
    if (focus === null || !Number.isInteger(focus)) return null;
    step.focus = focus;
  }
  return step;
}

/** A data-layout value, or '' for a story without one. */
const LAYOUT_NAME = /^([a-z][a-z0-9-]{0,31})?$/;
const LAYER_FIELDS = ['layerWidth', 'layerHeight', 'boxLeft', 'boxTop', 'boxWidth', 'boxHeight', 'navLeft', 'navTop', 'navWidth', 'navHeight'] as const;

/** A box's field: an offset (…Top, …Left) may be negative, a size may not, both within MAX_HEIGHT. */
const boxField = (o: Plain, key: string) => num(o, key, /Top$|Left$/.test(key) ? -MAX_HEIGHT : 0, MAX_HEIGHT);

/** The layer's size and the boxes in it: non-negative sizes, offsets within the layer's reach, a plain layout name. */
function parseLayerLayout(o: Plain): LayerLayout | null {
  const layout = own(o, 'layout');
  if (typeof layout !== 'string' || !LAYOUT_NAME.test(layout)) return null;
  const l = { layout } as LayerLayout;
  for (const key of LAYER_FIELDS) {
    const v = boxField(o, key);
    if (v === null) return null;
    l[key] = v;
  }
  return l;
}

/** Every box inside the story's document, non-negative sizes, the graphic and control inside their layer. */
function parseGraphic(o: Plain, id: string, seq: number): ChildGraphic | null {
  const layer = parseLayerLayout(o);
  if (!layer) return null;
  const g = Object.assign({ type: 'graphic', id, seq } as const, layer, { sectionTop: 0, sectionHeight: 0, layerLeft: 0, layerTop: 0 });
  for (const key of ['sectionTop', 'sectionHeight', 'layerLeft', 'layerTop'] as const) {
    const v = boxField(o, key);
    if (v === null) return null;
    g[key] = v;
  }
  return g;
}

// ---------------------------------------------------------------------------------------------
// Pym.js (strings: pym xPYMx id xPYMx type xPYMx payload)

const PYM_DELIMITER = 'xPYMx';

/** Pym ids are element ids: any non-space text; ours must not be able to smuggle a delimiter. */
export function isValidPymId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 200 && !/\s/.test(id) && !id.includes(PYM_DELIMITER);
}

export function encodePym(id: string, type: string, payload = ''): string {
  return ['pym', id, type, payload].join(PYM_DELIMITER);
}

export interface PymPosition {
  type: 'viewport-iframe-position';
  vw: number;
  vh: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PymWidth {
  type: 'width';
  width: number;
}

export type PymMessage = PymPosition | PymWidth;

const PYM_NUMBER = /^-?(?:\d+|\d*\.\d+)(?:[eE][+-]?\d+)?$/;

function pymNumber(text: string, min: number, max: number): number | null {
  if (!PYM_NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/**
 * Parses the two Pym parent messages we use. The prefix is compared as a plain string (Pym builds
 * a regex from the id without escaping; we do not repeat that).
 */
export function parsePym(data: unknown, id: string): PymMessage | null {
  if (typeof data !== 'string' || data.length > 1000) return null;
  const prefix = `pym${PYM_DELIMITER}${id}${PYM_DELIMITER}`;
  if (!data.startsWith(prefix)) return null;
  const rest = data.slice(prefix.length);
  const cut = rest.indexOf(PYM_DELIMITER);
  if (cut < 0) return null;
  const type = rest.slice(0, cut);
  const payload = rest.slice(cut + PYM_DELIMITER.length);
  if (type === 'width') {
    const width = pymNumber(payload, 0, MAX_VIEWPORT);
    return width === null ? null : { type, width };
  }
  if (type !== 'viewport-iframe-position') return null;
  const parts = payload.split(' ');
  if (parts.length !== 6) return null;
  const vw = pymNumber(parts[0], 1, MAX_VIEWPORT);
  const vh = pymNumber(parts[1], 1, MAX_VIEWPORT);
  const top = pymNumber(parts[2], -MAX_OFFSET, MAX_OFFSET);
  const left = pymNumber(parts[3], -MAX_OFFSET, MAX_OFFSET);
  const bottom = pymNumber(parts[4], -MAX_OFFSET, MAX_OFFSET);
  const right = pymNumber(parts[5], -MAX_OFFSET, MAX_OFFSET);
  if (vw === null || vh === null || top === null || left === null || bottom === null || right === null) return null;
  if (bottom < top || right < left) return null;
  return { type, vw, vh, top, left, bottom, right };
}

// ---------------------------------------------------------------------------------------------
// AMP (amp-iframe resizable, Sidechain, @newswire/frames and most "height only" listeners)

export function ampEmbedSize(height: number): { sentinel: 'amp'; type: 'embed-size'; height: number } {
  return { sentinel: 'amp', type: 'embed-size', height };
}

// ---------------------------------------------------------------------------------------------
// Embed parameters in our own URL

export interface EmbedParams {
  /** Set by our host script; '' when absent. */
  embedId: string;
  /** Set by a Pym parent (childId); null when absent or unusable. */
  pymId: string | null;
}

export function parseEmbedParams(search: string): EmbedParams {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { embedId: '', pymId: null };
  }
  const embedId = params.get(EMBED_ID_PARAM) ?? '';
  const pymId = params.get('childId');
  return {
    embedId: isValidEmbedId(embedId) ? embedId : '',
    pymId: isValidPymId(pymId) ? pymId : null,
  };
}
