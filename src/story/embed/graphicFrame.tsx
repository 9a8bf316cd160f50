/**
 * The graphic frame's app (embed.js sticky mode): the story's graphic layer as the text frame lays
 * it out (the band's background and rule, a copy of the step control, the live graphic), showing
 * the step the text frame chose. It learns the step, the control's state and the layout only from
 * its parent (embed.js relays them from the text frame), through the same checked channel as the
 * story (parent window, parent's origin, our id, rising sequence), and says `drawn` once its graphic
 * is on screen, so the text frame hides its own layer only then (no blank frame in between).
 */
import { useMotionValue, type MotionValue } from 'framer-motion';
import { StrictMode, useDeferredValue, useEffect, useRef, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import steps from 'virtual:story-outline';
import { LiveGraphic } from '../graphics/LiveGraphic.tsx';
import { StepNav } from '../components/StepNav.tsx';
import { MotionRoot } from '../../kit/motion.tsx';
import { openChildChannel, type ChildChannel } from '../../kit/embed/channel.ts';
import { createLayoutStore, type LayoutStore } from '../../kit/embed/layerLayout.ts';
import { parseEmbedParams, type HostMessage, type LayerLayout } from '../../kit/embed/protocol.ts';
import { createSharedProgress, type SharedProgress } from '../../kit/embed/sharedProgress.ts';

const titles = steps.map((s) => s.title);
const noStep = () => {};

const px = (n: number) => `${n}px`;

/** The state id of the graphic a step shows (the first step's before the story starts). */
export function graphicStateFor(index: number): string {
  return steps[Math.min(steps.length - 1, Math.max(0, index))].graphic;
}

/**
 * The step index from the shared store, and its progress into a motion value. The host's first
 * step can arrive between our first render and our subscription: useSyncExternalStore reads the
 * store again once subscribed, so that step is never lost (the graphic would keep the first
 * step's state until the reader moved on).
 */
export function useSharedStep(step: SharedProgress, progress: MotionValue<number>): number {
  const index = useSyncExternalStore(step.subscribe, () => step.get().index);
  useEffect(() => {
    progress.set(step.get().progress);
    return step.subscribe((s) => progress.set(s.progress));
  }, [step, progress]);
  return index;
}

/** The step control's bar and focus ring, from the store, for the copy. */
function ControlCopy({ step, index, layout }: { step: SharedProgress; index: number; layout: LayerLayout }) {
  const story = useMotionValue(step.get().story);
  useEffect(() => {
    story.set(step.get().story);
    return step.subscribe((s) => story.set(s.story));
  }, [step, story]);
  const focus = useSyncExternalStore(step.subscribe, () => step.get().focus);
  const place = { left: px(layout.navLeft), top: px(layout.navTop), width: px(layout.navWidth), '--nav-h': px(layout.navHeight) } as CSSProperties;
  return (
    <div className="nav-layer graphic-frame-nav" style={place}>
      <StepNav activeIndex={index} titles={titles} storyProgress={story} onGo={noStep} copyOf={{ focus }} />
    </div>
  );
}

export function GraphicFrame({ step, channel, layouts }: { step: SharedProgress; channel: Pick<ChildChannel, 'post'>; layouts: LayoutStore }) {
  const progress = useMotionValue(step.get().progress);
  // A new step's graphic is drawn in a background render, which React cuts into slices. Rendered in
  // the task of the message that brought it (useSyncExternalStore renders synchronously), it was one
  // 30-50 ms task at 4x CPU slowdown, which made the story's frames, and the host's, late at most
  // step changes while the host scrolled (the embed lag bench's story-frame figures).
  const given = useSharedStep(step, progress);
  const index = useDeferredValue(given);
  const ref = useRef<HTMLDivElement>(null);
  const said = useRef(false);
  const state = graphicStateFor(index);
  const layout = useSyncExternalStore(layouts.subscribe, layouts.get);

  // Drawn = we know where to draw, and the graphic of the step we were given has its SVG in: then,
  // and only then, say so.
  useEffect(() => {
    const frame = ref.current;
    if (!frame || said.current || layout === null) return;
    const check = () => {
      if (said.current || frame.dataset.graphicState !== state || !frame.querySelector('svg')) return false;
      said.current = true;
      frame.dataset.drawn = '';
      // One more frame: the SVG is committed; this makes sure it is also painted.
      requestAnimationFrame(() => channel.post({ type: 'drawn' }));
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(frame, { childList: true, subtree: true, attributes: true });
    return () => observer.disconnect();
  }, [state, channel, layout]);

  const graphic = (
    <div className="graphic-frame" data-graphic data-graphic-state={state} data-step-index={index} ref={ref}>
      <LiveGraphic stateId={state} progress={progress} />
    </div>
  );
  if (layout === null || layout === 'fill') return <div className="graphic-frame-fill">{graphic}</div>;
  const box = { left: px(layout.boxLeft), top: px(layout.boxTop), width: px(layout.boxWidth), height: px(layout.boxHeight) };
  return (
    <div className="graphic-frame-layer" data-layout={layout.layout} style={{ width: px(layout.layerWidth), height: px(layout.layerHeight) }}>
      <div className="graphic-frame-box" style={box}>
        {graphic}
      </div>
      {layout.navWidth > 0 && layout.navHeight > 0 && <ControlCopy step={step} index={given} layout={layout} />}
    </div>
  );
}

export function startGraphicFrame(win: Window, render: (app: ReactNode) => void): () => void {
  const params = parseEmbedParams(win.location.search);
  // Only embed.js makes this frame, and always with an id: alone, or under anyone else, it stays blank.
  if (params.embedId === '' || win.parent === win) return () => {};
  const step = createSharedProgress();
  const layouts = createLayoutStore();
  const onHost = (m: HostMessage) => {
    layouts.hear(m);
    if (m.type !== 'step') return;
    step.set(m.index, m.progress);
    step.setStory(m.story ?? 0);
    step.setFocus(m.focus ?? -1);
  };
  const channel = openChildChannel(win, { embedId: params.embedId, pymId: null }, { host: onHost, pym: () => {} });
  channel.post({ type: 'hello' });
  render(
    <StrictMode>
      <MotionRoot>
        <GraphicFrame step={step} channel={channel} layouts={layouts} />
      </MotionRoot>
    </StrictMode>,
  );
  return () => channel.stop();
}
