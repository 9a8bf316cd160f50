/**
 * index.html's boot script (the inline script that lays the page out before first paint) uses the
 * layout rule and the viewport-unit writer of the story engine itself: a line
 * `// @inline name, name` in it is replaced, at build and in the dev server, by those functions'
 * own source (numeric constants of their module written in as numbers), so the rule and the
 * writer live in one place each (src/kit/scroll/layout.ts, src/kit/scroll/viewportVars.ts). The
 * copies are checked against the originals before they are written (a mismatch fails the build),
 * and the boot script's comment lines are dropped (they would be shipped). The boot script is then
 * final: scripts/prerender.mjs hashes it for the Content-Security-Policy.
 */
import type { Plugin } from 'vite';
import * as layout from '../src/kit/scroll/layout.ts';
import { writeViewportVars } from '../src/kit/scroll/viewportVars.ts';

interface Inlined {
  fn: (...args: never[]) => unknown;
  /** The module's exports: its numeric constants are written into the copy. */
  constants: Record<string, unknown>;
  /** Throws if the copy does not behave as the original. */
  check(copy: unknown): void;
}

const INLINE: Record<string, Inlined> = {
  chooseLayout: {
    fn: layout.chooseLayout,
    constants: layout,
    check(copy) {
      const edges = [layout.STACKED_MAX_WIDTH, layout.STACKED_MAX_HEIGHT, layout.SIDE_MIN_WIDTH, layout.SHORT_MAX_HEIGHT];
      const values = [0, 1, 195, 320, 390, 480, 568, 600, 768, 844, 1024, 1440, 2000, ...edges.flatMap((e) => [e - 1, e, e + 1])];
      for (const w of values) {
        for (const h of values) {
          const got = (copy as typeof layout.chooseLayout)(w, h);
          if (got !== layout.chooseLayout(w, h)) throw new Error(`chooseLayout(${w}, ${h}): the copy says ${got}`);
        }
      }
    },
  },
  writeViewportVars: {
    fn: writeViewportVars,
    constants: {},
    check(copy) {
      const trace = (write: (root: HTMLElement, r: number, s: number) => void) => {
        const props = new Map<string, string>([['--stable-vh', '5px']]);
        const log: string[] = [];
        const root = {
          style: {
            getPropertyValue: (name: string) => props.get(name) ?? '',
            setProperty: (name: string, value: string) => {
              props.set(name, value);
              log.push(`${name}=${value}`);
            },
          },
        } as unknown as HTMLElement;
        write(root, 812, 500);
        write(root, 812, 640.5);
        return log.join(' ');
      };
      const got = trace(copy as typeof writeViewportVars);
      if (got !== trace(writeViewportVars)) throw new Error(`writeViewportVars: the copy writes ${got}`);
    },
  },
};

/** A function's source with the numeric constants it names written in, after checking it behaves as the function. */
export function inlineFunction(name: string): string {
  const entry = INLINE[name];
  if (!entry) throw new Error(`index.html boot script: nothing to inline called ${name} (scripts/bootScript.ts)`);
  let source = entry.fn.toString();
  for (const [constant, value] of Object.entries(entry.constants)) {
    if (typeof value === 'number') source = source.replace(new RegExp(`\\b${constant}\\b`, 'g'), String(value));
  }
  if (!source.startsWith(`function ${name}(`)) throw new Error(`index.html boot script: ${name} is not a plain function declaration: ${source}`);
  let copy: unknown;
  try {
    copy = new Function(`${source}\nreturn ${name};`)();
    entry.check(copy);
  } catch (error) {
    throw new Error(`index.html boot script: the copy of ${name} differs from the original (${(error as Error).message}):\n${source}`);
  }
  return source;
}

const MARKER = /^([ \t]*)\/\/ @inline ([\w, ]+)$/m;

/** index.html with its boot script made final: functions inlined at the marker, comment lines dropped. */
export function buildBootScript(html: string): string {
  return html.replace(/<script>([\s\S]*?)<\/script>/g, (tag, body: string) => {
    const marker = MARKER.exec(body);
    if (!marker) return tag;
    const [, indent, names] = marker;
    const functions = names
      .split(',')
      .map((n) => n.trim())
      .map((n) => inlineFunction(n).replace(/\n/g, `\n${indent}`))
      .join(`\n${indent}`);
    const final = body
      .replace(MARKER, () => `${indent}${functions}`)
      .split('\n')
      .filter((line) => !/^\s*\/\//.test(line))
      .join('\n');
    return `<script>${final}</script>`;
  });
}

export function bootScript(): Plugin {
  return {
    name: 'driscoll:boot-script',
    transformIndexHtml: { order: 'pre', handler: (html) => buildBootScript(html) },
  };
}
