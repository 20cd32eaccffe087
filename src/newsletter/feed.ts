import { escapeEntities } from "jsx-async-runtime";
import type { Newsroom } from "../content/schema.ts";
import { publicationFeed } from "../feeds/feeds.ts";
import { FEED_SIZE, route } from "../site/routes.ts";
import { absoluteHtml, absoluteUrl } from "../site/urls.ts";

/** The newsletter feed's address and title, as pages advertise it with `<link rel="alternate">`. */
export function newsletterFeedLink(newsroom: Newsroom): { url: string; title: string } {
  return { url: route.newsletterFeed, title: `Newsletter | ${newsroom.publication.name}` };
}

/**
 * The newsletter as Atom 1.0: the latest 50 editions, each with the editor's note and its stories' headlines linked.
 */
export function newsletterFeed(newsroom: Newsroom): string {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const spec = newsletterFeedLink(newsroom);
  const editions = newsroom.editions.slice(0, FEED_SIZE);
  const feed = publicationFeed(newsroom, {
    url: spec.url,
    pageUrl: route.newsletter,
    title: spec.title,
    description: `Every newsletter edition from ${publication.name}.`,
    updated: editions[0]?.date ?? newsroom.builtAt,
  });
  for (const edition of editions) {
    const stories = [edition.lead, ...edition.picks].flatMap((article) => (article ? [article] : []));
    // Atom's <title type="html"> and the content are HTML: headlines arrive escaped, as in the article feeds.
    const list = stories
      .map((article) => `<li><a href="${absolute(article.url)}">${escapeEntities(article.title)}</a></li>`)
      .join("");
    feed.addItem({
      id: absolute(edition.url),
      link: absolute(edition.url),
      title: escapeEntities(edition.title),
      description: edition.preheader ? escapeEntities(edition.preheader) : undefined,
      content: `${absoluteHtml(edition.noteHtml, absolute(edition.url))}<ul>${list}</ul>`,
      date: edition.date.toJSDate(),
      published: edition.date.toJSDate(),
    });
  }
  return feed.atom1();
}
