import { suite } from "uvu";
import * as assert from "uvu/assert";
import { articleFile, contentTree, load, rejection, validFields } from "../helpers.ts";

const checks = suite("build rejects aliases, corrections and retractions that would mislead readers");

checks("an alias that is not an address on the site", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(`${validFields}\naliases: [old, "/b?x=1"]`) });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:6:aliases[1]: `/b?x=1` is not an old slug (like micron-thaw) or an address on the site (like " +
      "/news/micron-thaw/ or /2019/05/story.html)",
  ]);
});

checks(
  "an alias that is the article's own address, another page of the site, a build folder or another article's alias",
  async () => {
    const dir = contentTree({
      "news/2024/a.md": articleFile(
        `${validFields}\naliases: [a, /news/b/, /topics/china-bond/, /assets/old.html, shared]`,
      ),
      "news/2024/b.md": articleFile(`${validFields}\naliases: [shared]`),
    });
    assert.equal(await rejection(dir), [
      "news/2024/a.md:6:aliases[0]: /news/a/ is this article's own address: list only addresses it had before",
      "news/2024/a.md:6:aliases[1]: /news/b/ is the address of a page the site has: an old address must not be in use",
      "news/2024/a.md:6:aliases[2]: /topics/china-bond/ is the address of a page the site has: an old address must " +
        "not be in use",
      "news/2024/a.md:6:aliases[3]: /assets/old.html is in a folder the build owns: old addresses of stories cannot " +
        "be there",
      "news/2024/b.md:6:aliases[0]: /news/shared/ is also an old address of news/2024/a.md: an address can lead to " +
        "one story only",
    ]);
  },
);

checks("an empty or undated correction, and one that is not a date and a note", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(
      `${validFields}\ncorrections:\n  - { date: 2024-03-02 }\n  - { note: "Undated." }\n  - { date: 2024-03-02, ` +
        `note: "" }\n  - fixed it`,
    ),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:7:corrections[0].note: is required: say what was wrong and what is right",
    "news/2024/a.md:8:corrections[1].date: is required",
    "news/2024/a.md:9:corrections[2].note: is empty: say what was wrong and what is right",
    'news/2024/a.md:10:corrections[3]: must be a date and a note, like { date: 2026-11-20, note: "…" }',
  ]);
});

checks("a correction dated before the story or in the future, or with a dangerous link in its note", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(
      `${validFields}\ncorrections:\n  - { date: 2024-02-01, note: "Before." }\n  - { date: 2024-07-01, note: ` +
        `"Later." }\n  - { date: 2024-03-02, note: "[x](javascript:alert(1))" }`,
    ),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:7:corrections[0].date: 2024-02-01 is before the article's date 2024-03-01",
    "news/2024/a.md:8:corrections[1].date: is in the future: date a correction on the day it is made",
    "news/2024/a.md:9:corrections[2].note: the link address `javascript:alert(1)` uses javascript:, which could run " +
      "code in a reader's browser: link to an https:// address or a page of the site",
  ]);
});

checks("a retraction without a note, of a draft, dated before its story or in the future", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(`${validFields}\nretracted: { date: 2024-03-05 }`),
    "news/2024/b.md": articleFile(`${validFields}\ndraft: true\nretracted: { date: 2024-03-05, note: "Withdrawn." }`),
    "news/2024/c.md": articleFile(`${validFields}\nretracted: { date: 2024-02-05, note: "Withdrawn." }`),
    "news/2024/d.md": articleFile(`${validFields}\nretracted: { date: 2024-07-05, note: "Withdrawn." }`),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:6:retracted.note: is required: say why the story was withdrawn",
    "news/2024/b.md:7:retracted: a draft was never published, so there is nothing to retract: delete the file or " +
      "drop `retracted`",
    "news/2024/c.md:6:retracted.date: 2024-02-05 is before the article's date 2024-03-01",
    "news/2024/d.md:6:retracted.date: is in the future: date a retraction on the day it is made",
  ]);
});

checks(
  "a retracted story leaves ALSO SEE with a warning, and the latest correction is its article's last change",
  async () => {
    const dir = contentTree({
      "news/2024/a.md": articleFile(
        `${validFields}\nupdated: 2024-03-04\nrelated: [b]\ncorrections:\n  - { date: 2024-03-03, note: "One." }\n  ` +
          `- { date: 2024-03-09T10:00, note: "Two." }`,
      ),
      "news/2024/b.md": articleFile(`${validFields}\nretracted: { date: 2024-03-05, note: "Withdrawn." }`),
    });
    const { newsroom, warnings } = await load(dir);
    assert.equal(
      newsroom.articles.map((article) => [article.slug, article.modified.toISO(), article.related.length]),
      [["a", "2024-03-09T10:00:00.000+07:00", 0]],
    );
    assert.equal(
      newsroom.retracted.map((article) => [article.slug, article.html, article.retraction?.noteHtml]),
      [["b", "", "<p>Withdrawn.</p>\n"]],
    );
    assert.ok(
      warnings.some(
        (warning) =>
          warning.field === "related[0]" &&
          warning.message === "`b` was retracted, so it is left out of ALSO SEE: remove it from related",
      ),
    );
  },
);

checks.run();
