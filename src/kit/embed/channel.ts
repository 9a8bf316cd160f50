/**
 * The child's end of the wire: one message listener that lets through only what our parent window
 * sent in a shape we expect, and helpers that post our messages to it.
 */
import {
  ampEmbedSize,
  encodePym,
  parseHostMessage,
  parsePym,
  toWire,
  type ChildMessage,
  type EmbedParams,
  type HostMessage,
  type PymMessage,
} from './protocol.ts';

/** Child messages without the fields the channel fills in. */
export type Outgoing = ChildMessage extends infer M ? (M extends ChildMessage ? Omit<M, 'id' | 'seq'> : never) : never;

export interface ChildChannel {
  post(message: Outgoing): void;
  postPym(type: string, payload?: string): void;
  postAmpHeight(height: number): void;
  /** Datawrapper's responsive snippet, on thousands of news pages, sizes any frame that says this. */
  postDatawrapperHeight(height: number): void;
  stop(): void;
}

export interface ChannelHandlers {
  host(message: HostMessage): void;
  pym(message: PymMessage): void;
}

/** The parent's origin as the browser states it, where it does (not Firefox before 148). */
function ancestorOrigin(win: Window): string | null {
  try {
    const origins = win.location.ancestorOrigins;
    const first = origins && origins.length ? origins[0] : null;
    return first && first !== 'null' ? first : null;
  } catch {
    return null;
  }
}

export function openChildChannel(win: Window, params: EmbedParams, handlers: ChannelHandlers): ChildChannel {
  const parent = win.parent;
  // The first valid message pins the origin; where the browser already knows it, that wins.
  let origin: string | null = ancestorOrigin(win);
  let lastSeq = 0;
  let seq = 0;
  /** Until then a host hello is taken at any sequence number: it answers ours. */
  let resyncUntil = 0;
  let lastHelloAt = -Infinity;
  let stale = 0;
  const clock = () => win.performance.now();

  const targetOrigin = () => (origin && origin !== 'null' ? origin : '*');
  const send = (data: unknown) => {
    try {
      parent.postMessage(data, targetOrigin());
    } catch {
      // A parent that went away mid-send: nothing to tell anyone.
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (parent === win || event.source !== parent) return;
    if (origin !== null && event.origin !== origin) return;
    const { data } = event;
    if (typeof data === 'string') {
      const message = params.pymId === null ? null : parsePym(data, params.pymId);
      if (!message) return;
      origin ??= event.origin;
      handlers.pym(message);
      return;
    }
    let message = parseHostMessage(data, params.embedId, lastSeq);
    if (!message) {
      // Well formed but out of sequence: a forged number may have pushed ours out of reach. A few
      // in a row and we say hello again; the host's answer re-synchronises the count.
      const unsequenced = parseHostMessage(data, params.embedId, 0);
      if (!unsequenced) return;
      if (unsequenced.type === 'hello' && clock() < resyncUntil) message = unsequenced;
      else {
        stale += 1;
        if (stale >= 3 && clock() - lastHelloAt > 2000) sayHello();
        return;
      }
    }
    stale = 0;
    lastSeq = message.seq;
    origin ??= event.origin;
    handlers.host(message);
  };
  win.addEventListener('message', onMessage);

  function post(message: Outgoing) {
    seq += 1;
    if (message.type === 'hello') {
      lastHelloAt = clock();
      resyncUntil = lastHelloAt + 2000;
    }
    send(toWire({ ...message, id: params.embedId, seq } as ChildMessage));
  }
  function sayHello() {
    post({ type: 'hello' });
  }

  return {
    post,
    postPym(type, payload) {
      if (params.pymId !== null) send(encodePym(params.pymId, type, payload));
    },
    postAmpHeight(height) {
      send(ampEmbedSize(height));
    },
    postDatawrapperHeight(height) {
      // The chart key is the story's own (a build-time constant, src/kit/embed/names.d.ts).
      send({ 'datawrapper-height': { [__EMBED_DATAWRAPPER_KEY__]: height } });
    },
    stop() {
      win.removeEventListener('message', onMessage);
    },
  };
}
