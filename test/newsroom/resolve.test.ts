import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem } from "../../src/content/problems.ts";
import { closestMatch } from "../../src/site/hints.ts";
import { articleFile, contentTree, load, rejection, validFields } from "../helpers.ts";

const full = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

/** The warnings for a content tree, as `field: message`. */
async function warningsFor(files: Record<string, string>): Promise<string[]> {
  const { warnings } = await load(contentTree(files));
  return warnings.map((warning) => formatProblem(warning).replace(/^.*?news\//, "news/"));
}

const hints = suite("errors suggest what the writer probably meant");

hints("an unknown author key names the closest author", async () => {
  const dir = contentTree({
    "authors/jim-pollard.md": "---\nname: Jim Pollard\n---\n",
    "news/2024/a.md": articleFile(validFields.replace("author: ana-lim", "author: jim-polard")),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:4:author: unknown author `jim-polard` — did you mean `jim-pollard`?",
  ]);
});

hints("an unknown related slug names the closest article", async () => {
  const dir = contentTree({
    "news/2024/dutch-eye-vietnam-chip-ecosystem.md": articleFile(full),
    "news/2024/a.md": articleFile(`${full}\nrelated: [dutch-eye-vietnam]`),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:8:related[0]: no article has the slug `dutch-eye-vietnam` — did you mean `dutch-eye-vietnam-chip-ecosystem`?",
  ]);
});

hints("close matches are typos or shortenings, not any word", () => {
  assert.is(closestMatch("jim-polard", ["jim-pollard", "ana-lim"]), "jim-pollard");
  assert.is(closestMatch("nobody", ["jim-pollard", "ana-lim"]), undefined);
});

hints.run();

const links = suite("broken internal links in article bodies are errors");

links("links to articles, topics, authors and archive months that will not exist, each with its line", async () => {
  const body = [
    "See [the thaw](/news/micron-thw/) and [China Bond](/topics/china-bonds/).",
    "",
    "By [Ana](/authors/ana-lm/), in [March](/archive/2024/04/), [page 9](/topics/china-bond/page/9/).",
    "",
    "Fine: [home](/) [topic](/topics/china-bond/) [author](/authors/ana-lim/) [month](/archive/2024/03/) [it](/news/micron-thaw/#why) [site](https://test.example/news/micron-thaw/)",
    "",
    "Unknown [page](/about/) and no slash [thaw](/news/micron-thaw).",
  ].join("\n");
  const dir = contentTree({
    "news/2024/micron-thaw.md": articleFile(full),
    "news/2024/a.md": articleFile(full, body),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:9:body: broken link to /news/micron-thw/: no article has the slug `micron-thw` — did you mean `micron-thaw`?",
    "news/2024/a.md:9:body: broken link to /topics/china-bonds/: no topic `china-bonds` has articles — did you mean `china-bond`?",
    "news/2024/a.md:11:body: broken link to /authors/ana-lm/: no author `ana-lm` — did you mean `ana-lim`?",
    "news/2024/a.md:11:body: broken link to /archive/2024/04/: no articles in the archive for 2024/04",
    "news/2024/a.md:11:body: broken link to /topics/china-bond/page/9/: no page at /topics/china-bond/page/9/",
    "news/2024/a.md:15:body: broken link to /about/: no page at /about/",
    "news/2024/a.md:15:body: broken link to /news/micron-thaw: write it with the trailing slash: /news/micron-thaw/",
  ]);
});

links("links to newsletter editions, their email and plain text resolve by the edition's day", async () => {
  const body =
    "As [last week's edition](/newsletter/2024-03-01/) said ([email](/newsletter/2024-03-01/email.html)), not [this one](/newsletter/2024-03-02/).";
  const dir = contentTree({
    "news/2024/micron-thaw.md": articleFile(full),
    "news/2024/a.md": articleFile(full, body),
    "editions/2024-03-01.md": "---\ntitle: Week\ndate: 2024-03-01\npicks: [micron-thaw]\n---\nNote.\n",
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:9:body: broken link to /newsletter/2024-03-02/: no newsletter edition is dated 2024-03-02 — did you mean `2024-03-01`?",
  ]);
});

links(
  "a link to the news sitemap works only while it exists: with a story from the two days before the build",
  async () => {
    const body = "See the [news sitemap](/news-sitemap.xml) and the [sitemap](/sitemap.xml).";
    const quiet = contentTree({ "news/2024/a.md": articleFile(full, body) });
    assert.equal(await rejection(quiet), [
      "news/2024/a.md:9:body: broken link to /news-sitemap.xml: no news sitemap is written while no article was published in the 2 days before the build",
    ]);
    const busy = contentTree({ "news/2024/a.md": articleFile(full.replace("2024-03-01", "2024-05-31"), body) });
    assert.equal(
      (await load(busy)).newsroom.articles.map((article) => article.slug),
      ["a"],
    );
  },
);

links("a published story may not link to a draft; a draft may link to another draft", async () => {
  const dir = contentTree({
    "news/2024/secret.md": articleFile(`${full}\ndraft: true`),
    "news/2024/other-draft.md": articleFile(`${full}\ndraft: true`, "See [secret](/news/secret/)."),
    "news/2024/live.md": articleFile(full, "See [secret](/news/secret/)."),
  });
  assert.equal(await rejection(dir), [
    "news/2024/live.md:9:body: broken link to /news/secret/: that article is a draft",
  ]);
});

links.run();

const placeholders = suite("the placeholder text npm run new and npm run edition write never publishes");

const storyPlaceholder = "Write the story here. Use ## for sub-headings, and see docs/writing.md for everything else.";
const notePlaceholder = "A few sentences from the editor: what this edition is about and why it matters to readers.";

placeholders(
  "a published or scheduled article with the story placeholder is an error on its line; a draft may keep it",
  async () => {
    const body = `The first paragraph.\n\n${storyPlaceholder}\n`;
    const dir = contentTree({
      "news/2024/live.md": articleFile(full, body),
      "news/2024/later.md": articleFile(full.replace("2024-03-01", "2024-06-02"), body),
      "news/2024/draft.md": articleFile(`${full}\ndraft: true`, body),
    });
    const message =
      "still holds the placeholder that npm run new wrote: replace the placeholder text with the story, or keep draft: true until it is written";
    assert.equal(await rejection(dir), [
      `news/2024/later.md:11:body: ${message}`,
      `news/2024/live.md:11:body: ${message}`,
    ]);
  },
);

placeholders("an edition with the note placeholder is an error on its line", async () => {
  const dir = contentTree({
    "news/2024/micron-thaw.md": articleFile(full),
    "editions/2024-03-01.md": `---\ntitle: Week\ndate: 2024-03-01\npicks: [micron-thaw]\n---\n\n${notePlaceholder}\n`,
  });
  assert.equal(await rejection(dir), [
    "editions/2024-03-01.md:7:body: still holds the placeholder that npm run edition wrote: replace the placeholder text with the editor's note",
  ]);
});

placeholders.run();

const warnings = suite("warnings point out what an editor would, without stopping the build");

warnings("missing dek and image, a very long headline and plain-http links", async () => {
  const long = "A".repeat(101);
  assert.equal(
    await warningsFor({
      "news/2024/a.md": articleFile(
        `title: ${long}\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]\nrelated:\n  - { title: Old site, url: "http://example.org/report" }`,
        "Read [the data](http://example.com/data).",
      ),
    }),
    [
      "news/2024/a.md:dek: is missing: a one- or two-sentence standfirst tells readers and search engines what the story is",
      "news/2024/a.md:image: is missing: stories with a picture get a share card and a thumbnail in every list",
      `news/2024/a.md:2:title: is 101 characters long: search results and share cards cut headlines after about 100`,
      "news/2024/a.md:7:related[0].url: http://example.org/report uses plain http: link to https:// if the site offers it",
      "news/2024/a.md:9:body: http://example.com/data uses plain http: link to https:// if the site offers it",
    ],
  );
});

warnings("a new tag close to an existing topic, and two established topics that look alike", async () => {
  const tagged = (tags: string) => articleFile(full.replace("[China Bond]", tags));
  assert.equal(
    await warningsFor({
      "news/2024/a.md": tagged("[China Bond]"),
      "news/2024/b.md": tagged("[China Bond]"),
      "news/2024/c.md": tagged("[China Bonds]"),
      "news/2024/d.md": tagged("[Semiconductor]"),
      "news/2024/e.md": tagged("[Semiconductor]"),
      "news/2024/f.md": tagged("[Semiconductors]"),
      "news/2024/g.md": tagged("[Semiconductors]"),
      "news/2024/h.md": tagged("[Thailand, Thailand Property]"),
    }),
    [
      "news/2024/c.md:5:tags[0]: tag `China Bonds` is new — similar existing topic: `China Bond`",
      "news/2024/d.md:5:tags[0]: topics `Semiconductor` (2 articles) and `Semiconductors` (2) look like one topic; use one spelling",
    ],
  );
});

warnings("an article in another year's folder, by its date in the publication's time zone", async () => {
  const dated = (date: string) => articleFile(full.replace("2024-03-01", date));
  assert.equal(
    await warningsFor({
      "news/2026/a.md": dated("2024-03-01"),
      "news/2024/new-year-in-tokyo.md": dated("2025-01-01T00:30:00+09:00"),
      "news/2025/new-year-in-tokyo-again.md": dated("2025-01-01T00:30:00+09:00"),
      "news/2024/in-time.md": dated("2024-12-31T23:30:00+07:00"),
      "news/archive/b.md": dated("2023-05-01"),
      "news/c.md": dated("2023-05-01"),
    }),
    [
      "news/2025/new-year-in-tokyo-again.md:3:date: falls in 2024 in the publication's time zone (Asia/Bangkok), but the file is in news/2025/: move it to news/2024/",
      "news/2026/a.md:3:date: falls in 2024 in the publication's time zone (Asia/Bangkok), but the file is in news/2026/: move it to news/2024/",
    ],
  );
});

warnings.run();
