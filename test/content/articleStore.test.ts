import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type CheckStore, loadArticleStore, saveArticleStore } from "../../src/content/articleStore.ts";
import { contentStamps, type FileHashes, readArticles } from "../../src/content/articles.ts";
import type { Problem } from "../../src/content/problems.ts";
import { PublicationSchema } from "../../src/content/schema.ts";
import { articleFile, contentTree, validFields } from "../helpers.ts";

const publication = PublicationSchema.parse({
  name: "Test Ledger",
  baseUrl: "https://test.example",
  timeZone: "Asia/Bangkok",
  language: "en",
});

const store = suite("the check keeps what it found in each article file on disk, for its next run");

/** A folder for a store, and the path of the store in it. */
function storeFile(): string {
  return join(mkdtempSync(join(tmpdir(), "newsdesk-store-")), "check", "articles.json");
}

/** One article with dates, corrections, a retraction, a warning-worthy headline and a wrong `updated`. */
function articles(): string[] {
  const dir = contentTree({
    "news/2024/a.md": articleFile(
      `${validFields}\ndek: "Café — ‘naïve’ 😀"\nupdated: 2024-03-02T10:00:00+07:00\n` +
        `corrections:\n  - { date: 2024-03-03, note: "Fixed *a* name." }\n` +
        `retracted: { date: 2024-03-04T09:00:00Z, note: Withdrawn. }`,
      "Body with [a link](https://example.com/x).\n",
    ),
    "news/2024/b.md": articleFile(`${validFields}\nupdated: soon`),
  });
  return ["news/2024/a.md", "news/2024/b.md"].map((path) => join(dir, path));
}

const empty = (): CheckStore => ({ articles: new Map(), hashes: new Map() });

function read(paths: string[], store: CheckStore): { problems: Problem[] } {
  const problems: Problem[] = [];
  readArticles(paths, publication, problems, false, store.articles, contentStamps(store.hashes));
  return { problems };
}

store("an article comes back as it was read: fields, dates in their zone, body findings, problems, lines", () => {
  const paths = articles();
  const first = empty();
  const { problems } = read(paths, first);
  const file = storeFile();
  saveArticleStore(file, "v1", first);
  const again = loadArticleStore(file, "v1");
  assert.equal([...again.articles.keys()], paths);
  for (const path of paths) {
    const before = first.articles.get(path);
    const after = again.articles.get(path);
    assert.ok(before && after);
    assert.is(after.stamp, before.stamp);
    assert.equal(after.problems, before.problems);
    const [was, is] = [before.article, after.article];
    assert.equal(is.valid?.data, was.valid?.data);
    // A field left undefined is left out of the store: absent, as JSON has it.
    assert.equal(is.body, JSON.parse(JSON.stringify(was.body)));
    assert.equal(
      [is.slug, is.authorKeys, is.tags, is.related, is.aliases],
      [was.slug, was.authorKeys, was.tags, was.related, was.aliases],
    );
    assert.equal(is.file.parsed.data, was.file.parsed.data);
    for (const [a, b] of [
      [is.valid?.date, was.valid?.date],
      [is.valid?.updated, was.valid?.updated],
      [is.valid?.corrections[0]?.date, was.valid?.corrections[0]?.date],
      [is.notes.retraction?.date, was.notes.retraction?.date],
    ]) {
      assert.is(a === undefined, b === undefined);
      if (a && b) assert.ok(a.equals(b), `${a.toISO()} ${a.zoneName} is not ${b.toISO()} ${b.zoneName}`);
    }
    assert.is(is.notes.corrections[0]?.noteHtml, was.notes.corrections[0]?.noteHtml);
    assert.is(is.file.parsed.body, was.file.parsed.body);
    for (const field of [["title"], ["updated"], ["corrections", 0, "date"], ["dek"]])
      assert.is(is.file.parsed.lineOf(field), was.file.parsed.lineOf(field), field.join("."));
  }
  assert.equal(
    problems.map((problem) => [problem.line, problem.field, problem.message]),
    [[6, "updated", '"soon" is not a date: write it like 2023-11-03 or 2023-11-03T09:30:00+07:00']],
  );
  // The valid article keeps its front matter once, as its valid fields; the other keeps the fields as written.
  const text = readFileSync(file, "utf8");
  assert.ok(/^[\0-\x7f]*$/.test(text), "the store is ASCII, read byte for byte");
  assert.is(again.articles.get(paths[0] ?? "")?.article.valid?.data.dek, "Café — ‘naïve’ 😀");
  assert.is(text.split("https://example.com/x").length - 1, 1, "the body's link, kept once");
  assert.is(text.split("Fixed *a* name.").length - 1, 1, "a's correction, in its valid fields only");
  assert.is(text.split("soon").length - 1, 2, "b's fields as written, and its problem");
  // Read through the store, the files give the same problems without being parsed again.
  const reused = loadArticleStore(file, "v1");
  assert.equal(read(paths, reused).problems, problems);
  assert.is(reused.articles.get(paths[0] ?? "")?.article.slug, "a");
});

store("a store written by other code, or one that cannot be read, is an empty cache", () => {
  const paths = articles();
  const cache = empty();
  read(paths, cache);
  const file = storeFile();
  saveArticleStore(file, "v1", cache);
  const open = () => readdirSync("/proc/self/fd").length;
  const before = open();
  assert.is(loadArticleStore(file, "v2").articles.size, 0);
  assert.is(open(), before, "the store's file is closed when it is not used");
  const whole = readFileSync(file, "latin1");
  assert.is(whole.split("\n").length, 4, "a first line, a line for each of the two files, and the last line's end");
  assert.is(loadArticleStore(file, "v1").articles.size, 2);
  // Cut short after its first file's line, or halfway through a line: not used at all.
  const cuts = [whole.indexOf("\n", whole.indexOf("\n") + 1) + 1, whole.length - 20];
  for (const cut of cuts) {
    writeFileSync(file, whole.slice(0, cut), "latin1");
    assert.is(loadArticleStore(file, "v1").articles.size, 0, `cut at ${cut} of ${whole.length}`);
  }
  assert.is(open(), before, "and when it is cut short");
  writeFileSync(file, '{"version":"v1","entries":[["half');
  assert.is(loadArticleStore(file, "v1").articles.size, 0);
  assert.is(loadArticleStore(join(file, "none"), "v1").articles.size, 0);
});

store("a store that holds just what was loaded is not written again; one with a file read again is", () => {
  const paths = articles();
  const file = storeFile();
  const cache = empty();
  read(paths, cache);
  saveArticleStore(file, "v1", cache);
  utimesSync(file, 1_000_000, 1_000_000);
  const loaded = loadArticleStore(file, "v1");
  read(paths, loaded);
  saveArticleStore(file, "v1", loaded);
  assert.is(statSync(file).mtimeMs, 1_000_000_000);
  writeFileSync(paths[1] ?? "", articleFile(validFields));
  read(paths, loaded);
  saveArticleStore(file, "v1", loaded);
  assert.ok(statSync(file).mtimeMs > 1_000_000_000);
  assert.equal(
    loadArticleStore(file, "v1").articles.get(paths[1] ?? "")?.problems,
    [],
    "the file read again is kept as it is now",
  );
});

store("a store that cannot be written is not kept, and leaves nothing half-written", () => {
  const paths = articles();
  const cache = empty();
  read(paths, cache);
  // Its folder would have to be made inside a file: as on a full or read-only disk, the write fails.
  const blocked = join(mkdtempSync(join(tmpdir(), "newsdesk-store-blocked-")), "file");
  writeFileSync(blocked, "");
  saveArticleStore(join(blocked, "check", "articles.json"), "v1", cache);
  assert.equal(readdirSync(join(blocked, "..")), ["file"]);
  assert.not.ok(existsSync(join(blocked, "check")));
});

const stamps = suite("the check stamps article files by their bytes, hashing only files whose status changed");

/** A file last changed a minute ago, and the time it is stamped at: well after it settled. */
function settledFile(text: string): { path: string; later: number } {
  const path = join(mkdtempSync(join(tmpdir(), "newsdesk-stamps-")), "a.md");
  writeFileSync(path, text);
  return { path, later: Date.now() + 60_000 };
}

stamps("a file whose status is the one kept with its hash is not read: the kept hash is its stamp", () => {
  const { path, later } = settledFile("one");
  const hashes: FileHashes = new Map();
  const stamp = contentStamps(hashes, later)(path);
  const kept = hashes.get(path);
  assert.ok(stamp && kept);
  assert.is(kept.hash, stamp);
  hashes.set(path, { ...kept, hash: "kept, not read" });
  assert.is(contentStamps(hashes, later)(path), "kept, not read");
  writeFileSync(path, "two");
  const changed = contentStamps(hashes, later)(path);
  assert.ok(changed && changed !== stamp && changed !== "kept, not read");
});

stamps(
  "new times on the same bytes, as a checkout gives, are hashed to the same stamp, and the new status kept",
  () => {
    const { path, later } = settledFile("one");
    const hashes: FileHashes = new Map();
    const stamp = contentStamps(hashes, later)(path);
    const status = hashes.get(path)?.status;
    utimesSync(path, 1_000_000, 1_000_000);
    assert.is(contentStamps(hashes, later)(path), stamp);
    assert.ok(hashes.get(path)?.status !== status);
  },
);

stamps("a file that changed just before it was hashed has its status left out, so the next run hashes it again", () => {
  const { path } = settledFile("one");
  const hashes: FileHashes = new Map();
  const stamp = contentStamps(hashes)(path);
  assert.ok(stamp);
  assert.not.ok(hashes.has(path), "a change within the same tick of a coarse clock would keep the same status");
  assert.is(contentStamps(hashes, Date.now() + 60_000)(path), stamp);
  assert.ok(hashes.has(path));
});

stamps("an empty file, which the check refuses every time, has no stamp and nothing kept", () => {
  const { path, later } = settledFile("");
  const hashes: FileHashes = new Map([[path, { status: "old", hash: "old" }]]);
  assert.is(contentStamps(hashes, later)(path), undefined);
  assert.not.ok(hashes.has(path));
});

store.run();
stamps.run();
