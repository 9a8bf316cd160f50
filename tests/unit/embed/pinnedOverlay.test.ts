// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { createPinnedOverlay } from '../../../src/kit/embed-host/pinned.ts';

const geometry = {
  sectionTop: 500,
  sectionHeight: 9000,
  layerLeft: 12,
  layerTop: 0,
  layerWidth: 736,
  layerHeight: 420,
  boxLeft: 8,
  boxTop: 52,
  boxWidth: 720,
  boxHeight: 360,
  navLeft: 0,
  navTop: 0,
  navWidth: 736,
  navHeight: 52,
  layout: 'band',
};

test('the graphic frame covers the whole graphic layer, takes no pointer, and is unseen until it has drawn', () => {
  const holder = document.createElement('div');
  const text = document.createElement('iframe');
  holder.append(text);
  document.body.append(holder);
  const overlay = createPinnedOverlay(document, holder, text, 'https://story.example/graphic.html?embedId=e-g', 'Story (graphic)', 'allow-scripts');
  overlay.place(geometry, 64);
  const g = overlay.graphic.style;
  // The layer, not the graphic's box: the band, its rule and the step control's copy are drawn pinned too.
  expect([g.left, g.top, g.width, g.height]).toEqual(['12px', '0px', '736px', '420px']);
  expect(g.pointerEvents).toBe('none');
  expect(g.clipPath).toBe('');
  const sticky = overlay.graphic.parentElement!.style;
  expect([sticky.top, sticky.height]).toEqual(['64px', '420px']);
  expect(g.opacity).toBe('0');
  overlay.show();
  expect(g.opacity).toBe('');
  overlay.remove();
  holder.remove();
});
