import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { contentInventory, mayBeContent } from "../../src/content/inventory.ts";

/** A content folder holding `files` (a name ending in / is a folder). */
function contentFolder(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-content-"));
  for (const path of files) {
    if (path.endsWith("/")) mkdirSync(join(dir, path), { recursive: true });
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), "---\ntitle: A\n---\n");
    }
  }
  return dir;
}

/** The files reported as unread in a content folder holding `files`. */
async function unread(files: string[]): Promise<string[]> {
  const dir = contentFolder(files);
  const shown = relative(process.cwd(), dir);
  return (await contentInventory(dir)).unread.map(
    (problem) => `${problem.file.replace(`${shown}/`, "")}: ${problem.message}`,
  );
}

const inventory = suite("content that no loader reads is reported, and nothing else");

inventory("a content folder that does not exist holds nothing unread", async () => {
  assert.equal(await contentInventory(join(mkdtempSync(join(tmpdir(), "newsdesk-")), "content")), {
    files: { news: [], authors: [], topics: [], editions: [] },
    unread: [],
  });
});

inventory("a backup of a Markdown file and a folder named like one are not Markdown the writer meant", async () => {
  assert.equal(await unread(["news/2024/a.md", "news/2024/a.md.orig", "news/2024/b.md~", "archive.md/"]), []);
});

inventory("run from inside the content folder, a link to a folder says to put the files in ./", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-content-"));
  symlinkSync(mkdtempSync(join(tmpdir(), "newsdesk-outside-")), join(dir, "news"));
  const before = process.cwd();
  process.chdir(dir);
  try {
    assert.equal((await contentInventory(dir)).unread, [
      {
        file: "news",
        field: "",
        message: "is a symbolic link to a folder: nothing in it is read; put the files themselves in ./",
        severity: "error",
      },
    ]);
  } finally {
    process.chdir(before);
  }
});

inventory("one listing gives each content folder's Markdown files, sorted, wherever in it they are", async () => {
  const dir = contentFolder([
    "news/2024/06/b.md",
    "news/2024/a.md",
    "news/2023/c.md",
    "news/2024/notes.txt",
    "authors/ben.md",
    "topics/china-bond.md",
    "editions/2024-06-03.md",
    "publication.md",
  ]);
  const { files, unread } = await contentInventory(dir);
  const inside = (paths: string[]) => paths.map((path) => relative(dir, path));
  assert.equal(inside(files.news), ["news/2023/c.md", "news/2024/06/b.md", "news/2024/a.md"]);
  assert.equal(inside(files.authors), ["authors/ben.md"]);
  assert.equal(inside(files.topics), ["topics/china-bond.md"]);
  assert.equal(inside(files.editions), ["editions/2024-06-03.md"]);
  assert.equal(
    unread.map((problem) => problem.file.split("/").at(-1)),
    ["publication.md"],
  );
});

inventory.run();

const saved = suite("a file saved in the content folder changes the build only if the build could read it");

saved("Markdown anywhere and any file outside the content folders may be content; other files in them are not", () => {
  const read = ["news/2024/a.md", "topics/china-bond.md", "news/2024/A.MD", "drafts/b.markdown", "publication.ts"];
  const never = ["news/2024/sedSRfFoU", "news/2024/4913", "news/2024/a.md~", "authors/.ana-lim.md.swp"];
  never.push("news/2024/a.md___jb_tmp___", "editions/notes.txt");
  for (const contentDir of ["content", "/srv/newsroom/content"]) {
    for (const path of read) assert.ok(mayBeContent(contentDir, join(contentDir, path)), path);
    for (const path of never) assert.not.ok(mayBeContent(contentDir, join(contentDir, path)), path);
  }
});

saved.run();
