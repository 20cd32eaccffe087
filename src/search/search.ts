import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, constants } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import * as pagefind from "pagefind";

/** Pages in flight to Pagefind's process at once: its message queue, not Node's memory, holds the rest. */
const INDEX_CONCURRENCY = 32;

/** Thrown when Pagefind reports a problem: the build fails with Pagefind's own words. */
export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`Pagefind could not build the search index:\n  ${messages.join("\n  ")}`);
    this.name = "SearchIndexError";
  }
}

/** A rendered page: its URL and HTML. */
export interface RenderedPage {
  url: string;
  html: string;
}

/**
 * Indexes the given pages with Pagefind's Node API into the bundle folder `bundleDir` (like `_site/pagefind/`).
 * Only the elements marked `data-pagefind-body` (article bodies) are indexed, so callers pass just the pages that
 * have it. Indexing the pages of this build, rather than the folder, keeps pages left over from earlier builds out
 * of search.
 * Resolves to the number of pages indexed. https://pagefind.app/docs/node-api/
 */
export async function buildSearchIndex(bundleDir: string, language: string, pages: RenderedPage[]): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  try {
    const index = created.index;
    if (!index || created.errors.length > 0) throw new SearchIndexError(created.errors);
    const limit = pLimit(INDEX_CONCURRENCY);
    const added = await Promise.all(
      pages.map((page) =>
        limit(() =>
          index
            .addHTMLFile({ url: page.url, content: page.html })
            .then((response) => ({ url: page.url, errors: response.errors })),
        ),
      ),
    );
    const errors = added.flatMap((result) => result.errors.map((error) => `${result.url}: ${error}`));
    if (errors.length > 0) throw new SearchIndexError(errors);
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new SearchIndexError(written.errors);
    return added.length;
  } finally {
    await pagefind.close();
  }
}

/** The pages a Pagefind bundle holds, as its entry file counts them, in every language. */
export async function indexedPages(bundleDir: string): Promise<number> {
  const text = await readFile(join(bundleDir, "pagefind-entry.json"), "utf8");
  const entry = JSON.parse(text) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((total, { page_count }) => total + page_count, 0);
}

/**
 * Pagefind's own program, as its Node API finds it (PAGEFIND_BINARY_PATH first).
 * https://pagefind.app/docs/installation/
 */
function pagefindBinary(): string {
  const fromEnvironment = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnvironment) return fromEnvironment;
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const executable = platform === "windows" ? "pagefind_extended.exe" : "pagefind_extended";
  return createRequire(import.meta.url).resolve(
    `@pagefind/${platform}-${process.env.npm_config_arch ?? arch()}/bin/${executable}`,
  );
}

/** The operating-system error a Rust program reports, "Os { code: 28, ... }", by its name (ENOSPC). */
function osErrorName(output: string): string | undefined {
  const code = /Os \{ code: (\d+)/.exec(output)?.[1];
  return code === undefined
    ? undefined
    : Object.entries(constants.errno).find(([, number]) => number === Number(code))?.[0];
}

/**
 * Indexes a built site with Pagefind's command line, `pagefind --site`, into `siteDir/pagefind/`, in a process of its
 * own that the build watches: when it fails, is killed or runs out of disk, the build fails with that in words
 * (`describe` turns an operating-system error's name into them), never a hang or a panic's backtrace. Only pages
 * marked `data-pagefind-body` are indexed; `glob` names the files that may hold them, so Pagefind reads no others.
 * Pagefind runs in a process group of its own, whose number `started` is given, so the caller can stop it. The
 * bundle goes to `bundleDir` (default `siteDir/pagefind/`). Resolves to the number of pages indexed.
 * https://pagefind.app/docs/config-options/
 */
export function indexSite(
  siteDir: string,
  language: string,
  describe: (code: string) => string,
  glob = "**/*.html",
  started: (group: number) => void = () => {},
  bundleDir: string = join(siteDir, "pagefind"),
): Promise<number> {
  return new Promise((resolveIndexed, rejectIndexed) => {
    const indexer = spawn(
      pagefindBinary(),
      ["--site", siteDir, "--output-path", bundleDir, "--glob", glob, "--force-language", language, "--silent"],
      { stdio: ["ignore", "ignore", "pipe"], detached: true },
    );
    if (indexer.pid !== undefined) started(indexer.pid);
    let output = "";
    indexer.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    indexer.on("error", (error) =>
      rejectIndexed(new SearchIndexError([`Pagefind could not be started: ${error.message}`])),
    );
    indexer.on("close", (code, signal) => {
      if (code === 0) {
        indexedPages(bundleDir)
          .then(resolveIndexed)
          .catch((error: unknown) =>
            rejectIndexed(new SearchIndexError([`Pagefind wrote no index entry: ${(error as Error).message}`])),
          );
        return;
      }
      const osError = osErrorName(output);
      const said = output
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !/^(stack backtrace:|note:|thread '|\d+:|at )/.test(line));
      const reason = osError
        ? `it could not write the index: ${describe(osError)}`
        : signal
          ? `its process was stopped by ${signal}`
          : `it exited with code ${code}${said.length > 0 ? `: ${said.at(-1)}` : ""}`;
      rejectIndexed(new SearchIndexError([reason]));
    });
  });
}
