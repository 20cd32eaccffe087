import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import { stringify } from "yaml";
import { NOTE_PLACEHOLDER } from "../content/placeholders.ts";
import { ContentError, formatProblem, type Problem } from "../content/problems.ts";
import type { Article, Newsroom } from "../content/schema.ts";
import { displayPath } from "../content/sources.ts";
import { buildTime, displayDate, shortDate } from "../dates/dates.ts";
import { readContentHistory } from "../history/git.ts";
import { editionsDir } from "../newsletter/editions.ts";
import { collectStories, editionWindow, FIRST_EDITION_DAYS, previousDay } from "../newsletter/selection.ts";
import { loadNewsroom, loadPublication } from "../newsroom/load.ts";
import { displayLocale } from "../site/locale.ts";
import { commandLine } from "./commandLine.ts";

const usage = `Usage: npm run edition -- [yyyy-mm-dd]

Creates content/editions/<date>.md (default: today in the publication's time zone) with a title, the date and,
as picks, every article published since the previous edition, newest first. Edit the picks, choose a lead
and write the editor's note. It never overwrites.
Exit codes: 0 created, 1 refused (the edition exists, nothing new to send, or the content has errors), 2 wrong usage.`;

/** The new edition's text: title, date, the collected articles as picks with their headlines as comments, a note to write. */
export function editionTemplate(fields: { title: string; day: string; articles: Article[]; locale: string }): string {
  const value = (data: Record<string, unknown>) => stringify(data, { lineWidth: 0 }).trimEnd();
  return [
    "---",
    value({ title: fields.title }),
    `date: ${fields.day}`,
    "# lead: slug-of-the-top-story   # leads the edition with its picture; without it, the first pick leads",
    "picks:",
    ...fields.articles.map(
      (article) =>
        `  - ${article.slug}   # ${article.title.replace(/\s+/g, " ")} (${shortDate(article.date, fields.locale)})`,
    ),
    "---",
    "",
    NOTE_PLACEHOLDER.text,
    "",
  ].join("\n");
}

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
  const contentDir = values.content ?? (process.env.NEWSDESK_CONTENT || "content");
  const problems: Problem[] = [];
  const publication = await loadPublication(contentDir, problems);
  if (!publication) {
    for (const problem of problems) console.error(formatProblem(problem));
    return 2;
  }
  const now = buildTime(values.now ?? process.env.NEWSDESK_NOW);
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
  // A sent edition that collected its stories since the one before it would lose those before this new one.
  const next = newsroom.editions.filter((edition) => edition.date > day).at(-1);
  if (next?.automatic && next.date.endOf("day") <= now) {
    const sent = displayDate(next.date, locale, true);
    console.error(
      `${next.sourcePath} went out on ${sent} with the stories published since the edition before it; an edition dated ${dayText} would change what it shows. Date the new edition after ${sent}, or first give ${next.sourcePath} its stories as lead and picks. Nothing was written.`,
    );
    return 1;
  }
  const previous = previousDay(
    day,
    newsroom.editions.map((edition) => edition.date),
  );
  const articles = collectStories(newsroom.articles, editionWindow(day, previous));
  if (articles.length === 0) {
    const since = previous
      ? `since the previous edition (${displayDate(previous, locale, true)})`
      : `in the ${FIRST_EDITION_DAYS} days up to ${displayDate(day, locale, true)}`;
    console.error(`No article was published ${since}; nothing was written.`);
    return 1;
  }
  await mkdir(dirname(path), { recursive: true });
  const title = `${publication.name}, ${displayDate(day, locale, true)}`;
  await writeFile(path, editionTemplate({ title, day: dayText, articles, locale }), { flag: "wx" });
  console.log(
    `Created ${displayPath(path)} with ${articles.length} ${articles.length === 1 ? "pick" : "picks"}. Choose a lead, write the note, and preview it at /newsletter/${dayText}/ with npm start.`,
  );
  return 0;
}

process.exitCode = await main();
