/**
 * Our height, reported to whichever host may be sizing us (our host script, Pym, AMP,
 * Datawrapper), and what the reports tell the context decision: a frame whose height matches one
 * we reported is sized by its host; a mismatch right after a report is a resize in flight.
 */
import type { ChildChannel } from './channel.ts';
import type { FrameClock } from './frameClock.ts';
import { startHeightReporter } from './heightReporter.ts';

/** How long a reported height may take to be applied before the mismatch counts as "fixed". */
const IN_FLIGHT_MS = 1500;

export interface HeightReports {
  /** Measures now and reports if our height changed. */
  refresh(): void;
  /** Whether a host has ever sized the frame to a height we reported (checked against the frame's height now). */
  sizedByHost(frameHeight: number): boolean;
  /** A host sizes us and has not yet applied our latest report (off screen, it may never have: always in flight). */
  resizeInFlight(frameHeight: number, visible: boolean, now: number): boolean;
  stop(): void;
}

export function startHeightReports(win: Window, channel: ChildChannel, clock: FrameClock, decideAgain: () => void): HeightReports {
  const recentReports: number[] = [];
  let reportedAt = -Infinity;
  let sized = false;

  const reporter = startHeightReporter(win, (height) => {
    channel.post({ type: 'height', height });
    channel.postPym('height', String(height));
    channel.postAmpHeight(height);
    channel.postDatawrapperHeight(height);
    recentReports.push(height);
    if (recentReports.length > 3) recentReports.shift();
    reportedAt = clock.now();
    clock.later(IN_FLIGHT_MS + 50, decideAgain);
    queueMicrotask(decideAgain);
  });

  return {
    refresh: () => reporter.refresh(),
    sizedByHost(frameHeight) {
      if (recentReports.some((h) => Math.abs(h - frameHeight) <= 2)) sized = true;
      return sized;
    },
    resizeInFlight(frameHeight, visible, now) {
      const pending = recentReports.length ? recentReports[recentReports.length - 1] : null;
      return sized && pending !== null && Math.abs(frameHeight - pending) > 2 && (!visible || now - reportedAt < IN_FLIGHT_MS);
    },
    stop: () => reporter.stop(),
  };
}
