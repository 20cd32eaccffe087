import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listings } from "../../src/collections/listings.ts";
import { type BuiltState, pagesToRebuild } from "../../src/collections/rebuild.ts";
import { articleFile, contentTree, load } from "../helpers.ts";

/**
 * A newsroom where China Bond and Ana Lim each fill two listing pages (A and twenty fillers from January), B lists A
 * in its ALSO SEE, and C shares nothing with A but a second topic Ports with B.
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

async function built(dir: string): Promise<BuiltState> {
  const { newsroom } = await load(dir);
  return { newsroom, listings: listings(newsroom) };
}

const sorted = (urls: Set<string> | undefined) => (urls ? [...urls].sort() : urls);

const rebuild = suite("a dev-server save rewrites exactly the pages that show what changed");

rebuild("an edited article: its page, the page listing it, and every page of its topic, author and month", async () => {
  const dir = contentTree(newsroomFiles());
  const before = await built(dir);
  writeFileSync(
    join(dir, "news/2024/a.md"),
    articleFile("title: Story A, revised\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]"),
  );
  const after = await built(dir);
  assert.equal(sorted(pagesToRebuild(before, after, [join(dir, "news/2024/a.md")])), [
    "/",
    "/archive/2024/03/",
    "/authors/ana-lim/",
    "/authors/ana-lim/page/2/",
    "/news/a/",
    "/news/b/",
    "/topics/china-bond/",
    "/topics/china-bond/page/2/",
  ]);
});

rebuild("a retagged article: the pages of the topic it left and of the topic it joined", async () => {
  const dir = contentTree(newsroomFiles("[China Bond, Shipping]"));
  const before = await built(dir);
  writeFileSync(join(dir, "news/2024/a.md"), newsroomFiles("[China Bond, Ports]")["news/2024/a.md"] ?? "");
  const after = await built(dir);
  const urls = pagesToRebuild(before, after, [join(dir, "news/2024/a.md")]);
  assert.ok(urls?.has("/topics/shipping/"), "the topic it left");
  assert.ok(urls?.has("/topics/ports/"), "the topic it joined");
  assert.not.ok(urls?.has("/news/c/"), "an article sharing a topic is not rewritten");
});

rebuild("a deleted article: its address and the listings that showed it", async () => {
  const dir = contentTree(newsroomFiles());
  const before = await built(dir);
  rmSync(join(dir, "news/2024/c.md"));
  const after = await built(dir);
  const urls = pagesToRebuild(before, after, [join(dir, "news/2024/c.md")]);
  // Its month and Shipping are left with no story, so they have no page to write.
  assert.equal(sorted(urls), ["/", "/authors/ben-ong/", "/news/c/", "/topics/ports/"]);
});

rebuild("a save that is not only articles rewrites every page", async () => {
  const dir = contentTree(newsroomFiles());
  const state = await built(dir);
  assert.is(pagesToRebuild(state, state, [join(dir, "authors/ana-lim.md")]), undefined);
  assert.is(pagesToRebuild(state, state, [join(dir, "news/2024/a.md"), join(dir, "publication.ts")]), undefined);
  assert.is(pagesToRebuild(state, state, ["layouts/article.11ty.tsx"]), undefined);
});

rebuild.run();
