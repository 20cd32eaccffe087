import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { type BuildOptions, resolveOptions } from "../newsroom/options.ts";
import { indexSite, SearchIndexError } from "../search/search.ts";
import { commandLine, isEntry } from "./commandLine.ts";
import { describeFileError, findFileError, meaning } from "./fileErrors.ts";
import { lockOutput, OutputBusy, type OutputLock, recoverSwap, siblings, stopGroup, swapIn } from "./output.ts";
import { type RenderReport, renderArguments, type SearchPartFiles } from "./render.ts";
import { buildSummary, recordNotice, signupNotice, summaryLines } from "./summary.ts";

const usage = `Usage: npm run build -- [--content DIR] [--out DIR] [--now ISO-DATE-TIME]

Builds the publication into --out (default _site/). The site is built into a sibling folder first and only
replaces --out when the whole build succeeded, so a failed build leaves the previous site as it was.
  --content DIR   content folder (default content/, or NEWSDESK_CONTENT)
  --now ISO       treat this instant as "now" for scheduled articles (default: the clock, or NEWSDESK_NOW)
  --preview       include drafts and scheduled articles, marked, as the dev server does (or NEWSDESK_PREVIEW=1)
NEWSDESK_SEARCH_PART=N sets the articles in each part of the search index (default 10000), which Pagefind builds
one part at a time: fewer for a machine with less memory.
Exit codes: 0 built, 1 content problems or a failed build (nothing was published), 2 wrong usage,
3 another build is writing the same output folder (nothing was done), 128 + n stopped by signal n (130 for
Ctrl-C); the previous site is left as it was in every case but 0.`;

/** How the build's process ended: what it reported, if anything, and its exit code or the signal that stopped it. */
interface Rendered {
  report: RenderReport | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs the Eleventy build into `staging` in a process of its own (src/cli/render.ts) and resolves only once that
 * process has exited, so nothing it started can write into `staging` after this. Node options such as
 * `--import tsx` and the heap ceiling carry over. https://nodejs.org/api/child_process.html#event-close
 */
function render(staging: string, options: BuildOptions, lock: OutputLock): Promise<Rendered> {
  return new Promise((resolveRendered) => {
    let report: RenderReport | undefined;
    // Its own process group, so that it and all it starts (sharp's workers, Eleventy's copy) can be stopped together.
    const child = fork(fileURLToPath(new URL("render.ts", import.meta.url)), renderArguments(staging, options), {
      execArgv: process.execArgv,
      detached: true,
    });
    const group = child.pid;
    if (group !== undefined) {
      running = group;
      void lock.recordGroup(group);
    }
    child.on("message", (message) => (report = message as RenderReport));
    // 'close' comes after the exit and after the last message was read; what the process started goes with it.
    child.on("close", (code, signal) => {
      // Stopped by a signal to this build: the handler reports it and exits.
      if (stopping) return;
      const done = () => resolveRendered({ report, code, signal });
      if (group === undefined) return done();
      void stopGroup(group).then(done);
    });
    // A process that could not be started never closes.
    child.on("error", () => {
      if (child.pid === undefined) resolveRendered({ report, code: null, signal: null });
    });
  });
}

/** Why a build whose process ended without reporting failed, in the build's own words. */
function stopped({ code, signal }: Rendered): string {
  const how = signal ? `was stopped by ${signal}` : code === null ? "could not be started" : `exited with code ${code}`;
  return `The build failed:\n  the build's process ${how} before it finished`;
}

/**
 * Indexes the staged site for search once the Eleventy process has exited, so Pagefind has the memory that process
 * held, and checks that the index holds every article page and nothing else. Pagefind holds a whole index in memory
 * (about 350 KB an article), so a large archive is indexed in parts (src/site/searchParts.ts), one after the other:
 * each part's pages are linked into a folder of their own for Pagefind to read, and its bundle written where the
 * search page looks for it. Pagefind's process group is recorded like the build's, for Ctrl-C and for a build that
 * takes over. Resolves to the number of pages indexed.
 */
async function index(staging: string, search: { language: string; parts: SearchPartFiles[] }, lock: OutputLock) {
  const folder = join(staging, PARTS_FOLDER);
  let indexed = 0;
  try {
    for (const [number, part] of search.parts.entries()) {
      // Only article pages carry data-pagefind-body. The home page goes in with the newest part: were the mark lost,
      // Pagefind would index every page it reads, and the count would show it.
      const files = number === 0 ? [...part.files, "index.html"] : part.files;
      const site = join(folder, String(number));
      await linkFiles(staging, site, files);
      const pages = await indexSite(
        site,
        search.language,
        meaning,
        "**/*.html",
        (group) => {
          running = group;
          void lock.recordGroup(group);
        },
        join(staging, part.bundle),
      );
      if (pages !== part.files.length) {
        const into = search.parts.length > 1 ? ` into ${part.bundle}` : "";
        throw new SearchIndexError([
          `indexed ${pages} pages${into}, but ${part.files.length} articles were built${into && " for it"}: every ` +
            `article page, and no other page, needs data-pagefind-body`,
        ]);
      }
      indexed += pages;
      await rm(site, { recursive: true, force: true });
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return indexed;
}

/** The folder in the staging site where each part's pages are linked for Pagefind; it is gone before the swap. */
const PARTS_FOLDER = ".search-parts";

/** Links each file of `from` into the same place in `to`, or copies it where the disk cannot link. */
async function linkFiles(from: string, to: string, files: string[]): Promise<void> {
  const limit = pLimit(64);
  const folders = [...new Set(files.map((file) => dirname(join(to, file))))];
  await Promise.all(folders.map((made) => limit(() => mkdir(made, { recursive: true }))));
  await Promise.all(
    files.map((file) =>
      limit(() =>
        link(join(from, file), join(to, file)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "EPERM" && error.code !== "EXDEV" && error.code !== "ENOTSUP") throw error;
          return copyFile(join(from, file), join(to, file));
        }),
      ),
    ),
  );
}

/** Says how a build ended without publishing, and whether the previous site is still there. */
function refused(message: string, out: string): number {
  console.error(message);
  console.error(existsSync(out) ? `${relative(".", out) || "."}/ was left as it was.` : "No site was written.");
  return 1;
}

/** Renders into the staging folder, then swaps it in; the output folder is locked by then. */
async function buildLocked(out: string, options: BuildOptions, lock: OutputLock): Promise<number> {
  const { staging, previous } = siblings(out);
  await recoverSwap(out, staging, previous);
  const started = performance.now();
  const rendered = await render(staging, options, lock);
  const { report } = rendered;
  if (report?.outcome !== "built" || rendered.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    return refused(report?.outcome === "failed" ? report.message : stopped(rendered), out);
  }
  let searchRecords = 0;
  try {
    if (report.search) searchRecords = await index(staging, report.search, lock);
  } catch (error) {
    // Stopped by a signal to this build: the handler reports it and exits.
    if (stopping) return new Promise<number>(() => {});
    if (!(error instanceof SearchIndexError)) throw error;
    await rm(staging, { recursive: true, force: true });
    return refused(`The build failed:\n  ${error.message}`, out);
  }
  await swapIn(out, staging, previous);
  const heading = `Built ${relative(".", out) || "."}/ in ${((performance.now() - started) / 1000).toFixed(1)} s:`;
  const counts = report.counts && { ...report.counts, searchRecords };
  console.log(counts ? buildSummary(summaryLines(counts), heading) : `${heading} ${report.pages} pages.`);
  const notices = counts ? [signupNotice(counts), recordNotice(counts.record)] : [];
  for (const notice of notices) if (notice) console.log(notice);
  return 0;
}

async function main(): Promise<number> {
  const parsed = commandLine(
    {
      options: {
        content: { type: "string" },
        out: { type: "string", default: "_site" },
        now: { type: "string" },
        preview: { type: "boolean" },
        help: { type: "boolean" },
      },
    },
    usage,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  let options: BuildOptions;
  try {
    options = resolveOptions(values);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const out = resolve(values.out);

  let lock: OutputLock | undefined;
  stopOnSignals(out);
  try {
    lock = await lockOutput(out);
    held = lock;
    return await buildLocked(out, options, lock);
  } catch (error) {
    if (error instanceof OutputBusy) {
      console.error(error.message);
      return 3;
    }
    const fileError = findFileError(error);
    if (!fileError) throw error;
    await rm(siblings(out).staging, { recursive: true, force: true }).catch(() => {});
    return refused(`The build failed:\n  ${describeFileError(fileError)}`, out);
  } finally {
    await lock?.release().catch(() => {});
  }
}

/**
 * The process group of the Eleventy build in progress, then of Pagefind's, and the lock this build holds, for the
 * signal handlers.
 */
let running: number | undefined;
let held: OutputLock | undefined;
let stopping = false;

/**
 * On Ctrl-C or a stop request the build's own process group (started detached, so the terminal's signal does not
 * reach it) is stopped, the staging folder removed and the lock released, before exiting with 128 + the signal's
 * number, as shells report it.
 */
function stopOnSignals(out: string): void {
  for (const [signal, number] of [
    ["SIGINT", 2],
    ["SIGTERM", 15],
    ["SIGHUP", 1],
  ] as const) {
    process.once(signal, () => {
      stopping = true;
      void (async () => {
        if (running !== undefined) await stopGroup(running);
        await rm(siblings(out).staging, { recursive: true, force: true }).catch(() => {});
        await held?.release().catch(() => {});
        refused(`The build was stopped (${signal}) before it finished.`, out);
        process.exit(128 + number);
      })();
    });
  }
}

if (isEntry(import.meta.url)) process.exitCode = await main();
