import type { DateTime } from "luxon";
import type { RenderRun } from "../collections/rebuild.ts";
import { buildTime } from "../dates/dates.ts";
import { ARTICLES_PER_PART } from "../site/searchParts.ts";
import type { LoadResult } from "./load.ts";

/** The content folder when none is given. */
export const DEFAULT_CONTENT_DIR = "content";

/** What one build (or one command) works on: read once, here, from its options and else the environment. */
export interface BuildOptions {
  /** The folder holding `publication.ts`, `news/`, `authors/`, `topics/` and `editions/`. */
  contentDir: string;
  /** The instant treated as "now"; undefined: the clock at each load (the dev server rebuilds over hours). */
  now?: DateTime;
  /** Show drafts and scheduled articles, marked (a preview build; the dev server always does). */
  preview: boolean;
  /** Articles in each part of the search index, which Pagefind builds one part at a time (src/site/searchParts.ts). */
  searchPart: number;
  /** Told each load's result, for `npm run build`'s summary. */
  onLoaded?: (result: LoadResult) => void;
  /**
   * What this run of Eleventy writes, when `npm run build` renders in several (src/collections/rebuild.ts,
   * `renderRuns`). Undefined: every page, in one run.
   */
  renderRun?: RenderRun;
  /** The load of a build's first run, which its later runs take as it is rather than read again. */
  loaded?: LoadResult;
}

/** What a command line can say about a build; each one left out comes from the environment, then the defaults. */
export interface GivenOptions {
  content?: string;
  now?: string;
  preview?: boolean;
}

/**
 * The one place the content folder, "now" and preview are resolved: the command's own options first, then
 * `NEWSDESK_CONTENT`, `NEWSDESK_NOW` and `NEWSDESK_PREVIEW=1`, then `content/`, the clock and a production build;
 * `NEWSDESK_SEARCH_PART` sets the articles in each part of the search index, for a machine with less memory.
 * Throws when "now" is not an ISO 8601 date-time or the part is not a whole number above 0.
 */
export function resolveOptions(given: GivenOptions = {}, environment: NodeJS.ProcessEnv = process.env): BuildOptions {
  const nowText = given.now ?? (environment.NEWSDESK_NOW || undefined);
  return {
    contentDir: given.content ?? (environment.NEWSDESK_CONTENT || DEFAULT_CONTENT_DIR),
    now: nowText === undefined ? undefined : buildTime(nowText),
    preview: given.preview ?? environment.NEWSDESK_PREVIEW === "1",
    searchPart: searchPartOf(environment.NEWSDESK_SEARCH_PART),
  };
}

function searchPartOf(text: string | undefined): number {
  if (text === undefined || text === "") return ARTICLES_PER_PART;
  if (!/^[1-9]\d*$/.test(text.trim())) {
    throw new Error(`NEWSDESK_SEARCH_PART must be a whole number of articles above 0, like 5000; it is "${text}"`);
  }
  return Number(text);
}

/** Whether this run copies the assets and places the pictures: a build's only run, or its first. */
export function placesFiles(options: BuildOptions): boolean {
  return options.renderRun?.layout === undefined;
}

const given = new WeakMap<object, BuildOptions>();

/**
 * Hands a build's options to the configuration Eleventy is about to load (`.eleventy.ts`), through the config
 * callback of its programmatic API, which runs before the configuration file. https://www.11ty.dev/docs/programmatic/
 */
export function giveBuildOptions(eleventyConfig: object, options: BuildOptions): void {
  given.set(eleventyConfig, options);
}

/**
 * The options `npm run build` gave this configuration, or, for the dev server (Eleventy's own command), the
 * environment's.
 */
export function buildOptionsOf(eleventyConfig: object): BuildOptions {
  return given.get(eleventyConfig) ?? resolveOptions();
}
