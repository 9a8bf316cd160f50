/**
 * Decides which measured heights are worth telling the host. A host resizes the frame on every
 * message, so sending jitter costs the reader a relayout each time, and a layout that flips
 * between two heights (A -> B -> A) would resize the frame forever: pin the larger one instead.
 */
export const OSCILLATION_WINDOW_MS = 500;

export interface HeightGate {
  /** Returns the height to send, or null to stay quiet. */
  accept(measured: number, now: number): number | null;
  /** The last height sent, or null before the first. */
  readonly last: number | null;
  /** Forget what was sent (e.g. after a long pause off-screen) so the next height goes out. */
  reset(): void;
}

export function createHeightGate(): HeightGate {
  let sent: { h: number; t: number }[] = [];
  let pinned: { a: number; b: number } | null = null;
  const lastSent = () => (sent.length ? sent[sent.length - 1].h : null);

  const send = (h: number, now: number) => {
    sent = [...sent.slice(-2), { h, t: now }];
    return h;
  };

  return {
    accept(measured, now) {
      const h = Math.ceil(measured - 0.01);
      if (!(h > 0)) return null;
      const last = lastSent();
      if (last !== null && Math.abs(h - last) < 1) return null;
      if (pinned && (h === pinned.a || h === pinned.b)) return null;
      pinned = null;
      const before = sent.length >= 2 ? sent[sent.length - 2] : null;
      if (before && before.h === h && now - before.t < OSCILLATION_WINDOW_MS && last !== null) {
        pinned = { a: h, b: last };
        const larger = Math.max(h, last);
        return larger === last ? null : send(larger, now);
      }
      return send(h, now);
    },
    get last() {
      return lastSent();
    },
    reset() {
      sent = [];
      pinned = null;
    },
  };
}
