export interface StaticServer {
  origin: string;
  port: number;
  /** Every path requested, in order; tests use it to prove what the page loaded. */
  requests: string[];
  /** Every request answered with an error status (404, 403), as "path -> HTTP status". */
  failures: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The interface to listen on (default 127.0.0.1); also the origin's host unless originHost is set. */
  host?: string;
  originHost?: string;
  port?: number;
  /** Extra routes mapped to files outside the root, e.g. '/vendor/pym.js' -> node_modules/... */
  aliases?: Record<string, string>;
  /** In-memory routes: path -> HTML text, or a body with its file extension for the content type. */
  routes?: Record<string, string | { body: string; type: string }>;
  headers?: Record<string, string>;
  /** Compression and cache headers like a production host (the benchmark); default: uncompressed, no-store. */
  production?: boolean;
  /** Markup inserted right after <head> in every HTML file served from the folder. */
  injectHead?: string;
}

export declare const MIME: Record<string, string>;
export declare function serveDir(dir: string, options?: ServeOptions): Promise<StaticServer>;
export declare function serveDist(dir: string, options?: ServeOptions): Promise<StaticServer>;
