import { appendFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { DateTime } from "luxon";
import { type ArticleCache, statStamp } from "../content/articles.ts";
import { mayBeContent } from "../content/inventory.ts";
import { formatProblem } from "../content/problems.ts";
import type { Newsroom } from "../content/schema.ts";
import { type KeptHistory, readContentHistory } from "../history/git.ts";
import { processFolder, removedAtExit } from "../system/processes.ts";
import { watchFolders } from "../system/watch.ts";
import { loadNewsroom, ResolvedArticles } from "./load.ts";
import type { BuildOptions } from "./options.ts";

/** The newsroom of the build in progress, loaded once however many plugins ask. */
export type NewsroomSource = () => Promise<Newsroom>;

/**
 * Loads and validates all content once per build as the global `newsroom`, from the build's options. Production
 * builds leave out drafts and scheduled articles; preview builds and the dev server (Eleventy's `serve` or `watch`
 * run mode) show them, and the dev server keeps parsed and resolved articles between rebuilds, re-reading only the
 * files its watcher says were saved (and new ones), and naming only warnings it has not named before.
 * https://www.11ty.dev/docs/environment-vars/#eleventy-supplied
 */
export function contentPlugin(eleventyConfig: EleventyConfig, options: BuildOptions): NewsroomSource {
  const devServer = process.env.ELEVENTY_RUN_MODE !== "build";
  const cache: ArticleCache | undefined = devServer ? new Map() : undefined;
  const resolved = devServer ? new ResolvedArticles() : undefined;
  const keptHistory: KeptHistory | undefined = devServer ? {} : undefined;
  // The watcher names every file saved since the last load: the others are taken as they were, without a look.
  // Saved files are written as the loader lists them, under the content folder as given, so each listed file is
  // looked up as it is.
  const stamps = new Map<string, string>();
  const saved = new Set<string>();
  const stampOf = (path: string) => {
    const known = saved.has(path) ? undefined : stamps.get(path);
    if (known !== undefined) return known;
    const stamp = statStamp(path);
    stamps.set(path, stamp);
    return stamp;
  };
  // Chokidar holds a saved file until its size has stayed the same for 150 ms, Eleventy's setting; an editor writes
  // a Markdown file at once, so 50 ms, as postcss-cli and Tailwind wait, is enough and starts the rebuild sooner.
  // https://github.com/paulmillr/chokidar#performance
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  if (devServer) watchContent(eleventyConfig, options.contentDir);
  // A save of anything but articles (a picture, an author, a topic, a layout) may change how any article resolves.
  const contentRoot = resolve(options.contentDir);
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    const inContent = changed.map((file) => relative(contentRoot, resolve(file)));
    for (const file of inContent) saved.add(join(options.contentDir, file));
    const isArticle = (file: string) => file.startsWith(`news${sep}`) && file.endsWith(".md");
    if (!inContent.every(isArticle)) resolved?.forget();
  });
  let current: Promise<Newsroom> | undefined;
  let warned = new Set<string>();
  // Every build, watch rebuilds included, starts from the files as they are now.
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  const load = async (): Promise<Newsroom> => {
    // A later run of a build rendered in several: its first run loaded the newsroom and named its warnings.
    if (options.loaded) return options.loaded.newsroom;
    const loaded = await loadNewsroom({
      contentDir: options.contentDir,
      publicDir: ".",
      now: options.now ?? DateTime.now(),
      preview: options.preview || devServer,
      cache: cache && { articles: cache, resolved, stampOf },
      history: readContentHistory(options.contentDir, undefined, keptHistory),
    }).finally(() => saved.clear());
    // A dev-server rebuild names only warnings it has not named before, and counts the rest.
    const lines = loaded.warnings.map((warning) => `[newsdesk] warning: ${formatProblem(warning)}`);
    const fresh = lines.filter((line) => !warned.has(line));
    for (const line of fresh) console.warn(line);
    const repeated = lines.length - fresh.length;
    if (repeated > 0)
      console.warn(`[newsdesk] ${repeated} warning${repeated === 1 ? "" : "s"} named before still stand.`);
    warned = new Set(lines);
    options.onLoaded?.(loaded);
    return loaded.newsroom;
  };
  const source: NewsroomSource = () => {
    current ??= load();
    return current;
  };
  eleventyConfig.addGlobalData("newsroom", source);
  return source;
}

/**
 * Has the dev server rebuild when a file in the content folder is saved, created, renamed or removed, without
 * Eleventy's watcher (chokidar) watching the folder: chokidar watches every file, and reads a saved file's folder
 * again with a status call for each file in it (0.2 s of the main thread a save at 2,000 files a folder, 2.7 s at
 * 20,000). `watchFolders` watches the folders alone and writes each path it sees change to a file of this process in
 * the system's temporary folder, which Eleventy watches instead: its rebuild starts once that file has stayed the
 * same for the watcher's wait (so after the last of a save's writes), and `eleventy.beforeWatch` gets the paths in
 * its place, as chokidar named them before. Where the folders cannot be watched so (no watches left), Eleventy's
 * watcher watches the folder as before.
 */
function watchContent(eleventyConfig: EleventyConfig, contentDir: string): void {
  const seen = new Set<string>();
  let trigger: string;
  try {
    // Outside the project: Eleventy's watcher ignores what git ignores, `.cache/` among it.
    const folder = processFolder(tmpdir(), "newsdesk-dev-");
    removedAtExit(folder);
    trigger = join(folder, "content-changed");
    writeFileSync(trigger, "");
    let told = false;
    const watching = watchFolders(contentDir, (path, removedFolder) => {
      // An editor's temporary file, written and renamed over the article (as `sed -i`, Vim and JetBrains' "safe
      // write" do), starts no rebuild: as a change the build cannot see, it would rewrite every page.
      if (!removedFolder && !mayBeContent(contentDir, path)) return;
      seen.add(path);
      try {
        appendFileSync(trigger, `${path}\n`);
      } catch (error) {
        // A full disk: the save is kept in `seen` for the next rebuild that starts, and the writer is told once.
        if (!told) console.error(`[newsdesk] a save could not start a rebuild: ${(error as Error).message}`);
        told = true;
      }
    });
    // A change to the configuration runs the plugins again, this one with a watch of its own.
    eleventyConfig.on("eleventy.reset", () => watching.close());
  } catch {
    eleventyConfig.addWatchTarget(contentDir);
    return;
  }
  eleventyConfig.addWatchTarget(trigger);
  const triggerPath = resolve(trigger);
  // Registered before the other plugins' listeners, so they get the content files too.
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    const at = changed.findIndex((file) => resolve(file) === triggerPath);
    if (at < 0) return;
    const files = [...seen];
    seen.clear();
    changed.splice(at, 1, ...files);
    // Eleventy has named the watched file: the writer is told which of theirs it stands for.
    const names = files.map((file) => relative(contentDir, file));
    const more = names.length > 3 ? ` and ${names.length - 3} more` : "";
    if (names.length > 0) console.log(`[newsdesk] Saved in the content folder: ${names.slice(0, 3).join(", ")}${more}`);
  });
}
