/**
 * "Embed this story": the three codes a newsroom can paste, each with a copy button. Renders on
 * the server with a placeholder address (no window there) and fills in the page's real address
 * after mount.
 */
import { useId, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import './embedPanel.css';
import islandCopy from 'virtual:island-copy';
import { embedCodes, PLACEHOLDER_URL, storyUrl } from './embedCodes.ts';

/** The story's headline from data/story.json, so editing it updates every embed code. */
const DEFAULT_TITLE = islandCopy.headline;

function CopyButton({ text, target, label }: { text: string; target: RefObject<HTMLTextAreaElement | null>; label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      // No clipboard (an old browser, or a frame without clipboard-write): select the code so
      // the reader can copy it with the keyboard.
      target.current?.focus();
      target.current?.select();
      setStatus('Selected: press Ctrl+C (or \u2318C) to copy.');
    }
  };
  return (
    <p className="embed-copy">
      <button type="button" onClick={() => void copy()}>
        Copy <span className="visually-hidden">{label}</span> code
      </button>{' '}
      <span role="status" className="embed-copy-status">
        {status}
      </span>
    </p>
  );
}

function CodeBlock({ id, title, help, code }: { id: string; title: string; help: string; code: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const headingId = `${id}-heading`;
  return (
    <div className="embed-code">
      <h3 id={headingId}>{title}</h3>
      <p>{help}</p>
      {/* A read-only text area: focusable, scrollable and selectable with the keyboard alone. */}
      <textarea ref={ref} readOnly aria-labelledby={headingId} rows={code.split('\n').length} wrap="off" spellCheck={false} value={code} />
      <CopyButton text={code} target={ref} label={title} />
    </div>
  );
}

const noSubscription = () => () => {};

function pageAddress(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return storyUrl(canonical, window.location.href);
}

export function EmbedPanel({ title = DEFAULT_TITLE, url }: { title?: string; url?: string } = {}) {
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
      <h2 id={headingId}>Embed this story</h2>
      <p>
        News sites may embed this explainer in an article. Pick the code your CMS allows; each one works on phones and desktops, and readers without JavaScript
        get the full text.
      </p>
      {embedCodes(address, title).map((c) => (
        <CodeBlock key={c.id} id={`${id}${c.id}`} title={c.title} help={c.help} code={c.code} />
      ))}
    </section>
  );
}
