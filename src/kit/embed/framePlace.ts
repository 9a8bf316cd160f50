/**
 * Keeping the reader's place in a frame that scrolls inside, across a layout flip (which moves
 * everything); and scrolling the frame's reader to a position, by whatever the feed allows.
 */
import type { ScrollSourceName } from '../scroll/band.ts';
import type { ScrollToFn } from '../scroll/store.ts';
import type { ChildChannel } from './channel.ts';
import { measureDocumentHeight } from './heightReporter.ts';

export interface PlaceMark {
  el: Element;
  top: number;
}

/** The reader's place: the last step or block whose top is above the frame's top, and how far above. */
export function placeMark(win: Window): PlaceMark | null {
  if (win.scrollY <= 0) return null;
  let mark: PlaceMark | null = null;
  for (const el of win.document.querySelectorAll(`${__STORY_STEP__}, main > *, body > * > section`)) {
    const top = el.getBoundingClientRect().top;
    if (top <= 0 && (!mark || top >= mark.top)) mark = { el, top };
  }
  return mark;
}

/** Puts the marked block back where it was, now and after the next layout. */
export function restorePlace(win: Window, mark: PlaceMark | null): void {
  if (!mark) return;
  const back = () => win.scrollTo({ top: win.scrollY + mark.el.getBoundingClientRect().top - mark.top, behavior: 'instant' });
  back();
  win.requestAnimationFrame(back);
}

/** How to scroll the reader to a document y, for each band source. */
export function frameScrollTo(win: Window, channel: ChildChannel): (source: ScrollSourceName) => ScrollToFn {
  const doc = win.document;

  const scrollAnchor: ScrollToFn = (y, smooth) => {
    const anchor = doc.createElement('div');
    anchor.setAttribute('aria-hidden', 'true');
    anchor.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;pointer-events:none;opacity:0';
    doc.body.appendChild(anchor);
    // The anchor's containing block may not start at the document's top (a positioned body).
    const offset = anchor.getBoundingClientRect().top + win.scrollY;
    const target = Math.min(Math.max(0, y), Math.max(0, measureDocumentHeight(doc) - 1));
    anchor.style.top = `${target - offset}px`;
    // Chromium carries scrollIntoView from a cross-origin frame up to the host's scroller.
    anchor.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    anchor.remove();
  };

  /**
   * A frame that scrolls inside: first bring the focused control (the step buttons, which stay at
   * the frame's top) onto the reader's screen, which scrolls the host if need be, then scroll.
   * The frame's scroll padding (the band's height, which the control lies in) is lifted meanwhile:
   * under it a control in plain view counted as hidden, and the frame jumped back up the story by
   * the band's height before scrolling on, which let go of the step being jumped to.
   */
  const scrollInside: ScrollToFn = (y, smooth) => {
    const focused = doc.activeElement;
    if (focused instanceof HTMLElement && focused !== doc.body) {
      const root = doc.documentElement;
      const padding = root.style.scrollPaddingTop;
      root.style.scrollPaddingTop = '0px';
      focused.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      root.style.scrollPaddingTop = padding;
    }
    win.scrollTo({ top: y, behavior: smooth ? 'smooth' : 'auto' });
  };

  return (source) => {
    if (source === 'relay') return (y, smooth) => channel.post({ type: 'scrollTo', y, smooth });
    if (source === 'native') return scrollInside;
    // Pym's scrollToChildPos calls window.scrollTo, which does nothing where an app shell's <main>
    // or body scrolls; the browser's own scrollIntoView finds whatever scrolls the frame.
    return scrollAnchor;
  };
}
