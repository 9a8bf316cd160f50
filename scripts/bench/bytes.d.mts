export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
export interface FileSizes extends Sizes {
  path: string;
}
export interface Total extends Sizes {
  files: string[];
}
export interface InlineScript {
  type: string;
  text: string;
}
export interface ByteReport {
  files: FileSizes[];
  dist: Sizes;
  firstLoad: Total;
  firstLoadJs: Total & { inlineScripts: number };
  pageTotal: Total;
  notLoadedByPage: string[];
  budgets: typeof BUDGETS;
}
export declare const BUDGETS: { firstLoadJsGzip: number; totalGzip: number };
export declare function gzipSize(data: Buffer | string): number;
export declare function sizes(data: Buffer | string): Sizes;
export declare function listFiles(dir: string): string[];
export declare function htmlReferences(html: string): { refs: { url: string; kind: string }[]; inlineScripts: InlineScript[] };
export declare function staticImports(js: string): string[];
export declare function cssUrls(css: string): string[];
export declare function assetGraph(dist: string, entry?: string): { firstLoad: string[]; all: string[]; inlineScripts: InlineScript[] };
export declare function byteReport(dist: string, entry?: string): ByteReport;
export declare function sizesOf(dist: string, paths: string[]): Total;
export declare function kb(n: number): string;
export declare function formatByteReport(r: ByteReport): string;
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  src?: string;
  name?: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export interface LazyChunk {
  name: string;
  file: string;
  files: string[];
  gzip: number;
}
export interface ManifestBytes {
  entry: string;
  firstLoadJs: { files: string[]; gzip: number };
  firstLoad: { files: string[]; gzip: number };
  lazyChunks: LazyChunk[];
  total: { files: string[]; gzip: number };
}
export declare const MANIFEST: string;
export declare function manifestBytes(
  manifest: Record<string, ManifestChunk>,
  gzipOf: (file: string) => number,
  page?: { htmlGzip?: number; inlineJsGzip?: number; extraFirstLoad?: string[] },
): ManifestBytes;
export declare function manifestReport(dist: string, entry?: string): ManifestBytes;
export declare function budgetBreaches(r: ManifestBytes, budgets?: typeof BUDGETS): string[];
