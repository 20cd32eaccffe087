// Eleventy 3 ships JSDoc, not TypeScript declarations: these are the parts of its API Newsdesk uses.
// https://www.11ty.dev/docs/config/ and https://www.11ty.dev/docs/programmatic/

declare module "@11ty/eleventy" {
  export interface EleventyConfig {
    addGlobalData(name: string, data: unknown): void;
    addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
    addPassthroughCopy(
      paths: string | Record<string, string>,
      copyOptions?: { filter?: (string | ((path: string) => boolean))[] },
    ): void;
    addExtension(extensions: string | string[], options: Record<string, unknown>): void;
    addTemplateFormats(formats: string | string[]): void;
    setLibrary(name: "md", library: unknown): void;
    setQuietMode(quiet: boolean): void;
    setChokidarConfig(options: Record<string, unknown>): void;
    setServerOptions(options: Record<string, unknown>): void;
    on(event: string, listener: (...args: never[]) => unknown): void;
    ignores: Set<string>;
    directories: { input: string; output: string };
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    /** Runs with the configuration API before the configuration file is loaded. */
    config?: (eleventyConfig: EleventyConfig) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Resolves to [passthrough copies, written templates]. */
    write(): Promise<[unknown[], unknown[]]>;
    disableLogger(): void;
  }
}

// Eleventy Image ships JSDoc too: the options of its JavaScript API that Newsdesk passes.
// https://www.11ty.dev/docs/plugins/image-js/
declare module "@11ty/eleventy-img" {
  import type { Sharp } from "sharp";

  export interface ImageOptions {
    widths: (number | "auto")[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    formatFiltering?: string[];
    useCache?: boolean;
    sharpOptions?: Record<string, unknown>;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string | undefined;
    transform?: (sharp: Sharp) => void | Promise<void>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
  }

  interface ImageFunction {
    (src: string | Buffer, options: ImageOptions): Promise<Record<string, unknown[]>>;
    /** How many pictures are processed at once. */
    concurrency: number;
  }
  const Image: ImageFunction;
  export default Image;
}
