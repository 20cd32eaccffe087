import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../newsroom/plugin.ts";
import { SEARCH_BUNDLE, searchParts } from "../site/searchParts.ts";
import { buildSearchIndex, type RenderedPage } from "./search.ts";

/** What Eleventy reports for each page it wrote. https://www.11ty.dev/docs/events/#eleventy-after */
interface WrittenPage {
  url: string | false;
  content: unknown;
}

/**
 * Gives the search page the addresses of the search index's parts (`searchBundles`, newest first), `perPart`
 * articles to a part (src/site/searchParts.ts). On the dev server, it also rebuilds the Pagefind index in the
 * background after every rebuild, part by part, from the article pages it has written, so the browser reloads
 * without waiting for it. A production build (`npm run build`) indexes what it wrote with Pagefind's own program
 * instead, in a process it watches (src/cli/build.ts).
 */
export function searchPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource, perPart: number): void {
  eleventyConfig.addGlobalData("searchBundles", async () =>
    searchParts((await newsroom()).articles, perPart).map((part) => part.bundle),
  );
  if (process.env.ELEVENTY_RUN_MODE === "build") return;
  let background: Promise<void> = Promise.resolve();
  // The dev server rewrites only the pages a save changed, so it keeps every article page it has written.
  const written = new Map<string, string>();
  eleventyConfig.on(
    "eleventy.after",
    async ({ directories, results }: { directories: { output: string }; results: WrittenPage[] }) => {
      const { publication, articles } = await newsroom();
      for (const page of results) {
        if (
          typeof page.url === "string" &&
          typeof page.content === "string" &&
          page.content.includes("data-pagefind-body")
        )
          written.set(page.url, page.content);
      }
      const urls = new Set(articles.map((article) => article.url));
      for (const url of written.keys()) if (!urls.has(url)) written.delete(url);
      const parts = searchParts(articles, perPart).map(({ bundle, urls: partUrls }) => ({
        bundle,
        pages: partUrls.flatMap((url): RenderedPage[] => {
          const html = written.get(url);
          return html === undefined ? [] : [{ url, html }];
        }),
      }));
      const output = directories.output;
      // One index at a time: Pagefind's Node API runs a single service per process, and holds the index in memory.
      background = background
        .then(async () => {
          // Parts that an earlier build had and this one has not (articles were removed) are gone from search.
          const bundles = join(output, SEARCH_BUNDLE);
          for (const name of await readdir(bundles).catch(() => [])) {
            const number = /^part-(\d+)$/.exec(name)?.[1];
            if (number !== undefined && Number(number) >= parts.length) {
              await rm(join(bundles, name), { recursive: true, force: true });
            }
          }
          for (const part of parts) {
            await buildSearchIndex(join(output, part.bundle), publication.language, part.pages);
          }
        })
        .catch((error: unknown) => console.error(`[newsdesk] search index: ${(error as Error).message}`));
    },
  );
}
