import type { EleventyConfig } from "@11ty/eleventy";
import { buildTime } from "../dates/dates.ts";
import { loadNewsroom } from "./load.ts";
import { formatProblem } from "./problems.ts";

/** Where the content plugin reads from. */
export interface ContentOptions {
  contentDir: string;
  publicDir: string;
}

/**
 * Loads and validates all content once per build as the global `newsroom`. Production builds leave out drafts
 * and scheduled articles; the dev server (`ELEVENTY_RUN_MODE` serve or watch) and `NEWSDESK_PREVIEW=1` show them.
 * https://www.11ty.dev/docs/environment-vars/#eleventy-supplied
 */
export function contentPlugin(eleventyConfig: EleventyConfig, options: ContentOptions): void {
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addGlobalData("newsroom", async () => {
    const { newsroom, warnings } = await loadNewsroom({
      ...options,
      now: buildTime(process.env.NEWSDESK_NOW),
      preview: process.env.NEWSDESK_PREVIEW === "1" || process.env.ELEVENTY_RUN_MODE !== "build",
    });
    for (const warning of warnings) console.warn(`[newsdesk] warning: ${formatProblem(warning)}`);
    return newsroom;
  });
}
