import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../content/plugin.ts";
import { buildSearchIndex, SearchIndexError } from "./search.ts";

/**
 * Builds the Pagefind index after every Eleventy build, the dev server's rebuilds included, so search works
 * wherever the site is served. An indexing error, or an index that misses an article, fails the build.
 * https://www.11ty.dev/docs/events/#eleventy-after
 */
export function searchPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource): void {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const { publication, articles } = await newsroom();
    const indexed = await buildSearchIndex(directories.output, publication.language);
    if (indexed !== articles.length) {
      throw new SearchIndexError([`indexed ${indexed} pages, but ${articles.length} articles were built: every article page needs data-pagefind-body`]);
    }
  });
}
