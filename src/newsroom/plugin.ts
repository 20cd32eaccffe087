import { channel } from "node:diagnostics_channel";
import type { EleventyConfig } from "@11ty/eleventy";
import type { ArticleCache } from "../content/articles.ts";
import { formatProblem } from "../content/problems.ts";
import type { Newsroom } from "../content/schema.ts";
import { buildTime } from "../dates/dates.ts";
import { readContentHistory } from "../history/git.ts";
import { loadNewsroom } from "./load.ts";

/** Where the content plugin reads from. */
export interface ContentOptions {
  contentDir: string;
  publicDir: string;
}

/** The newsroom of the build in progress, loaded once however many plugins ask. */
export type NewsroomSource = () => Promise<Newsroom>;

/** Where each build's LoadResult is published, for `npm run build`'s summary. https://nodejs.org/api/diagnostics_channel.html */
export const contentLoaded = channel("newsdesk:content-loaded");

async function loadForBuild(options: ContentOptions, cache: ArticleCache | undefined): Promise<Newsroom> {
  const loaded = await loadNewsroom({
    ...options,
    now: buildTime(process.env.NEWSDESK_NOW),
    preview: process.env.NEWSDESK_PREVIEW === "1" || process.env.ELEVENTY_RUN_MODE !== "build",
    cache,
    history: readContentHistory(options.contentDir),
  });
  for (const warning of loaded.warnings) console.warn(`[newsdesk] warning: ${formatProblem(warning)}`);
  contentLoaded.publish(loaded);
  return loaded.newsroom;
}

/**
 * Loads and validates all content once per build as the global `newsroom`. Production builds leave out drafts
 * and scheduled articles; the dev server (`ELEVENTY_RUN_MODE` serve or watch) and `NEWSDESK_PREVIEW=1` show them.
 * The dev server keeps parsed articles between rebuilds and re-reads only the files that changed.
 * https://www.11ty.dev/docs/environment-vars/#eleventy-supplied
 */
export function contentPlugin(eleventyConfig: EleventyConfig, options: ContentOptions): NewsroomSource {
  let current: Promise<Newsroom> | undefined;
  const cache: ArticleCache | undefined = process.env.ELEVENTY_RUN_MODE === "build" ? undefined : new Map();
  // Every build, watch rebuilds included, starts from the files as they are now.
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  const source: NewsroomSource = () => (current ??= loadForBuild(options, cache));
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addGlobalData("newsroom", source);
  return source;
}
