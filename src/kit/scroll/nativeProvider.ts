/** The band from the window's own scroll: a top-level page, or an iframe that scrolls inside. */
import type { Band, BandProvider } from './band.ts';
import { stableHeightTracker } from './stableHeight.ts';

export function nativeProvider(win: Window = window): BandProvider {
  return {
    name: 'native',
    start(push) {
      const stable = stableHeightTracker();
      const read = (): Band => {
        const height = win.visualViewport?.height ?? win.innerHeight;
        return {
          viewportTop: win.scrollY,
          viewportHeight: height,
          stableViewportHeight: stable(win.innerWidth, win.innerHeight),
          source: 'native',
        };
      };
      const onChange = () => push(read());
      win.addEventListener('scroll', onChange, { passive: true });
      win.addEventListener('resize', onChange, { passive: true });
      onChange();
      return () => {
        win.removeEventListener('scroll', onChange);
        win.removeEventListener('resize', onChange);
      };
    },
  };
}
