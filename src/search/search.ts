import { readdir } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";

/** Thrown when Pagefind reports a problem: the build fails with Pagefind's own words. */
export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`Pagefind could not build the search index:\n  ${messages.join("\n  ")}`);
    this.name = "SearchIndexError";
  }
}

/**
 * Indexes the built site in `siteDir` into `siteDir/pagefind/` with Pagefind's Node API. Only elements marked
 * `data-pagefind-body` (article headlines and bodies) are indexed. Resolves to the number of pages indexed
 * (Pagefind writes one fragment file per indexed page).
 * https://pagefind.app/docs/node-api/
 */
export async function buildSearchIndex(siteDir: string, language: string): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  try {
    if (!created.index || created.errors.length > 0) throw new SearchIndexError(created.errors);
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new SearchIndexError(added.errors);
    const outputPath = join(siteDir, "pagefind");
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(written.errors);
    return (await readdir(join(outputPath, "fragment"))).length;
  } finally {
    await pagefind.close();
  }
}
