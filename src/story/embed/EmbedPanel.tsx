/**
 * "Embed this story": the three codes a newsroom can paste, each with a copy button. Renders on
 * the server with a placeholder address (no window there) and fills in the page's real address
 * after mount. Its words come from data/story.json (embedPanel), passed in by the island.
 */
import { useId, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { EmbedPanelCopy } from '../data/types.ts';
import { fillSlots } from '../data/tokens.ts';
import './embedPanel.css';
import { BARE_IFRAME_HEIGHT, embedCodes, PLACEHOLDER_URL, storyUrl } from '../../kit/embed/embedCodes.ts';

/** "Copy {code} code": the words around the slot, which holds the code's title for screen readers. */
function splitAtSlot(template: string): [string, string] {
  const at = template.indexOf('{code}');
  return at < 0 ? [template, ''] : [template.slice(0, at), template.slice(at + '{code}'.length)];
}

function CopyButton({ text, target, label, words }: { text: string; target: RefObject<HTMLTextAreaElement | null>; label: string; words: EmbedPanelCopy }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(words.copied);
    } catch {
      // No clipboard (an old browser, or a frame without clipboard-write): select the code so
      // the reader can copy it with the keyboard.
      target.current?.focus();
      target.current?.select();
      setStatus(words.selected);
    }
  };
  const [before, after] = splitAtSlot(words.copyButton);
  return (
    <p className="embed-copy">
      <button type="button" onClick={() => void copy()}>
        {before}
        <span className="visually-hidden">{label}</span>
        {after}
      </button>{' '}
      <span role="status" className="embed-copy-status">
        {status}
      </span>
    </p>
  );
}

function CodeBlock({ id, title, help, code, words }: { id: string; title: string; help: string; code: string; words: EmbedPanelCopy }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const headingId = `${id}-heading`;
  return (
    <div className="embed-code">
      <h3 id={headingId}>{title}</h3>
      <p>{help}</p>
      {/* A read-only text area: focusable, scrollable and selectable with the keyboard alone. */}
      <textarea ref={ref} readOnly aria-labelledby={headingId} rows={code.split('\n').length} wrap="off" spellCheck={false} value={code} />
      <CopyButton text={code} target={ref} label={title} words={words} />
    </div>
  );
}

const noSubscription = () => () => {};

function pageAddress(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return storyUrl(canonical, window.location.href);
}

/**
 * `title` is the story's headline from data/story.json, so editing it updates every embed code;
 * `words` are the panel's own (story.json embedPanel).
 */
export function EmbedPanel({ words, title, url }: { words: EmbedPanelCopy; title: string; url?: string }) {
  // The server (and hydration) use the given address or the placeholder; the browser then
  // re-renders with its own address.
  const address = useSyncExternalStore(
    noSubscription,
    () => url ?? pageAddress(),
    () => url ?? PLACEHOLDER_URL,
  );
  const id = useId();
  const headingId = `${id}embed`;
  return (
    <section className="appendix-section embed-panel" id="embed" aria-labelledby={headingId}>
      <h2 id={headingId}>{words.title}</h2>
      <p>{words.intro}</p>
      {embedCodes(address, title).map((c) => (
        <CodeBlock
          key={c.id}
          id={`${id}${c.id}`}
          title={words.codes[c.id].title}
          help={fillSlots(words.codes[c.id].help, { height: String(BARE_IFRAME_HEIGHT) })}
          code={c.code}
          words={words}
        />
      ))}
    </section>
  );
}
