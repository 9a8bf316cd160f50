// @ts-check
/**
 * Input gestures shared by the benches (embedLag.mjs, fling.mjs), sent through CDP as a device sends
 * them: on a fixed clock, not each after the previous one's round trip, so a throttled page that
 * acknowledges late does not slow the finger or the wheel down.
 */

const sleep = (/** @type {number} */ ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * A finger swipe, released while moving: touchStart, `moves` touchMoves of `step` px every 16 ms,
 * touchEnd 16 ms after the last move. A positive step moves the finger up (the page scrolls down), a
 * negative one down. Events are sent on time, not after each other's round trip.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {{ x: number, y: number, moves: number, step: number }} swipe
 */
export async function touchSwipe(cdp, { x, y, moves, step }) {
  /** @type {Promise<unknown>[]} */
  const sent = [];
  const start = Date.now();
  const at = (/** @type {number} */ i) => start + i * 16;
  const point = (/** @type {number} */ py) => [{ x, y: py, id: 1, radiusX: 5, radiusY: 5, force: 1 }];
  sent.push(cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) }));
  for (let i = 1; i <= moves; i++) {
    await sleep(Math.max(0, at(i) - Date.now()));
    sent.push(cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y - i * step) }));
  }
  await sleep(Math.max(0, at(moves + 1) - Date.now()));
  sent.push(cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }));
  await Promise.all(sent);
}

/**
 * Mouse wheel events of `deltaY` px each, one every `intervalMs` (60 Hz by default), as a free-spinning
 * wheel or a trackpad fling sends them. Resolves when every event has been acknowledged.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {{ x: number, y: number, deltaY: number, count: number, intervalMs?: number }} wheel
 */
export async function wheelFling(cdp, { x, y, deltaY, count, intervalMs = 1000 / 60 }) {
  /** @type {Promise<unknown>[]} */
  const sent = [];
  const start = Date.now();
  for (let i = 0; i < count; i++) {
    await sleep(Math.max(0, start + i * intervalMs - Date.now()));
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY }));
  }
  await Promise.all(sent);
}
