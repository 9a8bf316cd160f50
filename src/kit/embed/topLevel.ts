/**
 * The top-level page: native scroll, nothing else. Kept apart from runtime.ts so a top-level page
 * never loads the iframe machinery.
 */
import { nativeProvider } from '../scroll/nativeProvider.ts';
import type { ScrollStore } from '../scroll/store.ts';
import type { EmbedStateStore } from './embedState.ts';

export function isTopLevel(): boolean {
  try {
    return window.self === window.top;
  } catch {
    // Reading a cross-origin top throws in some browsers: then we are certainly framed.
    return false;
  }
}

export function startTopLevel(store: ScrollStore, state: EmbedStateStore): () => void {
  store.useProvider(nativeProvider());
  state.set({ context: 'top', source: 'native' });
  return () => store.useProvider(null);
}
