/**
 * What a story tells the kit about its markup: the selectors the kit finds the steps, their text
 * and the graphic by. Build-time only (vite.config.ts and the like import it): the kit's browser
 * code reads the values as the constants declared in markup.d.ts, so no lookup table ships and a
 * story's names never appear in the kit's source.
 */

export interface StoryMarkup {
  /** A step: the engine measures these in document order. */
  step: string;
  /** The text blocks a reader reads, relative to a step. */
  stepText: string;
  /** The element a graphic's box is measured from. */
  graphicBox: string;
  /**
   * embed.js's sticky mode (a host-pinned graphic-only frame over the story's own): where the story's
   * graphic is. null when the story has no graphic-only page: embed.js then relays the scroll and
   * the story moves its own graphic.
   */
  sticky: {
    /** The scrolly section; the layer is found inside it, the box inside the layer. */
    section: string;
    graphicLayer: string;
    /**
     * The step controls' layer ('' for none): its box is reported with the graphic's, so the
     * graphic-only page can draw the control where the story does, pinned with the graphic.
     */
    navLayer: string;
  } | null;
}

function checkSelector(name: string, selector: string, allowEmpty = false): string {
  if (selector === '' && allowEmpty) return selector;
  if (!selector.trim()) throw new Error(`StoryMarkup.${name}: must not be empty`);
  // A selector the browser would reject throws only at run time, in the reader's browser: catch the obvious ones at build.
  if (/[{};]/.test(selector)) throw new Error(`StoryMarkup.${name} ${JSON.stringify(selector)}: not a CSS selector`);
  return selector;
}

/** Vite `define` entries for the kit (src/kit/markup.d.ts); throws on a missing or malformed selector. */
export function markupDefines(markup: StoryMarkup): Record<string, string> {
  const sticky = markup.sticky;
  const values = {
    __STORY_STEP__: checkSelector('step', markup.step),
    __STORY_STEP_TEXT__: checkSelector('stepText', markup.stepText),
    __STORY_GRAPHIC_BOX__: checkSelector('graphicBox', markup.graphicBox),
    __STORY_SECTION__: sticky ? checkSelector('sticky.section', sticky.section) : '',
    __STORY_GRAPHIC_LAYER__: sticky ? checkSelector('sticky.graphicLayer', sticky.graphicLayer) : '',
    __STORY_NAV_LAYER__: sticky ? checkSelector('sticky.navLayer', sticky.navLayer, true) : '',
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v)]));
}
