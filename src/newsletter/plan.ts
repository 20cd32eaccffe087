import type { DateTime } from "luxon";
import { stringify } from "yaml";
import { NOTE_PLACEHOLDER } from "../content/placeholders.ts";
import type { Article, Edition, Newsroom } from "../content/schema.ts";
import { displayDate, shortDate } from "../dates/dates.ts";
import { displayLocale } from "../site/locale.ts";
import { sinceWhen } from "./editions.ts";
import { collectStories, editionWindow, previousDay } from "./selection.ts";

/** What a new edition of a day would start from, or why it cannot be started. */
export type EditionPlan =
  | { ok: true; title: string; articles: Article[] }
  | { ok: false; reason: "changes-sent-edition"; sent: Edition }
  | { ok: false; reason: "nothing-new"; since: string };

/**
 * Plans a new edition of `day` in a newsroom loaded as of that day's end: its title and, as picks, what was published
 * since the previous edition, by the same selection an edition without picks makes. It is refused when an edition
 * after it has gone out and collects its stories (the new one would change what that edition shows), or when
 * nothing was published since.
 */
export function planEdition(day: DateTime, newsroom: Newsroom, now: DateTime): EditionPlan {
  const locale = displayLocale(newsroom);
  const next = newsroom.editions.filter((edition) => edition.date > day).at(-1);
  if (next?.automatic && next.date.endOf("day") <= now)
    return { ok: false, reason: "changes-sent-edition", sent: next };
  const previous = previousDay(
    day,
    newsroom.editions.map((edition) => edition.date),
  );
  const articles = collectStories(newsroom.articles, editionWindow(day, previous));
  if (articles.length === 0) return { ok: false, reason: "nothing-new", since: sinceWhen(day, previous, locale) };
  return { ok: true, title: `${newsroom.publication.name}, ${displayDate(day, locale, true)}`, articles };
}

/** The new edition's text: title, date, the articles as picks with their headlines as comments, a note to write. */
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
