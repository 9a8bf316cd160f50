/**
 * Which context the story runs in, mirrored onto the document root as data-embed-context and
 * data-scroll-source (tests and newsroom developers read them; CSS switches layout on them).
 */
import type { ScrollSourceName } from '../scroll/band.ts';

export type EmbedContext = 'top' | 'fixed' | 'auto' | 'stacked';

export interface EmbedState {
  context: EmbedContext;
  source: ScrollSourceName;
}

export interface EmbedStateStore {
  get(): EmbedState;
  set(next: EmbedState): void;
  subscribe(listener: () => void): () => void;
}

export function createEmbedStateStore(root: HTMLElement | null, initial: EmbedState): EmbedStateStore {
  let state = initial;
  const listeners = new Set<() => void>();
  const reflect = () => {
    if (!root) return;
    root.dataset.embedContext = state.context;
    root.dataset.scrollSource = state.source;
  };
  reflect();
  return {
    get: () => state,
    set(next) {
      if (next.context === state.context && next.source === state.source) return;
      state = next;
      reflect();
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What the inline boot script in index.html already decided before first paint (no layout shift). */
export function initialEmbedState(root: HTMLElement | null): EmbedState {
  const context = root?.dataset.embedContext;
  return context === 'top' || context === 'fixed' || context === 'auto'
    ? { context, source: context === 'auto' ? 'none' : 'native' }
    : { context: 'stacked', source: 'none' };
}

export const embedState = createEmbedStateStore(
  typeof document === 'undefined' ? null : document.documentElement,
  initialEmbedState(typeof document === 'undefined' ? null : document.documentElement),
);
