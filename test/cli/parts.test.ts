import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { report } from "../../src/cli/check.ts";
import { isEntry } from "../../src/cli/commandLine.ts";
import { articleTemplate, headlineSlug, MAX_SLUG } from "../../src/cli/new.ts";
import { renderArguments } from "../../src/cli/render.ts";
import { parseContentFile } from "../../src/content/frontMatter.ts";
import { STORY_PLACEHOLDER } from "../../src/content/placeholders.ts";

const parts = suite("the commands' pure parts work on their own, and importing a command does not run it");

parts("importing a command module runs nothing: it is not the program Node started", () => {
  assert.is(isEntry(new URL("../../src/cli/new.ts", import.meta.url).href), false);
});

parts("a headline's slug folds it, and a long one is cut at a word", () => {
  assert.is(
    headlineSlug("Dramatic turnaround in China's attitude to US chipmaker Micron"),
    "dramatic-turnaround-in-chinas-attitude-to-us-chipmaker",
  );
  const long = headlineSlug("word ".repeat(40));
  assert.ok(long.length <= MAX_SLUG && !long.endsWith("-"), long);
  assert.is(headlineSlug("!!!"), "");
});

parts("a new article is a draft with its headline, date, author and topics, and placeholders for the rest", () => {
  const text = articleTemplate({
    title: 'Rates "up"',
    date: DateTime.fromISO("2024-06-01T09:30:00+07:00", { setZone: true }),
    author: "ana-lim",
    tags: ["China Bond"],
  });
  // Read as the build reads a content file: front matter as YAML text, dates kept as typed.
  const parsed = parseContentFile(text);
  assert.equal(parsed.yamlErrors, []);
  assert.equal(parsed.data, {
    title: 'Rates "up"',
    date: "2024-06-01T09:30:00+07:00",
    author: "ana-lim",
    tags: ["China Bond"],
    draft: true,
  });
  assert.is(parsed.body.trim(), STORY_PLACEHOLDER.text);
  // The optional fields wait in comments for the writer to fill in.
  assert.equal(
    text.split("\n").flatMap((line) => /^# (\w+):/.exec(line)?.[1] ?? []),
    ["dek", "source", "related", "image"],
  );
});

parts("the check's report lists problems and ends with the verdict, exit code 1 on any error", () => {
  const problem = { file: "news/a.md", line: 3, field: "title", message: "is required", severity: "error" as const };
  const { text, exitCode } = report([problem]);
  assert.equal(
    [text, exitCode],
    ["error:   news/a.md:3:title: is required\n1 error, 0 warnings: fix the errors to publish.\n", 1],
  );
});

parts("the build hands its child the staging folder and its options as JSON", () => {
  const now = DateTime.fromISO("2024-06-01T07:00:00+07:00", { setZone: true });
  assert.equal(renderArguments("/tmp/site.building", { contentDir: "content", now, preview: true, searchPart: 500 }), [
    "/tmp/site.building",
    '{"contentDir":"content","now":"2024-06-01T07:00:00.000+07:00","preview":true,"searchPart":500}',
  ]);
});

parts.run();
