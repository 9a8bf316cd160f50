/**
 * This story's names in the embedding contract: what a news page's embed code says and what the
 * story and embed.js say to each other. The kit (src/kit/embed, src/kit/embed-host) carries no
 * story's names; it reads these as build-time constants (`__EMBED_PREFIX__` and the rest, declared in
 * src/kit/embed/names.d.ts), which vite.config.ts and vite.embed.config.ts define from this module.
 * Changing a name here breaks every embed code and every cached embed.js already out there: these
 * are the names published in README.md and docs/EMBEDDING.md.
 */
import type { StoryMarkup } from '../kit/markupConfig.ts';

export interface EmbedConfig {
  /** The placeholder's attributes, data-{prefix}-src, -title, -height, …, and the frames' ids ({prefix}-1, …). */
  prefix: string;
  /** The host page's global embed.js answers to (window.{global}.scan(), .destroy()). */
  global: string;
  /** The namespace field of every message between the story and embed.js. */
  sentinel: string;
  /** The chart key of the Datawrapper height message ({ 'datawrapper-height': { [key]: height } }). */
  datawrapperKey: string;
  /** Where the embed codes point before the page knows its own address (no SITE_URL). */
  placeholderUrl: string;
  /** The graphic-only page embed.js pins over the story in sticky mode, beside the story's page. */
  graphicPage: string;
}

export const embedConfig: EmbedConfig = {
  prefix: 'driscoll',
  global: 'DriscollEmbed',
  sentinel: 'driscoll-embed',
  datawrapperKey: 'driscoll-explainer',
  placeholderUrl: 'https://example.org/driscoll/',
  graphicPage: 'graphic.html',
};

/** Vite `define` entries for the kit (src/kit/embed/names.d.ts); throws on a name that would break the embed code or embed.js. */
export function embedDefines(config: EmbedConfig = embedConfig): Record<string, string> {
  if (!/^[a-z][a-z0-9-]*$/.test(config.prefix))
    throw new Error(`embedConfig.prefix ${JSON.stringify(config.prefix)}: lower-case letters, digits and hyphens only`);
  if (!/^[A-Za-z_$][\w$]*$/.test(config.global)) throw new Error(`embedConfig.global ${JSON.stringify(config.global)}: not a JavaScript identifier`);
  if (!config.sentinel || !config.datawrapperKey) throw new Error('embedConfig: sentinel and datawrapperKey must not be empty');
  if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(config.placeholderUrl))
    throw new Error(`embedConfig.placeholderUrl ${JSON.stringify(config.placeholderUrl)}: an http(s) address ending in /`);
  if (!/^[\w-]+\.html$/.test(config.graphicPage))
    throw new Error(`embedConfig.graphicPage ${JSON.stringify(config.graphicPage)}: a page name beside the story's, like graphic.html`);
  return {
    __EMBED_PREFIX__: JSON.stringify(config.prefix),
    __EMBED_GLOBAL__: JSON.stringify(config.global),
    __EMBED_SENTINEL__: JSON.stringify(config.sentinel),
    __EMBED_DATAWRAPPER_KEY__: JSON.stringify(config.datawrapperKey),
    __EMBED_PLACEHOLDER_URL__: JSON.stringify(config.placeholderUrl),
    __EMBED_GRAPHIC_PAGE__: JSON.stringify(config.graphicPage),
  };
}

/**
 * Where the kit finds this story's markup (src/kit/markupConfig.ts): the steps and step cards of
 * StepCard.tsx, the graphic box, and sticky mode's section and layers in StaticPage.tsx and
 * StoryChrome.tsx. The CSS and those components use the same names; change them together.
 */
export const storyMarkup: StoryMarkup = {
  step: '[data-step]',
  stepText: '.step-card > :not(.visually-hidden)',
  graphicBox: '[data-graphic]',
  sticky: { section: '.scrolly', graphicLayer: '.graphic-layer', navLayer: '.nav-layer' },
};
