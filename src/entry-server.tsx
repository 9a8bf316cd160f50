/**
 * Build-time rendering (scripts/prerender.mjs): the static page, and each island's own HTML, which
 * the browser hydrates with the same component (entry-client.tsx).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { content } from './data/content.ts';
import { fill } from './data/dataset.ts';
import { ISLANDS } from './islands.tsx';
import { StaticPage } from './components/StaticPage.tsx';

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
