/**
 * The story's names in the embedding contract, which the kit does not know: build-time constants
 * that the build (Vite's `define`, in vite.config.ts and vite.embed.config.ts) sets from the story's
 * configuration, so the kit never imports the story. Every build of kit code must define them.
 */

/** The placeholder's attribute prefix: data-{prefix}-src, data-{prefix}-title, …; frame ids {prefix}-1, …. */
declare const __EMBED_PREFIX__: string;
/** The name embed.js is reachable by on the host page's window (scan(), destroy()). */
declare const __EMBED_GLOBAL__: string;
/** The namespace field of every message between the story and embed.js. */
declare const __EMBED_SENTINEL__: string;
/** The chart key in the Datawrapper height message. */
declare const __EMBED_DATAWRAPPER_KEY__: string;
/** Where the embed codes point before the page knows its own address. */
declare const __EMBED_PLACEHOLDER_URL__: string;
/** The graphic-only page, beside the story's page, that sticky mode pins over the story's frame. */
declare const __EMBED_GRAPHIC_PAGE__: string;
