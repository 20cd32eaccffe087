import { readFileSync } from "node:fs";
import juice from "juice";
import type { Article, Edition, Newsroom } from "../content/schema.ts";
import { displayDate, shortDate } from "../dates/dates.ts";
import { displayLocale } from "../site/locale.ts";
import { absoluteUrl } from "../site/urls.ts";

/**
 * Where the email service puts each reader's own unsubscribe link: Mailchimp's `*|UNSUB|*` merge tag
 * (https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/). Other services take the same file once this
 * token is replaced by theirs.
 */
export const UNSUBSCRIBE_PLACEHOLDER = "*|UNSUB|*";

/** The email's width on a desktop client; phones get the full screen width up to this. */
export const EMAIL_WIDTH = 600;

/** The lead picture's height at EMAIL_WIDTH: hero images are 16:9. */
export const EMAIL_LEAD_IMAGE_HEIGHT = Math.round((EMAIL_WIDTH * 9) / 16);

const EMAIL_CSS = readFileSync(new URL("./email.css", import.meta.url), "utf8");

/**
 * Inlines the email stylesheet into style attributes with juice (and the align, valign and bgcolor attributes
 * email clients read on table cells), leaving no <style> or <script> in the document. Width and height
 * attributes are the layout's own: a 600-pixel table that CSS makes fluid (`width: 100%; max-width: 600px`).
 */
export function inlineEmailCss(html: string): string {
  return juice(html, {
    extraCss: EMAIL_CSS,
    applyStyleTags: true,
    removeStyleTags: true,
    preserveMediaQueries: false,
    preserveFontFaces: false,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
  });
}

/** "By Ana Lim and Ben Tran · 3 Nov 2023": a story's byline and date on one line. */
export function bylineText(article: Article, locale: string): string {
  const names = article.authors.map((author) => author.name);
  const byline = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return `By ${byline} · ${shortDate(article.date, locale)}`;
}

/**
 * The plain-text email: masthead, date, the editor's note, each story's headline and address, then the links every
 * email carries.
 */
export function editionText(newsroom: Newsroom, edition: Edition): string {
  const { publication } = newsroom;
  const locale = displayLocale(newsroom);
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const rule = "=".repeat(Math.min(60, Math.max(publication.name.length, edition.title.length)));
  const story = (article: Article) =>
    [
      article.retraction ? `${article.title} (retracted)` : article.title,
      ...(article.dek && !article.retraction ? [article.dek] : []),
      bylineText(article, locale),
      absolute(article.url),
    ].join("\n");
  return [
    publication.name.toUpperCase(),
    displayDate(edition.date, locale, true),
    "",
    edition.title,
    rule,
    "",
    ...(edition.noteText ? [edition.noteText, ""] : []),
    ...(edition.lead ? ["TOP STORY", "", story(edition.lead), ""] : []),
    ...(edition.picks.length > 0
      ? ["ALSO IN THIS EDITION", "", ...edition.picks.flatMap((article) => [story(article), ""])]
      : []),
    "-".repeat(rule.length),
    `View in your browser: ${absolute(edition.url)}`,
    `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`,
    `${publication.name} · ${publication.baseUrl}`,
    "",
  ].join("\n");
}
