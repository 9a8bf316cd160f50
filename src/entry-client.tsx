import 'virtual:candidate-colours.css';
import './story/styles/base.css';
import './story/styles/story.css';
import './story/styles/appendix.css';
import './story/styles/print.css';
import { hydrateRoot } from 'react-dom/client';
import { embedState } from './kit/embed/embedState.ts';
import { isTopLevel, startTopLevel } from './kit/embed/topLevel.ts';
import { requestIdle } from './kit/graphics/idle.ts';
import { preloadGraphics } from './story/graphics/LiveGraphic.tsx';
import { watchStackedLayout } from './story/graphics/stackedGraphics.tsx';
import { ISLANDS } from './story/islands.tsx';
import { scrollStore } from './kit/scroll/store.ts';

for (const [name, Island] of Object.entries(ISLANDS)) {
  const container = document.querySelector(`[data-island="${name}"]`);
  if (container) hydrateRoot(container, <Island />);
}

watchStackedLayout();

// Tells the boot script in index.html that the story is live (else it falls back to stacked).
document.documentElement.dataset.storyReady = '';

// A top-level page only needs native scroll; the iframe machinery is fetched only inside a frame.
if (isTopLevel()) {
  startTopLevel(scrollStore, embedState);
} else {
  void import('./kit/embed/runtime.ts').then(({ startEmbedRuntime }) => startEmbedRuntime(scrollStore, embedState));
}

requestIdle(() => void preloadGraphics());
