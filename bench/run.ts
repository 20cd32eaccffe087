import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { ContentError } from "../src/content/problems.ts";
import { loadNewsroom } from "../src/newsroom/load.ts";
import { launchBrowser } from "../support/browser.ts";
import { contentTree } from "../support/content.ts";
import { hostileInputs } from "../support/hostile.ts";
import { serveSite } from "../support/serve.ts";
import { BENCH_NOW, type Corpus, generateCorpus } from "./generate.ts";

const usage = `Usage: npm run bench -- [--articles N] [--runs R] [--dir DIR] [--skip-dev] [--skip-vanilla]
                          [--pictures-from WORK]
                          [--only build|check|dev|hostile|hugo]

Generates a seeded synthetic newsroom of N articles (default 10,000) showing 300 distinct pictures, in a copy of
the project, and times, R times each (default 3):
  (a′) the first full build, which makes every picture's sizes (once)
  (a) the full production build (npm run build: pages, feeds, sitemaps, pictures, Pagefind index)
  (b) a vanilla Eleventy 3 build of the same Markdown with a minimal layout, plus pagefind --site
  (c) npm run check, from scratch and again with no file changed (it keeps what it found in each file)
  (d) a dev-server rebuild after editing one article
  (e) loading each hostile input the tests refuse (nested YAML aliases, thousands of fields or headings, a 900 KB
      article), in this process, against the time each may take
  (f) Hugo (Debian's hugo package, installed with apt-get when missing and this runs as root) building the same
      corpus with the templates in bench/hugo/, plus pagefind --site; its first run, which makes every picture's
      sizes, is timed apart as (f′)
and the bytes a browser fetches for a first search. (a), (b) and (f) take turns, run by run. Results go to
bench/results/.
--only times one measure and prints it, writing no results: for working on that measure. --pictures-from takes
the pictures' sizes, ours and Hugo's, from an earlier run's folder (like /tmp/newsdesk-bench/10000) and skips
(a′) and (f′); --skip-vanilla skips (b).`;

const ROOT = resolve(import.meta.dirname, "..");
const NODE = process.execPath;

interface Timing {
  seconds: number;
  peakRssMb: number;
  /** Why the command failed (its last words), when it did: at 100,000 articles Pagefind runs out of memory. */
  failed?: string;
}

interface Measure {
  runs: Timing[];
  medianSeconds: number;
  peakRssMb: number;
  failed?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function summarise(runs: Timing[]): Measure {
  return {
    runs,
    medianSeconds: median(runs.map((run) => run.seconds)),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    failed: runs.find((run) => run.failed)?.failed,
  };
}

/**
 * Runs a command under GNU time for wall-clock seconds and peak resident memory. A build that fails is a result
 * (how long it ran, how much memory it took, its last words) when `mayFail`; any other failure stops the bench.
 */
function timed(command: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; mayFail?: boolean } = {}): Timing {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", ...command], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const lines = result.stderr.trim().split("\n");
  if (result.status !== 0 && !options.mayFail)
    throw new Error(`${command.join(" ")} failed:\n${result.stderr.slice(-3000)}`);
  const [seconds, kilobytes] = (lines.at(-1) ?? "").split(" ").map(Number);
  const timing = { seconds: seconds ?? NaN, peakRssMb: Math.round((kilobytes ?? 0) / 1024) };
  if (result.status === 0) return timing;
  const said = lines.filter((line) => !/^Command (exited|terminated)|^[\d.]+ \d+$|\[newsdesk\] warning/.test(line));
  return { ...timing, failed: said.slice(-3).join(" ").replace(/\s+/g, " ").trim() || `exit ${result.status}` };
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const stats = statSync(join(dir, entry));
    if (stats.isFile()) total += stats.size;
  }
  return total;
}

function countFiles(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

function htmlPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((entry) => entry.endsWith(".html")).length;
}

/** `npm run build` exactly as a writer runs it. */
function fullBuild(corpus: Corpus, out: string): Timing {
  return timed(
    ["npm", "run", "build", "--silent", "--", "--content", corpus.contentDir, "--out", out, "--now", BENCH_NOW],
    { cwd: corpus.projectDir, mayFail: true },
  );
}

/** The baseline: what Eleventy and Pagefind cost by themselves on the same Markdown. */
function vanillaBuild(_corpus: Corpus, work: string): Timing {
  const project = join(work, "vanilla");
  rmSync(project, { recursive: true, force: true });
  mkdirSync(join(project, "_includes"), { recursive: true });
  writeFileSync(
    join(project, "eleventy.config.mjs"),
    // Run from the corpus folder; Eleventy resolves `includes` relative to `input`.
    `export default function (config) {\n  config.addGlobalData("layout", "base.njk");\n  return { dir: { input: ` +
      `"content/news", includes: "../../vanilla/_includes", output: "vanilla/_site" }, markdownTemplateEngine: false ` +
      `};\n}\n`,
  );
  writeFileSync(
    join(project, "_includes", "base.njk"),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body><main ` +
      `data-pagefind-body><h1>{{ title }}</h1>{{ content | safe }}</main></body></html>\n`,
  );
  // The same heap ceiling as `npm run build`, so the baseline is not held back at 100,000 articles.
  const eleventy = timed(
    [
      NODE,
      "--max-old-space-size=16384",
      join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--config=vanilla/eleventy.config.mjs",
      "--quiet",
    ],
    { cwd: work },
  );
  const pagefind = timed(
    [NODE, join(ROOT, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", join(project, "_site")],
    { cwd: work },
  );
  return {
    seconds: Math.round((eleventy.seconds + pagefind.seconds) * 100) / 100,
    peakRssMb: Math.max(eleventy.peakRssMb, pagefind.peakRssMb),
  };
}

/** Hugo on PATH, installed from Debian when missing; false, said in one line, when it cannot be (not root, no apt). */
function ensureHugo(): boolean {
  const installed = () => spawnSync("hugo", ["version"], { encoding: "utf8" }).status === 0;
  if (installed()) return true;
  if (process.getuid?.() !== 0 || spawnSync("apt-get", ["--version"]).status !== 0) {
    console.warn("(f) skipped: hugo is not on PATH and cannot be installed here (needs root and apt-get).");
    return false;
  }
  console.log("Installing Hugo: apt-get install -y --no-install-recommends hugo …");
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "hugo"], { encoding: "utf8" }).status === 0;
  // A fresh container has no package lists yet: fetch them once and try again.
  if (!install() && !(spawnSync("apt-get", ["update"]).status === 0 && install())) {
    console.warn("(f) skipped: apt-get install hugo failed.");
    return false;
  }
  return installed();
}

/**
 * The peer a newsroom would choose instead: Hugo building the same corpus with bench/hugo/ (its content mounted as
 * is, its pictures resized by Hugo into a resource folder kept between runs), then Pagefind on Hugo's output.
 */
function hugoBuild(corpus: Corpus, work: string): Timing {
  const dir = join(work, "hugo");
  mkdirSync(dir, { recursive: true });
  // The corpus' paths, in a second config file: TOML's basic strings are JSON's.
  const mount = (source: string, target: string) =>
    `[[module.mounts]]\nsource = ${JSON.stringify(source)}\ntarget = ${JSON.stringify(target)}\n`;
  writeFileSync(
    join(dir, "corpus.toml"),
    `resourceDir = ${JSON.stringify(join(dir, "resources"))}\n[module]\n` +
      mount("content", "content") +
      mount(join(corpus.contentDir, "news"), "content/news") +
      mount(join(corpus.contentDir, "authors"), "content/people") +
      mount(join(corpus.contentDir, "topics"), "content/topic-notes") +
      mount(join(corpus.projectDir, "assets"), "assets") +
      mount(join(corpus.projectDir, "assets"), "static/assets"),
  );
  const site = join(dir, "public");
  const hugo = timed(
    [
      "hugo",
      "--quiet",
      "--source",
      join(ROOT, "bench/hugo"),
      "--config",
      `${join(ROOT, "bench/hugo/hugo.toml")},${join(dir, "corpus.toml")}`,
      "--destination",
      site,
      "--cleanDestinationDir",
    ],
    { cwd: work, mayFail: true },
  );
  if (hugo.failed) return { ...hugo, failed: `Hugo: ${hugo.failed}` };
  const pagefind = timed([NODE, join(ROOT, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", site], {
    cwd: work,
    mayFail: true,
  });
  return {
    seconds: Math.round((hugo.seconds + pagefind.seconds) * 100) / 100,
    peakRssMb: Math.max(hugo.peakRssMb, pagefind.peakRssMb),
    failed: pagefind.failed && `Pagefind: ${pagefind.failed}`,
  };
}

/** What Hugo wrote, as measured for the other builds. */
function hugoOutput(work: string): { pages: number; outputBytes: number; pagefindBytes: number } {
  const site = join(work, "hugo", "public");
  return { pages: htmlPages(site), outputBytes: dirBytes(site), pagefindBytes: dirBytes(join(site, "pagefind")) };
}

/**
 * `npm run check`: from scratch when `fresh` (what it keeps of each file between runs removed first), else with the
 * files unchanged since its last run.
 */
function check(corpus: Corpus, fresh: boolean): Timing {
  if (fresh) rmSync(join(corpus.projectDir, ".cache", "check"), { recursive: true, force: true });
  return timed(["npm", "run", "check", "--silent", "--", "--content", corpus.contentDir, "--now", BENCH_NOW], {
    cwd: corpus.projectDir,
  });
}

/** Starts the dev server, then edits one article `runs` times, timing each save until the rebuild is written. */
async function devRebuilds(corpus: Corpus, work: string, runs: number): Promise<Timing[]> {
  // The same command as `npm start`, with its heap settings.
  const server = spawn(
    NODE,
    [
      "--max-old-space-size=16384",
      "--max-semi-space-size=64",
      "--import",
      "tsx",
      "node_modules/@11ty/eleventy/cmd.cjs",
      "--config=.eleventy.ts",
      `--output=${join(work, "dev")}`,
      "--serve",
      "--port=8391",
    ],
    {
      cwd: corpus.projectDir,
      env: { ...process.env, NEWSDESK_CONTENT: corpus.contentDir, NEWSDESK_NOW: BENCH_NOW },
      // A group of its own, so that stopping it stops Pagefind's process too.
      detached: true,
    },
  );
  let output = "";
  let exited = false;
  server.on("exit", () => (exited = true));
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = (pattern: RegExp, from: number, limitMs: number) =>
    new Promise<void>((done, fail) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (pattern.test(output.slice(from))) {
          clearInterval(poll);
          done();
        } else if (exited) {
          clearInterval(poll);
          fail(new Error(`dev server stopped:\n${output.slice(-2000)}`));
        } else if (Date.now() - started > limitMs) {
          clearInterval(poll);
          fail(new Error(`dev server: no ${pattern} within ${limitMs / 1000} s`));
        }
      }, 20);
    });
  const timings: Timing[] = [];
  try {
    await waitFor(/Watching/, 0, 15 * 60_000);
    // The first build's search index is made in the background: time the saves after it, as a writer's are.
    const idle = await machineIdle(30 * 60_000);
    if (!idle) console.log("(d) the machine did not fall idle after the first build within 30 minutes; timing anyway");
    for (let run = 1; run <= runs; run++) {
      // The watcher may still be scanning the content folder when "Watching…" appears: save again until it notices.
      let from = output.length;
      let started = performance.now();
      for (let attempt = 0; ; attempt++) {
        from = output.length;
        started = performance.now();
        appendFileSync(
          join(corpus.contentDir, corpus.sampleArticle),
          `\nAn added paragraph, edit ${run}.${attempt}.\n`,
        );
        try {
          await waitFor(/File changed/, from, 5_000);
          break;
        } catch (error) {
          if (exited || attempt >= 20) throw error;
        }
      }
      await waitFor(/Wrote \d+ files/, from, 15 * 60_000);
      timings.push({ seconds: Math.round((performance.now() - started) / 10) / 100, peakRssMb: 0 });
    }
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid, "SIGTERM");
  }
  return timings;
}

/** The share of the machine's CPU time spent idle over the next `ms`, from /proc/stat. */
async function idleShare(ms: number): Promise<number> {
  const sample = () => {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait …: idle and iowait are the idle time.
    return { total: fields.reduce((sum, value) => sum + (value || 0), 0), idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
  };
  const before = sample();
  await new Promise((done) => setTimeout(done, ms));
  const after = sample();
  return (after.idle - before.idle) / Math.max(1, after.total - before.total);
}

/** Waits until the machine is nine tenths idle over three seconds; false when it is not within `limitMs`. */
async function machineIdle(limitMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < limitMs; ) {
    if ((await idleShare(3_000)) >= 0.9) return true;
  }
  return false;
}

/** Bytes the browser fetches from /pagefind/ for its first search, as sent by a host that gzips text. */
async function firstSearchBytes(
  site: string,
  query: string,
): Promise<{ total: number; files: { path: string; bytes: number }[] }> {
  const server = await serveSite(site);
  const browser = await launchBrowser();
  const files: { path: string; bytes: number }[] = [];
  try {
    const page = await browser.newPage();
    page.on("response", async (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith("/pagefind/"))
        files.push({ path, bytes: (await response.request().sizes()).responseBodySize });
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector(".search-result", { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
  } finally {
    await browser.close();
    await server.close();
  }
  return { total: files.reduce((sum, file) => sum + file.bytes, 0), files };
}

interface HostileMeasure {
  name: string;
  medianSeconds: number;
  targetSeconds: number;
}

/** Loads each hostile input `runs` times as the build's loader does, refused or not. */
async function hostileLoads(runs: number): Promise<HostileMeasure[]> {
  const measures: HostileMeasure[] = [];
  for (const input of hostileInputs()) {
    const seconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh folder each run, as a first build meets it.
      const dir = contentTree(input.files);
      const started = performance.now();
      await loadNewsroom({ contentDir: dir, publicDir: ROOT, now: DateTime.fromISO(BENCH_NOW), preview: false }).catch(
        (error: unknown) => {
          // Refused in words is the outcome the tests expect; anything else is a failure to report.
          if (!(error instanceof ContentError)) throw error;
        },
      );
      seconds.push(Math.round(performance.now() - started) / 1000);
      rmSync(dir, { recursive: true, force: true });
    }
    measures.push({ name: input.name, medianSeconds: median(seconds), targetSeconds: input.targetSeconds });
  }
  return measures;
}

const hostileLine = (measure: HostileMeasure) =>
  `${measure.name}: ${measure.medianSeconds.toFixed(2)} s (target ≤ ${measure.targetSeconds} s` +
  `${measure.medianSeconds > measure.targetSeconds ? ", MISSED" : ""})`;

/** Issue #20's targets for this corpus size, each with where it stands. */
function targetLines(
  articles: number,
  results: {
    fullBuild: Measure;
    hugoBuild?: Measure;
    check: Measure;
    checkFresh: Measure;
    devRebuild?: Measure;
  },
  searchBytes: number | undefined,
): string[] {
  const line = (what: string, value: number | undefined, target: number, unit: string, digits = 1) =>
    value === undefined || Number.isNaN(value)
      ? `- ${what}: not measured (target ≤ ${target}${unit})`
      : `- ${what}: ${value.toFixed(digits)}${unit} (target ≤ ${target}${unit}: ${value <= target ? "met" : "MISSED"})`;
  const { fullBuild, hugoBuild } = results;
  const hugoRatio =
    hugoBuild && !fullBuild.failed && !hugoBuild.failed ? fullBuild.medianSeconds / hugoBuild.medianSeconds : undefined;
  const kb = searchBytes === undefined ? undefined : searchBytes / 1024;
  if (articles === 10_000)
    return [
      "Targets at 10,000 articles:",
      line("full build ÷ Hugo + Pagefind", hugoRatio, 1.5, "×", 2),
      line("`npm run check`, files unchanged since its last run", results.check.medianSeconds, 2, " s", 2),
      line("`npm run check` from scratch", results.checkFresh.medianSeconds, 2, " s", 2),
      line("dev-server rebuild after one edit", results.devRebuild?.medianSeconds, 1, " s", 2),
      line("first search, transferred", kb, 300, " KB", 0),
    ];
  if (articles === 100_000)
    return [
      "Targets at 100,000 articles:",
      fullBuild.failed
        ? `- the build completes with peak memory ≤ 4096 MB: MISSED, it failed at ${fullBuild.peakRssMb} MB: ` +
          fullBuild.failed
        : line("full build's peak memory", fullBuild.peakRssMb, 4096, " MB", 0),
      line("first search, transferred", kb, 750, " KB", 0),
      line("`npm run check`, files unchanged since its last run", results.check.medianSeconds, 15, " s", 2),
      line("`npm run check` from scratch", results.checkFresh.medianSeconds, 15, " s", 2),
      line("dev-server rebuild after one edit", results.devRebuild?.medianSeconds, 5, " s", 2),
    ];
  return [];
}

/** Copies the pictures' sizes an earlier run made in `from`: ours, and Hugo's where that run made them. */
function copyPictures(from: string, corpus: Corpus, work: string): void {
  cpSync(join(from, "project", ".cache"), join(corpus.projectDir, ".cache"), { recursive: true });
  const hugo = join(from, "hugo", "resources");
  if (existsSync(hugo)) cpSync(hugo, join(work, "hugo", "resources"), { recursive: true });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      runs: { type: "string", default: "3" },
      dir: { type: "string", default: join("/tmp", "newsdesk-bench") },
      "skip-dev": { type: "boolean" },
      "skip-vanilla": { type: "boolean" },
      "pictures-from": { type: "string" },
      only: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!existsSync("/usr/bin/time")) {
    console.error(
      "The benchmark measures memory with GNU time. Install it with: apt-get install -y --no-install-recommends " +
        "time (with sudo unless root)",
    );
    return 2;
  }
  const articles = Number(values.articles);
  const runs = Number(values.runs);
  if (values.only === "hostile") {
    for (const measure of await hostileLoads(runs)) console.log(hostileLine(measure));
    return 0;
  }
  const work = join(values.dir, String(articles));
  console.log(`Generating ${articles} articles in ${work} …`);
  const corpus = await generateCorpus({ dir: work, articles });
  const out = join(work, "site");
  if (values.only === "hugo") {
    if (!ensureHugo()) return 2;
    console.log(`(f′) Hugo + pagefind, every picture made: ${hugoBuild(corpus, work).seconds} s`);
    const timings = Array.from({ length: runs }, () => hugoBuild(corpus, work));
    const output = hugoOutput(work);
    const { medianSeconds, peakRssMb } = summarise(timings);
    console.log(
      `(f) Hugo + pagefind: ${timings.map((run) => `${run.seconds} s`).join(", ")}; median ` +
        `${medianSeconds.toFixed(2)} s, peak ${peakRssMb} MB; ${output.pages} pages, ` +
        `${mb(output.outputBytes)}, Pagefind index ${mb(output.pagefindBytes)}`,
    );
    return 0;
  }
  if (values.only === "build") {
    // The first run makes every picture's sizes, unless they were copied from an earlier run.
    if (values["pictures-from"]) copyPictures(values["pictures-from"], corpus, work);
    for (let run = 0; run < runs; run++) {
      const timing = fullBuild(corpus, out);
      const how = timing.failed ? `failed after ${timing.seconds} s: ${timing.failed}` : `${timing.seconds} s`;
      console.log(
        `(a) full build: ${how}, ` +
          `peak ${timing.peakRssMb} MB; ${htmlPages(out)} pages, ${mb(dirBytes(out))}, Pagefind index ` +
          `${mb(dirBytes(join(out, "pagefind")))}`,
      );
      if (!timing.failed && run === runs - 1) {
        const search = await firstSearchBytes(out, "market");
        console.log(
          `First search for "market": ${(search.total / 1024).toFixed(0)} KB in ${search.files.length} requests`,
        );
      }
    }
    return 0;
  }
  if (values.only === "check" || values.only === "dev") {
    // The dev server's first build makes every picture's sizes, unless they were copied from an earlier run.
    if (values["pictures-from"]) copyPictures(values["pictures-from"], corpus, work);
    // The check's first run starts from scratch (said apart); the timed ones find every file unchanged.
    if (values.only === "check") console.log(`check from scratch: ${check(corpus, true).seconds} s`);
    const timings =
      values.only === "check"
        ? Array.from({ length: runs }, () => check(corpus, false))
        : await devRebuilds(corpus, work, runs);
    console.log(
      `${values.only}: ${timings.map((run) => `${run.seconds} s`).join(", ")}; median ` +
        `${summarise(timings).medianSeconds.toFixed(2)} s`,
    );
    return 0;
  }

  // The first build makes every picture's sizes (a new corpus has an empty .cache/); the others find them made.
  // The pictures are the same for every corpus size (drawn before the articles, from the same seed): a run may take
  // their sizes from an earlier one, ours and Hugo's, instead of making them again.
  const picturesFrom = values["pictures-from"];
  if (picturesFrom) {
    copyPictures(picturesFrom, corpus, work);
    console.log(`Pictures' sizes copied from ${picturesFrom}: no first builds (a′) and (f′).`);
  }
  const cold = picturesFrom ? undefined : fullBuild(corpus, out);
  if (cold) console.log(`(a′) full build, every picture made: ${cold.seconds} s`);
  // Hugo's first run likewise resizes every picture into its resource folder.
  const withHugo = ensureHugo();
  const hugoCold = withHugo && !picturesFrom ? hugoBuild(corpus, work) : undefined;
  if (hugoCold) console.log(`(f′) Hugo + pagefind, every picture made: ${hugoCold.seconds} s`);
  // The builds take turns, so a change in the machine's load falls on each of them alike.
  const build: Timing[] = [];
  const vanilla: Timing[] = [];
  const hugo: Timing[] = [];
  // A build that failed once (out of memory) is not run again: the next run would fail the same way.
  const ok = (timings: Timing[]) => !timings.some((timing) => timing.failed);
  for (let run = 0; run < runs; run++) {
    if (ok(build)) build.push(fullBuild(corpus, out));
    if (!values["skip-vanilla"]) vanilla.push(vanillaBuild(corpus, work));
    if (withHugo && ok(hugo)) hugo.push(hugoBuild(corpus, work));
  }
  console.log(`(a) full build, pictures made before: ${build.map((run) => run.seconds).join(", ")} s`);
  console.log(`(b) vanilla Eleventy + pagefind: ${vanilla.map((run) => run.seconds).join(", ")} s`);
  if (withHugo) console.log(`(f) Hugo + pagefind: ${hugo.map((run) => run.seconds).join(", ")} s`);
  // From scratch, then again with nothing changed: what an editor meets on the first run and on the next ones.
  const checksFresh: Timing[] = [];
  const checks: Timing[] = [];
  for (let run = 0; run < runs; run++) checksFresh.push(check(corpus, true));
  for (let run = 0; run < runs; run++) checks.push(check(corpus, false));
  console.log(`(c) check from scratch: ${checksFresh.map((run) => run.seconds).join(", ")} s`);
  console.log(`(c) check, files unchanged: ${checks.map((run) => run.seconds).join(", ")} s`);
  const dev = values["skip-dev"]
    ? []
    : await devRebuilds(corpus, work, runs).catch((error: unknown) => [
        { seconds: NaN, peakRssMb: 0, failed: String((error as Error).message).split("\n")[0] },
      ]);
  console.log(`(d) dev rebuild: ${dev.map((run) => run.failed ?? run.seconds).join(", ")} s`);
  // Without a finished build there is no index to search.
  const search = ok(build) ? await firstSearchBytes(out, "market") : undefined;
  const hostile = await hostileLoads(runs);
  console.log(`(e) hostile inputs:\n  ${hostile.map(hostileLine).join("\n  ")}`);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version },
    corpus: { articles, topics: corpus.topics, authors: corpus.authors, pictures: corpus.pictures, seed: 2026 },
    fullBuildCold: cold && { seconds: cold.seconds, peakRssMb: cold.peakRssMb },
    // Counted in the cache when no site was written.
    pictureFiles: countFiles(join(out, "img")) || countFiles(join(corpus.projectDir, ".cache", "images")),
    fullBuild: {
      ...summarise(build),
      pages: htmlPages(out),
      outputBytes: dirBytes(out),
      pagefindBytes: dirBytes(join(out, "pagefind")),
    },
    vanillaBuild:
      vanilla.length > 0
        ? {
            ...summarise(vanilla),
            pages: htmlPages(join(work, "vanilla", "_site")),
            outputBytes: dirBytes(join(work, "vanilla", "_site")),
            pagefindBytes: dirBytes(join(work, "vanilla", "_site", "pagefind")),
          }
        : undefined,
    hugoBuildCold: hugoCold,
    hugoBuild: hugo.length > 0 ? { ...summarise(hugo), ...hugoOutput(work) } : undefined,
    check: summarise(checks),
    checkFresh: summarise(checksFresh),
    devRebuild: dev.length > 0 ? summarise(dev) : undefined,
    firstSearch: search && { query: "market", ...search },
    hostileInputs: hostile,
  };
  const { vanillaBuild: baseline } = results;
  const built = !results.fullBuild.failed;
  const ratio = baseline && built ? results.fullBuild.medianSeconds / baseline.medianSeconds : undefined;
  const hugoRatio =
    results.hugoBuild && built && !results.hugoBuild.failed
      ? results.fullBuild.medianSeconds / results.hugoBuild.medianSeconds
      : undefined;
  // A failed build's row says how long it ran, how much memory it took and why it stopped.
  const wall = (measure: Measure, digits = 1) =>
    measure.failed
      ? `failed after ${measure.runs.at(-1)?.seconds.toFixed(digits)} s: ${measure.failed}`
      : `${measure.medianSeconds.toFixed(digits)} s`;
  const hugoRows = results.hugoBuild
    ? [
        hugoCold
          ? `| (f′) Hugo + \`pagefind --site\`, first run: makes the pictures' sizes | ` +
            `${hugoCold.seconds.toFixed(1)} s | ${hugoCold.peakRssMb} MB | | | |`
          : `| (f′) Hugo's first run | not run: pictures' sizes copied from ${picturesFrom} | | | | |`,
        `| (f) Hugo + \`pagefind --site\` (bench/hugo/), pictures made before | ` +
          `${wall(results.hugoBuild)} | ${results.hugoBuild.peakRssMb} MB | ` +
          `${results.hugoBuild.pages} | ${mb(results.hugoBuild.outputBytes)} | ` +
          `${mb(results.hugoBuild.pagefindBytes)} |`,
      ]
    : ["| (f) Hugo + `pagefind --site` | not measured (no Hugo) | | | | |"];
  const table = [
    `# Benchmark: ${articles.toLocaleString("en")} articles`,
    "",
    `${results.date.slice(0, 10)}, ${results.machine.cpus} cores, ${results.machine.memoryGb} GiB, Node ` +
      `${results.machine.node}; median of ${runs} runs; seed 2026.`,
    "",
    "| measure | median wall time | peak RSS | pages | output | Pagefind index |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    cold
      ? `| (a′) full build, first run: makes ${results.pictureFiles} picture files from ${corpus.pictures} pictures` +
        " | " +
        `${cold.seconds.toFixed(1)} s | ${cold.peakRssMb} MB | | | |`
      : `| (a′) first build | not run: ${results.pictureFiles} picture files copied from ${picturesFrom} | | | | |`,
    `| (a) full build (\`npm run build\`), pictures made before | ${wall(results.fullBuild)} | ` +
      `${results.fullBuild.peakRssMb} MB | ${results.fullBuild.pages} | ${mb(results.fullBuild.outputBytes)} | ` +
      `${mb(results.fullBuild.pagefindBytes)} |`,
    baseline
      ? `| (b) vanilla Eleventy + \`pagefind --site\` | ${baseline.medianSeconds.toFixed(1)} s | ` +
        `${baseline.peakRssMb} MB | ${baseline.pages} | ${mb(baseline.outputBytes)} | ${mb(baseline.pagefindBytes)} |`
      : "| (b) vanilla Eleventy + `pagefind --site` | not measured (--skip-vanilla) | | | | |",
    ...hugoRows,
    `| (c) \`npm run check\`, from scratch | ${results.checkFresh.medianSeconds.toFixed(2)} s | ` +
      `${results.checkFresh.peakRssMb} MB | | | |`,
    `| (c) \`npm run check\`, files unchanged since its last run | ${results.check.medianSeconds.toFixed(2)} s | ` +
      `${results.check.peakRssMb} MB | | | |`,
    results.devRebuild
      ? `| (d) dev-server rebuild after one edit | ${wall(results.devRebuild)} | | | | |`
      : "| (d) dev-server rebuild | not measured | | | | |",
    "",
    (ratio === undefined ? "" : `Ratio (a)/(b): **${ratio.toFixed(2)}**. `) +
      (hugoRatio === undefined ? "" : `Ratio (a)/(f): **${hugoRatio.toFixed(2)}**. `) +
      (search
        ? `First search for “market”: **${(search.total / 1024).toFixed(0)} KB** from /pagefind/ in ` +
          `${search.files.length} requests as transferred: the server gzips text as static hosts do, and Pagefind's ` +
          `index and fragment files are gzip already.`
        : "First search: not measured, since the build wrote no site."),
    "",
    ...targetLines(articles, results, search?.total),
    "",
    "(e) Loading hostile input, median: " +
      hostile
        .map((measure) => `${measure.name} ${measure.medianSeconds.toFixed(2)} s (≤ ${measure.targetSeconds} s)`)
        .join("; ") +
      ".",
    "",
  ].join("\n");
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const stem = join(ROOT, "bench", "results", `${results.date.slice(0, 10)}-${articles}`);
  writeFileSync(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${stem}.md`, table);
  writeFileSync(join(ROOT, "bench", "results", `latest-${articles}.md`), table);
  console.log(`\n${table}`);
  return 0;
}

process.exitCode = await main();
