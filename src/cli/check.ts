import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadArticleStore, saveArticleStore } from "../content/articleStore.ts";
import { contentStamps } from "../content/articles.ts";
import { ContentError, formatProblem, type Problem } from "../content/problems.ts";
import { readContentHistory } from "../history/git.ts";
import { loadNewsroom } from "../newsroom/load.ts";
import { commandLine, commandOptions } from "./commandLine.ts";
import { type CheckCounts, checkSummary, recordNotice } from "./summary.ts";

const usage = `Usage: npm run check -- [--content DIR] [--now ISO-DATE-TIME]

Checks every article, author, topic and edition file without building the site, and prints each problem as
  error:   file:line:field: what is wrong — and how to fix it
  warning: file:line:field: what a good editor would point out
Exit codes: 0 no errors (warnings may remain), 1 errors that would stop the build, 2 the check could not run.`;

/**
 * Where the check keeps what it found in each article file, for the next run to read only the files that changed
 * (src/content/articleStore.ts); beside the pictures' sizes in `.cache/`, which git ignores.
 */
export const CHECK_STORE = join(".cache", "check", "articles.json");

/**
 * The report: one `error:`/`warning:` line per problem, then a summary (with no errors, of what would be published).
 */
export function report(problems: Problem[], counts?: CheckCounts): { text: string; exitCode: number } {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const lines = problems.map(
    (problem) => `${problem.severity === "error" ? "error:  " : "warning:"} ${formatProblem(problem)}`,
  );
  const fix = `${count(errors, "error")}, ${count(warnings, "warning")}: fix the errors to publish.`;
  lines.push(errors > 0 || !counts ? fix : checkSummary(warnings, counts));
  return { text: `${lines.join("\n")}\n`, exitCode: errors > 0 ? 1 : 0 };
}

function print(problems: Problem[], counts?: CheckCounts): number {
  const { text, exitCode } = report(problems, counts);
  process.stdout.write(text);
  return exitCode;
}

/**
 * Runs the check (started by `launch.js`, which passes the `version` of the code, so that a store written by other
 * code is not read); returns its exit code.
 */
export async function main(version: string): Promise<number> {
  const parsed = commandLine(
    { options: { content: { type: "string" }, now: { type: "string" }, help: { type: "boolean" } } },
    usage,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const options = commandOptions(values, usage);
  if (typeof options === "number") return options;
  const { contentDir, now } = options;
  if (!existsSync(contentDir)) {
    console.error(`No content folder at ${contentDir}.`);
    return 2;
  }
  const store = loadArticleStore(CHECK_STORE, version);
  try {
    const history = readContentHistory(contentDir);
    const { newsroom, warnings, leftOut, record } = await loadNewsroom({
      contentDir,
      publicDir: ".",
      now,
      preview: false,
      render: false,
      history,
      cache: { articles: store.articles, stampOf: contentStamps(store.hashes) },
    });
    // Said first, so the last line stays the verdict.
    const notice = recordNotice(record);
    if (notice) console.log(notice);
    return print(warnings, {
      articles: newsroom.articles.length,
      editions: newsroom.editions.length,
      drafts: leftOut.drafts.length,
      scheduled: leftOut.scheduled.length,
      scheduledEditions: leftOut.scheduledEditions.length,
    });
  } catch (error) {
    if (error instanceof ContentError) return print(error.problems);
    console.error(`The check could not run: ${(error as Error).message}`);
    return 2;
  } finally {
    // Files with errors are kept too: the next run names their errors again without reading them.
    saveArticleStore(CHECK_STORE, version, store);
  }
}
