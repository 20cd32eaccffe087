import { relative } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { EleventyConfig } from "@11ty/eleventy";
import { DateTime } from "luxon";
import { ContentError, formatProblem } from "../src/content/problems.ts";
import { type LoadResult, loadNewsroom } from "../src/newsroom/load.ts";

export { articleFile, contentTree, validFields } from "../support/content.ts";

/** The instant the unit tests treat as "now". */
export const NOW = DateTime.fromISO("2024-06-01T00:00:00Z");

/** Loads a content tree as a production build at NOW. */
export function load(dir: string, preview = false): Promise<LoadResult> {
  return loadNewsroom({ contentDir: dir, publicDir: process.cwd(), now: NOW, preview });
}

/**
 * The formatted problems a content tree is rejected with, paths relative to the tree; with "warnings too", the
 * warnings as well, each line starting with its severity.
 */
export async function rejection(dir: string, include: "errors" | "warnings too" = "errors"): Promise<string[]> {
  const prefix = `${relative(process.cwd(), dir)}/`;
  return (await shownRejection(dir, include)).map((text) => text.replaceAll(prefix, ""));
}

/** The problems as rejection() gives them, but every path as the writer sees it, the temporary folder included. */
export async function shownRejection(dir: string, include: "errors" | "warnings too" = "errors"): Promise<string[]> {
  try {
    await load(dir);
  } catch (error) {
    if (error instanceof ContentError) {
      const shown =
        include === "errors" ? error.problems.filter((problem) => problem.severity === "error") : error.problems;
      return shown.map((problem) => (include === "errors" ? "" : `${problem.severity}: `) + formatProblem(problem));
    }
    throw error;
  }
  throw new Error("expected the content to be rejected");
}

/** A property's settings: `path` given only when replaying one failing case. */
export interface PropertySettings {
  numRuns: number;
  seed: number;
  path?: string;
  includeErrorInReport: true;
}

/**
 * fast-check's settings for `numRuns` runs from a fresh seed, or from the FC_SEED (and FC_PATH) a failure printed, to
 * replay it; the failure's message carries the seed, the path and the property's own error.
 */
export function propertySettings(numRuns: number, environment: NodeJS.ProcessEnv = process.env): PropertySettings {
  // Replay a failure: FC_SEED=<n> FC_PATH=<p> node --import tsx node_modules/uvu/bin.js test/newsroom properties
  const given = environment.FC_SEED;
  const seed = given ? Number(given) : Date.now() ^ Math.floor(Math.random() * 0x100000000);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED is a whole number, like FC_SEED=-333084990, not ${given}`);
  const path = environment.FC_PATH;
  return { numRuns, seed, ...(path ? { path } : {}), includeErrorInReport: true };
}

/** The start of a PNG file as far as a size reader looks: the signature and the IHDR chunk with width and height. */
export function pngHeader(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write("IHDR", 12, "ascii");
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.set([8, 6], 24);
  return bytes;
}

/**
 * A stand-in for Eleventy's configuration API that records what a plugin registers, in order ("global data x",
 * "on event", or the method's name), and computes a global data value as Eleventy does, by calling its function.
 */
export function recordingConfig() {
  const registered: string[] = [];
  const globalData = new Map<string, unknown>();
  const listeners = new Map<string, (...args: never[]) => unknown>();
  const other = (name: string) => () => {
    registered.push(name);
  };
  const config: EleventyConfig = {
    addGlobalData: (name, data) => {
      registered.push(`global data ${name}`);
      globalData.set(name, data);
    },
    on: (event, listener) => {
      registered.push(`on ${event}`);
      listeners.set(event, listener);
    },
    addWatchTarget: other("addWatchTarget"),
    addPassthroughCopy: other("addPassthroughCopy"),
    addExtension: other("addExtension"),
    addTemplateFormats: other("addTemplateFormats"),
    setLibrary: other("setLibrary"),
    setQuietMode: other("setQuietMode"),
    setServerOptions: other("setServerOptions"),
    setChokidarConfig: other("setChokidarConfig"),
    ignores: new Set(),
    directories: { input: ".", output: "_site" },
  };
  const data = async (name: string): Promise<unknown> => {
    const compute = globalData.get(name);
    if (typeof compute !== "function") throw new Error(`no global data function ${name}`);
    return compute();
  };
  return { config, registered, listeners, data };
}

/** Runs `body` with ELEVENTY_RUN_MODE as Eleventy sets it (`build`, `serve`, `watch`), and puts it back after. */
export async function inRunMode<T>(mode: string, body: () => Promise<T>): Promise<T> {
  const before = process.env.ELEVENTY_RUN_MODE;
  process.env.ELEVENTY_RUN_MODE = mode;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = before;
  }
}

/** Runs a full garbage collection (V8's `gc`, exposed for this alone). */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** What `heapHeldBy` is measuring, referenced until it has been measured. */
const measuring: unknown[] = [];

/**
 * The bytes of heap that what `make` returns holds on to, measured after full collections while it is still
 * referenced: to check that something kept lets go of what it was made from.
 */
export async function heapHeldBy(make: () => unknown): Promise<number> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  measuring.push(await make());
  collectGarbage();
  const held = process.memoryUsage().heapUsed - before;
  measuring.pop();
  return held;
}
