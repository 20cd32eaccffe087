import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseContentFile } from "../../src/content/frontMatter.ts";

/** What a file parses to, without the line lookup. */
function parsed(text: string) {
  const { data, body, bodyLine, yamlErrors } = parseContentFile(text);
  return { data, body, bodyLine, yamlErrors };
}

const fences = suite("front matter is what lies between a --- line at the start and the next --- line");

fences("a fence may end in spaces or a tab", () => {
  assert.equal(parsed("---  \ntitle: A\n---\t\nBody\n"), {
    data: { title: "A" },
    body: "Body\n",
    bodyLine: 4,
    yamlErrors: [],
  });
});

fences("front matter may be empty or only comments, and the closing line may end the file", () => {
  assert.equal(parsed("---\n---\nBody\n"), { data: {}, body: "Body\n", bodyLine: 3, yamlErrors: [] });
  assert.equal(parsed("---\n# to do\n---\n"), { data: {}, body: "", bodyLine: 4, yamlErrors: [] });
  assert.equal(parsed("---\ntitle: A\n---"), { data: { title: "A" }, body: "", bodyLine: 3, yamlErrors: [] });
});

fences("--- inside a value does not close the front matter; only a line of its own does", () => {
  assert.equal(parsed("---\ndek: Wait ---\ntitle: A\n---\nBody"), {
    data: { dek: "Wait ---", title: "A" },
    body: "Body",
    bodyLine: 5,
    yamlErrors: [],
  });
});

fences("a leading byte-order mark is dropped; one inside a value is kept", () => {
  assert.equal(parsed("\uFEFF---\ntitle: A\n---\nBody"), {
    data: { title: "A" },
    body: "Body",
    bodyLine: 4,
    yamlErrors: [],
  });
  assert.equal(parsed("---\ntitle: A\uFEFFB\n---\n").data, { title: "A\uFEFFB" });
});

fences("front matter that is never closed is a problem on line 1; a file that only ends with --- has none", () => {
  assert.equal(parsed("---\ntitle: A\nBody\n"), {
    data: {},
    body: "---\ntitle: A\nBody\n",
    bodyLine: 1,
    yamlErrors: [{ line: 1, message: "front matter is not closed by a `---` line" }],
  });
  assert.equal(parsed("Just text\n---"), { data: {}, body: "Just text\n---", bodyLine: 1, yamlErrors: [] });
});

fences.run();

const yaml = suite("broken YAML in front matter is explained on its line");

yaml("the parser's first line of explanation, on the file's line", () => {
  assert.equal(parsed('---\ntitle: A\ndek: "unclosed\n---\n').yamlErrors, [
    { line: 3, message: 'Missing closing "quote' },
  ]);
});

yaml("YAML the parser cannot explain is still refused, on the first field's line", () => {
  assert.equal(parsed("---\ntag: !custom value\n---\n").yamlErrors, [{ line: 2, message: "cannot be read as YAML" }]);
});

yaml("a field written twice is pointed out on its second line", () => {
  assert.equal(parsed("---\ntitle: A\ntitle: B\n---\n").yamlErrors, [{ line: 3, message: "Map keys must be unique" }]);
});

yaml.run();
