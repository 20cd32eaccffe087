import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexOnThread } from "../../src/search/worker.ts";

const onThread = suite("the dev server's search index parts are made on a thread of their own");

const page = (title: string) =>
  `<html lang="en"><body><h1 data-pagefind-meta="title">${title}</h1><div data-pagefind-body>Body</div></body></html>`;

onThread("a part's pages are indexed into its folder, and the thread serves the next part too", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-thread-"));
  const index = indexOnThread();
  try {
    assert.is(
      await index(join(site, "pagefind"), "en", [
        { url: "/news/a/", html: page("Micron returns") },
        { url: "/news/b/", html: page("Rice prices") },
      ]),
      2,
    );
    assert.is(await index(join(site, "pagefind", "part-1"), "en", [{ url: "/news/c/", html: page("Old") }]), 1);
    assert.is(readdirSync(join(site, "pagefind", "fragment")).length, 2);
    assert.is(readdirSync(join(site, "pagefind", "part-1", "fragment")).length, 1);
  } finally {
    await index.close();
  }
});

onThread("a part whose thread is stopped fails in words, and the next part starts a thread again", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-thread-stop-"));
  const index = indexOnThread();
  try {
    const pages = Array.from({ length: 200 }, (_, n) => ({ url: `/news/${n}/`, html: page(`Story ${n}`) }));
    const stopped = index(join(site, "stopped"), "en", pages).then(
      () => "indexed",
      (error: Error) => error.message,
    );
    await index.close();
    assert.match(await stopped, /^the indexing thread stopped/);
    assert.is(await index(join(site, "pagefind"), "en", [{ url: "/news/a/", html: page("A") }]), 1);
  } finally {
    await index.close();
  }
});

onThread.run();
