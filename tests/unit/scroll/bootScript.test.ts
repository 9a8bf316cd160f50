import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildBootScript, inlineFunction } from '../../../scripts/bootScript.ts';
import { writeViewportVars } from '../../../src/kit/scroll/viewportVars.ts';

const html = buildBootScript(readFileSync(resolve(import.meta.dirname, '../../../index.html'), 'utf8'));
const boot = /<script>([\s\S]*?)<\/script>/.exec(html)![1];

function recordingRoot() {
  const props = new Map<string, string>();
  return {
    props,
    dataset: {} as Record<string, string>,
    style: { getPropertyValue: (n: string) => props.get(n) ?? '', setProperty: (n: string, v: string) => void props.set(n, v) },
  };
}

describe('the boot script (index.html, built by scripts/bootScript.ts)', () => {
  it('has the layout rule and the viewport-unit writer inlined from their modules, and no comment lines', () => {
    expect(boot).toContain('function chooseLayout(width, height)');
    expect(boot).toContain('function writeViewportVars(');
    expect(boot).not.toMatch(/STACKED_MAX_WIDTH|SIDE_MIN_WIDTH|SHORT_MAX_HEIGHT|@inline/);
    expect(boot).not.toMatch(/^\s*\/\//m);
  });

  it('writes the viewport units exactly as writeViewportVars does, in a frame sized by our host script', () => {
    const root = recordingRoot();
    const win = { innerWidth: 400, innerHeight: 600, top: {} } as Record<string, unknown>;
    win.self = win;
    runInNewContext(boot, {
      document: { documentElement: root, addEventListener: () => undefined },
      window: win,
      location: { hash: '', search: '?embedId=abc' },
      screen: { availHeight: 812 },
      setTimeout: () => undefined,
    });
    const expected = recordingRoot();
    writeViewportVars(expected as unknown as HTMLElement, 812, 812);
    expect(root.dataset.embedContext).toBe('auto');
    expect([...root.props]).toEqual([...expected.props]);
  });

  it('refuses to inline a name it does not know', () => {
    expect(() => inlineFunction('nope')).toThrow(/nothing to inline called nope/);
  });
});
