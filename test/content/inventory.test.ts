import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { unreadContent } from "../../src/content/inventory.ts";

/** The files unreadContent reports in a content folder holding `files` (a name ending in / is a folder). */
async function unread(files: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-content-"));
  for (const path of files) {
    if (path.endsWith("/")) mkdirSync(join(dir, path), { recursive: true });
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), "---\ntitle: A\n---\n");
    }
  }
  const shown = relative(process.cwd(), dir);
  return (await unreadContent(dir)).map((problem) => `${problem.file.replace(`${shown}/`, "")}: ${problem.message}`);
}

const inventory = suite("content that no loader reads is reported, and nothing else");

inventory("a content folder that does not exist holds nothing unread", async () => {
  assert.equal(await unreadContent(join(mkdtempSync(join(tmpdir(), "newsdesk-")), "content")), []);
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
    assert.equal(await unreadContent(dir), [
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

inventory.run();
