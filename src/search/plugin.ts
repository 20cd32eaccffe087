import { channel } from "node:diagnostics_channel";
import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../content/plugin.ts";
import { buildSearchIndex, SearchIndexError, type RenderedPage } from "./search.ts";

/** What Eleventy reports for each page it wrote. https://www.11ty.dev/docs/events/#eleventy-after */
interface WrittenPage {
  url: string | false;
  content: unknown;
}

/** Where the number of pages each index holds is published, for `npm run build`'s summary. */
export const searchIndexed = channel("newsdesk:search-indexed");

/**
 * Builds the Pagefind index after every Eleventy build from the article pages this build wrote, so search works
 * wherever the site is served. In a build, an indexing error or an index that misses an article fails it. On
 * the dev server the index is rebuilt in the background, so the browser reloads without waiting for it.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource): void {
  let background: Promise<void> = Promise.resolve();
  // The dev server rewrites only the pages a save changed, so it keeps every article page it has written.
  const written = new Map<string, string>();
  eleventyConfig.on("eleventy.after", async ({ directories, results }: { directories: { output: string }; results: WrittenPage[] }) => {
    const { publication, articles } = await newsroom();
    for (const page of results) {
      if (typeof page.url === "string" && typeof page.content === "string" && page.content.includes("data-pagefind-body")) written.set(page.url, page.content);
    }
    const urls = new Set(articles.map((article) => article.url));
    for (const url of written.keys()) if (!urls.has(url)) written.delete(url);
    const pages: RenderedPage[] = [...written].map(([url, html]) => ({ url, html }));
    const index = async () => {
      const indexed = await buildSearchIndex(directories.output, publication.language, pages);
      searchIndexed.publish(indexed);
      if (indexed !== articles.length) {
        throw new SearchIndexError([`indexed ${indexed} pages, but ${articles.length} articles were built: every article page needs data-pagefind-body`]);
      }
    };
    if (process.env.ELEVENTY_RUN_MODE === "build") return index();
    // One index at a time: Pagefind's Node API runs a single service per process.
    background = background.then(index).catch((error: unknown) => console.error(`[newsdesk] search index: ${(error as Error).message}`));
  });
}
