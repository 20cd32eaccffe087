import { suite } from "uvu";
import * as assert from "uvu/assert";
import { reportBodyProblems } from "../../src/content/bodies.ts";
import { parseContentFile } from "../../src/content/frontMatter.ts";
import type { Problem } from "../../src/content/problems.ts";
import { parseBody } from "../../src/markdown/markdown.ts";

/** The messages reportBodyProblems gives for a body whose unsafe link addresses are `hrefs`. */
function unsafeLinkMessages(...hrefs: string[]): string[] {
  const file = { path: "news/2024/a.md", parsed: parseContentFile("---\ntitle: A\n---\nBody.\n") };
  const problems: Problem[] = [];
  reportBodyProblems(file, { ...parseBody(""), unsafeLinks: hrefs.map((href) => ({ href, line: 0 })) }, problems);
  return problems.map((problem) => problem.message);
}

const unsafe = suite("an unsafe link address is named by its scheme and its first 60 characters");

unsafe("the scheme is named as a browser reads it: lower-case, without spaces or control characters", () => {
  assert.equal(unsafeLinkMessages("\tJava\nScript :alert(1)"), [
    "the link address `\tJava\nScript :alert(1)` uses javascript:, which could run code in a reader's browser: link " +
      "to an https:// address or a page of the site",
  ]);
});

unsafe("a long address is shown to its 60th character", () => {
  const address = `data:text/html;base64,${"A".repeat(80)}`;
  assert.equal(unsafeLinkMessages(address), [
    `the link address \`${address.slice(0, 60)}\` uses data:, which could run code in a reader's browser: link to ` +
      "an https:// address or a page of the site",
  ]);
});

unsafe.run();
