import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type ArticleCache, type ArticleFile, readArticle, readArticles } from "../../src/content/articles.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import { type Publication, PublicationSchema } from "../../src/content/schema.ts";
import { readSource } from "../../src/content/sources.ts";
import { articleFile, contentTree, load, rejection, validFields } from "../helpers.ts";

const full = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

/** The warnings for a content tree, as `field: message`. */
async function warningsFor(files: Record<string, string>): Promise<string[]> {
  const { warnings } = await load(contentTree(files));
  return warnings.map((warning) => formatProblem(warning).replace(/^.*?news\//, "news/"));
}

const warnings = suite("warnings point out what an editor would, without stopping the build");

warnings("missing dek and image, a very long headline and plain-http links", async () => {
  const long = "A".repeat(101);
  assert.equal(
    await warningsFor({
      "news/2024/a.md": articleFile(
        `title: ${long}\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]\nrelated:\n  - { title: Old site, ` +
          `url: "http://example.org/report" }`,
        "Read [the data](http://example.com/data).",
      ),
    }),
    [
      "news/2024/a.md:dek: is missing: a one- or two-sentence standfirst tells readers and search engines what the " +
        "story is",
      "news/2024/a.md:image: is missing: stories with a picture get a share card and a thumbnail in every list",
      `news/2024/a.md:2:title: is 101 characters long: search results and share cards cut headlines after about 100`,
      "news/2024/a.md:7:related[0].url: http://example.org/report uses plain http: link to https:// if the site " +
        "offers it",
      "news/2024/a.md:9:body: http://example.com/data uses plain http: link to https:// if the site offers it",
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
      "news/2025/new-year-in-tokyo-again.md:3:date: falls in 2024 in the publication's time zone (Asia/Bangkok), " +
        "but the file is in news/2025/: move it to news/2024/",
      "news/2026/a.md:3:date: falls in 2024 in the publication's time zone (Asia/Bangkok), but the file is in " +
        "news/2026/: move it to news/2024/",
    ],
  );
});

warnings.run();

const edges = suite("warnings stop at their limits and point at the right line and folder");

edges(
  "a headline of exactly 100 characters is no warning, and a link is warned on its own line of the body",
  async () => {
    assert.equal(
      await warningsFor({
        "news/2024/a.md": articleFile(
          full.replace("A valid story", "A".repeat(100)),
          "First paragraph.\n\nSecond paragraph.\n\nRead [the data](http://example.com/data).",
        ),
      }),
      ["news/2024/a.md:13:body: http://example.com/data uses plain http: link to https:// if the site offers it"],
    );
  },
);

edges("a year folder is a folder named with four digits only, and the move keeps the folders inside it", async () => {
  assert.equal(
    await warningsFor({
      "news/2026/extra/a.md": articleFile(full),
      // A month folder inside the right year, as docs/writing.md suggests for a large archive.
      "news/2024/06/d.md": articleFile(full),
      "news/2023-old/b.md": articleFile(full),
      "news/old2023/c.md": articleFile(full),
    }),
    [
      "news/2026/extra/a.md:3:date: falls in 2024 in the publication's time zone (Asia/Bangkok), but the file is in " +
        "news/2026/extra/: move it to news/2024/extra/",
    ],
  );
});

edges.run();

const dates = suite("an article's dates are checked one by one, each error on its own field");

dates("an updated or correction date that is not a date is an error on that field", async () => {
  const notADate = (text: string) => `"${text}" is not a date: write it like 2023-11-03 or 2023-11-03T09:30:00+07:00`;
  assert.equal(
    await rejection(
      contentTree({
        "news/2024/a.md": articleFile(`${full}\nupdated: soon`),
        "news/2024/b.md": articleFile(`${full}\ncorrections:\n  - { date: someday, note: Fixed. }`),
      }),
    ),
    [`news/2024/a.md:8:updated: ${notADate("soon")}`, `news/2024/b.md:9:corrections[0].date: ${notADate("someday")}`],
  );
});

dates("an update on the article's own date, and a correction in its very second, are not before it", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": articleFile(`${full}\nupdated: 2024-03-01`),
      "news/2024/b.md": articleFile(
        `${full.replace("2024-03-01", "2024-03-01T10:00:00.999+07:00")}\ncorrections:\n` +
          `  - { date: "2024-03-01T10:00:00+07:00", note: Fixed. }`,
      ),
    }),
  );
  assert.is(newsroom.articles.length, 2);
});

dates.run();

const names = suite("an article's file name must be a web address unless it gives a slug");

names("the error suggests the file name as a slug, or my-story when nothing of it is left", async () => {
  const hint = (name: string, like: string) =>
    `news/2024/${name}: the file name \`${name}\` cannot be a web address: rename it in lower-case letters, digits ` +
    `and hyphens (like ${like}) or give a slug`;
  assert.equal(
    await rejection(
      contentTree({
        "news/2024/Big Deal.md": articleFile(full),
        "news/2024/!!!.md": articleFile(full),
        "news/2024/Bad Name.md": articleFile(`${full}\nslug: bad-name`),
        "news/2024/Empty Name.md": "",
      }),
    ),
    [
      hint("!!!.md", "my-story.md"),
      hint("Big Deal.md", "big-deal.md"),
      "news/2024/Empty Name.md: is empty: it needs front matter between --- lines, then the text",
    ],
  );
});

names.run();

const publication = PublicationSchema.parse({
  name: "Test Ledger",
  baseUrl: "https://test.example",
  timeZone: "Asia/Bangkok",
  language: "en",
});

/** An article file with this text, read as the loader reads it, rendered unless `render` is false. */
function readText(text: string, render?: false): ArticleFile {
  const path = join(contentTree({ "news/2024/a.md": text }), "news/2024/a.md");
  const problems: Problem[] = [];
  const file = readSource(path, problems);
  return render === undefined
    ? readArticle(file, publication, problems)
    : readArticle(file, publication, problems, render);
}

const reading = suite("an article is read as far as it goes, and is valid only when all of it is");

reading(
  "its body and notes are rendered unless the build says not to; links to the site are not marked external",
  () => {
    const text = articleFile(
      `${full}\ncorrections:\n  - { date: 2024-03-02, note: "See [the fix](https://test.example/news/fix/)." }`,
      "See [b](https://test.example/news/b/) and [the IMF](https://imf.example/).",
    );
    const article = readText(text);
    assert.is(
      article.body.html,
      '<p>See <a href="https://test.example/news/b/">b</a> and <a href="https://imf.example/" ' +
        'rel="noopener noreferrer">the IMF</a>.</p>\n',
    );
    assert.is(
      article.valid?.corrections[0]?.noteHtml,
      '<p>See <a href="https://test.example/news/fix/">the fix</a>.</p>\n',
    );
    assert.is(readText(text, false).body.html, "");
  },
);

reading("tags and aliases left out are none; an old slug is an alias to its article's address", () => {
  assert.equal(readText(articleFile("title: Untagged")).tags, []);
  assert.equal(readText(articleFile("title: Untagged")).aliases, []);
  assert.equal(readText(articleFile(`${full}\naliases: [old-story, /2019/05/story.html]`)).aliases, [
    "/news/old-story/",
    "/2019/05/story.html",
  ]);
});

reading("a wrong updated, correction or retraction date leaves the article not valid", () => {
  assert.ok(readText(articleFile(full)).valid);
  for (const field of [
    "updated: soon",
    "corrections:\n  - { date: someday, note: Fixed. }",
    "retracted: { date: someday, note: Withdrawn. }",
  ]) {
    assert.is(readText(articleFile(`${full}\n${field}`)).valid, undefined, field);
  }
});

reading.run();

const cache = suite("articles read for the dev server are reused until their file or the settings change");

cache("an unchanged file is reused with its problems; a changed one, or other settings, is read again", () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(`${full}\nupdated: soon`),
    "news/2024/b.md": articleFile(full),
  });
  const paths = ["news/2024/a.md", "news/2024/b.md"].map((path) => join(dir, path));
  const kept: ArticleCache = new Map();
  const read = (settings: Publication = publication) => {
    const problems: Problem[] = [];
    const articles = readArticles(paths, settings, problems, true, kept);
    return { articles, problems: problems.map((problem) => problem.message) };
  };
  const first = read();
  const again = read();
  assert.is(again.articles[0], first.articles[0]);
  assert.is(again.articles[1], first.articles[1]);
  assert.equal(again.problems, ['"soon" is not a date: write it like 2023-11-03 or 2023-11-03T09:30:00+07:00']);
  assert.equal(first.problems, again.problems);
  writeFileSync(paths[0] ?? "", articleFile(full));
  const changed = read();
  assert.is.not(changed.articles[0], first.articles[0]);
  assert.is(changed.articles[1], first.articles[1]);
  assert.equal(changed.problems, []);
  const moved = read({ ...publication, baseUrl: "https://moved.example" });
  assert.is.not(moved.articles[1], first.articles[1]);
});

cache("a file read from another folder is read again, since its problems name it from there", () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(`${full}\nupdated: soon`) });
  const path = join(dir, "news/2024/a.md");
  const kept: ArticleCache = new Map();
  const fileOf = () => {
    const problems: Problem[] = [];
    readArticles([path], publication, problems, true, kept);
    return problems[0]?.file;
  };
  const here = process.cwd();
  assert.is(fileOf(), relative(here, path));
  try {
    process.chdir(dir);
    assert.is(fileOf(), "news/2024/a.md");
  } finally {
    process.chdir(here);
  }
});

cache("a file no longer listed is forgotten", () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(full), "news/2024/b.md": articleFile(full) });
  const [a, b] = ["news/2024/a.md", "news/2024/b.md"].map((path) => join(dir, path));
  const kept: ArticleCache = new Map();
  readArticles([a ?? "", b ?? ""], publication, [], true, kept);
  readArticles([b ?? ""], publication, [], true, kept);
  assert.equal([...kept.keys()], [b]);
});

cache.run();
