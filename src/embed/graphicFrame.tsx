/**
 * The graphic frame's app (embed.js sticky mode): the story's live graphic, filling this frame,
 * showing the step the text frame chose. It learns the step only from its parent (embed.js relays
 * it from the text frame), through the same checked channel as the story (parent window, parent's
 * origin, our id, rising sequence), and says `drawn` once its graphic is on screen, so the text
 * frame hides its own copy only then (no blank frame in between).
 */
import { useMotionValue } from 'framer-motion';
import { StrictMode, useEffect, useRef, useState, type ReactNode } from 'react';
import steps from 'virtual:story-outline';
import { LiveGraphic } from '../graphics/LiveGraphic.tsx';
import { MotionRoot } from '../motion.tsx';
import { openChildChannel, type ChildChannel } from './channel.ts';
import { parseEmbedParams, type HostMessage } from './protocol.ts';
import { createSharedProgress, type SharedProgress } from './sharedProgress.ts';

/** The state id of the graphic a step shows (the first step's before the story starts). */
export function graphicStateFor(index: number): string {
  return steps[Math.min(steps.length - 1, Math.max(0, index))].graphic;
}

function GraphicFrame({ step, channel }: { step: SharedProgress; channel: ChildChannel }) {
  const [index, setIndex] = useState(step.get().index);
  const progress = useMotionValue(step.get().progress);
  const ref = useRef<HTMLDivElement>(null);
  const said = useRef(false);
  const state = graphicStateFor(index);

  useEffect(
    () =>
      step.subscribe((s) => {
        setIndex(s.index);
        progress.set(s.progress);
      }),
    [step, progress],
  );

  // Drawn = the graphic of the step we were given has its SVG in: then, and only then, say so.
  useEffect(() => {
    const frame = ref.current;
    if (!frame || said.current) return;
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
  }, [state, channel]);

  return (
    <div className="graphic-frame" data-graphic data-graphic-state={state} data-step-index={index} ref={ref}>
      <LiveGraphic stateId={state} progress={progress} />
    </div>
  );
}

export function startGraphicFrame(win: Window, render: (app: ReactNode) => void): () => void {
  const params = parseEmbedParams(win.location.search);
  // Only embed.js makes this frame, and always with an id: alone, or under anyone else, it stays blank.
  if (params.embedId === '' || win.parent === win) return () => {};
  const step = createSharedProgress();
  const onHost = (m: HostMessage) => {
    if (m.type === 'step') step.set(m.index, m.progress);
  };
  const channel = openChildChannel(win, { embedId: params.embedId, pymId: null }, { host: onHost, pym: () => {} });
  channel.post({ type: 'hello' });
  render(
    <StrictMode>
      <MotionRoot>
        <GraphicFrame step={step} channel={channel} />
      </MotionRoot>
    </StrictMode>,
  );
  return () => channel.stop();
}
