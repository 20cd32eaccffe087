import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listings } from "../../src/collections/listings.ts";
import {
  articlesRebuilt,
  type BuiltState,
  listRebuilt,
  onlyRebuilt,
  pagesToRebuild,
  renderRuns,
} from "../../src/collections/rebuild.ts";
import type { Article } from "../../src/content/schema.ts";
import { articleFile, contentTree, load } from "../helpers.ts";

/**
 * A newsroom where China Bond and Ana Lim each fill two listing pages (A and twenty fillers from January), B lists A
 * in its ALSO SEE, and C shares nothing with A but a second topic Ports with B. A, the newest in China Bond, is in
 * every filler's automatic ALSO SEE.
 */
function newsroomFiles(aTags = "[China Bond]"): Record<string, string> {
  const files: Record<string, string> = {
    "authors/ben-ong.md": "---\nname: Ben Ong\n---\nBen covers ports.\n",
    "news/2024/a.md": articleFile(`title: Story A\ndate: 2024-03-01\nauthor: ana-lim\ntags: ${aTags}`),
    "news/2024/b.md": articleFile("title: Story B\ndate: 2024-04-02\nauthor: ben-ong\ntags: [Ports]\nrelated: [a]"),
    "news/2024/c.md": articleFile("title: Story C\ndate: 2024-05-03\nauthor: ben-ong\ntags: [Ports, Shipping]"),
  };
  for (let index = 1; index <= 20; index++) {
    files[`news/2024/filler-${index}.md`] = articleFile(
      `title: Filler ${index}\ndate: 2024-01-${String(index).padStart(2, "0")}\nauthor: ana-lim\ntags: [China Bond]`,
    );
  }
  return files;
}

async function built(dir: string, preview = false): Promise<BuiltState> {
  const { newsroom } = await load(dir, preview);
  return { newsroom, listings: listings(newsroom) };
}

const sorted = (urls: Set<string> | undefined) => (urls ? [...urls].sort() : urls);

const rebuild = suite("a dev-server save rewrites exactly the pages that show what changed");

/** The pages a save rewrites after A's front matter becomes `fields`, sorted. */
async function savedA(fields: string): Promise<string[] | undefined> {
  const dir = contentTree(newsroomFiles());
  const before = await built(dir);
  writeFileSync(join(dir, "news/2024/a.md"), articleFile(fields));
  return sorted(pagesToRebuild(before, await built(dir), [join(dir, "news/2024/a.md")]));
}

const fillers = Array.from({ length: 20 }, (_, index) => `/news/filler-${index + 1}/`);

rebuild(
  "a new headline: its page, the pages listing it, and of its topic, author and month the pages holding it",
  async () => {
    const urls = await savedA("title: Story A, revised\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]");
    // A, the newest, is on the first page of China Bond and Ana Lim; their second pages do not show it.
    assert.equal(urls, [
      "/",
      "/archive/2024/03/",
      "/authors/ana-lim/",
      "/news/a/",
      "/news/b/",
      ...fillers.sort(),
      "/topics/china-bond/",
    ]);
  },
);

rebuild("a new date: every page of the topic, author and months it moved in", async () => {
  const urls = (await savedA("title: Story A\ndate: 2024-01-10T12:00:00Z\nauthor: ana-lim\ntags: [China Bond]")) ?? [];
  // March is left with no story, so it has no page to write; January now holds 21 stories, two pages.
  for (const url of ["/topics/china-bond/page/2/", "/authors/ana-lim/page/2/", "/archive/2024/01/page/2/"]) {
    assert.ok(urls.includes(url), `${url} is not in ${urls.join(" ")}`);
  }
});

rebuild(
  "an edited body: the one page of each list holding it, and the first while its feed carries the story",
  async () => {
    // Sixty-one stories in Rice by Ana Lim, one a day from 1 January 2024: four pages, the oldest alone on the fourth,
    // older than the feed's latest fifty. January holds 31 of them, on two pages.
    const files: Record<string, string> = {};
    for (let day = 1; day <= 61; day++) {
      const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
      files[`news/2024/s-${day}.md`] = articleFile(`title: Story ${day}\ndate: ${date}\nauthor: ana-lim\ntags: [Rice]`);
    }
    const dir = contentTree(files);
    const before = await built(dir);
    const oldest = join(dir, "news/2024/s-1.md");
    writeFileSync(oldest, `${files["news/2024/s-1.md"]}\nA paragraph added.\n`);
    const after = await built(dir);
    assert.equal(sorted(pagesToRebuild(before, after, [oldest])), [
      "/",
      "/archive/2024/01/",
      "/archive/2024/01/page/2/",
      "/authors/ana-lim/page/4/",
      "/news/s-1/",
      // The story after it in Rice, whose previous link shows it.
      "/news/s-2/",
      "/topics/rice/page/4/",
    ]);
  },
);

rebuild("a retagged article: the pages of the topic it left and of the topic it joined", async () => {
  const dir = contentTree(newsroomFiles("[China Bond, Shipping]"));
  const before = await built(dir);
  writeFileSync(join(dir, "news/2024/a.md"), newsroomFiles("[China Bond, Ports]")["news/2024/a.md"] ?? "");
  const after = await built(dir);
  const urls = pagesToRebuild(before, after, [join(dir, "news/2024/a.md")]);
  assert.ok(urls?.has("/topics/shipping/"), "the topic it left");
  assert.ok(urls?.has("/topics/ports/"), "the topic it joined");
  assert.ok(urls?.has("/news/c/"), "an article whose automatic ALSO SEE shows it, by Shipping then by Ports");
});

rebuild("a deleted article: its address and the listings that showed it", async () => {
  const dir = contentTree(newsroomFiles());
  const before = await built(dir);
  rmSync(join(dir, "news/2024/c.md"));
  const after = await built(dir);
  const urls = pagesToRebuild(before, after, [join(dir, "news/2024/c.md")]);
  // Its month and Shipping are left with no story, so they have no page to write; B's automatic ALSO SEE showed it.
  assert.equal(sorted(urls), ["/", "/authors/ben-ong/", "/news/b/", "/news/c/", "/topics/ports/"]);
});

rebuild("a save that is not only articles rewrites every page", async () => {
  const dir = contentTree(newsroomFiles());
  const state = await built(dir);
  assert.is(pagesToRebuild(state, state, [join(dir, "authors/ana-lim.md")]), undefined);
  assert.is(pagesToRebuild(state, state, [join(dir, "news/2024/a.md"), join(dir, "publication.ts")]), undefined);
  assert.is(pagesToRebuild(state, state, ["layouts/article.11ty.tsx"]), undefined);
});

rebuild.run();

/**
 * A newsroom in Ports, oldest first: far (1 March), mid (5), near (9) and x (10), the first three with three
 * hand-picked links each, so only their previous and next links show other stories; fan (2 March, Tourism and Ports)
 * and other (3 March, Tourism) list none, so automatic stories fill theirs. Of the others, only near (its next) and
 * fan (its automatic list) show x.
 */
function readOnFiles(x = "date: 2024-03-10\ntags: [Ports]"): Record<string, string> {
  const links = ["a", "b", "c"].map((name) => `  - { title: ${name}, url: "https://example.org/${name}" }`);
  const picked = `related:\n${links.join("\n")}`;
  const story = (slug: string, fields: string) =>
    articleFile(`${fields.startsWith("title:") ? "" : `title: Story ${slug}\n`}author: ana-lim\n${fields}`);
  return {
    "news/2024/x.md": story("x", x),
    "news/2024/far.md": story("far", `date: 2024-03-01\ntags: [Ports]\n${picked}`),
    "news/2024/mid.md": story("mid", `date: 2024-03-05\ntags: [Ports]\n${picked}`),
    "news/2024/near.md": story("near", `date: 2024-03-09\ntags: [Ports]\n${picked}`),
    "news/2024/fan.md": story("fan", "date: 2024-03-02\ntags: [Tourism, Ports]"),
    "news/2024/other.md": story("other", "date: 2024-03-03\ntags: [Tourism]"),
  };
}

/** The article pages a dev-server save of x rewrites, after x's front matter becomes `fields`. */
async function articlesRewritten(fields: string): Promise<string[]> {
  const dir = contentTree(readOnFiles());
  const before = await built(dir, true);
  writeFileSync(join(dir, "news/2024/x.md"), readOnFiles(fields)["news/2024/x.md"] ?? "");
  const after = await built(dir, true);
  const urls = pagesToRebuild(before, after, [join(dir, "news/2024/x.md")]);
  return [...(urls ?? ["every page"])].filter((url) => url.startsWith("/news/")).sort();
}

const readOn = suite("a dev-server save rewrites the pages whose automatic ALSO SEE or previous and next show it");

readOn("a new headline: the pages showing it in their automatic list or as next, and no other article", async () => {
  assert.equal(await articlesRewritten("title: Story x, revised\ndate: 2024-03-10\ntags: [Ports]"), [
    "/news/fan/",
    "/news/near/",
    "/news/x/",
  ]);
});

readOn("a new topic: the pages whose automatic list or previous and next now show it too", async () => {
  // Other's automatic list now holds x (Tourism), and x is now next after it in Tourism.
  assert.equal(await articlesRewritten("date: 2024-03-10\ntags: [Ports, Tourism]"), [
    "/news/fan/",
    "/news/near/",
    "/news/other/",
    "/news/x/",
  ]);
});

readOn("a new date: the neighbours it left and the neighbours it joined", async () => {
  // In Ports x moves from after near to between fan and mid; far, before fan, keeps its next.
  assert.equal(await articlesRewritten("date: 2024-03-03\ntags: [Ports]"), [
    "/news/fan/",
    "/news/mid/",
    "/news/near/",
    "/news/x/",
  ]);
});

readOn("a story made a draft: the pages that showed it, though the preview still shows its own page", async () => {
  assert.equal(await articlesRewritten("date: 2024-03-10\ntags: [Ports]\ndraft: true"), [
    "/news/fan/",
    "/news/near/",
    "/news/x/",
  ]);
});

readOn.run();

const paginated = suite("a paginated layout writes only the pages the rebuild asks for");

paginated("with a list of URLs only the items rendering them are kept, in order; without one, every item", () => {
  const pages = ["/topics/ports/", "/topics/ports/page/2/", "/topics/rice/", "/authors/ana-lim/"].map((url) => ({
    url,
  }));
  const before = onlyRebuilt((page: { url: string }) => page.url);
  const only = new Set(["/authors/ana-lim/", "/topics/ports/page/2/", "/news/a/"]);
  assert.equal(before(pages, { rebuild: { only } }), [{ url: "/topics/ports/page/2/" }, { url: "/authors/ana-lim/" }]);
  assert.is(before(pages, { rebuild: {} }), pages);
});

paginated("the article pages are those of the run's part of the archive, and of those the ones asked for", async () => {
  const { newsroom } = await built(contentTree(newsroomFiles()));
  const before = articlesRebuilt();
  const urls = (articles: Article[]) => articles.map((article) => article.url).sort();
  const all = newsroom.articles;
  const part = new Set(["/news/a/", "/news/b/"]);
  assert.equal(urls(before(all, { rebuild: { articles: part } })), ["/news/a/", "/news/b/"]);
  assert.equal(urls(before(all, { rebuild: { articles: part, only: new Set(["/news/b/", "/news/c/"]) } })), [
    "/news/b/",
  ]);
  assert.equal(urls(before(all, { rebuild: {} })), urls(all));
  assert.equal(before(all, { rebuild: { later: true } }), []);
});

paginated("an archive of one part is one run; a larger one, the rest, each list, then each part's articles", () => {
  assert.equal(renderRuns(1), [{}]);
  assert.equal(renderRuns(3), [
    {},
    { layout: "topic.11ty.tsx" },
    { layout: "author.11ty.tsx" },
    { layout: "archive-month.11ty.tsx" },
    { layout: "article.11ty.tsx", articlePart: 0 },
    { layout: "article.11ty.tsx", articlePart: 1 },
    { layout: "article.11ty.tsx", articlePart: 2 },
  ]);
});

paginated("a list writes no page in a run that leaves the lists and articles to later runs", () => {
  const pages = ["/topics/ports/", "/topics/ports/page/2/"].map((url) => ({ url }));
  const before = listRebuilt((page: { url: string }) => page.url);
  assert.equal(before(pages, { rebuild: { later: true } }), []);
  assert.equal(before(pages, { rebuild: { only: new Set(["/topics/ports/"]) } }), [{ url: "/topics/ports/" }]);
  assert.is(before(pages, { rebuild: {} }), pages);
});

paginated.run();
