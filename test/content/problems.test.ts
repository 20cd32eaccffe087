import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ContentError, type Problem } from "../../src/content/problems.ts";

const title: Problem = { file: "news/2024/a.md", line: 2, field: "title", message: "is required", severity: "error" };
const unused: Problem = { file: "topics/x.md", field: "", message: "no article is tagged", severity: "warning" };
const empty: Problem = { file: "news/2024/b.md", field: "", message: "is empty", severity: "error" };

const contentError = suite("a content error counts and lists the errors, and keeps the warnings for the report");

contentError("errors are counted and listed one a line, warnings left out of the message", () => {
  const error = new ContentError([title, unused, empty]);
  assert.is(
    error.message,
    "2 problems in the content; nothing was published:\n  news/2024/a.md:2:title: is required\n" +
      "  news/2024/b.md: is empty",
  );
  assert.equal(error.problems, [title, unused, empty]);
  assert.is(error.name, "ContentError");
});

contentError("one error is one problem", () => {
  assert.is(
    new ContentError([unused, empty]).message,
    "1 problem in the content; nothing was published:\n  news/2024/b.md: is empty",
  );
});

contentError.run();
