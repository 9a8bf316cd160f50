/**
 * Decides the context and feeds the scroll store from the right provider.
 * TODO(embed issue): iframe contexts (fixed, auto with relay/Pym/probe, stacked fallback).
 */
import { nativeProvider } from '../scroll/nativeProvider.ts';
import type { ScrollStore } from '../scroll/store.ts';
import type { EmbedStateStore } from './embedState.ts';

function isTopLevel(): boolean {
  try {
    return window.self === window.top;
  } catch {
    return false;
  }
}

export function startEmbedRuntime(store: ScrollStore, state: EmbedStateStore): () => void {
  if (isTopLevel()) {
    store.useProvider(nativeProvider());
    state.set({ context: 'top', source: 'native' });
  } else {
    store.useProvider(nativeProvider());
    state.set({ context: 'fixed', source: 'native' });
  }
  return () => store.useProvider(null);
}
