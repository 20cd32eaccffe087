import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { meaning } from "../../src/cli/fileErrors.ts";
import { buildSearchIndex, indexSite, SearchIndexError } from "../../src/search/search.ts";

const indexing = suite("search index holds the pages of this build");

indexing("the pages given are indexed and written with Pagefind's browser bundle into the folder given", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-pagefind-"));
  const page = (title: string) =>
    `<html lang="en"><body><h1 data-pagefind-meta="title">${title}</h1><div ` +
    `data-pagefind-body>Body</div></body></html>`;
  assert.is(
    await buildSearchIndex(join(site, "pagefind"), "en", [
      { url: "/news/a/", html: page("Micron returns") },
      { url: "/news/b/", html: page("Rice prices") },
    ]),
    2,
  );
  assert.ok(readdirSync(join(site, "pagefind")).includes("pagefind.js"));
  assert.is(readdirSync(join(site, "pagefind", "fragment")).length, 2);
});

indexing("Pagefind reads only the files the glob names, so a page outside it is not indexed", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-pagefind-glob-"));
  const page = '<html lang="en"><body><div data-pagefind-body>Body</div></body></html>';
  mkdirSync(join(site, "news", "a"), { recursive: true });
  mkdirSync(join(site, "topics", "b"), { recursive: true });
  writeFileSync(join(site, "news", "a", "index.html"), page);
  writeFileSync(join(site, "topics", "b", "index.html"), page);
  writeFileSync(join(site, "index.html"), '<html lang="en"><body>Home</body></html>');
  assert.is(await indexSite(site, "en", meaning, "{index.html,news/**/*.html}"), 1);
  assert.is(await indexSite(site, "en", meaning), 2);
});

indexing(
  "Pagefind's program writes the bundle where it is told, so one site can hold the parts of an index",
  async () => {
    const site = mkdtempSync(join(tmpdir(), "newsdesk-pagefind-output-"));
    mkdirSync(join(site, "news", "a"), { recursive: true });
    writeFileSync(
      join(site, "news", "a", "index.html"),
      '<html lang="en"><body><div data-pagefind-body>A</div></body></html>',
    );
    const output = join(site, "pagefind", "part-1");
    assert.is(await indexSite(site, "en", meaning, "news/**/*.html", () => {}, output), 1);
    assert.ok(readdirSync(output).includes("pagefind-entry.json"));
    assert.not.ok(readdirSync(join(site, "pagefind")).includes("pagefind-entry.json"));
  },
);

/** The message the build fails with when Pagefind's program fails on `siteDir`, as the build describes OS errors. */
async function indexingFailure(siteDir: string): Promise<string> {
  try {
    await indexSite(siteDir, "en", meaning);
  } catch (error) {
    assert.instance(error, SearchIndexError);
    return (error as Error).message;
  }
  throw new Error(`Pagefind indexed ${siteDir}`);
}

indexing("a site folder with no pages fails the index with Pagefind's own last word, and no stack trace", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-pagefind-empty-"));
  assert.is(
    await indexingFailure(site),
    "Pagefind could not build the search index:\n  it exited with code 1: Most likely, the directory passed to " +
      "Pagefind was empty or did not contain any html files.",
  );
});

indexing("an index Pagefind cannot write is named by the system's error, not by Pagefind's panic", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-pagefind-blocked-"));
  writeFileSync(join(site, "index.html"), '<html lang="en"><body><div data-pagefind-body>Body</div></body></html>');
  // A file where Pagefind makes its folder: its program panics with a Rust backtrace, "Os { code: 17, ... }".
  writeFileSync(join(site, "pagefind"), "in the way");
  assert.is(
    await indexingFailure(site),
    "Pagefind could not build the search index:\n  it could not write the index: the operating system refused (EEXIST)",
  );
});

indexing.run();
