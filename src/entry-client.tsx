import 'virtual:candidate-colours.css';
import './story/styles/base.css';
import './story/styles/story.css';
import './story/styles/stepNav.css';
import './story/styles/appendix.css';
import './story/styles/print.css';
import { startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { embedState } from './kit/embed/embedState.ts';
import { isTopLevel, startTopLevel } from './kit/embed/topLevel.ts';
import { requestIdle } from './kit/graphics/idle.ts';
import { preloadGraphics } from './story/graphics/LiveGraphic.tsx';
import { watchStackedLayout } from './story/graphics/stackedGraphics.tsx';
import { ISLANDS } from './story/islands.tsx';
import { scrollStore } from './kit/scroll/store.ts';

watchStackedLayout();

// Tells the boot script in index.html that the story is live (else it falls back to stacked).
document.documentElement.dataset.storyReady = '';

// A top-level page only needs native scroll; the iframe machinery is fetched only inside a frame.
if (isTopLevel()) {
  startTopLevel(scrollStore, embedState);
} else {
  void import('./kit/embed/runtime.ts').then(({ startEmbedRuntime }) => startEmbedRuntime(scrollStore, embedState));
}

// Hydration starts in a task of its own, after this one has run the modules' bodies, and runs in a
// transition, so React yields to the browser every few milliseconds (an input, a frame): in one
// task, the modules and the story's hydration took 300 ms and more on a mid-range phone (the load
// trace at 4x CPU).
setTimeout(() =>
  startTransition(() => {
    for (const [name, Island] of Object.entries(ISLANDS)) {
      const container = document.querySelector(`[data-island="${name}"]`);
      if (container) hydrateRoot(container, <Island />);
    }
  }),
);

requestIdle(() => void preloadGraphics());
