import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ArticleCache } from "../../src/content/articles.ts";
import { loadNewsroom, ResolvedArticles } from "../../src/newsroom/load.ts";
import { articleFile, contentTree, load, NOW, rejection, validFields } from "../helpers.ts";

const full = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

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
    "news/2024/a.md:8:related[0]: no article has the slug `dutch-eye-vietnam` — did you mean " +
      "`dutch-eye-vietnam-chip-ecosystem`?",
  ]);
});

hints.run();

const links = suite("broken internal links in article bodies are errors");

links("links to articles, topics, authors and archive months that will not exist, each with its line", async () => {
  const body = [
    "See [the thaw](/news/micron-thw/) and [China Bond](/topics/china-bonds/).",
    "",
    "By [Ana](/authors/ana-lm/), in [March](/archive/2024/04/), [page 9](/topics/china-bond/page/9/).",
    "",
    "Fine: [home](/) [topic](/topics/china-bond/) [author](/authors/ana-lim/) [month](/archive/2024/03/) " +
      "[it](/news/micron-thaw/#why) [site](https://test.example/news/micron-thaw/)",
    "",
    "Unknown [page](/about/) and no slash [thaw](/news/micron-thaw).",
  ].join("\n");
  const dir = contentTree({
    "news/2024/micron-thaw.md": articleFile(full),
    "news/2024/a.md": articleFile(full, body),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:9:body: broken link to /news/micron-thw/: no article has the slug `micron-thw` — did you mean " +
      "`micron-thaw`?",
    "news/2024/a.md:9:body: broken link to /topics/china-bonds/: no topic `china-bonds` has articles — did you mean " +
      "`china-bond`?",
    "news/2024/a.md:11:body: broken link to /authors/ana-lm/: no author `ana-lm` — did you mean `ana-lim`?",
    "news/2024/a.md:11:body: broken link to /archive/2024/04/: no articles in the archive for 2024/04",
    "news/2024/a.md:11:body: broken link to /topics/china-bond/page/9/: no page at /topics/china-bond/page/9/",
    "news/2024/a.md:15:body: broken link to /about/: no page at /about/",
    "news/2024/a.md:15:body: broken link to /news/micron-thaw: write it with the trailing slash: /news/micron-thaw/",
  ]);
});

links("links to newsletter editions, their email and plain text resolve by the edition's day", async () => {
  const body =
    "As [last week's edition](/newsletter/2024-03-01/) said ([email](/newsletter/2024-03-01/email.html)), not [this " +
    "one](/newsletter/2024-03-02/).";
  const dir = contentTree({
    "news/2024/micron-thaw.md": articleFile(full),
    "news/2024/a.md": articleFile(full, body),
    "editions/2024-03-01.md": "---\ntitle: Week\ndate: 2024-03-01\npicks: [micron-thaw]\n---\nNote.\n",
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:9:body: broken link to /newsletter/2024-03-02/: no newsletter edition is dated 2024-03-02 — did " +
      "you mean `2024-03-01`?",
  ]);
});

links(
  "a link to the news sitemap works only while it exists: with a story from the two days before the build",
  async () => {
    const body = "See the [news sitemap](/news-sitemap.xml) and the [sitemap](/sitemap.xml).";
    const quiet = contentTree({ "news/2024/a.md": articleFile(full, body) });
    assert.equal(await rejection(quiet), [
      "news/2024/a.md:9:body: broken link to /news-sitemap.xml: no news sitemap is written while no article was " +
        "published in the 2 days before the build",
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

const kept = suite("the dev server resolves again only the articles a save changed, or all when others depend on it");

/** Loads `dir` as the dev server does, keeping parsed and resolved articles in `cache` between loads. */
function devLoad(dir: string, cache: { articles: ArticleCache; resolved: ResolvedArticles }, now = NOW) {
  return loadNewsroom({ contentDir: dir, publicDir: process.cwd(), now, preview: true, cache });
}

const story = (fields: string, body = "Body.") => `---\n${fields}\n---\n${body}\n`;
const files = {
  "news/2024/a.md": story("title: Story A\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]"),
  "news/2024/b.md": story("title: Story B\ndate: 2024-03-02\nauthor: ana-lim\ntags: [China Bond]\nrelated: [a]"),
};

kept(
  "a body saved: that article is resolved again, the others are kept, and all come out as a fresh load's",
  async () => {
    const dir = contentTree(files);
    const cache = { articles: new Map() as ArticleCache, resolved: new ResolvedArticles() };
    await devLoad(dir, cache);
    const entry = (name: string) => {
      const file = cache.articles.get(join(dir, "news/2024", name))?.article;
      return file && cache.resolved.files.get(file);
    };
    const [a, b] = [entry("a.md"), entry("b.md")];
    const topics = cache.resolved.topics;
    writeFileSync(
      join(dir, "news/2024/a.md"),
      story(
        "title: Story A\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]",
        "New body, see http://example.com.",
      ),
    );
    const again = await devLoad(dir, cache);
    assert.ok(a && b);
    assert.is(entry("b.md"), b, "B is kept");
    assert.is(cache.resolved.topics, topics, "the topics, checked as a whole, are kept");
    assert.is.not(entry("a.md"), a, "A is resolved again");
    const fresh = await loadNewsroom({ contentDir: dir, publicDir: process.cwd(), now: NOW, preview: true });
    assert.equal(again.newsroom, fresh.newsroom);
    assert.equal(again.warnings, fresh.warnings);
    assert.match(again.warnings.map((warning) => warning.message).join("\n"), "http://example.com");
  },
);

kept("a new headline, or a story's date passing, resolves every article again", async () => {
  const dir = contentTree(files);
  const cache = { articles: new Map() as ArticleCache, resolved: new ResolvedArticles() };
  await devLoad(dir, cache);
  writeFileSync(
    join(dir, "news/2024/a.md"),
    story("title: Story A, retitled\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]"),
  );
  const retitled = await devLoad(dir, cache);
  assert.equal(
    retitled.newsroom.articles.find((article) => article.slug === "b")?.related.map((link) => link.title),
    ["Story A, retitled"],
  );
  const before = DateTime.fromISO("2024-03-01T12:00:00Z");
  const scheduled = await devLoad(dir, cache, before);
  assert.equal(
    scheduled.newsroom.articles.map((article) => [article.slug, article.scheduled]),
    [
      ["b", true],
      ["a", false],
    ],
  );
  const after = await devLoad(dir, cache);
  assert.equal(
    after.newsroom.articles.map((article) => article.scheduled),
    [false, false],
  );
});

kept("a topic warning keeps naming the right line when its file is saved with its tags further down", async () => {
  const tagged = (tags: string, before = "") =>
    story(`title: Story\ndate: 2024-03-01\nauthor: ana-lim\n${before}tags: [${tags}]`);
  const dir = contentTree({
    "news/2024/a.md": tagged("China Bond"),
    "news/2024/b.md": tagged("China Bond"),
    "news/2024/c.md": tagged("China Bonds"),
  });
  const cache = { articles: new Map() as ArticleCache, resolved: new ResolvedArticles() };
  const lineOf = async () =>
    (await devLoad(dir, cache)).warnings.find((warning) => warning.message.includes("China Bonds"))?.line;
  assert.is(await lineOf(), 5);
  writeFileSync(join(dir, "news/2024/c.md"), tagged("China Bonds", "dek: A dek.\n"));
  assert.is(await lineOf(), 6);
  const topics = cache.resolved.topics;
  writeFileSync(join(dir, "news/2024/a.md"), tagged("China Bond", "dek: Another dek.\n"));
  assert.is(await lineOf(), 6);
  assert.is(cache.resolved.topics, topics, "a save of a file the warnings do not name keeps the topics' check");
});

kept("forget empties what was kept, for a save of anything but articles", async () => {
  const dir = contentTree(files);
  const cache = { articles: new Map() as ArticleCache, resolved: new ResolvedArticles() };
  await devLoad(dir, cache);
  const file = cache.articles.get(join(dir, "news/2024/a.md"))?.article;
  assert.ok(file && cache.resolved.files.has(file));
  assert.is(cache.resolved.sources?.publication?.name, "Test Ledger");
  cache.resolved.forget();
  assert.is(cache.resolved.sources, undefined);
  assert.is(cache.resolved.files.has(file), false);
  assert.is(cache.resolved.key, undefined);
  assert.is(cache.resolved.topics, undefined);
});

kept.run();
