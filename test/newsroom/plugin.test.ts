import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { LoadResult } from "../../src/newsroom/load.ts";
import { contentPlugin } from "../../src/newsroom/plugin.ts";
import { articleFile, contentTree, inRunMode, NOW, recordingConfig, validFields } from "../helpers.ts";

const dev = suite("the dev server's newsroom takes in every save, articles' and others'");

/**
 * The dev server's newsroom over `contentDir`, and a rebuild: the watcher names the `saved` files, a build starts
 * and the newsroom is loaded.
 */
function devServer(contentDir: string) {
  const { config, listeners } = recordingConfig();
  const newsroom = contentPlugin(config, { contentDir, now: NOW, preview: false, searchPart: 10 });
  return async (saved: string[]) => {
    (listeners.get("eleventy.beforeWatch") as (queue: string[]) => void)(saved);
    (listeners.get("eleventy.before") as () => void)();
    return newsroom();
  };
}

dev("a saved topic file reaches the stories filed under it, though no article changed", async () => {
  await inRunMode("serve", async () => {
    const dir = contentTree({
      "news/2024/a.md": articleFile(validFields),
      "topics/china-bond.md": "---\nname: China Bond\ndescription: Ties with China.\n---\n",
    });
    const load = devServer(dir);
    const rebuild = async (saved: string[]) => (await load(saved)).articles[0]?.topics[0]?.description;
    assert.is(await rebuild([]), "Ties with China.");
    writeFileSync(join(dir, "topics/china-bond.md"), "---\nname: China Bond\ndescription: Trade and bonds.\n---\n");
    assert.is(await rebuild([join(dir, "topics/china-bond.md")]), "Trade and bonds.");
    writeFileSync(join(dir, "news/2024/a.md"), articleFile(validFields, "A new body."));
    assert.is(await rebuild([join(dir, "news/2024/a.md")]), "Trade and bonds.");
  });
});

dev("authors, topics and the publication are read again only after a save of one of theirs", async () => {
  await inRunMode("serve", async () => {
    const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
    const author = join(dir, "authors/ana-lim.md");
    const load = devServer(dir);
    const rebuild = async (saved: string[]) => (await load(saved)).articles[0]?.authors[0]?.name;
    const named = (name: string) => readFileSync(author, "utf8").replace(/^name: .*$/m, `name: ${name}`);
    assert.is(await rebuild([]), "Ana Lim");
    writeFileSync(author, named("Ana Lim-Tan"));
    writeFileSync(join(dir, "news/2024/a.md"), articleFile(validFields, "A new body."));
    assert.is(await rebuild([join(dir, "news/2024/a.md")]), "Ana Lim", "only an article saved: authors as read");
    assert.is(await rebuild([author]), "Ana Lim-Tan");
  });
});

dev("an article is read again when the watcher names it as saved, and taken as it was when it does not", async () => {
  // The content folder as the command gives it, absolute or relative (`npm start` reads content/), and the watcher's
  // file relative to the folder the server runs in.
  for (const given of [(dir: string) => dir, (dir: string) => relative(process.cwd(), dir)])
    await inRunMode("serve", async () => {
      const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
      const load = devServer(given(dir));
      const rebuild = async (saved: string[]) => (await load(saved)).articles[0]?.title;
      assert.is(await rebuild([]), "A valid story");
      const path = join(dir, "news/2024/a.md");
      writeFileSync(path, articleFile(validFields.replace("A valid story", "A story retitled")));
      assert.is(await rebuild([]), "A valid story", "not named by the watcher: not looked at");
      assert.is(await rebuild([relative(process.cwd(), path)]), "A story retitled");
      // A file the watcher never saw, new since the last load, is read.
      writeFileSync(join(dir, "news/2024/b.md"), articleFile(validFields.replace("A valid story", "Story B")));
      const titles = (await load([])).articles.map((article) => article.title);
      assert.equal(titles.sort(), ["A story retitled", "Story B"]);
    });
});

dev.run();

const parts = suite("a build rendered in runs loads its newsroom once");

parts("a later run takes the newsroom the first run loaded, and reads no file", async () => {
  await inRunMode("build", async () => {
    const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
    const told: LoadResult[] = [];
    const options = {
      contentDir: dir,
      now: NOW,
      preview: false,
      searchPart: 1,
      onLoaded: (r: LoadResult) => told.push(r),
    };
    const newsroom = await contentPlugin(recordingConfig().config, { ...options, renderRun: {} })();
    assert.is(newsroom.articles.length, 1);
    assert.is(told.length, 1);
    // The file breaks after the first run: a later run still shows what the first loaded.
    writeFileSync(join(dir, "news/2024/a.md"), "---\ntitle: [broken\n---\n");
    const older = contentPlugin(recordingConfig().config, {
      ...options,
      renderRun: { layout: "topic.11ty.tsx" },
      loaded: told[0],
    });
    assert.is(await older(), newsroom);
    assert.is(told.length, 1, "the load is told once, by the first run");
  });
});

parts.run();
