/**
 * Build-time rendering (scripts/prerender.mjs): the static page, and each island's own HTML, which
 * the browser hydrates with the same component (entry-client.tsx).
 */
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { content } from './data/content.ts';
import { ISLANDS } from './islands.tsx';
import { StaticPage } from './components/StaticPage.tsx';

export function render(): string {
  let html = renderToStaticMarkup(<StaticPage />);
  for (const [name, Island] of Object.entries(ISLANDS)) {
    const marker = `<!--island:${name}-->`;
    if (!html.includes(marker)) throw new Error(`The static page has no slot for the "${name}" island`);
    html = html.replace(marker, renderToString(<Island />));
  }
  return html;
}

export const meta = content.story.meta;
