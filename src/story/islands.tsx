/** The parts of the page React hydrates in the browser; everything else is static HTML. */
import { StrictMode, type ComponentType } from 'react';
import islandCopy from 'virtual:island-copy';
import { StoryChrome } from './components/StoryChrome.tsx';
import { EmbedPanel } from './embed/EmbedPanel.tsx';
import { MotionRoot } from '../kit/motion.tsx';

function StoryIsland() {
  return (
    <StrictMode>
      <MotionRoot>
        <StoryChrome />
      </MotionRoot>
    </StrictMode>
  );
}

function EmbedIsland() {
  return (
    <StrictMode>
      {/* Built with SITE_URL, the codes carry the story's real address even without JavaScript. */}
      <EmbedPanel words={islandCopy.embedPanel} title={islandCopy.headline} url={__SITE_URL__ || undefined} />
    </StrictMode>
  );
}

export const ISLANDS: Record<string, ComponentType> = {
  story: StoryIsland,
  embed: EmbedIsland,
};
