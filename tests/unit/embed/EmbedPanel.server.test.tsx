// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import islandCopy from 'virtual:island-copy';
import { EmbedPanel as Panel } from '../../../src/story/embed/EmbedPanel.tsx';

const EmbedPanel = ({ url }: { url?: string }) => <Panel words={islandCopy.embedPanel} title={islandCopy.headline} url={url} />;

test('renders on the server, with no window, with a placeholder or a given address', () => {
  expect(typeof window).toBe('undefined');
  const html = renderToString(<EmbedPanel />);
  expect(html).toContain('Embed this story');
  expect(html).toContain('https://example.org/driscoll/embed.js');
  expect(renderToString(<EmbedPanel url="https://news.example/driscoll/" />)).toContain('https://news.example/driscoll/embed.js');
});
