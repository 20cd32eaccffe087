import { join } from "node:path";
import pLimit from "p-limit";
import * as pagefind from "pagefind";

/** Pages in flight to Pagefind's process at once: its message queue, not Node's memory, holds the rest. */
const INDEX_CONCURRENCY = 32;

/** Thrown when Pagefind reports a problem: the build fails with Pagefind's own words. */
export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`Pagefind could not build the search index:\n  ${messages.join("\n  ")}`);
    this.name = "SearchIndexError";
  }
}

/** A rendered page: its URL and HTML. */
export interface RenderedPage {
  url: string;
  html: string;
}

/**
 * Indexes the given pages with Pagefind's Node API into `siteDir/pagefind/`. Only the elements marked
 * `data-pagefind-body` (article bodies) are indexed, so callers pass just the pages that have it. Indexing
 * the pages of this build, rather than the folder, keeps pages left over from earlier builds out of search.
 * Resolves to the number of pages indexed. https://pagefind.app/docs/node-api/
 */
export async function buildSearchIndex(siteDir: string, language: string, pages: RenderedPage[]): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  try {
    const index = created.index;
    if (!index || created.errors.length > 0) throw new SearchIndexError(created.errors);
    const limit = pLimit(INDEX_CONCURRENCY);
    const added = await Promise.all(
      pages.map((page) => limit(() => index.addHTMLFile({ url: page.url, content: page.html }).then((response) => ({ url: page.url, errors: response.errors })))),
    );
    const errors = added.flatMap((result) => result.errors.map((error) => `${result.url}: ${error}`));
    if (errors.length > 0) throw new SearchIndexError(errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new SearchIndexError(written.errors);
    return added.length;
  } finally {
    await pagefind.close();
  }
}
