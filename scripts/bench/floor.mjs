// @ts-check
/**
 * The floor page: our own prerendered index.html with every script removed (external, inline,
 * JSON-LD, module preloads). Same text, same CSS, same markup; what a reader gets with no
 * JavaScript at all. Our LCP and FCP are compared with its.
 * @param {string} html
 * @returns {string}
 */
export function floorPage(html) {
  const out = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*\brel\s*=\s*["']?(?:modulepreload|preload)["']?[^>]*>/gi, '');
  if (/<script\b/i.test(out)) throw new Error('floor page: a <script> survived the strip');
  return out;
}
