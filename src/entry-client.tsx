import 'virtual:candidate-colours.css';
import './styles/base.css';
import './styles/story.css';
import './styles/appendix.css';
import './styles/print.css';
import { hydrateRoot } from 'react-dom/client';
import { embedState } from './embed/embedState.ts';
import { startEmbedRuntime } from './embed/runtime.ts';
import { ISLANDS } from './islands.tsx';
import { scrollStore } from './scroll/store.ts';

for (const [name, Island] of Object.entries(ISLANDS)) {
  const container = document.querySelector(`[data-island="${name}"]`);
  if (container) hydrateRoot(container, <Island />);
}
startEmbedRuntime(scrollStore, embedState);
