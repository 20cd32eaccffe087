import { join, relative } from "node:path";
import Eleventy from "@11ty/eleventy";
import { DateTime } from "luxon";
import { renderRuns } from "../collections/rebuild.ts";
import { ContentError } from "../content/problems.ts";
import { displayPath } from "../content/sources.ts";
import type { LoadResult } from "../newsroom/load.ts";
import { type BuildOptions, giveBuildOptions } from "../newsroom/options.ts";
import { searchParts } from "../site/searchParts.ts";
import { isEntry } from "./commandLine.ts";
import { describeFileError, findFileError, meaning } from "./fileErrors.ts";
import type { BuildCounts } from "./summary.ts";

// The Eleventy build of `npm run build`, in a process of its own that src/cli/build.ts forks with the staging
// folder as its one argument. When a build fails, Eleventy's write() rejects while the copy of assets/ and other
// pages' writes carry on; exiting at once stops them, so the parent can remove the staging folder for good.

/** The counts for the summary that rendering knows: all but the search index's. */
export type RenderCounts = Omit<BuildCounts, "searchRecords">;

/** One part of the search index to build: where its bundle goes and the files of its article pages, in the site. */
export interface SearchPartFiles {
  bundle: string;
  files: string[];
}

/**
 * What the build's process tells `npm run build` before it exits: the counts for the summary and what the search
 * index must hold (the site's language and the article pages of each of its parts, newest part first), or why it
 * failed.
 */
export type RenderReport =
  | { outcome: "built"; pages: number; counts?: RenderCounts; search?: { language: string; parts: SearchPartFiles[] } }
  | { outcome: "failed"; message: string };

/** The first ContentError in an error's chain of causes, as Eleventy wraps errors thrown by data. */
function findContentError(error: unknown): ContentError | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof ContentError || current.name === "ContentError") return current as ContentError;
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

/** Every message in an error's chain of causes, outermost first. */
function messages(error: unknown): string[] {
  const found: string[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    found.push(current.message);
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return found.length > 0 ? found : [String(error)];
}

let finished = false;

/** Reports a failed build, then exits before another file is written; later failures of the same build are moot. */
function fail(error: unknown): void {
  if (finished) return;
  finished = true;
  // Whatever goes wrong in here, the process still ends: a build that cannot report must not hang.
  setTimeout(() => process.exit(1), 5000).unref();
  let message: string;
  try {
    const contentError = findContentError(error);
    // A full or read-only disk is named as such, once, whichever of Eleventy's wrappers it arrives in.
    const fileError = findFileError(error);
    // Without a path of its own (a failed write to an open file), Eleventy's outermost words say what it was doing.
    const chain = messages(error);
    const reason = fileError
      ? [fileError.path || fileError.dest ? describeFileError(fileError) : `${chain[0]}: ${meaning(fileError.code)}`]
      : chain;
    message = contentError ? contentError.message : `The build failed:\n  ${reason.join("\n  ")}`;
  } catch {
    message = `The build failed:\n  ${String(error)}`;
  }
  const report: RenderReport = { outcome: "failed", message };
  try {
    process.send?.(report, () => process.exit(1));
  } catch {
    process.exit(1);
  }
}

function countsOf({ newsroom, leftOut, record }: LoadResult, contentDir: string, pages: number): RenderCounts {
  const { articles, retracted, editions, topics, authors, preview } = newsroom;
  return {
    published: articles.length,
    retracted: retracted.length,
    ...leftOut,
    editions: editions.length,
    topics: topics.length,
    authors: authors.length,
    pages,
    preview,
    record,
    withoutSignup: newsroom.publication.signup ? undefined : displayPath(join(contentDir, "publication.ts")),
  };
}

/** What `npm run build` hands this process: the staging folder, and the build's options as JSON. */
export interface RenderArguments {
  contentDir: string;
  /** The build's "now" as ISO 8601, when one was given. */
  now?: string;
  preview: boolean;
  searchPart: number;
}

/** The command-line arguments `npm run build` starts this process with. */
export function renderArguments(staging: string, options: BuildOptions): string[] {
  const given: RenderArguments = {
    contentDir: options.contentDir,
    now: options.now?.toISO() ?? undefined,
    preview: options.preview,
    searchPart: options.searchPart,
  };
  return [staging, JSON.stringify(given)];
}

/**
 * The file each part's article pages were written to, relative to the site, from what Eleventy wrote. An article
 * without one would be missing from search, so the build fails instead.
 */
function searchPartFiles(
  parts: { bundle: string; urls: string[] }[],
  written: { url?: unknown; outputPath?: unknown }[],
  staging: string,
): SearchPartFiles[] {
  const fileOf = new Map<unknown, unknown>(written.map((page) => [page.url, page.outputPath]));
  return parts.map(({ bundle, urls }) => ({
    bundle,
    files: urls.map((url) => {
      const file = fileOf.get(url);
      if (typeof file !== "string") throw new Error(`the article page ${url} was not written, so search would miss it`);
      return relative(staging, file);
    }),
  }));
}

async function render(staging: string, given: RenderArguments): Promise<void> {
  let loaded: LoadResult | undefined;
  const options: BuildOptions = {
    contentDir: given.contentDir,
    now: given.now === undefined ? undefined : DateTime.fromISO(given.now, { setZone: true }),
    preview: given.preview,
    searchPart: given.searchPart,
    onLoaded: (result) => {
      loaded = result;
    },
  };
  // Eleventy's write() holds every page it wrote, with its HTML, until it returns (at 100,000 articles, gigabytes):
  // the site is rendered in runs (`renderRuns`), each page's HTML let go at the end of its run. The first run loads
  // the newsroom, which says how many parts the later runs write.
  const written: { url?: unknown; outputPath?: unknown }[] = [];
  let runs = renderRuns(1);
  for (let run = 0; run < runs.length; run++) {
    const eleventy = new Eleventy(undefined, staging, {
      configPath: ".eleventy.ts",
      quietMode: true,
      runMode: "build",
      config: (eleventyConfig) => giveBuildOptions(eleventyConfig, { ...options, renderRun: runs[run], loaded }),
    });
    eleventy.disableLogger(); // errors are reported once, by the parent
    const [, templates] = await eleventy.write();
    for (const page of templates.flat() as { url?: unknown; outputPath?: unknown }[])
      written.push({ url: page.url, outputPath: page.outputPath });
    // Every number of parts starts with the same runs.
    if (run === 0 && loaded) runs = renderRuns(searchParts(loaded.newsroom.articles, given.searchPart).length);
  }
  const pages = written.length;
  const counts = loaded && countsOf(loaded, given.contentDir, pages);
  const search = loaded && {
    language: loaded.newsroom.publication.language,
    parts: searchPartFiles(searchParts(loaded.newsroom.articles, given.searchPart), written, staging),
  };
  const report: RenderReport = { outcome: "built", pages, counts, search };
  finished = true;
  // Nothing is left to write: the process ends on its own once the parent has the report.
  process.send?.(report, () => {
    if (process.connected) process.disconnect();
  });
}

const [staging, optionsText] = process.argv.slice(2);
if (!isEntry(import.meta.url)) {
  // Imported by src/cli/build.ts for renderArguments: nothing to run.
} else if (!process.send || !staging || !optionsText) {
  console.error("src/cli/render.ts is run by npm run build, which gives it the staging folder.");
  process.exitCode = 2;
} else {
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  // Without its parent nobody would remove what this process writes, so it stops when the parent is gone (perhaps
  // already). The channel is read, and its end noticed, only while it is referenced.
  // https://nodejs.org/api/process.html#processchannelref
  process.channel?.ref();
  process.on("disconnect", () => {
    if (!finished) process.exit(1);
  });
  if (process.connected) render(staging, JSON.parse(optionsText) as RenderArguments).catch(fail);
  else process.exit(1);
}
