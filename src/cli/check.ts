import { existsSync } from "node:fs";
import { loadNewsroom } from "../content/load.ts";
import { ContentError, formatProblem, type Problem } from "../content/problems.ts";
import { buildTime } from "../dates/dates.ts";
import { readContentHistory } from "../history/git.ts";
import { commandLine } from "./commandLine.ts";
import { recordNotice } from "./summary.ts";

const usage = `Usage: npm run check -- [--content DIR] [--now ISO-DATE-TIME]

Checks every article, author, topic and edition file without building the site, and prints each problem as
  error:   file:line:field: what is wrong — and how to fix it
  warning: file:line:field: what a good editor would point out
Exit codes: 0 no errors (warnings may remain), 1 errors that would stop the build, 2 the check could not run.`;

/** The report: one `error:`/`warning:` line per problem, then a summary. */
export function report(problems: Problem[]): { text: string; exitCode: number } {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const lines = problems.map((problem) => `${problem.severity === "error" ? "error:  " : "warning:"} ${formatProblem(problem)}`);
  lines.push(errors > 0 ? `${count(errors, "error")}, ${count(warnings, "warning")}: fix the errors to publish.` : `No errors, ${count(warnings, "warning")}. Ready to publish.`);
  return { text: `${lines.join("\n")}\n`, exitCode: errors > 0 ? 1 : 0 };
}

function print(problems: Problem[]): number {
  const { text, exitCode } = report(problems);
  process.stdout.write(text);
  return exitCode;
}

async function main(): Promise<number> {
  const parsed = commandLine({ options: { content: { type: "string" }, now: { type: "string" }, help: { type: "boolean" } } }, usage);
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const contentDir = values.content ?? (process.env.NEWSDESK_CONTENT || "content");
  if (!existsSync(contentDir)) {
    console.error(`No content folder at ${contentDir}.`);
    return 2;
  }
  try {
    const history = readContentHistory(contentDir);
    const { warnings, record } = await loadNewsroom({ contentDir, publicDir: ".", now: buildTime(values.now ?? process.env.NEWSDESK_NOW), preview: false, render: false, history });
    const exitCode = print(warnings);
    const notice = recordNotice(record);
    if (notice) console.log(notice);
    return exitCode;
  } catch (error) {
    if (error instanceof ContentError) return print(error.problems);
    console.error(`The check could not run: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = await main();
