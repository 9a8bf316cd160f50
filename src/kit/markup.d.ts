/**
 * The story's markup, which the kit finds but does not write: build-time constants that the build
 * (Vite's `define`, from the story's StoryMarkup through markupDefines in src/kit/markupConfig.ts)
 * sets, so the kit never spells a story's class or attribute names. Every build of kit code must
 * define them.
 */

/** A step: the engine measures these, in document order. */
declare const __STORY_STEP__: string;
/** Inside a step, the text blocks a reader reads (the reader's place is kept by them). */
declare const __STORY_STEP_TEXT__: string;
/** The element a graphic measures its box from (useGraphicBox.ts). */
declare const __STORY_GRAPHIC_BOX__: string;
/** Sticky mode: the scrolly section whose graphic embed.js pins (empty: the story has no sticky mode). */
declare const __STORY_SECTION__: string;
/** Sticky mode: the layer in the section that holds the graphic's box. */
declare const __STORY_GRAPHIC_LAYER__: string;
/** Sticky mode: the layer of the step controls, which the graphic frame draws a copy of (empty: none). */
declare const __STORY_NAV_LAYER__: string;
