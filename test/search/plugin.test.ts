import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Newsroom } from "../../src/content/schema.ts";
import { searchPlugin } from "../../src/search/plugin.ts";
import type { PageFile } from "../../src/search/worker.ts";
import { ARTICLES_PER_PART } from "../../src/site/searchParts.ts";
import { articleFile, contentTree, inRunMode, load, recordingConfig, validFields } from "../helpers.ts";

/** What Eleventy reports after writing `pages` (HTML by URL) under `output`: each page is written to its file. */
function written(output: string, pages: Record<string, string>) {
  return {
    directories: { output },
    results: Object.entries(pages).map(([url, content]) => {
      const outputPath = join(output, url, "index.html");
      mkdirSync(join(output, url), { recursive: true });
      writeFileSync(outputPath, content);
      return { url, outputPath, content };
    }),
  };
}

/** The HTML of the pages given to index, read from their files as the indexing thread reads them. */
const htmlOf = (pages: PageFile[]) => pages.map((page) => readFileSync(page.file, "utf8"));

const background = suite("the dev server indexes again only the parts a save changed, for the newest save only");

background(
  "saves made while a part is indexed are indexed once, as the newest left them; unchanged parts are not",
  async () => {
    const { newsroom } = await load(
      contentTree({
        "news/2024/a.md": articleFile(validFields),
        "news/2024/b.md": articleFile(validFields.replace("2024-03-01", "2024-03-02")),
      }),
    );
    const output = mkdtempSync(join(tmpdir(), "newsdesk-search-plugin-"));
    const { config, listeners } = recordingConfig();
    const indexed: { dir: string; pages: string[] }[] = [];
    let release = () => {};
    let held = true;
    // One article to a part: A (the older) in pagefind/part-1/, B in pagefind/.
    searchPlugin(
      config,
      async () => newsroom,
      1,
      async (dir: string, _language: string, pages: PageFile[]) => {
        indexed.push({ dir: dir.slice(output.length), pages: htmlOf(pages) });
        if (held) await new Promise<void>((done) => (release = done));
      },
      0,
    );
    const after = listeners.get("eleventy.after") as (event: unknown) => Promise<void>;
    const save = (pages: Record<string, string>) =>
      after(
        written(
          output,
          Object.fromEntries(
            Object.entries(pages).map(([url, text]) => [url, `<main data-pagefind-body>${text}</main>`]),
          ),
        ),
      );
    const settled = () => new Promise((done) => setTimeout(done, 50));
    const html = (text: string) => `<main data-pagefind-body>${text}</main>`;

    await save({ "/news/a/": "A", "/news/b/": "B" });
    await settled();
    // The first part is being indexed while three more saves come in.
    await save({ "/news/b/": "B, second" });
    await save({ "/news/b/": "B, third" });
    await save({ "/news/b/": "B, fourth" });
    held = false;
    release();
    await settled();
    assert.equal(indexed, [
      { dir: "/pagefind/", pages: [html("B")] },
      { dir: "/pagefind/part-1/", pages: [html("A")] },
      { dir: "/pagefind/", pages: [html("B, fourth")] },
    ]);

    await save({ "/news/b/": "B, fourth" });
    await settled();
    assert.is(indexed.length, 3, "a save that changed no article page indexes nothing");
  },
);

background(
  "the index waits until no save has come for a while, so saves in a row are indexed once, after the last",
  async () => {
    const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
    const output = mkdtempSync(join(tmpdir(), "newsdesk-search-quiet-"));
    const { config, listeners } = recordingConfig();
    const indexed: string[][] = [];
    searchPlugin(
      config,
      async () => newsroom,
      ARTICLES_PER_PART,
      async (_dir: string, _language: string, pages: PageFile[]) => {
        indexed.push(htmlOf(pages));
      },
      500,
    );
    const after = listeners.get("eleventy.after") as (event: unknown) => Promise<void>;
    const saved = listeners.get("eleventy.beforeWatch") as (queue: string[]) => void;
    const rebuilt = (text: string) => after(written(output, { "/news/a/": `<main data-pagefind-body>${text}</main>` }));
    const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

    await rebuilt("first");
    // Each save comes before the wait is over, and its rebuild takes a while: the wait starts again each time.
    for (const text of ["second", "third"]) {
      await pause(100);
      saved(["content/news/2024/a.md"]);
      await pause(100);
      await rebuilt(text);
    }
    assert.equal(indexed, [], "nothing is indexed while saves keep coming");
    await pause(1_000);
    assert.equal(indexed, [["<main data-pagefind-body>third</main>"]]);
  },
);

background.run();

const parts = suite("the dev server's search index is in smaller parts than a build's, so a save reindexes less");

parts("1,001 articles make one part in a build, and two on the dev server", async () => {
  const articles = Array.from({ length: 1_001 }, (_, index) => ({
    url: `/news/s-${index}/`,
    date: DateTime.fromMillis(index * 60_000),
  }));
  const bundles = (mode: string) =>
    inRunMode(mode, async () => {
      const { config, data } = recordingConfig();
      searchPlugin(
        config,
        async () => ({ articles }) as unknown as Newsroom,
        ARTICLES_PER_PART,
        async () => {},
      );
      return await data("searchBundles");
    });
  assert.equal(await bundles("build"), ["/pagefind/"]);
  assert.equal(await bundles("serve"), ["/pagefind/", "/pagefind/part-1/"]);
});

parts.run();
