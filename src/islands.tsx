/** The parts of the page React hydrates in the browser; everything else is static HTML. */
import { StrictMode, type ComponentType } from 'react';
import { StoryChrome } from './components/StoryChrome.tsx';
import { MotionRoot } from './motion.tsx';

function StoryIsland() {
  return (
    <StrictMode>
      <MotionRoot>
        <StoryChrome />
      </MotionRoot>
    </StrictMode>
  );
}

export const ISLANDS: Record<string, ComponentType> = {
  story: StoryIsland,
};
