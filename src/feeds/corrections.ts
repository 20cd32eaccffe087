import { escapeEntities } from "jsx-async-runtime";
import type { CorrectionNotice } from "../collections/listings.ts";
import type { Newsroom } from "../content/schema.ts";
import { FEED_SIZE, route } from "../site/routes.ts";
import { absoluteHtml, absoluteUrl } from "../site/urls.ts";
import { publicationFeed } from "./feeds.ts";

/** The corrections feed's address and title, as pages advertise it with `<link rel="alternate">`. */
export function correctionsFeedLink(newsroom: Newsroom): { url: string; title: string } {
  return { url: route.correctionsFeed, title: `Corrections | ${newsroom.publication.name}` };
}

/** The latest 50 corrections and retractions as Atom 1.0: each names its story and links to the notice on it. */
export function correctionsFeed(newsroom: Newsroom, notices: CorrectionNotice[]): string {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const spec = correctionsFeedLink(newsroom);
  const latest = notices.slice(0, FEED_SIZE);
  const feed = publicationFeed(newsroom, {
    url: spec.url,
    pageUrl: route.corrections,
    title: spec.title,
    description: `Every correction and retraction published by ${publication.name}.`,
    updated: latest[0]?.note.date ?? newsroom.builtAt,
  });
  for (const notice of latest) {
    const label = notice.kind === "retraction" ? "Retracted" : "Correction";
    feed.addItem({
      id: absolute(notice.url),
      link: absolute(notice.url),
      // Atom's <title type="html"> is HTML: the headline must arrive as text.
      title: escapeEntities(`${label}: ${notice.article.title}`),
      content: absoluteHtml(notice.note.noteHtml, absolute(notice.article.url)),
      date: notice.note.date.toJSDate(),
    });
  }
  return feed.atom1();
}
