import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import { ContentError, formatProblem, type Problem } from "../content/problems.ts";
import { loadPublication } from "../content/publication.ts";
import type { Newsroom } from "../content/schema.ts";
import { displayPath } from "../content/sources.ts";
import { displayDate } from "../dates/dates.ts";
import { readContentHistory } from "../history/git.ts";
import { editionsDir } from "../newsletter/editions.ts";
import { editionTemplate, planEdition } from "../newsletter/plan.ts";
import { loadNewsroom } from "../newsroom/load.ts";
import { displayLocale } from "../site/locale.ts";
import { commandLine, commandOptions, isEntry } from "./commandLine.ts";

const usage = `Usage: npm run edition -- [yyyy-mm-dd]

Creates content/editions/<date>.md (default: today in the publication's time zone) with a title, the date and,
as picks, every article published since the previous edition, newest first. Edit the picks, choose a lead
and write the editor's note. It never overwrites.
Exit codes: 0 created, 1 refused (the edition exists, nothing new to send, or the content has errors), 2 wrong usage.`;

async function main(): Promise<number> {
  const parsed = commandLine(
    {
      allowPositionals: true,
      options: { content: { type: "string" }, now: { type: "string" }, help: { type: "boolean" } },
    },
    usage,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const options = commandOptions(values, usage);
  if (typeof options === "number") return options;
  const { contentDir, now } = options;
  const problems: Problem[] = [];
  const publication = await loadPublication(contentDir, problems);
  if (!publication) {
    for (const problem of problems) console.error(formatProblem(problem));
    return 2;
  }
  const dayText = positionals[0] ?? now.setZone(publication.timeZone).toFormat("yyyy-MM-dd");
  const day = DateTime.fromISO(dayText, { zone: publication.timeZone });
  if (positionals.length > 1 || !/^\d{4}-\d{2}-\d{2}$/.test(dayText) || !day.isValid) {
    console.error(`Give the edition's date as yyyy-mm-dd, like 2026-11-24.\n\n${usage}`);
    return 2;
  }
  const path = join(editionsDir(contentDir), `${dayText}.md`);
  if (existsSync(path)) {
    console.error(`${displayPath(path)} already exists; nothing was written.`);
    return 1;
  }

  let newsroom: Newsroom;
  try {
    // An edition may carry stories scheduled up to the end of its day (it waits for them), so load as of then.
    const history = readContentHistory(contentDir);
    ({ newsroom } = await loadNewsroom({
      contentDir,
      publicDir: ".",
      now: DateTime.max(now, day.endOf("day")),
      preview: false,
      render: false,
      history,
    }));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const problem of error.problems.filter((problem) => problem.severity === "error"))
      console.error(`error: ${formatProblem(problem)}`);
    console.error("Fix these first (npm run check lists them too); nothing was written.");
    return 1;
  }
  const locale = displayLocale(newsroom);
  const plan = planEdition(day, newsroom, now);
  if (!plan.ok && plan.reason === "changes-sent-edition") {
    const sent = displayDate(plan.sent.date, locale, true);
    const file = plan.sent.sourcePath;
    console.error(
      `${file} went out on ${sent} with the stories published since the edition before it; an edition dated ` +
        `${dayText} would change what it shows. Date the new edition after ${sent}, or first give ${file} its ` +
        "stories as lead and picks. Nothing was written.",
    );
    return 1;
  }
  if (!plan.ok) {
    console.error(`No article was published ${plan.since}; nothing was written.`);
    return 1;
  }
  const { title, articles } = plan;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, editionTemplate({ title, day: dayText, articles, locale }), { flag: "wx" });
  console.log(
    `Created ${displayPath(path)} with ${articles.length} ${articles.length === 1 ? "pick" : "picks"}. Choose a ` +
      `lead, write the note, and preview it at /newsletter/${dayText}/ with npm start.`,
  );
  return 0;
}

if (isEntry(import.meta.url)) process.exitCode = await main();
