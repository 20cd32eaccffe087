import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DateTime } from "luxon";
import { unpublishedAsset } from "./assets.ts";
import { didYouMean } from "./hints.ts";

/** Articles per page on topic, author and archive pages. */
export const PAGE_SIZE = 20;

/** Entries in each feed: the latest 50 articles of the site, a topic or an author. */
export const FEED_SIZE = 50;

/** `2026/11`: the archive month of a date (in the publication's zone), as its address writes it. */
export function monthKey(date: { year: number; month: number }): string {
  return `${date.year}/${String(date.month).padStart(2, "0")}`;
}

/** The first segment of each kind of page's address: what `route` builds and `brokenLink` reads. */
const SECTION = {
  news: "news",
  topics: "topics",
  authors: "authors",
  archive: "archive",
  newsletter: "newsletter",
} as const;

/**
 * Every address the site has, built here and nowhere else; `brokenLink` below reads links against the same
 * sections. Lists are paginated with `pageUrl`, and each topic and author has a feed at `feedUrl` of its page.
 */
export const route = {
  home: "/",
  article: (slug: string) => `/${SECTION.news}/${slug}/`,
  topics: `/${SECTION.topics}/`,
  topic: (slug: string) => `/${SECTION.topics}/${slug}/`,
  authors: `/${SECTION.authors}/`,
  author: (key: string) => `/${SECTION.authors}/${key}/`,
  archive: `/${SECTION.archive}/`,
  /** An archive month by its key, `2026/11`. */
  month: (key: string) => `/${SECTION.archive}/${key}/`,
  newsletter: `/${SECTION.newsletter}/`,
  edition: (day: string) => `/${SECTION.newsletter}/${day}/`,
  corrections: "/corrections/",
  search: "/search/",
  feed: "/feed.xml",
  jsonFeed: "/feed.json",
  newsletterFeed: "/newsletter/feed.xml",
  correctionsFeed: "/corrections/feed.xml",
  sitemap: "/sitemap.xml",
  newsSitemap: "/news-sitemap.xml",
} as const;

/** The URL of page `pageNumber` of a list whose first page is `firstUrl`: `/topics/x/`, `/topics/x/page/2/`. */
export function pageUrl(firstUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? firstUrl : `${firstUrl}page/${pageNumber}/`;
}

/** The Atom feed that mirrors a topic's or an author's page. */
export function feedUrl(pageUrl: string): string {
  return `${pageUrl}feed.xml`;
}

/**
 * How far back the Google News sitemap reaches:
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
export const NEWS_SITEMAP_DAYS = 2;

/**
 * Whether an article dated `date` belongs in the news sitemap of a build at `now`: published in the two days before.
 */
export function inNewsSitemap(date: DateTime, now: DateTime): boolean {
  // As numbers: DateTimes compared with `>=` go through valueOf, slow when asked of 100,000 articles.
  const millis = date.toMillis();
  return millis >= newsSitemapStart(now).toMillis() && millis <= now.toMillis();
}

// A build asks of every article, several times over: luxon's date arithmetic in a zone is slow enough to count.
const starts = new WeakMap<DateTime, DateTime>();
function newsSitemapStart(now: DateTime): DateTime {
  const start = starts.get(now) ?? now.minus({ days: NEWS_SITEMAP_DAYS });
  starts.set(now, start);
  return start;
}

/** What exists on a site: the pages a link inside the site may point at. */
export interface Routes {
  /** Article slugs. */
  articles: Set<string>;
  /** Old addresses of articles (site paths), each redirected to its article. */
  aliases: Set<string>;
  /** Topic slug → number of articles. */
  topics: Map<string, number>;
  /** Author key → number of articles. */
  authors: Map<string, number>;
  /** "yyyy/mm" → number of articles. */
  months: Map<string, number>;
  /** Newsletter editions by day, "yyyy-mm-dd", as their files are named. */
  editions: Set<string>;
  /** Whether /news-sitemap.xml is written: only when some article is in it, since an empty one is invalid. */
  newsSitemap: boolean;
  /** The folder /assets/... is served from. */
  publicDir: string;
  pageSize: number;
}

/** Pages every build writes, whatever the content. */
const FIXED_PAGES = new Set<string>([
  route.home,
  route.topics,
  route.authors,
  route.archive,
  route.search,
  "/404.html",
  route.feed,
  route.jsonFeed,
  route.sitemap,
  "/robots.txt",
  route.newsletter,
  route.newsletterFeed,
  route.corrections,
  route.correctionsFeed,
  "/_redirects",
  "/_headers",
]);

// Made once: a check reads every link of every article against them.
const ARTICLE_PATH = new RegExp(`^/${SECTION.news}/([^/?#]+)/?(?:[?#]|$)`);
const EDITION_PATH = new RegExp(`^/${SECTION.newsletter}/([^/]+)/(?:email\\.html|email\\.txt)?$`);

/**
 * The slug of the article a site path leads to (`/news/<slug>/`, slash, query and fragment optional), else undefined.
 */
export function linkedSlug(path: string): string | undefined {
  return ARTICLE_PATH.exec(path)?.[1];
}

/** A site path with its %-escapes decoded, or undefined when they are broken or it climbs out with `..`. */
function decodedPath(path: string): string | undefined {
  try {
    const decoded = decodeURI(path);
    return decoded.split("/").includes("..") ? undefined : decoded;
  } catch {
    return undefined;
  }
}

function pageOf(count: number | undefined, page: string | undefined, pageSize: number): boolean {
  if (count === undefined) return false;
  if (page === undefined) return true;
  const number = Number(page);
  return number >= 2 && number <= Math.ceil(count / pageSize);
}

/**
 * Why a site path would be a broken link on the built site, with a hint, or undefined when the page exists.
 * Fragments and queries are ignored; `/news/a` without its trailing slash is broken on most static hosts.
 */
export function brokenLink(path: string, routes: Routes): string | undefined {
  const clean = path.split(/[?#]/)[0] ?? path;
  if (FIXED_PAGES.has(clean) || routes.aliases.has(clean)) return undefined;
  if (clean === "/news-sitemap.xml") {
    if (routes.newsSitemap) return undefined;
    const days = NEWS_SITEMAP_DAYS;
    return `no news sitemap is written while no article was published in the ${days} days before the build`;
  }
  if (clean.startsWith("/assets/") || clean.startsWith("/pagefind/")) {
    const file = decodedPath(clean);
    if (file === undefined) return `${clean} is not a valid address: check its % escapes and .. segments`;
    if (clean.startsWith("/pagefind/")) return undefined;
    if (!existsSync(join(routes.publicDir, file))) return `no file at ${clean}`;
    const unpublished = unpublishedAsset(file);
    return unpublished && `it ${unpublished}`;
  }
  const segments = clean.split("/").slice(1);
  const edition = EDITION_PATH.exec(clean);
  if (edition)
    return routes.editions.has(edition[1] ?? "")
      ? undefined
      : `no newsletter edition is dated ${edition[1]}${didYouMean(edition[1] ?? "", routes.editions, "")}`;
  if (!clean.endsWith("/") && !clean.endsWith(".xml")) {
    return brokenLink(`${clean}/`, routes) === undefined
      ? `write it with the trailing slash: ${clean}/`
      : `no page at ${clean}`;
  }
  const [section, key, ...rest] = segments;
  const tail = rest.join("/");
  const paged = /^(?:page\/(\d+)\/)?$/.exec(tail);
  const feed = tail === "feed.xml";
  switch (section) {
    case SECTION.news:
      if (key && tail === "" && routes.articles.has(key)) return undefined;
      return `no article has the slug \`${key ?? ""}\`${didYouMean(key ?? "", routes.articles, "")}`;
    case SECTION.topics:
      if (key && (feed || (paged && pageOf(routes.topics.get(key), paged[1], routes.pageSize)))) return undefined;
      return routes.topics.has(key ?? "")
        ? `no page at ${clean}`
        : `no topic \`${key ?? ""}\` has articles${didYouMean(key ?? "", routes.topics.keys(), "")}`;
    case SECTION.authors:
      if (key && (feed || (paged && pageOf(routes.authors.get(key), paged[1], routes.pageSize)))) return undefined;
      return routes.authors.has(key ?? "")
        ? `no page at ${clean}`
        : `no author \`${key ?? ""}\`${didYouMean(key ?? "", routes.authors.keys(), "")}`;
    case SECTION.archive: {
      const month = `${key}/${rest[0]}`;
      const monthPaged = /^(?:page\/(\d+)\/)?$/.exec(rest.slice(1).join("/"));
      if (monthPaged && pageOf(routes.months.get(month), monthPaged[1], routes.pageSize)) return undefined;
      return `no articles in the archive for ${month}`;
    }
    default:
      return `no page at ${clean}`;
  }
}
