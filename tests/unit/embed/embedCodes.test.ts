import { describe, expect, test } from 'vitest';
import { BARE_IFRAME_HEIGHT, embedCodes, PLACEHOLDER_URL, pymXdomain, storyUrl } from '../../../src/kit/embed/embedCodes.ts';

describe('storyUrl', () => {
  test('prefers the canonical link, and drops query and hash', () => {
    expect(storyUrl('https://news.example/driscoll/', 'http://127.0.0.1:4173/?embedId=x#poll')).toBe('https://news.example/driscoll/');
    expect(storyUrl(null, 'https://cdn.example/story/index.html?childId=a&initialWidth=300#result')).toBe('https://cdn.example/story/index.html');
  });
  test('never offers a non-web address', () => {
    expect(storyUrl('javascript:alert(1)', 'file:///tmp/index.html')).toBe(PLACEHOLDER_URL);
    expect(storyUrl('not a url', 'https://ok.example/s/')).toBe('https://ok.example/s/');
  });
});

describe('embedCodes', () => {
  const [script, pym, iframe] = embedCodes('https://news.example/driscoll/', 'Barred, independent, beaten');

  test('our script: a placeholder with a link for readers without it, and embed.js beside the story', () => {
    expect(script.id).toBe('script');
    expect(script.code).toContain('<div data-driscoll-src="https://news.example/driscoll/" data-driscoll-title="Barred, independent, beaten">');
    expect(script.code).toContain('<a href="https://news.example/driscoll/">Barred, independent, beaten</a>');
    expect(script.code).toContain('<script src="https://news.example/driscoll/embed.js" async></script>');
  });

  test('Pym: scroll tracking on, unthrottled, and messages accepted from the story\u2019s origin only', () => {
    expect(pym.code).toContain('data-pym-src="https://news.example/driscoll/"');
    expect(pym.code).toContain('data-pym-xdomain="^https://news\\.example"');
    // Pym builds new RegExp(xdomain + '$') and tests the sender's origin.
    const xdomain = new RegExp(`${pymXdomain('https://news.example/driscoll/')}$`);
    expect(xdomain.test('https://news.example')).toBe(true);
    for (const other of ['https://evil.example', 'https://newsXexample', 'https://evilnews.example', 'http://news.example', 'https://news.example.evil.test'])
      expect(xdomain.test(other), other).toBe(false);
    expect(pym.code).toContain('data-pym-trackscroll data-pym-scrollwait="0"');
    expect(pym.code).toContain('pym.v1.min.js');
  });

  test('bare iframe: titled, lazy, sandboxed, tall enough for the scrolly layout', () => {
    expect(iframe.code).toMatch(/^<iframe src="https:\/\/news\.example\/driscoll\/" title="Barred, independent, beaten"/);
    expect(iframe.code).toContain(`height="${BARE_IFRAME_HEIGHT}"`);
    expect(BARE_IFRAME_HEIGHT).toBeGreaterThanOrEqual(420);
    expect(iframe.code).toContain('loading="lazy"');
    expect(iframe.code).toContain('sandbox="allow-scripts allow-same-origin');
  });

  test('escapes what it puts in attributes and text', () => {
    const [s] = embedCodes('https://x.example/a?b=1&c="2"', 'A <b>"bold"</b> & title');
    expect(s.code).toContain('data-driscoll-src="https://x.example/a?b=1&amp;c=%222%22"');
    expect(s.code).toContain('data-driscoll-title="A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; title"');
    expect(s.code).toContain('>A &lt;b&gt;"bold"&lt;/b&gt; &amp; title</a>');
  });
});
