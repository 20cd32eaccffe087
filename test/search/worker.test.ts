import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexOnThread } from "../../src/search/worker.ts";

const onThread = suite("the dev server's search index parts are made on a thread of their own");

/** A page with the headline `title`, written to a file of its own, as the dev server wrote it. */
function page(url: string, title: string) {
  const file = join(mkdtempSync(join(tmpdir(), "newsdesk-thread-page-")), "index.html");
  const body = "<div data-pagefind-body>Body</div>";
  writeFileSync(file, `<html lang="en"><body><h1 data-pagefind-meta="title">${title}</h1>${body}</body></html>`);
  return { url, file };
}

// One indexer for the suite, as the dev server keeps one; its thread ends after the last test.
const index = indexOnThread();
onThread.after(() => index.close());

onThread("a part's pages are indexed into its folder, and the thread serves the next part too", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-thread-"));
  assert.is(
    await index(join(site, "pagefind"), "en", [page("/news/a/", "Micron returns"), page("/news/b/", "Rice prices")]),
    2,
  );
  assert.is(await index(join(site, "pagefind", "part-1"), "en", [page("/news/c/", "Old")]), 1);
  assert.is(readdirSync(join(site, "pagefind", "fragment")).length, 2);
  assert.is(readdirSync(join(site, "pagefind", "part-1", "fragment")).length, 1);
});

onThread("a part whose thread is stopped fails in words, and the next part starts a thread again", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-thread-stop-"));
  const pages = Array.from({ length: 200 }, (_, n) => page(`/news/${n}/`, `Story ${n}`));
  const stopped = index(join(site, "stopped"), "en", pages).then(
    () => "indexed",
    (error: Error) => error.message,
  );
  await index.close();
  assert.match(await stopped, /^the indexing thread stopped/);
  assert.is(await index(join(site, "pagefind"), "en", [page("/news/a/", "A")]), 1);
});

onThread("a page whose file is gone fails the part with the file's name, and the thread serves the next", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-thread-gone-"));
  const gone = { url: "/news/gone/", file: join(site, "news", "gone", "index.html") };
  const failure = await index(join(site, "pagefind"), "en", [page("/news/a/", "A"), gone]).then(
    () => "indexed",
    (error: Error) => error.message,
  );
  assert.match(failure, `no such file or directory, open '${gone.file}'`);
  assert.is(await index(join(site, "pagefind"), "en", [page("/news/a/", "A")]), 1);
});

onThread("a part whose Pagefind dies mid-way fails in words, and the next part starts a thread again", async () => {
  const site = mkdtempSync(join(tmpdir(), "newsdesk-thread-panic-"));
  // A stand-in for Pagefind's program that reads the first message and dies as a Rust panic does, with code 101.
  const panics = join(site, "pagefind-panics");
  writeFileSync(
    panics,
    "#!/bin/sh\nhead -c 1 > /dev/null\necho 'pagefind panicked: No space left on device' >&2\nexit 101\n",
  );
  chmodSync(panics, 0o755);
  await index.close();
  // A thread takes the environment as it is when it starts: the stand-in for this part's thread only.
  const before = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  process.env.PAGEFIND_EXTENDED_BINARY_PATH = panics;
  const failure = index(join(site, "pagefind"), "en", [page("/news/a/", "A")]).then(
    () => "indexed",
    (error: Error) => error.message,
  );
  // Set back once the thread has started (it starts as the part is asked for).
  if (before === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  else process.env.PAGEFIND_EXTENDED_BINARY_PATH = before;
  // Without the watch the part never settles: the timer keeps the test running to fail instead of ending quietly.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string>((done) => {
    timer = setTimeout(() => done("still waiting after 30 s"), 30_000);
  });
  assert.is(
    await Promise.race([failure, late]).finally(() => clearTimeout(timer)),
    "Pagefind's process ended with code 101 before the part was indexed (its own words are above)",
  );
  assert.is(await index(join(site, "pagefind"), "en", [page("/news/a/", "A")]), 1);
});

onThread.run();
