import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { watchFolders } from "../../src/system/watch.ts";

const watching = suite("a watched folder tree names every file saved, created, renamed or removed in it");

/**
 * A folder with `news/2024/a.md` and a hidden folder, watched; `seen` holds what was named, without repeats, a
 * removed folder with a slash after it.
 */
function watchedTree() {
  const root = mkdtempSync(join(tmpdir(), "newsdesk-watch-"));
  mkdirSync(join(root, "news", "2024"), { recursive: true });
  mkdirSync(join(root, ".git"));
  writeFileSync(join(root, "news", "2024", "a.md"), "A\n");
  const seen = new Set<string>();
  const watch = watchFolders(root, (path, removedFolder) =>
    seen.add(`${path.slice(root.length + 1)}${removedFolder ? "/" : ""}`),
  );
  /** Waits until `path` has been named, for a second at most; then what was named, in order, and forgets it. */
  const named = async (path: string) => {
    for (const started = Date.now(); !seen.has(path) && Date.now() - started < 1_000; ) {
      await new Promise((done) => setTimeout(done, 10));
    }
    const names = [...seen].sort();
    seen.clear();
    return names;
  };
  return { root, watch, named };
}

watching("a file written, created, renamed or removed is named, nothing before", async () => {
  const { root, watch, named } = watchedTree();
  try {
    appendFileSync(join(root, "news", "2024", "a.md"), "More\n");
    assert.equal(await named("news/2024/a.md"), ["news/2024/a.md"]);
    writeFileSync(join(root, "news", "2024", "b.md"), "B\n");
    assert.equal(await named("news/2024/b.md"), ["news/2024/b.md"]);
    renameSync(join(root, "news", "2024", "b.md"), join(root, "news", "2024", "c.md"));
    assert.equal(await named("news/2024/c.md"), ["news/2024/b.md", "news/2024/c.md"]);
    rmSync(join(root, "news", "2024", "c.md"));
    assert.equal(await named("news/2024/c.md"), ["news/2024/c.md"]);
  } finally {
    watch.close();
  }
});

watching("a folder created later is watched, with the files it came with; a removed one, as a folder", async () => {
  const { root, watch, named } = watchedTree();
  try {
    // Made elsewhere and moved in whole, as git does: its file was never written in a watched folder.
    const made = mkdtempSync(join(tmpdir(), "newsdesk-watch-made-"));
    writeFileSync(join(made, "d.md"), "D\n");
    renameSync(made, join(root, "news", "2025"));
    assert.equal(await named("news/2025/d.md"), ["news/2025/d.md"]);
    writeFileSync(join(root, "news", "2025", "e.md"), "E\n");
    assert.equal(await named("news/2025/e.md"), ["news/2025/e.md"]);
    rmSync(join(root, "news", "2025"), { recursive: true });
    const removed = await named("news/2025/");
    assert.ok(removed.includes("news/2025/"), removed.join(", "));
    assert.not.ok(removed.includes("news/2025"), "the folder is said to be one");
  } finally {
    watch.close();
  }
});

watching("hidden folders are not watched, and nothing is named after the watch is closed", async () => {
  const { root, watch, named } = watchedTree();
  writeFileSync(join(root, ".git", "index"), "x");
  writeFileSync(join(root, "news", "2024", "a.md"), "A, again\n");
  assert.equal(await named("news/2024/a.md"), ["news/2024/a.md"]);
  watch.close();
  writeFileSync(join(root, "news", "2024", "a.md"), "A, after\n");
  assert.equal(await named("news/2024/a.md"), []);
});

watching.run();
