/**
 * The Pym feed: a Pym parent's positions (pushed with trackscroll, else asked for whenever the
 * probe sees movement), turned into bands. Demoted when it stops answering.
 */
import { bandFromPym, hostScale } from './bands.ts';
import type { AutoFeeds } from './autoFeeds.ts';
import type { ChildChannel } from './channel.ts';
import type { FrameClock } from './frameClock.ts';
import type { EmbedParams, PymMessage } from './protocol.ts';
import { QUIET_MS, type RelayFeed } from './relayFeed.ts';

/** A Pym position request with no answer after this is retried. */
const PULL_TIMEOUT_MS = 500;

export interface PymFeed {
  /** Answered and not demoted: fit to drive the layout. */
  readonly usable: boolean;
  hear(m: PymMessage): void;
  /**
   * A Pym parent without trackscroll answers parentPositionInfo on request only; asking whenever
   * the probe sees movement gives exact positions at the probe's granularity.
   */
  pull(): void;
  /** The probe saw movement: no answer from Pym within QUIET_MS of it is evidence that Pym went quiet. */
  watch(): void;
}

export interface PymInputs {
  win: Window;
  params: EmbedParams;
  channel: ChildChannel;
  clock: FrameClock;
  feeds: AutoFeeds;
  /** Our host script's feed beats Pym's: while it is live, Pym is not asked. */
  relay: RelayFeed;
  /** Pym's width message: the host resized us, so measure and report our height. */
  refreshHeight: () => void;
  /** The feed's health changed: decide the context again. */
  decideAgain: () => void;
}

export function createPymFeed({ win, params, channel, clock, feeds, relay, refreshHeight, decideAgain }: PymInputs): PymFeed {
  let answered = false;
  let demoted = false;
  let lastAt = -Infinity;
  let pullAt = -Infinity;
  let pullAgain = false;
  let healthCheckDue = false;

  const pull = () => {
    if (params.pymId === null || relay.live) return;
    if (clock.now() - pullAt < PULL_TIMEOUT_MS) {
      pullAgain = true;
      return;
    }
    pullAt = clock.now();
    channel.postPym('parentPositionInfo');
  };

  const check = (since: number) => {
    healthCheckDue = false;
    if (answered && !demoted && lastAt < since) {
      demoted = true;
      decideAgain();
    }
  };

  return {
    get usable() {
      return answered && !demoted;
    },
    hear(m) {
      if (m.type === 'width') {
        refreshHeight();
        return;
      }
      lastAt = clock.now();
      pullAt = -Infinity;
      const scale = hostScale(m.right - m.left, win.innerWidth);
      const g = bandFromPym(m, scale);
      feeds.measured(g.viewportHeight, true);
      feeds.publish('pym', g, feeds.stableFor(m.vh / scale));
      if (!answered || demoted) {
        answered = true;
        demoted = false;
        decideAgain();
      }
      if (pullAgain) {
        pullAgain = false;
        pull();
      }
    },
    pull,
    watch() {
      if (!healthCheckDue && answered && !relay.live) {
        healthCheckDue = true;
        const since = clock.now();
        clock.later(QUIET_MS, () => check(since));
      }
    },
  };
}
