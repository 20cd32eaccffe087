import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listings } from "../../src/collections/listings.ts";
import { collectionsPlugin } from "../../src/collections/plugin.ts";
import { ARTICLE_LAYOUT, LISTING_LAYOUTS, type Rebuild, type RenderRun } from "../../src/collections/rebuild.ts";
import type { Newsroom } from "../../src/content/schema.ts";
import { articleFile, contentTree, load, recordingConfig as recordingStandIn } from "../helpers.ts";

/** The shared recording stand-in, with the dev server's side: what it rewrites, saves and finished builds. */
function recordingConfig() {
  const recording = recordingStandIn();
  /** The URLs the `rebuild` global data asks the listing layouts to write; undefined means every page. */
  const rebuilt = async (): Promise<string[] | undefined> => {
    const { only } = (await recording.data("rebuild")) as Rebuild;
    return only ? [...only].sort() : only;
  };
  // Eleventy passes `eleventy.beforeWatch` the queue of saved files and `eleventy.after` its build results.
  const listener = (event: string) => recording.listeners.get(event);
  const saved = (files: string[]) => (listener("eleventy.beforeWatch") as (queue: string[]) => unknown)(files);
  const built = () => (listener("eleventy.after") as () => Promise<unknown>)();
  return { ...recording, rebuilt, saved, built };
}

const story = (slug: string, date: string, title = `Story ${slug}`) =>
  articleFile(`title: ${title}\ndate: ${date}\nauthor: ana-lim\ntags: [China Bond]`);

/** Two stories in China Bond by Ana Lim in March 2024: a, then b. */
async function newsroomOfTwo(): Promise<{ dir: string; newsroom: Newsroom }> {
  const dir = contentTree({ "news/2024/a.md": story("a", "2024-03-01"), "news/2024/b.md": story("b", "2024-03-05") });
  return { dir, newsroom: (await load(dir)).newsroom };
}

/** What a save of a rewrites in the newsroom of two: its page, b (its next), its topic, author, month, home. */
const afterSavingA = ["/", "/archive/2024/03/", "/authors/ana-lim/", "/news/a/", "/news/b/", "/topics/china-bond/"];

const plugin = suite("the collections plugin gives the listings once per build, and the dev server what to rewrite");

plugin("it adds the listings and rebuild global data and follows saves and finished builds", async () => {
  const recording = recordingConfig();
  collectionsPlugin(recording.config, async () => (await newsroomOfTwo()).newsroom);
  assert.equal(recording.registered, [
    "global data listings",
    "on eleventy.beforeWatch",
    "on eleventy.after",
    "global data rebuild",
  ]);
});

plugin("the listings are those of the build's newsroom, computed once however many ask", async () => {
  const { newsroom } = await newsroomOfTwo();
  const recording = recordingConfig();
  const source = collectionsPlugin(recording.config, async () => newsroom);
  const given = await recording.data("listings");
  assert.equal(given, listings(newsroom));
  assert.is(await recording.data("listings"), given);
  const fromSource = await source();
  assert.is(fromSource.newsroom, newsroom);
  assert.is(fromSource.listings, given);
});

plugin("every page is written until a build has finished, and when nothing was saved since", async () => {
  const { dir, newsroom } = await newsroomOfTwo();
  const recording = recordingConfig();
  collectionsPlugin(recording.config, async () => newsroom);
  assert.is(await recording.rebuilt(), undefined);
  recording.saved([join(dir, "news/2024/a.md")]);
  assert.is(await recording.rebuilt(), undefined, "a save before any build finished");
  await recording.built();
  assert.is(await recording.rebuilt(), undefined, "nothing saved since the last build");
});

plugin("after a build, a saved article rewrites only the pages showing it, until the next build finishes", async () => {
  const { dir, newsroom } = await newsroomOfTwo();
  let current = newsroom;
  const recording = recordingConfig();
  collectionsPlugin(recording.config, async () => current);
  await recording.built();
  writeFileSync(join(dir, "news/2024/a.md"), story("a", "2024-03-01", "Story a, revised"));
  current = (await load(dir)).newsroom;
  recording.saved([join(dir, "news/2024/a.md")]);
  assert.equal(await recording.rebuilt(), afterSavingA);
  await recording.built();
  assert.is(await recording.rebuilt(), undefined);
});

plugin("files saved during builds that failed count until a build finishes", async () => {
  const { dir, newsroom } = await newsroomOfTwo();
  const recording = recordingConfig();
  collectionsPlugin(recording.config, async () => newsroom);
  await recording.built();
  recording.saved([join(dir, "news/2024/a.md")]);
  recording.saved([join(dir, "authors/ana-lim.md")]);
  assert.is(await recording.rebuilt(), undefined, "an author's file can show on any page");
  await recording.built();
  recording.saved([join(dir, "news/2024/a.md")]);
  assert.equal(await recording.rebuilt(), afterSavingA);
});

plugin("a build's later run writes its layout only; the first leaves lists and articles to them", async () => {
  const { newsroom } = await newsroomOfTwo();
  const run = async (renderRun?: RenderRun, searchPart = 1) => {
    const recording = recordingConfig();
    collectionsPlugin(recording.config, async () => newsroom, { renderRun, searchPart });
    const { articles, later } = (await recording.data("rebuild")) as Rebuild;
    const ignored = [...recording.config.ignores].map((path) => path.replace(/^layouts\//, ""));
    return { articles: articles && [...articles], later, ignored: ignored.sort() };
  };
  const layouts = readdirSync("layouts").filter((name) => name.includes(".11ty."));
  const allBut = (layout: string) => layouts.filter((name) => name !== layout).sort();
  for (const layout of [ARTICLE_LAYOUT, ...LISTING_LAYOUTS])
    assert.ok(layouts.includes(layout), `${layout} is a layout`);
  // One article to a part, newest first: b, then a.
  assert.equal(await run({}), { articles: undefined, later: true, ignored: [] });
  assert.equal(await run({}, 2), { articles: undefined, later: false, ignored: [] });
  assert.equal(await run({ layout: "topic.11ty.tsx" }), {
    articles: undefined,
    later: false,
    ignored: allBut("topic.11ty.tsx"),
  });
  assert.equal(await run({ layout: "article.11ty.tsx", articlePart: 0 }), {
    articles: ["/news/b/"],
    later: false,
    ignored: allBut("article.11ty.tsx"),
  });
  assert.equal(await run({ layout: "article.11ty.tsx", articlePart: 1 }), {
    articles: ["/news/a/"],
    later: false,
    ignored: allBut("article.11ty.tsx"),
  });
  assert.equal(await run(undefined), { articles: undefined, later: false, ignored: [] });
});

plugin.run();
