import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseContentFile } from "../../src/content/frontMatter.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import { ArticleFrontMatterSchema, AuthorFrontMatterSchema } from "../../src/content/schema.ts";
import { fieldOf, MAX_FIELD_PROBLEMS, readSource, validate } from "../../src/content/sources.ts";

const fields = suite("one front-matter field is read on its own");

fields("front matter that is not a mapping has no fields", () => {
  for (const raw of [null, undefined, "Just a line"])
    assert.is(fieldOf(ArticleFrontMatterSchema, raw, "tags"), undefined);
  assert.equal(fieldOf(ArticleFrontMatterSchema, { tags: [" Ports "] }, "tags"), ["Ports"]);
});

fields.run();

const refused = suite("a file that cannot be used is reported once, never field by field");

refused("a control character is the only problem, though the YAML is broken too", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-sources-"));
  writeFileSync(join(dir, "a.md"), '---\ntitle: A\u0007\ndek: "unclosed\n---\nBody\n');
  const problems: Problem[] = [];
  const file = readSource(join(dir, "a.md"), problems);
  assert.equal(
    problems.map((problem) => formatProblem({ ...problem, file: "a.md" })),
    [
      "a.md:2: holds the invisible control character U+0007, which a web page cannot show: delete it (it often " +
        "comes with pasted text)",
    ],
  );
  assert.equal([file.refused, file.parsed.data, file.parsed.body], [true, {}, ""]);
});

refused("broken YAML that also holds an anchor is reported as broken YAML, the anchor left unread", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-sources-"));
  writeFileSync(join(dir, "a.md"), '---\ntitle: &t A\ndek: "unclosed\n---\nBody\n');
  const problems: Problem[] = [];
  const file = readSource(join(dir, "a.md"), problems);
  assert.equal(
    problems.map((problem) => problem.message.split(":")[0]),
    ["front matter is not valid YAML"],
  );
  assert.not.ok(file.refused);
});

refused.run();

const limit = suite("a file's field problems are listed up to the limit, then counted");

limit(`exactly ${MAX_FIELD_PROBLEMS} problems are all listed, without a count of more`, () => {
  const unknown = Array.from({ length: MAX_FIELD_PROBLEMS }, (_, index) => `field${index}: x`).join("\n");
  const file = { path: "authors/ana-lim.md", parsed: parseContentFile(`---\nname: Ana\n${unknown}\n---\n`) };
  const problems: Problem[] = [];
  assert.is(validate(AuthorFrontMatterSchema, file, problems), undefined);
  assert.is(problems.length, MAX_FIELD_PROBLEMS);
  assert.equal(problems.map(formatProblem).slice(-1), [
    `authors/ana-lim.md:${MAX_FIELD_PROBLEMS + 2}:field${MAX_FIELD_PROBLEMS - 1}: is not a field we know; check ` +
      "the spelling",
  ]);
});

limit.run();
