import { Readable } from "node:stream";
import type { DateTime } from "luxon";
import { SitemapIndexStream, type SitemapItemLoose, SitemapStream, streamToPromise } from "sitemap";
import type { ListingPage, Listings } from "../collections/listings.ts";
import type { Article, Newsroom } from "../content/schema.ts";
import { isoDateTime } from "../dates/dates.ts";
import { inNewsSitemap, route } from "../site/routes.ts";
import { absoluteUrl } from "../site/urls.ts";

/** The sitemap protocol's limit of URLs per file. https://www.sitemaps.org/protocol.html */
export const URLS_PER_SITEMAP = 50_000;

/** A public page and when it last changed. */
export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

/** One sitemap file: a list of pages, or (over 50,000 pages) the index of the numbered files. */
export interface SitemapFile {
  url: string;
  entries: SitemapEntry[];
  isIndex: boolean;
}

// An article's entry, the same object while the article is (the dev server keeps unchanged articles between saves).
const entries = new WeakMap<Article, SitemapEntry>();
function articleEntry(article: Article): SitemapEntry {
  let entry = entries.get(article);
  if (!entry) {
    entry = { url: article.url, lastmod: isoDateTime(article.modified) };
    entries.set(article, entry);
  }
  return entry;
}

/** The latest change of `articles`, compared as numbers (with `>`, each DateTime goes through valueOf: slow). */
function newest(articles: Article[]): DateTime | undefined {
  let latest: DateTime | undefined;
  let latestMillis = Number.NEGATIVE_INFINITY;
  for (const article of articles) {
    const millis = article.modified.toMillis();
    if (millis > latestMillis) {
      latest = article.modified;
      latestMillis = millis;
    }
  }
  return latest;
}

function correctionsChanged(newsroom: Newsroom): string | undefined {
  const dates = [...newsroom.articles, ...newsroom.retracted].flatMap((article) =>
    [...article.corrections, ...(article.retraction ? [article.retraction] : [])].map((note) => note.date),
  );
  const latest = dates.reduce<DateTime | undefined>(
    (max, date) => (max === undefined || date > max ? date : max),
    undefined,
  );
  return latest ? isoDateTime(latest) : undefined;
}

/**
 * Every page of the site a search engine may index, with its last change: not the 404 page, nor a retracted
 * story's page (it says noindex).
 */
export function sitemapEntries(newsroom: Newsroom, listings: Listings): SitemapEntry[] {
  const siteChanged = newest(newsroom.articles);
  const lastmod = siteChanged ? isoDateTime(siteChanged) : undefined;
  const listing = (page: ListingPage): SitemapEntry => {
    const date = newest(page.articles);
    return { url: page.url, lastmod: date ? isoDateTime(date) : undefined };
  };
  return [
    { url: route.home, lastmod },
    ...newsroom.articles.map(articleEntry),
    { url: route.topics, lastmod },
    ...listings.topicPages.map(listing),
    { url: route.authors, lastmod },
    ...listings.authorPages.map(listing),
    { url: route.archive, lastmod },
    ...listings.monthPages.map(listing),
    { url: route.newsletter, lastmod: newsroom.editions[0] ? isoDateTime(newsroom.editions[0].date) : undefined },
    ...newsroom.editions.map((edition) => ({ url: edition.url, lastmod: isoDateTime(edition.date) })),
    { url: route.corrections, lastmod: correctionsChanged(newsroom) },
    { url: route.search },
  ];
}

/** Whether two lists name the same pages with the same dates, in the same order. */
export function sameEntries(a: readonly SitemapEntry[], b: readonly SitemapEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, at) => entry === b[at] || (entry.url === b[at]?.url && entry.lastmod === b[at]?.lastmod))
  );
}

/** `/sitemap.xml` alone, or an index at `/sitemap.xml` over `/sitemap-1.xml`, `/sitemap-2.xml`, … */
export function sitemapFiles(entries: SitemapEntry[], perFile = URLS_PER_SITEMAP): SitemapFile[] {
  if (entries.length <= perFile) return [{ url: route.sitemap, entries, isIndex: false }];
  const files: SitemapFile[] = [];
  for (let start = 0; start < entries.length; start += perFile) {
    files.push({
      url: `/sitemap-${files.length + 1}.xml`,
      entries: entries.slice(start, start + perFile),
      isIndex: false,
    });
  }
  return [{ url: route.sitemap, entries: files.map((file) => ({ url: file.url })), isIndex: true }, ...files];
}

/** A sitemap file as XML, written by the `sitemap` library with absolute URLs. */
export async function sitemapXml(file: SitemapFile, baseUrl: string): Promise<string> {
  const absolute = (path: string) => absoluteUrl(baseUrl, path);
  if (file.isIndex) {
    const index = new SitemapIndexStream();
    return (
      await streamToPromise(Readable.from(file.entries.map((entry) => ({ url: absolute(entry.url) }))).pipe(index))
    ).toString();
  }
  const items: SitemapItemLoose[] = file.entries.map((entry) => ({ url: absolute(entry.url), lastmod: entry.lastmod }));
  const stream = new SitemapStream({
    hostname: baseUrl,
    xmlns: { news: false, xhtml: false, image: false, video: false },
  });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}

/** Articles published in the two days before the build, for the Google News sitemap. */
export function recentArticles(newsroom: Newsroom): Article[] {
  const known =
    recent.get(newsroom) ?? newsroom.articles.filter((article) => inNewsSitemap(article.date, newsroom.builtAt));
  recent.set(newsroom, known);
  return known;
}

// Asked for by robots.txt and by the news sitemap's address and body: one pass over the articles per build.
const recent = new WeakMap<Newsroom, Article[]>();

/**
 * Whether the build writes /news-sitemap.xml (and robots.txt names it): only with a recent article, since the
 * sitemap schema requires at least one `<url>`. https://www.sitemaps.org/protocol.html#validating
 */
export function hasNewsSitemap(newsroom: Newsroom): boolean {
  return recentArticles(newsroom).length > 0;
}

/**
 * The publication's language tag as Google News's schema takes it: the ISO 639 code ("en" for en-GB), except
 * zh-cn and zh-tw for Simplified and Traditional Chinese.
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
export function newsLanguage(language: string): string {
  const [primary = "", ...subtags] = language.toLowerCase().split("-");
  if (primary !== "zh") return primary;
  return subtags.some((subtag) => ["hant", "tw", "hk", "mo"].includes(subtag)) ? "zh-tw" : "zh-cn";
}

/**
 * The Google News sitemap: publication name and language, publication date and title of each recent article (at least
 * one).
 */
export async function newsSitemapXml(newsroom: Newsroom): Promise<string> {
  const { publication } = newsroom;
  const items: SitemapItemLoose[] = recentArticles(newsroom).map((article) => ({
    url: absoluteUrl(publication.baseUrl, article.url),
    news: {
      publication: { name: publication.name, language: newsLanguage(publication.language) },
      publication_date: isoDateTime(article.date),
      title: article.title,
    },
  }));
  const stream = new SitemapStream({
    hostname: publication.baseUrl,
    xmlns: { news: true, xhtml: false, image: false, video: false },
  });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}
