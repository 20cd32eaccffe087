import { Feed } from "feed";
import { escapeEntities } from "jsx-async-runtime";
import { absoluteUrl } from "../collections/collections.ts";
import type { CorrectionNotice } from "../collections/listings.ts";
import type { Newsroom } from "../content/schema.ts";
import { absoluteHtml, FEED_SIZE } from "./feeds.ts";

/** The corrections feed's address and title, as pages advertise it with `<link rel="alternate">`. */
export function correctionsFeedLink(newsroom: Newsroom): { url: string; title: string } {
  return { url: "/corrections/feed.xml", title: `Corrections | ${newsroom.publication.name}` };
}

/** The latest 50 corrections and retractions as Atom 1.0: each names its story and links to the notice on it. */
export function correctionsFeed(newsroom: Newsroom, notices: CorrectionNotice[]): string {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const spec = correctionsFeedLink(newsroom);
  const latest = notices.slice(0, FEED_SIZE);
  const feed = new Feed({
    id: absolute("/corrections/"),
    title: spec.title,
    description: `Every correction and retraction published by ${publication.name}.`,
    link: absolute("/corrections/"),
    language: publication.language,
    updated: (latest[0]?.note.date ?? newsroom.builtAt).toJSDate(),
    generator: "Newsdesk",
    favicon: absolute("/assets/img/favicon.svg"),
    feedLinks: { atom: absolute(spec.url) },
    copyright: `© ${publication.name}`,
    // RFC 4287 asks for an author on the feed when entries have none of their own.
    author: { name: publication.name, link: absolute("/") },
  });
  for (const notice of latest) {
    const label = notice.kind === "retraction" ? "Retracted" : "Correction";
    feed.addItem({
      id: absolute(notice.url),
      link: absolute(notice.url),
      // Atom's <title type="html"> is HTML: the headline must arrive as text.
      title: escapeEntities(`${label}: ${notice.article.title}`),
      content: absoluteHtml(notice.note.noteHtml, publication.baseUrl),
      date: notice.note.date.toJSDate(),
    });
  }
  return feed.atom1();
}
