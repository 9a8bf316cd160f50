/**
 * embed.js sticky mode, the graphic page's side: where to draw in the frame embed.js pins over the
 * story's graphic layer. embed.js sends the layer's layout (the graphic's box, the step control's,
 * the layout's name) before its hello and on every change; a host that says hello with no layout
 * before it is embed.js from before December 2026, which sized the frame to the graphic's box alone:
 * the page then fills its frame with the graphic.
 */
import type { HostMessage, LayerLayout } from './protocol.ts';

/** Where to draw: the layer's layout embed.js sent, 'fill' (the graphic alone), or null (not heard yet). */
export type FrameLayout = LayerLayout | 'fill' | null;

export interface LayoutStore {
  get(): FrameLayout;
  hear(m: HostMessage): void;
  subscribe(listener: () => void): () => void;
}

export function createLayoutStore(): LayoutStore {
  let layout: FrameLayout = null;
  const listeners = new Set<() => void>();
  const set = (next: FrameLayout) => {
    layout = next;
    for (const l of listeners) l();
  };
  return {
    get: () => layout,
    hear(m) {
      if (m.type === 'layout') set(m);
      else if (m.type === 'hello' && layout === null) set('fill');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
