/**
 * The three embed codes the "Embed this story" panel offers, as plain strings. Pure, so the
 * server can render them and tests can check them without a browser. Their titles and help texts
 * are words, so they are in data/story.json (embedPanel.codes), by the same ids.
 */

export interface EmbedCode {
  id: 'script' | 'pym' | 'iframe';
  code: string;
}

/**
 * Where the prerendered page points before the browser knows its own address: the story's own
 * example address (a build-time constant, src/kit/embed/names.d.ts).
 */
export const PLACEHOLDER_URL = __EMBED_PLACEHOLDER_URL__;

export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';
const PYM_SCRIPT = 'https://pym.nprapps.org/pym.v1.min.js';
/** A bare frame's height: tall enough for the scrolly layout (below 420 px the story stacks). */
export const BARE_IFRAME_HEIGHT = 700;

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The story's shareable address: the canonical link if the page has one, else its own address,
 * without query or hash (our embed parameters, Pym's childId, a step's #id).
 */
export function storyUrl(canonical: string | null | undefined, href: string): string {
  for (const candidate of [canonical, href]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
      url.search = '';
      url.hash = '';
      return url.href;
    } catch {
      // Not a URL: try the next candidate.
    }
  }
  return PLACEHOLDER_URL;
}

/**
 * Pym's xdomain: a regular expression Pym tests against the end of each message's origin. Anchored
 * at the start too and with every special character escaped, it accepts our origin and no other,
 * so no other frame on the page (an ad) can resize the story or navigate the host through Pym.
 */
export function pymXdomain(url: string): string {
  return `^${new URL(url).origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
}

export function embedCodes(address: string, title: string): EmbedCode[] {
  let url = PLACEHOLDER_URL;
  try {
    url = new URL(address).href;
  } catch {
    // Keep the placeholder: a code with a broken address is worse than an obvious example.
  }
  const src = attr(url);
  const name = attr(title);
  const fallback = `  <a href="${src}">${text(title)}</a>`;
  const script = new URL('embed.js', url).href;
  return [
    {
      id: 'script',
      code: [
        `<div data-${__EMBED_PREFIX__}-src="${src}" data-${__EMBED_PREFIX__}-title="${name}">`,
        fallback,
        '</div>',
        `<script src="${attr(script)}" async></script>`,
      ].join('\n'),
    },
    {
      id: 'pym',
      code: [
        `<div data-pym-src="${src}" data-pym-title="${name}" data-pym-xdomain="${attr(pymXdomain(url))}" data-pym-trackscroll data-pym-scrollwait="0">`,
        fallback,
        '</div>',
        `<script src="${PYM_SCRIPT}"></script>`,
      ].join('\n'),
    },
    {
      id: 'iframe',
      code: `<iframe src="${src}" title="${name}" width="100%" height="${BARE_IFRAME_HEIGHT}" loading="lazy" style="border:0;width:1px;min-width:100%" sandbox="${IFRAME_SANDBOX}" allow="clipboard-write"></iframe>`,
    },
  ];
}
