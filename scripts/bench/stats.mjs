/** Small statistics for noisy repeated runs. */
export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median of each numeric key across an array of flat objects. */
export function medians(rows, keys) {
  return Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => r[k]))]));
}

export const round = (x, digits = 0) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));
