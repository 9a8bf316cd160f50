// @ts-check
/** Small statistics for noisy repeated runs. */

/**
 * @param {readonly (number | null | undefined)[]} values
 * @returns {number | null}
 */
export function median(values) {
  const v = values.filter(/** @returns {x is number} */ (x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * Median of each numeric key across an array of flat objects.
 * @template {string} K
 * @param {readonly Record<string, unknown>[]} rows
 * @param {readonly K[]} keys
 * @returns {Record<K, number | null>}
 */
export function medians(rows, keys) {
  return /** @type {Record<K, number | null>} */ (Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => (typeof r[k] === 'number' ? r[k] : null)))])));
}

/** @type {(x: number | null | undefined, digits?: number) => number | null} */
export const round = (x, digits = 0) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));
