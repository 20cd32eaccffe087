import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { fileLines, writeWhole } from "../../src/system/files.ts";

const folder = () => mkdtempSync(join(tmpdir(), "newsdesk-files-"));

const lines = suite("a file is read a line at a time, never held whole");

lines("every line comes back without its line end, a last line without one included", () => {
  const file = join(folder(), "lines.txt");
  writeFileSync(file, "first\n\nthird, with é\nlast, unended");
  assert.equal([...fileLines(file)], ["first", "", "third, with é", "last, unended"]);
  writeFileSync(file, "one\ntwo\n");
  assert.equal([...fileLines(file)], ["one", "two"]);
  writeFileSync(file, "");
  assert.equal([...fileLines(file)], []);
});

lines("lines longer than what is read at a time, and lines across its edges, come back whole", () => {
  const file = join(folder(), "long.txt");
  // A megabyte is read at a time: a line of three, then short lines that cross the edges of the reads.
  const long = "x".repeat(3 << 20);
  const short = Array.from({ length: 300_000 }, (_, index) => `line ${index}`);
  writeFileSync(file, [long, ...short, long].join("\n"));
  const read = [...fileLines(file, "latin1")];
  assert.is(read.length, short.length + 2);
  assert.ok(read[0] === long && read.at(-1) === long, "the long lines, whole");
  const wrong = short.findIndex((line, index) => read[index + 1] !== line);
  assert.is(wrong, -1, `short line ${wrong} comes back as ${read[wrong + 1]}`);
});

const whole = suite("a file is written whole or not at all");

whole("text given in pieces is written one after another, and the file appears only when all of it is there", () => {
  const dir = folder();
  const file = join(dir, "deep", "pieces.txt");
  let written = 0;
  function* pieces() {
    for (const piece of ["a\n", "b\n", "é\n"]) {
      // Nothing is at the file's own name while pieces are still being written.
      assert.not.ok(existsSync(file));
      written++;
      yield piece;
    }
  }
  assert.ok(writeWhole(file, pieces(), "latin1"));
  assert.is(written, 3);
  assert.equal(readFileSync(file), Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a]));
  assert.equal(readdirSync(join(dir, "deep")), ["pieces.txt"]);
});

whole("a write that fails partway leaves nothing, not even the part written", () => {
  const dir = folder();
  const file = join(dir, "failed.txt");
  function* pieces() {
    yield "the first piece\n";
    throw new Error("the disk is full");
  }
  assert.not.ok(writeWhole(file, pieces()));
  assert.equal(readdirSync(dir), []);
});

lines.run();
whole.run();
