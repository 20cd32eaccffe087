import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../newsroom/plugin.ts";
import { DEV_ARTICLES_PER_PART, SEARCH_BUNDLE, searchParts } from "../site/searchParts.ts";
import { textHash } from "../system/files.ts";
import { indexOnThread, type PageFile } from "./worker.ts";

/** What Eleventy reports for each page it wrote. https://www.11ty.dev/docs/events/#eleventy-after */
interface WrittenPage {
  url: string | false;
  outputPath: string | false;
  content: unknown;
}

/** An article page as last written: its file, and a hash of its HTML to tell whether a rewrite changed it. */
interface WrittenFile extends PageFile {
  hash: string;
}

/**
 * Indexes one part's pages, read from their files, into its bundle folder: Pagefind's Node API (buildSearchIndex) on
 * a thread of its own (src/search/worker.ts), unless a test gives another.
 */
export type IndexPart = (bundleDir: string, language: string, pages: PageFile[]) => Promise<unknown>;

/** How long the dev server waits with no save before it indexes what the saves changed. */
export const DEV_INDEX_QUIET_MS = 1_000;

/**
 * Gives the search page the addresses of the search index's parts (`searchBundles`, newest first), `perPart`
 * articles to a part (src/site/searchParts.ts; on the dev server DEV_ARTICLES_PER_PART at most). On the dev server,
 * it also rebuilds the Pagefind index in the background after every rebuild, from the article pages it has written,
 * so the browser reloads without waiting for it: only the parts whose pages changed since they were last indexed,
 * once no save has come for `quietMs`, and, when saves come faster than indexing, only for the newest rebuild. A
 * production build (`npm run build`) indexes what it wrote with Pagefind's own program instead, in a process it
 * watches (src/cli/build.ts).
 */
export function searchPlugin(
  eleventyConfig: EleventyConfig,
  newsroom: NewsroomSource,
  perPart: number,
  indexPart?: IndexPart,
  quietMs = DEV_INDEX_QUIET_MS,
): void {
  const build = process.env.ELEVENTY_RUN_MODE === "build";
  const articlesPerPart = build ? perPart : Math.min(perPart, DEV_ARTICLES_PER_PART);
  eleventyConfig.addGlobalData("searchBundles", async () =>
    searchParts((await newsroom()).articles, articlesPerPart).map((part) => part.bundle),
  );
  if (build) return;
  // The pages' messages to Pagefind are made off the thread that rebuilds the site, which a save waits for. The
  // thread starts with the first part indexed on it.
  const onThread = indexOnThread();
  const index = indexPart ?? onThread;
  // One index at a time: Pagefind's Node API runs a single service per process, and holds the index in memory.
  let background: Promise<void> = Promise.resolve();
  let newest: (() => Promise<void>) | undefined;
  // What each part's bundle folder was last indexed from: its pages' hashes by URL.
  const indexed = new Map<string, Map<string, string>>();
  // The dev server rewrites only the pages a save changed, so it keeps where every article page it has written is,
  // and a hash of it: the pages themselves are read from their files by the thread that indexes them (at 100,000
  // articles, keeping their HTML held 3 GB).
  const written = new Map<string, WrittenFile>();
  // A turn indexes the newest rebuild's pages, so turns queued behind it find none.
  const queueTurn = () => {
    background = background
      .then(() => {
        const job = newest;
        newest = undefined;
        return job?.();
      })
      .catch((error: unknown) => console.error(`[newsdesk] search index: ${(error as Error).message}`));
  };
  // A turn is queued once the dev server has had no save for `quietMs`: saves in a row are indexed once, after the
  // last, and their rebuilds do not share the machine with Pagefind.
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const wait = () => {
    clearTimeout(waiting);
    if (newest) waiting = setTimeout(queueTurn, quietMs);
  };
  eleventyConfig.on("eleventy.beforeWatch", wait);
  eleventyConfig.on(
    "eleventy.after",
    async ({ directories, results }: { directories: { output: string }; results: WrittenPage[] }) => {
      const { publication, articles } = await newsroom();
      for (const { url, outputPath, content } of results) {
        if (typeof url === "string" && typeof outputPath === "string" && typeof content === "string") {
          if (content.includes("data-pagefind-body"))
            written.set(url, { url, file: outputPath, hash: textHash(content) });
        }
      }
      const urls = new Set(articles.map((article) => article.url));
      for (const url of written.keys()) if (!urls.has(url)) written.delete(url);
      const output = directories.output;
      const parts = searchParts(articles, articlesPerPart).map(({ bundle, urls: partUrls }) => ({
        dir: join(output, bundle),
        pages: partUrls.flatMap((url) => written.get(url) ?? []),
      }));
      const unchanged = (dir: string, pages: WrittenFile[]) => {
        const last = indexed.get(dir);
        return (
          last !== undefined && last.size === pages.length && pages.every((page) => last.get(page.url) === page.hash)
        );
      };
      newest = async () => {
        // Parts that an earlier build had and this one has not (articles were removed) are gone from search.
        const bundles = join(output, SEARCH_BUNDLE);
        for (const name of await readdir(bundles).catch(() => [])) {
          const number = /^part-(\d+)$/.exec(name)?.[1];
          if (number !== undefined && Number(number) >= parts.length) {
            indexed.delete(join(bundles, name));
            await rm(join(bundles, name), { recursive: true, force: true });
          }
        }
        for (const { dir, pages } of parts) {
          if (unchanged(dir, pages)) continue;
          indexed.delete(dir);
          await index(dir, publication.language, pages);
          indexed.set(dir, new Map(pages.map((page) => [page.url, page.hash])));
        }
      };
      wait();
    },
  );
  // A change to the configuration runs the plugins again, each with a thread of its own: this one's ends.
  eleventyConfig.on("eleventy.reset", () => {
    background = background.then(() => onThread.close());
  });
}
