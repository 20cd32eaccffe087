import { resolve } from "node:path";
import type { Article, Newsroom } from "../content/schema.ts";
import { displayPath } from "../content/sources.ts";
import { monthKey } from "../site/routes.ts";
import type { Listings } from "./listings.ts";
import { type ReadOn, readOnOffers } from "./readOn.ts";

/** A newsroom with the listings computed from it: what one build rendered. */
export interface BuiltState {
  newsroom: Newsroom;
  listings: Listings;
}

/** What the paginated layouts write on this build: `only` the pages at these URLs, or every page when absent. */
export interface Rebuild {
  only?: ReadonlySet<string>;
}

/**
 * The URLs a dev-server rebuild must write again after `changedFiles` were saved, given what the last build
 * wrote: the changed articles' pages, the articles whose ALSO SEE lists them, the articles whose automatic stories
 * or previous and next links showed them before or show them now, and every page of their topics, authors and
 * archive months. Undefined, meaning every page, when any changed file is not an article (a topic,
 * an author, a layout, a stylesheet), since such a change can show on any page.
 */
export function pagesToRebuild(
  before: BuiltState,
  after: BuiltState,
  changedFiles: readonly string[],
): Set<string> | undefined {
  const changed = new Set(changedFiles.map((file) => displayPath(resolve(file))));
  const touched = [...before.newsroom.articles, ...after.newsroom.articles].filter((article) =>
    changed.has(article.sourcePath),
  );
  const touchedPaths = new Set(touched.map((article) => article.sourcePath));
  if ([...changed].some((file) => !touchedPaths.has(file))) return undefined;

  const articleUrls = new Set(touched.map((article) => article.url));
  const topics = new Set(touched.flatMap((article) => article.topics.map((topic) => topic.slug)));
  const authors = new Set(touched.flatMap((article) => article.authors.map((author) => author.key)));
  const months = new Set(touched.map((article) => monthKey(article.date)));
  const listsTouched = (article: Article) => article.related.some((link) => articleUrls.has(link.url));
  const { listings } = after;
  return new Set([
    ...articleUrls,
    ...after.newsroom.articles.filter(listsTouched).map((article) => article.url),
    ...offersShowing(before.newsroom, articleUrls),
    ...offersShowing(after.newsroom, articleUrls),
    ...listings.topicPages.filter((page) => topics.has(page.topic.slug)).map((page) => page.url),
    ...listings.authorPages.filter((page) => authors.has(page.author.key)).map((page) => page.url),
    ...listings.monthPages.filter((page) => months.has(monthKey(page))).map((page) => page.url),
    // The site feed mirrors the home page.
    "/",
  ]);
}

/**
 * The articles whose read-on offer (automatic stories, previous, next) shows one of `urls`. Only an article sharing a
 * topic with a story can offer it, so only those articles' offers are worked out.
 */
function offersShowing(newsroom: Newsroom, urls: ReadonlySet<string>): string[] {
  const topics = new Set(
    newsroom.articles
      .filter((article) => urls.has(article.url))
      .flatMap((article) => article.topics.map((topic) => topic.slug)),
  );
  const offers = readOnOffers(newsroom);
  const shows = (offer: ReadOn) =>
    [...offer.more, offer.previous, offer.next].some((story) => story !== undefined && urls.has(story.url));
  return newsroom.articles
    .filter((article) => article.topics.some((topic) => topics.has(topic.slug)) && shows(offers.offerOf(article)))
    .map((article) => article.url);
}

/**
 * A pagination `before` callback that keeps only the items this build writes, each named by the URL of the page
 * it renders or mirrors. https://www.11ty.dev/docs/pagination/#the-before-callback
 */
export function onlyRebuilt<Item>(
  urlOf: (item: Item) => string,
): (items: Item[], data: { rebuild: Rebuild }) => Item[] {
  return (items, { rebuild }) => (rebuild.only ? items.filter((item) => rebuild.only?.has(urlOf(item))) : items);
}
