import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../newsroom/plugin.ts";
import { buildSearchIndex, type RenderedPage } from "./search.ts";

/** What Eleventy reports for each page it wrote. https://www.11ty.dev/docs/events/#eleventy-after */
interface WrittenPage {
  url: string | false;
  content: unknown;
}

/**
 * On the dev server, rebuilds the Pagefind index in the background after every rebuild, from the article pages it
 * has written, so the browser reloads without waiting for it. A production build (`npm run build`) indexes what it
 * wrote with Pagefind's own program instead, in a process it watches (src/cli/render.ts), so this does nothing then.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, newsroom: NewsroomSource): void {
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
      const pages: RenderedPage[] = [...written].map(([url, html]) => ({ url, html }));
      // One index at a time: Pagefind's Node API runs a single service per process.
      background = background
        .then(() => buildSearchIndex(directories.output, publication.language, pages))
        .then(() => undefined)
        .catch((error: unknown) => console.error(`[newsdesk] search index: ${(error as Error).message}`));
    },
  );
}
