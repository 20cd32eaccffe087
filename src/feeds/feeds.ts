import { Feed } from "feed";
import { escapeEntities } from "jsx-async-runtime";
import { DateTime } from "luxon";
import type { AuthorPage, Listings, TopicPage } from "../collections/listings.ts";
import type { Article, Newsroom } from "../content/schema.ts";
import { isoDateTime } from "../dates/dates.ts";
import { sharedImage } from "../images/renditions.ts";
import { FEED_SIZE, feedUrl, route } from "../site/routes.ts";
import { absoluteHtml, absoluteUrl } from "../site/urls.ts";

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
  // Each list's latest FEED_SIZE articles, from its pages in order: one walk over the pages for all the lists.
  const latest = <Page extends TopicPage | AuthorPage>(pages: Page[], listOf: (page: Page) => string) => {
    const lists = new Map<string, Article[]>();
    for (const page of pages) {
      const articles = lists.get(listOf(page)) ?? [];
      articles.push(...page.articles.slice(0, FEED_SIZE - articles.length));
      lists.set(listOf(page), articles);
    }
    return lists;
  };
  const byTopic = latest(listings.topicPages, (page) => page.topic.slug);
  const byAuthor = latest(listings.authorPages, (page) => page.author.key);
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
        articles: byTopic.get(topic.slug) ?? [],
      })),
    ...listings.authorPages
      .filter((page) => page.pageNumber === 1)
      .map(({ author }) => ({
        url: feedUrl(author.url),
        pageUrl: author.url,
        title: `${author.name} | ${name}`,
        description: author.role,
        articles: byAuthor.get(author.key) ?? [],
      })),
  ];
}

/** The feed as Atom 1.0 (the `.xml` feeds). */
export function atomFeed(newsroom: Newsroom, spec: FeedSpec): string {
  return correctEnclosureTypes(escapeCategoryAttributes(buildFeed(newsroom, spec).atom1()));
}

/** Pictures' MIME types by file extension: `.jpg` is image/jpeg, since there is no image/jpg. */
const PICTURE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** The MIME type of a picture at a full address, from its file extension; undefined for an extension it cannot tell. */
export function pictureMimeType(url: string): string | undefined {
  const name = new URL(url).pathname.split("/").at(-1) ?? "";
  const extension = name.includes(".") ? name.split(".").at(-1)?.toLowerCase() : undefined;
  return extension === undefined ? undefined : PICTURE_TYPES[extension];
}

/**
 * The feed library types an enclosure `image/` plus its file extension, so a picture from another site named .jpg
 * reads image/jpg, which readers do not know; this gives each enclosure its real MIME type, or none it cannot tell.
 */
export function correctEnclosureTypes(xml: string): string {
  return xml.replace(/<link rel="enclosure" href="([^"]*)" type="[^"]*"/g, (_, href: string) => {
    const type = pictureMimeType(href.replaceAll("&amp;", "&"));
    return `<link rel="enclosure" href="${href}"${type ? ` type="${type}"` : ""}`;
  });
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

/** A person or the publication, as JSON Feed names them. */
export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

/** An entry of a JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/#items-a-name-items-a */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  /** Every author, co-authors included (1.1 replaced 1.0's single `author`). */
  authors: JsonFeedAuthor[];
  tags: string[];
}

/** A JSON Feed 1.1 document: https://www.jsonfeed.org/version/1.1/ */
export interface JsonFeedDocument {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  favicon: string;
  language: string;
  authors: JsonFeedAuthor[];
  /** Where readers subscribe for pushed updates: the publication's WebSub hub, if it has one. */
  hubs?: { type: "WebSub"; url: string }[];
  items: JsonFeedItem[];
}

/**
 * The feed as JSON Feed 1.1, built here since the feed library writes 1.0, with one author per item and no
 * language: every co-author is kept, and the feed carries the publication's language and WebSub hub.
 */
export function jsonFeedDocument(newsroom: Newsroom, spec: FeedSpec): JsonFeedDocument {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: spec.title,
    home_page_url: absolute(spec.pageUrl),
    feed_url: absolute(jsonTwin(spec) ?? spec.url),
    ...(spec.description ? { description: spec.description } : {}),
    favicon: absolute(FAVICON),
    language: publication.language,
    authors: [{ name: publication.name, url: absolute(route.home) }],
    ...(publication.websubHub ? { hubs: [{ type: "WebSub" as const, url: publication.websubHub }] } : {}),
    items: spec.articles.map((article) => ({
      id: absolute(article.url),
      url: absolute(article.url),
      title: article.title,
      content_html: absoluteHtml(article.html, absolute(article.url)),
      ...(article.dek === undefined ? {} : { summary: article.dek }),
      ...(article.image && !article.retraction ? { image: absolute(sharedImage(article.image).src) } : {}),
      date_published: isoDateTime(article.date),
      date_modified: isoDateTime(article.modified),
      authors: article.authors.map((author) => ({ name: author.name, url: absolute(author.url) })),
      tags: article.topics.map((topic) => topic.name),
    })),
  };
}

/** The feed as JSON Feed 1.1 text (`/feed.json`). */
export function jsonFeed(newsroom: Newsroom, spec: FeedSpec): string {
  return `${JSON.stringify(jsonFeedDocument(newsroom, spec), null, 2)}\n`;
}

/** The JSON Feed twin of a feed: only the site feed has one. */
function jsonTwin(spec: { url: string }): string | undefined {
  return spec.url === route.feed ? route.jsonFeed : undefined;
}

const FAVICON = "/assets/img/favicon.svg";

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
 * A feed of the publication with what every one of its feeds carries: language, icon, copyright, the publication as
 * author, its own address (rel="self") and, when publication.ts names one, the WebSub hub (rel="hub") that
 * subscribers' readers follow for pushed updates (https://www.w3.org/TR/websub/#discovery).
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
    favicon: absolute(FAVICON),
    feedLinks: { atom: absolute(head.url), json: head.jsonUrl ? absolute(head.jsonUrl) : undefined },
    hub: publication.websubHub,
    copyright: `© ${publication.name}`,
    // RFC 4287 wants an author for the feed unless every entry has one; the publication stands for all.
    author: { name: publication.name, link: absolute(route.home) },
  });
}

/** Builds the Atom feed with the `feed` library: full article HTML with absolute URLs, authors, dates, categories. */
function buildFeed(newsroom: Newsroom, spec: FeedSpec): Feed {
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
    jsonUrl: jsonTwin(spec),
  });
  for (const article of spec.articles) {
    feed.addItem({
      id: absolute(article.url),
      link: absolute(article.url),
      // Atom's <title type="html"> is HTML: a headline like "Profits <script>" must arrive as text.
      title: escapeEntities(article.title),
      description: article.dek === undefined ? undefined : escapeEntities(article.dek),
      content: absoluteHtml(article.html, absolute(article.url)),
      date: article.modified.toJSDate(),
      published: article.date.toJSDate(),
      author: article.authors.map((author) => ({ name: author.name, link: absolute(author.url) })),
      category: article.topics.map((topic) => ({
        name: topic.name,
        term: topic.name,
        scheme: absolute(route.topics),
        domain: absolute(topic.url),
      })),
      // A 1200-pixel JPEG typed image/jpeg (correctEnclosureTypes); none for a retracted story.
      image: article.image && !article.retraction ? absolute(sharedImage(article.image).src) : undefined,
    });
  }
  return feed;
}
