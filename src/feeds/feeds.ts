import { Feed } from "feed";
import { escapeEntities } from "jsx-async-runtime";
import { DateTime } from "luxon";
import type { AuthorPage, Listings, TopicPage } from "../collections/listings.ts";
import type { Article, Newsroom } from "../content/schema.ts";
import { sharedImage } from "../images/renditions.ts";
import { feedUrl, route } from "../site/routes.ts";
import { absoluteHtml, absoluteUrl } from "../site/urls.ts";

/** Entries per feed. */
export const FEED_SIZE = 50;

/** One feed of the site: the whole publication, a topic or an author. */
export interface FeedSpec {
  /** Where the feed is written, e.g. /topics/china-bond/feed.xml. */
  url: string;
  /** The HTML page the feed mirrors. */
  pageUrl: string;
  title: string;
  description?: string;
  articles: Article[];
}

/** The site feed, one per topic and one per author; each holds the latest 50 articles. */
export function feedSpecs(newsroom: Newsroom, listings: Listings): FeedSpec[] {
  const name = newsroom.publication.name;
  const latest = <Page extends TopicPage | AuthorPage>(pages: Page[], same: (page: Page) => boolean) =>
    pages
      .filter(same)
      .flatMap((page) => page.articles)
      .slice(0, FEED_SIZE);
  return [
    {
      url: route.feed,
      pageUrl: route.home,
      title: name,
      description: newsroom.publication.tagline,
      articles: newsroom.articles.slice(0, FEED_SIZE),
    },
    ...listings.topicPages
      .filter((page) => page.pageNumber === 1)
      .map(({ topic }) => ({
        url: feedUrl(topic.url),
        pageUrl: topic.url,
        title: `${topic.name} | ${name}`,
        description: topic.description,
        articles: latest(listings.topicPages, (page) => page.topic.slug === topic.slug),
      })),
    ...listings.authorPages
      .filter((page) => page.pageNumber === 1)
      .map(({ author }) => ({
        url: feedUrl(author.url),
        pageUrl: author.url,
        title: `${author.name} | ${name}`,
        description: author.role,
        articles: latest(listings.authorPages, (page) => page.author.key === author.key),
      })),
  ];
}

/** A feed format: Atom's entry title and summary are `type="html"`, so plain text must be escaped for it. */
export type FeedFormat = "atom" | "json";

/** The feed as Atom 1.0 (the `.xml` feeds). */
export function atomFeed(newsroom: Newsroom, spec: FeedSpec): string {
  return escapeCategoryAttributes(buildFeed(newsroom, spec, "atom").atom1());
}

/**
 * The feed library escapes `&` and `"` in attribute values but not `<`, which XML forbids there
 * (https://www.w3.org/TR/xml/#NT-AttValue); a topic named "A <b>" would break every reader's parse of the feed.
 * Topic names reach attributes only in `<category label term>`.
 */
export function escapeCategoryAttributes(xml: string): string {
  return xml.replace(/<category\b(?:[^"/>]|"[^"]*")*\/>/g, (element) =>
    element.replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/</g, "&lt;")}"`),
  );
}

/** The feed as JSON Feed (`/feed.json`). */
export function jsonFeed(newsroom: Newsroom, spec: FeedSpec): string {
  return buildFeed(newsroom, spec, "json").json1();
}

/**
 * What differs between the site's feeds: where each is and what page it mirrors, its title and when it last changed.
 */
export interface FeedHead {
  url: string;
  pageUrl: string;
  title: string;
  description?: string;
  updated: DateTime;
  /** The JSON Feed twin of the feed, if it has one. */
  jsonUrl?: string;
}

/**
 * A feed of the publication with what every one of its feeds carries: language, icon, copyright, and the publication as
 * author.
 */
export function publicationFeed(newsroom: Newsroom, head: FeedHead): Feed {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  return new Feed({
    id: absolute(head.pageUrl),
    title: head.title,
    description: head.description,
    link: absolute(head.pageUrl),
    language: publication.language,
    updated: head.updated.toJSDate(),
    generator: "Newsdesk",
    favicon: absolute("/assets/img/favicon.svg"),
    feedLinks: { atom: absolute(head.url), json: head.jsonUrl ? absolute(head.jsonUrl) : undefined },
    copyright: `© ${publication.name}`,
    // RFC 4287 wants an author for the feed unless every entry has one; the publication stands for all.
    author: { name: publication.name, link: absolute(route.home) },
  });
}

/** Builds the feed with the `feed` library: full article HTML with absolute URLs, authors, dates, categories. */
function buildFeed(newsroom: Newsroom, spec: FeedSpec, format: FeedFormat): Feed {
  // Atom's <title type="html"> is HTML: a headline like "Profits <script>" must arrive as text.
  const text = (value: string) => (format === "atom" ? escapeEntities(value) : value);
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const newest = spec.articles[0];
  const feed = publicationFeed(newsroom, {
    ...spec,
    // The feed changed when its latest entry did: a correction to an older story counts.
    updated: spec.articles.reduce(
      (latest, article) => DateTime.max(article.modified, latest),
      newest?.modified ?? newsroom.builtAt,
    ),
    jsonUrl: spec.url === route.feed ? route.jsonFeed : undefined,
  });
  for (const article of spec.articles) {
    feed.addItem({
      id: absolute(article.url),
      link: absolute(article.url),
      title: text(article.title),
      description: article.dek === undefined ? undefined : text(article.dek),
      content: absoluteHtml(article.html, publication.baseUrl),
      date: article.modified.toJSDate(),
      published: article.date.toJSDate(),
      author: article.authors.map((author) => ({ name: author.name, link: absolute(author.url) })),
      category: article.topics.map((topic) => ({
        name: topic.name,
        term: topic.name,
        scheme: absolute(route.topics),
        domain: absolute(topic.url),
      })),
      // A 1200-pixel JPEG, named .jpeg so the enclosure's type reads image/jpeg; none for a retracted story.
      image: article.image && !article.retraction ? absolute(sharedImage(article.image).src) : undefined,
    });
  }
  return feed;
}
