import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../content/plugin.ts";
import { buildSearchIndex } from "./search.ts";

/**
 * Builds the Pagefind index after every Eleventy build, the dev server's rebuilds included, so search works
 * wherever the site is served. An indexing error fails the build.
 * https://www.11ty.dev/docs/events/#eleventy-after
 */
export function searchPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource): void {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const { publication } = await newsroom();
    await buildSearchIndex(directories.output, publication.language);
  });
}
