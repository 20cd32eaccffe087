import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { relative, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import type { LoadResult } from "../content/load.ts";
import { contentLoaded } from "../content/plugin.ts";
import { ContentError } from "../content/problems.ts";
import { searchIndexed } from "../search/plugin.ts";
import { commandLine } from "./commandLine.ts";
import { buildSummary, recordNotice, summaryLines } from "./summary.ts";

const usage = `Usage: npm run build -- [--content DIR] [--out DIR] [--now ISO-DATE-TIME]

Builds the publication into --out (default _site/). The site is built into a sibling folder first and only
replaces --out when the whole build succeeded, so a failed build leaves the previous site as it was.
  --content DIR   content folder (default content/, or NEWSDESK_CONTENT)
  --now ISO       treat this instant as "now" for scheduled articles (default: the clock, or NEWSDESK_NOW)
  --preview       include drafts and scheduled articles, marked, as the dev server does (or NEWSDESK_PREVIEW=1)
Exit codes: 0 built, 1 content problems or a failed build (nothing was published), 2 wrong usage.`;

/** The first ContentError in an error's chain of causes, as Eleventy wraps errors thrown by data. */
export function findContentError(error: unknown): ContentError | undefined {
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
  let pages = 0;
  let loaded: LoadResult | undefined;
  let searchRecords = 0;
  contentLoaded.subscribe((message) => (loaded = message as LoadResult));
  searchIndexed.subscribe((message) => (searchRecords = Number(message)));
  try {
    const eleventy = new Eleventy(undefined, staging, { configPath: ".eleventy.ts", quietMode: true, runMode: "build" });
    eleventy.disableLogger(); // errors are reported once, below
    const [, templates] = await eleventy.write();
    pages = templates.flat().length;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const contentError = findContentError(error);
    console.error(contentError ? contentError.message : `The build failed:\n  ${messages(error).join("\n  ")}`);
    console.error(existsSync(out) ? `${relative(".", out)}/ was left as it was.` : "No site was written.");
    return 1;
  }
  await rm(previous, { recursive: true, force: true });
  if (existsSync(out)) await rename(out, previous);
  await rename(staging, out);
  await rm(previous, { recursive: true, force: true });
  const heading = `Built ${relative(".", out) || "."}/ in ${((performance.now() - started) / 1000).toFixed(1)} s:`;
  if (!loaded) {
    console.log(`${heading} ${pages} pages.`);
    return 0;
  }
  const { newsroom, leftOut } = loaded;
  console.log(
    buildSummary(
      summaryLines({ published: newsroom.articles.length, retracted: newsroom.retracted.length, ...leftOut, editions: newsroom.editions.length, topics: newsroom.topics.length, authors: newsroom.authors.length, pages, searchRecords, preview: newsroom.preview, record: loaded.record }),
      heading,
    ),
  );
  const notice = recordNotice(loaded.record);
  if (notice) console.log(notice);
  return 0;
}

process.exitCode = await main();
