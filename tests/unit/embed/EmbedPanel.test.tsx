// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import islandCopy from 'virtual:island-copy';
import { BARE_IFRAME_HEIGHT } from '../../../src/kit/embed/embedCodes.ts';
import { EmbedPanel as Panel } from '../../../src/story/embed/EmbedPanel.tsx';
import type { EmbedPanelCopy } from '../../../src/story/data/types.ts';

const words = islandCopy.embedPanel;
const EmbedPanel = ({ url, copy = words }: { url?: string; copy?: EmbedPanelCopy }) => <Panel words={copy} title={islandCopy.headline} url={url} />;

afterEach(() => {
  cleanup();
  document.head.querySelector('link[rel="canonical"]')?.remove();
  vi.restoreAllMocks();
});

describe('EmbedPanel', () => {
  test('offers three codes, each with a copy button', () => {
    render(<EmbedPanel />);
    expect(screen.getByRole('heading', { level: 2, name: 'Embed this story' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Our embed script (recommended)', 'Pym.js', 'Plain iframe']);
    expect(screen.getAllByRole('button', { name: /^Copy .* code$/ })).toHaveLength(3);
  });

  test('fills in the page address after mount, canonical first', () => {
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://news.example/driscoll/';
    document.head.appendChild(link);
    render(<EmbedPanel />);
    const codes = screen.getAllByRole('textbox').map((t) => (t as HTMLTextAreaElement).value);
    expect(codes[0]).toContain('data-driscoll-src="https://news.example/driscoll/"');
    expect(codes.join('')).not.toContain('example.org');
  });

  test('copies the code to the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<EmbedPanel url="https://news.example/driscoll/" />);
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button')[2]);
    });
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^<iframe src="https:\/\/news\.example\/driscoll\/"/));
    expect(screen.getAllByRole('status')[2].textContent).toBe(words.copied);
  });

  test('without a clipboard, selects the code for the reader to copy', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    render(<EmbedPanel url="https://news.example/driscoll/" />);
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button')[0]);
    });
    const box = screen.getAllByRole('textbox')[0] as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toContain('data-driscoll-src');
    expect(screen.getAllByRole('status')[0].textContent).toMatch(/press Ctrl\+C/);
  });

  test('its words are the ones in data/story.json: an edit there changes the panel', () => {
    const edited: EmbedPanelCopy = {
      ...words,
      title: 'Put this on your site',
      intro: 'Three ways in.',
      codes: { ...words.codes, iframe: { title: 'Bare frame', help: 'A frame {height} pixels tall.' } },
      copyButton: 'Take the {code} snippet',
    };
    render(<EmbedPanel url="https://news.example/driscoll/" copy={edited} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Put this on your site' })).toBeTruthy();
    expect(screen.getByText('Three ways in.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Bare frame' })).toBeTruthy();
    // The {height} slot is the frame's real height, from the code.
    expect(screen.getByText(`A frame ${BARE_IFRAME_HEIGHT} pixels tall.`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Take the Bare frame snippet' })).toBeTruthy();
  });

  test("the story's iframe help warns against aspect-ratio wrappers and gives the frame's height", () => {
    render(<EmbedPanel url="https://news.example/driscoll/" />);
    const help = screen.getByRole('heading', { level: 3, name: words.codes.iframe.title }).nextElementSibling!.textContent;
    expect(help).toMatch(/aspect-ratio wrapper/);
    expect(help).toContain(`${BARE_IFRAME_HEIGHT}px frame`);
  });
});
