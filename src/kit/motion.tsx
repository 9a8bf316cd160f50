/**
 * The page's one motion setting. Under prefers-reduced-motion every framer-motion transition is
 * instant (states still change); CSS transitions are switched off in base.css under the same query.
 */
import { LazyMotion, MotionConfig, useReducedMotion, type Transition } from 'framer-motion';
import type { ReactNode } from 'react';

const STORY_TRANSITION: Transition = { duration: 0.6, ease: [0.22, 1, 0.36, 1] };
const INSTANT: Transition = { duration: 0 };

/** Animation code arrives after first paint: static states need none of it. */
const loadFeatures = () => import('./motionFeatures.ts').then((mod) => mod.default);

/** The transition graphics use; components never hard-code their own durations. */
export function useStoryTransition(delay = 0): Transition {
  const reduced = useReducedMotion();
  return reduced ? INSTANT : { ...STORY_TRANSITION, delay };
}

export function MotionRoot({ children }: { children: ReactNode }) {
  const reduced = useReducedMotion();
  return (
    <LazyMotion features={loadFeatures} strict>
      <MotionConfig reducedMotion="user" transition={reduced ? INSTANT : STORY_TRANSITION}>
        {children}
      </MotionConfig>
    </LazyMotion>
  );
}
