/** The part of the `hyphen` package (CommonJS, no types of its own) that hyphenate.ts uses. */
declare module 'hyphen/en-gb/index.js' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default patterns;
}
