import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "./commandLine.ts";
import type { RenderReport } from "./render.ts";
import { buildSummary, recordNotice, summaryLines } from "./summary.ts";

const usage = `Usage: npm run build -- [--content DIR] [--out DIR] [--now ISO-DATE-TIME]

Builds the publication into --out (default _site/). The site is built into a sibling folder first and only
replaces --out when the whole build succeeded, so a failed build leaves the previous site as it was.
  --content DIR   content folder (default content/, or NEWSDESK_CONTENT)
  --now ISO       treat this instant as "now" for scheduled articles (default: the clock, or NEWSDESK_NOW)
  --preview       include drafts and scheduled articles, marked, as the dev server does (or NEWSDESK_PREVIEW=1)
Exit codes: 0 built, 1 content problems or a failed build (nothing was published), 2 wrong usage.`;

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
function render(staging: string): Promise<Rendered> {
  return new Promise((resolveRendered) => {
    let report: RenderReport | undefined;
    const child = fork(fileURLToPath(new URL("render.ts", import.meta.url)), [staging], { execArgv: process.execArgv });
    child.on("message", (message) => (report = message as RenderReport));
    // 'close' comes after the exit and after the last message was read.
    child.on("close", (code, signal) => resolveRendered({ report, code, signal }));
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
  if (values.content) process.env.NEWSDESK_CONTENT = values.content;
  if (values.now) process.env.NEWSDESK_NOW = values.now;
  if (values.preview) process.env.NEWSDESK_PREVIEW = "1";

  const out = resolve(values.out);
  const staging = `${out}.building`;
  const previous = `${out}.previous`;
  // A run stopped between the two renames below leaves only the previous site: put it back first.
  if (!existsSync(out) && existsSync(previous)) await rename(previous, out);
  await rm(staging, { recursive: true, force: true });
  const started = performance.now();
  const rendered = await render(staging);
  const { report } = rendered;
  if (report?.outcome !== "built" || rendered.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    console.error(report?.outcome === "failed" ? report.message : stopped(rendered));
    console.error(existsSync(out) ? `${relative(".", out)}/ was left as it was.` : "No site was written.");
    return 1;
  }
  await rm(previous, { recursive: true, force: true });
  if (existsSync(out)) await rename(out, previous);
  await rename(staging, out);
  await rm(previous, { recursive: true, force: true });
  const heading = `Built ${relative(".", out) || "."}/ in ${((performance.now() - started) / 1000).toFixed(1)} s:`;
  console.log(report.counts ? buildSummary(summaryLines(report.counts), heading) : `${heading} ${report.pages} pages.`);
  const notice = report.counts && recordNotice(report.counts.record);
  if (notice) console.log(notice);
  return 0;
}

process.exitCode = await main();
