// Types of bundle-cache.mjs (plain JavaScript, loaded before any TypeScript loader).
export declare const RECIPE: string;
export declare const ROOT: string;
export declare const CACHE_DIR: string;
export declare function esbuildVersion(): string;
export declare function bundleKey(entryPath: string, version: string): string;
export declare function inputsListFile(entryPath: string, cacheDir: string): string;
export declare function bundlePath(entryPath: string, cacheDir: string, hash: string): string;
export declare function cachedBundle(entryPath: string, cacheDir?: string): Promise<string | undefined>;
export declare function readInputs(listFile: string): Promise<string[] | undefined>;
export declare function hashInputs(key: string, inputs: readonly string[]): Promise<string | undefined>;
