import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../content/plugin.ts";
import { buildSearchIndex, SearchIndexError } from "./search.ts";

/** What Eleventy reports for each page it wrote. https://www.11ty.dev/docs/events/#eleventy-after */
interface WrittenPage {
  url: string | false;
  outputPath: string | false;
  content: unknown;
}

/**
 * Builds the Pagefind index after every Eleventy build, the dev server's rebuilds included, from the article
 * pages this build wrote, so search works wherever the site is served. An indexing error, or an index that
 * misses an article, fails the build.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource): void {
  eleventyConfig.on("eleventy.after", async ({ directories, results }: { directories: { output: string }; results: WrittenPage[] }) => {
    const { publication, articles } = await newsroom();
    const pages = results.flatMap((page) =>
      typeof page.url === "string" && typeof page.content === "string" && page.content.includes("data-pagefind-body") ? [{ url: page.url, html: page.content }] : [],
    );
    const indexed = await buildSearchIndex(directories.output, publication.language, pages);
    if (indexed !== articles.length) {
      throw new SearchIndexError([`indexed ${indexed} pages, but ${articles.length} articles were built: every article page needs data-pagefind-body`]);
    }
  });
}
