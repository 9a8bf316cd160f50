import 'virtual:candidate-colours.css';
import './styles/base.css';
import './styles/story.css';
import './styles/appendix.css';
import './styles/print.css';
import { hydrateRoot } from 'react-dom/client';
import { embedState } from './embed/embedState.ts';
import { isTopLevel, startTopLevel } from './embed/topLevel.ts';
import { requestIdle } from './graphics/idle.ts';
import { preloadGraphics } from './graphics/LiveGraphic.tsx';
import { watchStackedLayout } from './graphics/stackedGraphics.tsx';
import { ISLANDS } from './islands.tsx';
import { scrollStore } from './scroll/store.ts';

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
  void import('./embed/runtime.ts').then(({ startEmbedRuntime }) => startEmbedRuntime(scrollStore, embedState));
}

requestIdle(() => void preloadGraphics());
