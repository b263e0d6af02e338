// Types of bundle-cli.js (plain JS, since it runs before tsx), for the TypeScript that imports it.

/** Where the bundle starts, where it is kept, and how esbuild is loaded. */
export type BundleOptions = {
  /** The TypeScript module the bundle starts from (default: cli/main.ts). */
  entry?: string;
  /** The cache folder; it must lie inside the project so the bundle's packages resolve. */
  cacheDir?: string;
  /** Loads esbuild; called only when a (re)build is needed. */
  loadEsbuild?: () => Promise<typeof import('esbuild')>;
};

/** A bundle ready to import (reused or just built), or why there is none. */
export type BundleResult =
  | { status: 'fresh' | 'built'; file: string }
  | { status: 'unavailable' }
  | { status: 'failed'; reason: string };

export declare const BUNDLE_DEFAULTS: Required<BundleOptions>;

/** Where the bundle of `cacheDir` lives. */
export declare function bundleFile(cacheDir?: string): string;

/** Reuses the bundle when none of its inputs changed, else rebuilds it; never throws. */
export declare function ensureBundle(options?: BundleOptions): Promise<BundleResult>;

/** Runs the CLI from the bundle, or through tsx when there is none. */
export declare function runCli(options?: BundleOptions): Promise<void>;
