/**
 * The one writer of the layout's viewport units on the root element: --reader-vh (1% of the
 * reader's viewport height) and --stable-vh (1% of the stable height the layout is built on).
 * The story engine, the embed runtime and index.html's boot script all write through it; the
 * boot script gets a copy of this function's source at build (scripts/bootScript.ts), so it is
 * written self-contained, in ES5. A property is written only when its value changes: a style
 * write invalidates layout, and the next read would force it mid-frame.
 */
export function writeViewportVars(root: HTMLElement, readerHeight: number, stableHeight: number): void {
  function write(name: string, value: string) {
    if (root.style.getPropertyValue(name) !== value) root.style.setProperty(name, value);
  }
  write('--reader-vh', readerHeight / 100 + 'px');
  write('--stable-vh', stableHeight / 100 + 'px');
}
