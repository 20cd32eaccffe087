import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSearchIndex, SearchIndexError } from "../../src/search/search.ts";

const indexing = suite("search index holds the pages of this build");

indexing("the pages given are indexed and written with Pagefind's browser bundle", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-pagefind-"));
  const page = (title: string) =>
    `<html lang="en"><body><h1 data-pagefind-meta="title">${title}</h1><div ` +
    `data-pagefind-body>Body</div></body></html>`;
  assert.is(
    await buildSearchIndex(site, "en", [
      { url: "/news/a/", html: page("Micron returns") },
      { url: "/news/b/", html: page("Rice prices") },
    ]),
    2,
  );
  assert.ok(readdirSync(join(site, "pagefind")).includes("pagefind.js"));
  assert.is(readdirSync(join(site, "pagefind", "fragment")).length, 2);
});

indexing("a Pagefind error carries Pagefind's own messages", () => {
  assert.is(
    new SearchIndexError(["first", "second"]).message,
    "Pagefind could not build the search index:\n  first\n  second",
  );
});

indexing.run();
