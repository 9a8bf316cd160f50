/**
 * Server rendering, at build time (scripts/prerender.mjs) and per request in `npm run dev`
 * (src/story/data/vitePlugin.ts): the static page, each island's own HTML, which the browser hydrates with
 * the same component (entry-client.tsx), and the head's meta tags.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { content } from './story/data/content.ts';
import { fill } from './story/data/dataset.ts';
import { ISLANDS } from './story/islands.tsx';
import { StaticPage } from './story/components/StaticPage.tsx';

/** Islands load their graphics lazily, so they are prerendered with a renderer that waits for them. */
async function renderIsland(Island: () => React.JSX.Element): Promise<string> {
  // An infinite chunk size keeps every boundary inline: no script is needed to show the graphic.
  const { prelude } = await prerenderToNodeStream(<Island />, { progressiveChunkSize: Number.POSITIVE_INFINITY });
  let html = '';
  for await (const chunk of prelude) html += chunk;
  return html;
}

export async function render(): Promise<string> {
  let html = renderToStaticMarkup(<StaticPage />);
  for (const [name, Island] of Object.entries(ISLANDS)) {
    const marker = `<!--island:${name}-->`;
    if (!html.includes(marker)) throw new Error(`The static page has no slot for the "${name}" island`);
    html = html.replace(marker, await renderIsland(Island as () => React.JSX.Element));
  }
  return html;
}

/** The head's title, description and share image; the description may use {{tokens}} like the rest of the copy. */
export const meta = { ...content.story.meta, description: fill(content.story.meta.description) };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Title, description, Open Graph and Twitter card tags. With a site URL (SITE_URL, e.g.
 * https://news.example/driscoll/) they carry the canonical URL and absolute image addresses;
 * without it the page makes no claim about where it lives.
 */
export function renderHead(siteUrl: string | null = null): string {
  const absolute = (path: string) => (siteUrl ? new URL(path, siteUrl).href : path);
  const tags = [
    `<title>${escape(meta.title)}</title>`,
    `<meta name="description" content="${escape(meta.description)}" />`,
    `<meta name="theme-color" content="#faf8f3" media="(prefers-color-scheme: light)" />`,
    `<meta name="theme-color" content="#16161a" media="(prefers-color-scheme: dark)" />`,
    `<meta name="color-scheme" content="light dark" />`,
    `<link rel="icon" href="./favicon.svg" type="image/svg+xml" />`,
    siteUrl && `<link rel="canonical" href="${escape(siteUrl)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:title" content="${escape(meta.title)}" />`,
    `<meta property="og:description" content="${escape(meta.description)}" />`,
    `<meta property="og:image" content="${escape(absolute(meta.shareImage))}" />`,
    `<meta property="og:image:alt" content="${escape(meta.shareImageAlt)}" />`,
    `<meta property="og:locale" content="en_GB" />`,
    siteUrl && `<meta property="og:url" content="${escape(siteUrl)}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${escape(meta.title)}" />`,
    `<meta name="twitter:description" content="${escape(meta.description)}" />`,
    `<meta name="twitter:image" content="${escape(absolute(meta.shareImage))}" />`,
    `<meta name="twitter:image:alt" content="${escape(meta.shareImageAlt)}" />`,
  ];
  return tags.filter(Boolean).join('\n    ');
}
