import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  frontMatterProblems,
  hasFrontMatter,
  MAX_CONTENT_BYTES,
  readContentText,
  yamlReferences,
} from "../../src/content/safety.ts";

/** A file holding `bytes`, in a fresh temporary folder. */
function fileOf(bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), "newsdesk-safety-")), "a.md");
  writeFileSync(path, bytes);
  return path;
}

const notUtf8 = (offset: number, byte: string, line: number) => ({
  ok: false,
  line,
  message: `is not UTF-8 text: byte ${offset} (0x${byte}) is invalid; save the file as UTF-8 in your editor`,
});

const reading = suite("a content file is read as UTF-8 text within the size limit");

reading("a file of exactly the limit is read; one byte more is refused with its size", () => {
  const limit = "x".repeat(MAX_CONTENT_BYTES);
  assert.equal(readContentText(fileOf(limit)), { ok: true, text: limit });
  assert.equal(readContentText(fileOf(`${limit}x`)), {
    ok: false,
    message:
      "is 1001 kB, over the 1000 kB (1 MB) limit for one content file: split it, or link to large data instead of " +
      "pasting it",
  });
});

reading("a wrong byte on the first line, with text after it, is named by its offset", () => {
  const bytes = Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" au lait\nMore.\n")]);
  assert.equal(readContentText(fileOf(bytes)), notUtf8(3, "e9", 1));
});

reading("a sequence cut short at the very end of the file is found on the last line", () => {
  const bytes = Buffer.concat([Buffer.from("Fine.\nCaf"), Buffer.from([0xc3])]);
  assert.equal(readContentText(fileOf(bytes)), notUtf8(9, "c3", 2));
});

reading("a wrong byte after a valid accented letter is named, not the letter", () => {
  const bytes = Buffer.concat([Buffer.from("é"), Buffer.from([0xff]), Buffer.from("\n")]);
  assert.equal(readContentText(fileOf(bytes)), notUtf8(2, "ff", 1));
});

reading("a folder named like a content file is refused; a file that cannot be opened is not called a link", () => {
  assert.equal(readContentText(mkdtempSync(join(tmpdir(), "newsdesk-safety-"))), {
    ok: false,
    message: "is not a file: only Markdown files belong here",
  });
  try {
    readContentText(join(tmpdir(), "newsdesk-no-such-folder", "a.md"));
    assert.unreachable("a missing file was read");
  } catch (error) {
    assert.equal([(error as NodeJS.ErrnoException).code, (error as NodeJS.ErrnoException).syscall], ["ENOENT", "open"]);
  }
});

reading("reading files leaves none of them open", () => {
  const path = fileOf("---\ntitle: A\n---\n");
  const open = readdirSync("/proc/self/fd").length;
  for (let index = 0; index < 20; index++) readContentText(path);
  assert.is(readdirSync("/proc/self/fd").length, open);
});

reading.run();

const frontMatter = suite("a content file starts with its front matter");

frontMatter("a --- line, blanks after it allowed and a leading byte-order mark dropped, starts front matter", () => {
  assert.equal(
    ["--- \t\ntitle: A\n---\n", "\uFEFF---\ntitle: A\n---\n", "---\uFEFF\ntitle: A\n---\n"].map(hasFrontMatter),
    [true, true, false],
  );
});

frontMatter("a --- line further down is not front matter", () => {
  assert.equal(frontMatterProblems("Just a story.\n\n---\n\nMore.\n", 1, false), [
    { line: 1, message: "has no front matter: start the file with a --- line, the fields, and another --- line" },
  ]);
});

frontMatter("broken YAML is left to the parser's own message, even with an anchor in it", () => {
  assert.equal(frontMatterProblems('---\ntitle: &a A\ndek: "unclosed\n---\nBody\n', 5, true), []);
});

frontMatter.run();

const references = suite("YAML anchors on any kind of value are found");

references("anchors on a mapping and on a list, as well as on a plain value", () => {
  assert.equal(yamlReferences("place: &where\n  city: Hanoi\ntags: &topics\n  - Ports\ntitle: &t A\n"), [
    { line: 2, message: "the YAML anchor &where is not allowed in front matter: write each value out in full" },
    { line: 4, message: "the YAML anchor &topics is not allowed in front matter: write each value out in full" },
    { line: 5, message: "the YAML anchor &t is not allowed in front matter: write each value out in full" },
  ]);
});

references.run();
