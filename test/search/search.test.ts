import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSearchIndex, SearchIndexError } from "../../src/search/search.ts";

const indexing = suite("search index counts the pages Pagefind actually indexed");

indexing("pages without data-pagefind-body are not counted", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-pagefind-"));
  writeFileSync(join(site, "index.html"), `<html lang="en"><body><h1>Home</h1><p>Latest news</p></body></html>`);
  writeFileSync(join(site, "a.html"), `<html lang="en"><body><h1 data-pagefind-body>Micron returns</h1><div data-pagefind-body>Body</div></body></html>`);
  writeFileSync(join(site, "b.html"), `<html lang="en"><body><h1 data-pagefind-body>Rice prices</h1><div data-pagefind-body>Body</div></body></html>`);
  assert.is(await buildSearchIndex(site, "en"), 2);
  assert.ok(readdirSync(join(site, "pagefind")).includes("pagefind.js"));
});

indexing("a Pagefind error carries Pagefind's own messages", () => {
  assert.is(new SearchIndexError(["first", "second"]).message, "Pagefind could not build the search index:\n  first\n  second");
});

indexing.run();
