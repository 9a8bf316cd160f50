/**
 * The relay feed: our host script (embed.js) streams the frame's position in the host's viewport.
 * Handles the handshake (answering the host's first hello), turns positions into bands and
 * demotes the feed only on evidence: its positions and the probe strips' disagree for a while.
 */
import { bandFromRelay, feedAgreesWithProbe, hostScale, relayLead } from './bands.ts';
import type { AutoFeeds } from './autoFeeds.ts';
import type { ChildChannel } from './channel.ts';
import type { FrameClock } from './frameClock.ts';
import type { Probe } from './probe.ts';
import type { HostMessage } from './protocol.ts';

/**
 * A feed whose positions disagree with what the probe strips see for this long is demoted. Silence
 * alone proves nothing: after an instant jump (an anchor link, scroll restoration) a healthy host
 * script has nothing more to say.
 */
export const QUIET_MS = 1000;
/**
 * How far past a relay message's age to look ahead with its speed: about the frame the story
 * still needs to draw, plus the frame the host's compositor scrolls ahead of its main thread.
 * Tuned with npm run bench (scripts/bench/embedLag.mjs).
 */
const RELAY_LEAD_MS = 24;

export interface RelayFeed {
  /** The host has said something (a hello alone is forgeable: see `live`). */
  readonly hello: boolean;
  /** Positions have arrived: a hello alone (forgeable, and a relay that never speaks) is not enough. */
  readonly live: boolean;
  /** Live and not demoted: fit to drive the layout. */
  readonly usable: boolean;
  /** Takes a host message; true if it is the first the host sent. */
  hear(m: HostMessage): boolean;
  /** Compares the relay's last positions with the probe's reading; demotes or restores the feed. */
  check(): void;
}

export interface RelayInputs {
  channel: ChildChannel;
  clock: FrameClock;
  feeds: AutoFeeds;
  probe: Probe | null;
  /** The feed's health changed: decide the context again. */
  decideAgain: () => void;
}

export function createRelayFeed({ channel, clock, feeds, probe, decideAgain }: RelayInputs): RelayFeed {
  let hello = false;
  let live = false;
  let demoted = false;
  /** The reader's viewport relative to our document's top, by the relay's last numbers. */
  let view: { top: number; bottom: number; tolerance: number } | null = null;
  let disagreeSince: number | null = null;

  const check = () => {
    const r = probe?.reading() ?? null;
    if (!live || !view || !r) {
      disagreeSince = null;
      return;
    }
    if (feedAgreesWithProbe(view, r, view.tolerance)) {
      disagreeSince = null;
      if (demoted) {
        demoted = false;
        decideAgain();
      }
      return;
    }
    if (demoted) return;
    const t = clock.now();
    if (disagreeSince === null) {
      disagreeSince = t;
      clock.later(QUIET_MS + 20, check);
    } else if (t - disagreeSince >= QUIET_MS) {
      demoted = true;
      decideAgain();
    }
  };

  const hear = (m: HostMessage) => {
    const first = !hello;
    hello = true;
    // Answer the host's first hello: if our boot hello got lost (the host script loaded after
    // us), this one tells it we are listening. Each side answers at most once: no ping-pong.
    if (m.type === 'hello' && first) channel.post({ type: 'hello' });
    if (m.type === 'viewport') {
      // Positions come in the host's pixels; a zoomed or scaled host page makes them differ from ours.
      const scale = hostScale(m.width, m.frameWidth ?? m.width);
      const age = m.t ? Math.max(0, clock.epochNow() - m.t) : 0;
      const g = bandFromRelay(m, scale);
      view = { top: -m.top / scale, bottom: (m.vh - m.top) / scale, tolerance: 48 + m.insetTop / scale };
      feeds.measured(g.viewportHeight, true);
      feeds.publish('relay', g, feeds.stableFor((Math.max(m.lvh, m.vh) - m.insetTop) / scale), relayLead(m, scale, age + RELAY_LEAD_MS));
      const wasLive = live;
      live = true;
      check();
      if (!wasLive) decideAgain();
    }
    return first;
  };

  return {
    get hello() {
      return hello;
    },
    get live() {
      return live;
    },
    get usable() {
      return live && !demoted;
    },
    hear,
    check,
  };
}
