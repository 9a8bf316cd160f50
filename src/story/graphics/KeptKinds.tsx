/**
 * The sticky graphic's charts, one per graphic kind, each kept once drawn. A step change between two
 * kinds (the map to the timeline) used to unmount one chart and mount the other: React creating
 * and discarding a whole tree inside the step's frame. Here each kind is rendered (through a portal)
 * into its own container, and the slot in the graphic box holds only the current kind's container:
 * a kind change moves two containers, and the chart shown again is updated in place, attributes
 * only, like a step change within one kind. Every kind is also drawn ahead, in idle time after its
 * layouts are prepared, so even its first step renders no new tree.
 *
 * A kind out of view is detached from the document: it costs no style, layout or paint, screen
 * readers and keyboards never reach it, and `[data-graphic] svg` finds the chart on screen only.
 * It keeps the state it was last shown in (no render while hidden) until it is shown again.
 *
 * Before the live chart takes over, the prerendered SVG (the server's render of the same state)
 * stands in: hydration leaves the slot's markup alone, so hydrating costs no chart render.
 */
import type { MotionValue } from 'framer-motion';
import { memo, startTransition, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react';
import { createPortal } from 'react-dom';
import steps from 'virtual:story-outline';
import type { ChartBox } from '../../kit/graphics/box.ts';
import { idleQueue } from '../../kit/graphics/idle.ts';
import type { Measure } from '../../kit/graphics/useGraphicBox.ts';
import { GRAPHIC_KINDS, isGraphicKind } from '../data/graphicStates.ts';
import { loadedChunk, loadedModel, loadGraphic, LiveSwitch, preloadGraphics } from './liveSwitch.tsx';
import { boxFor, graphicKind } from './registry.ts';
import './keptKinds.css';

const IS_SERVER = typeof document === 'undefined';
const EMPTY = { __html: '' };
/** Every kind a state can draw, and the empty chart of an unknown state. */
const KINDS: readonly string[] = [...GRAPHIC_KINDS, 'none'];

interface ChartProps {
  stateId: string;
  box: ChartBox;
  progress: MotionValue<number>;
  /** The kind is the one on screen: only then does it follow its props. */
  shown: boolean;
}

/** A kind's chart; out of view it keeps what it drew (its props are not even compared). */
const KindChart = memo(
  function KindChart({ stateId, box, progress }: ChartProps): JSX.Element {
    return <LiveSwitch stateId={stateId} progress={progress} box={box} />;
  },
  (prev, next) => !next.shown || (prev.stateId === next.stateId && prev.box === next.box && prev.progress === next.progress),
);

/**
 * The state a kind is drawn in ahead of need: its next state in the story from the step showing
 * `stateId` (or its first), so a reader going on finds it drawn as it will be shown.
 */
function aheadState(kind: string, stateId: string): string {
  const from = Math.max(
    0,
    steps.findIndex((s) => s.graphic === stateId),
  );
  const ordered = [...steps.slice(from), ...steps.slice(0, from)];
  return ordered.find((s) => graphicKind(s.graphic) === kind)?.graphic ?? stateId;
}

/** One layout or chart per idle period with 20 ms to spare (a layout takes 5-25 ms at 4x CPU slowdown). */
const queueAtIdle = idleQueue(20);
/** The measure the queued jobs are for: a newer one makes them moot. */
let preparing: Measure | null = null;

/**
 * Lays every graphic but the one on screen out for the sticky graphic's measured box, at idle, in
 * story order, and after each kind's layouts says it is ready to be drawn (`ready`): a step change
 * then only renders, from cached layouts (layoutCache.ts), into a chart that is already there. On a
 * page that is never idle the other kinds are drawn when first shown, as without this.
 */
function prepareAhead(measure: Measure, onScreen: string, ready: (kind: string) => void): () => void {
  preparing = measure;
  const current = () => preparing === measure;
  void preloadGraphics().then(() => {
    const model = loadedModel();
    if (!current() || !model) return;
    for (const kind of GRAPHIC_KINDS) {
      for (const job of loadedChunk(kind)?.prepare(model, boxFor(kind, measure, false)) ?? []) queueAtIdle(() => current() && job());
      if (kind !== onScreen) queueAtIdle(() => current() && ready(kind));
    }
  });
  return () => {
    if (current()) preparing = null;
  };
}

/**
 * Longest the prerendered chart stands in once measured and the chart's code is in: on a page never
 * idle (an animation, a long scroll) the live chart then lays itself out as it renders. Until the
 * code is in there is nothing better to show, so the stand-in stays (never an empty box).
 */
const STAND_IN_MAX_MS = 1500;

/**
 * Lays the kind on screen out for the measured box at idle, one layout per idle period, then calls
 * `ready` (at the latest STAND_IN_MAX_MS after its code is in). Meanwhile the prerendered chart stands in: the
 * first live chart is then a render from cached layouts, in a transition of its own, not layouts
 * computed inside hydration's task (which made it one 300 ms task after load on a mid-range phone,
 * the load trace at 4x CPU).
 */
function prepareOnScreen(measure: Measure, kind: string, ready: () => void): () => void {
  let done = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    done = true;
    clearTimeout(deadline);
  };
  const finish = () => {
    if (done) return;
    stop();
    ready();
  };
  void (isGraphicKind(kind) ? loadGraphic(kind) : Promise.resolve()).then(() => {
    const model = loadedModel();
    if (done) return;
    deadline = setTimeout(finish, STAND_IN_MAX_MS);
    const jobs = isGraphicKind(kind) && model ? (loadedChunk(kind)?.prepare(model, boxFor(kind, measure, false)) ?? []) : [];
    for (const job of jobs) queueAtIdle(() => !done && job());
    queueAtIdle(finish);
  });
  return stop;
}

/** The server's render: the current state's chart in the slot (what hydration finds and keeps). */
function ServerKinds({ stateId, progress, measure }: KeptKindsProps): JSX.Element {
  return (
    <div className="graphic-slot">
      <Suspense fallback={null}>
        <LiveSwitch stateId={stateId} progress={progress} box={boxFor(graphicKind(stateId), measure, false)} />
      </Suspense>
    </div>
  );
}

function ClientKinds({ stateId, progress, measure, prerendered }: KeptKindsProps): JSX.Element {
  const slot = useRef<HTMLDivElement>(null);
  const kind = graphicKind(stateId);
  const [containers] = useState(() =>
    Object.fromEntries(
      KINDS.map((k) => {
        const el = document.createElement('div');
        el.className = 'graphic-kind';
        el.dataset.kind = k;
        return [k, el];
      }),
    ),
  );
  // Hydration keeps the prerendered SVG. Once the box is measured and the chart on screen laid out
  // for it at idle (prepareOnScreen), the live chart replaces it, drawn for that box (the prerendered
  // one is drawn for a default box and scaled to fit: its text can be under the 11 px floor). A step
  // change before then draws the new step's chart at once.
  const [hydratedState] = useState(stateId);
  const [preparedFor, setPreparedFor] = useState<Measure | null>(null);
  const standingIn = prerendered && stateId === hydratedState && (measure === null || preparedFor === null);
  // The kinds drawn so far: kept from then on.
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  if (!standingIn && !drawn.has(kind)) setDrawn(new Set(drawn).add(kind));

  const boxes = useMemo(() => Object.fromEntries(KINDS.map((k) => [k, boxFor(k, measure, false)])), [measure]);

  useEffect(() => {
    if (!measure || !standingIn) return;
    return prepareOnScreen(measure, kind, () => startTransition(() => setPreparedFor(measure)));
    // Only the first measure matters: once the live chart is drawn, it follows the measure itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [measure]);

  useEffect(() => {
    if (!measure) return;
    return prepareAhead(measure, kind, (ready) => startTransition(() => setDrawn((d) => (d.has(ready) ? d : new Set(d).add(ready)))));
    // The kind on screen when measured is drawn already; a new measure starts a new pass.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [measure]);

  // The current kind's container is the slot's one child (replacing the prerendered SVG, once).
  useLayoutEffect(() => {
    const el = slot.current;
    if (!el || standingIn) return;
    const container = containers[kind];
    if (el.childNodes.length !== 1 || el.firstChild !== container) el.replaceChildren(container);
  }, [containers, kind, standingIn]);

  return (
    <>
      {/* Filled by the server's render, then by this component only (never by React's children). */}
      <div className="graphic-slot" ref={slot} dangerouslySetInnerHTML={EMPTY} suppressHydrationWarning />
      {KINDS.filter((k) => drawn.has(k) || (k === kind && !standingIn)).map((k) =>
        createPortal(
          <Suspense fallback={null}>
            <KindChart stateId={k === kind ? stateId : aheadState(k, stateId)} box={boxes[k]} progress={progress} shown={k === kind} />
          </Suspense>,
          containers[k],
          k,
        ),
      )}
    </>
  );
}

export interface KeptKindsProps {
  stateId: string;
  progress: MotionValue<number>;
  /** The graphic box's measure (null until measured: the server render and hydration). */
  measure: Measure | null;
  /** The page was prerendered with this graphic: its SVG is in the slot, and hydration keeps it. */
  prerendered: boolean;
}

/** The sticky graphic's charts, every kind kept once drawn. */
export function KeptKinds(props: KeptKindsProps): JSX.Element {
  return IS_SERVER ? <ServerKinds {...props} /> : <ClientKinds {...props} />;
}
