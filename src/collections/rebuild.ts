import { resolve } from "node:path";
import type { Article, Newsroom } from "../content/schema.ts";
import { displayPath } from "../content/sources.ts";
import { FEED_SIZE, monthKey } from "../site/routes.ts";
import type { ListingPage, Listings } from "./listings.ts";
import { carryReadOn, offersShowing } from "./readOn.ts";

/** A newsroom with the listings computed from it: what one build rendered. */
export interface BuiltState {
  newsroom: Newsroom;
  listings: Listings;
}

/**
 * What the paginated layouts write on this build: `only` the pages at these URLs, or every page when absent; of the
 * article pages, only those of one part of the archive (`articles`, their URLs) when given; and neither a list's nor
 * an article's pages when `later`, since later runs write them (see RenderRun).
 */
export interface Rebuild {
  only?: ReadonlySet<string>;
  articles?: ReadonlySet<string>;
  later?: boolean;
}

/**
 * The URLs a dev-server rebuild must write again after `changedFiles` were saved, given what the last build
 * wrote: the changed articles' pages, the articles whose ALSO SEE lists them, the articles whose automatic stories
 * or previous and next links showed them before or show them now, and the pages of their topics, authors and
 * archive months: every page when a changed article joined, left or moved in a list (a new date, topic or author),
 * else the pages holding it and, while it is among a topic's or author's latest FEED_SIZE, the first page, whose
 * feed carries its text. Undefined, meaning every page, when any changed file is not an article (a topic,
 * an author, a layout, a stylesheet), since such a change can show on any page.
 */
export function pagesToRebuild(
  before: BuiltState,
  after: BuiltState,
  changedFiles: readonly string[],
): Set<string> | undefined {
  const changed = new Set(changedFiles.map((file) => displayPath(resolve(file))));
  const touchedBefore = before.newsroom.articles.filter((article) => changed.has(article.sourcePath));
  const touchedAfter = after.newsroom.articles.filter((article) => changed.has(article.sourcePath));
  const touched = [...touchedBefore, ...touchedAfter];
  const touchedPaths = new Set(touched.map((article) => article.sourcePath));
  if ([...changed].some((file) => !touchedPaths.has(file))) return undefined;

  const articleUrls = new Set(touched.map((article) => article.url));
  const topics = new Set(touched.flatMap((article) => article.topics.map((topic) => topic.slug)));
  const authors = new Set(touched.flatMap((article) => article.authors.map((author) => author.key)));
  const months = new Set(touched.map((article) => monthKey(article.date)));
  const listsTouched = (article: Article) => article.related.some((link) => articleUrls.has(link.url));
  const stayed = stayedInPlace(touchedBefore, touchedAfter);
  const pagesOf = <Page extends ListingPage>(pages: Page[], listOf: (page: Page) => string, lists: Set<string>) =>
    listPages(
      pages.filter((page) => lists.has(listOf(page))),
      listOf,
      articleUrls,
      stayed,
    );
  const { listings } = after;
  carryReadOn(before.newsroom, after.newsroom);
  return new Set([
    ...articleUrls,
    ...after.newsroom.articles.filter(listsTouched).map((article) => article.url),
    ...offersShowing(before.newsroom, articleUrls),
    ...offersShowing(after.newsroom, articleUrls),
    ...pagesOf(listings.topicPages, (page) => page.topic.slug, topics),
    ...pagesOf(listings.authorPages, (page) => page.author.key, authors),
    ...pagesOf(listings.monthPages, monthKey, months),
    // The site feed mirrors the home page.
    "/",
  ]);
}

/**
 * Whether each changed article is in the same lists at the same place as before: one article before and one after
 * per file, with the same address, date, topics, authors and standing (draft, scheduled, featured).
 */
function stayedInPlace(before: Article[], after: Article[]): boolean {
  const keyOf = (article: Article) =>
    JSON.stringify([
      article.sourcePath,
      article.url,
      article.date.toMillis(),
      article.topics.map((topic) => topic.slug),
      article.authors.map((author) => author.key),
      article.draft,
      article.scheduled,
      article.featured,
    ]);
  const was = new Set(before.map(keyOf));
  return (
    before.length === after.length && was.size === before.length && after.every((article) => was.has(keyOf(article)))
  );
}

/**
 * The pages of touched lists to write again: every page unless the changed articles `stayed` in place; then the
 * pages holding them, and a list's first page while they are among its latest FEED_SIZE, since the first page's feed
 * (topics and authors have one; a month's first page is written then too) carries their text.
 */
function listPages<Page extends ListingPage>(
  pages: Page[],
  listOf: (page: Page) => string,
  urls: ReadonlySet<string>,
  stayed: boolean,
): string[] {
  if (!stayed) return pages.map((page) => page.url);
  const lists = new Map<string, Page[]>();
  for (const page of pages) {
    const list = lists.get(listOf(page));
    if (list) list.push(page);
    else lists.set(listOf(page), [page]);
  }
  const holds = (articles: Article[]) => articles.some((article) => urls.has(article.url));
  return [...lists.values()].flatMap((list) => {
    const inFeed = holds(list.flatMap((page) => page.articles).slice(0, FEED_SIZE));
    return list.filter((page) => holds(page.articles) || (inFeed && page.pageNumber === 1)).map((page) => page.url);
  });
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

/** The lists' `before` callback: the pages this build writes (see onlyRebuilt); none in a run that leaves them. */
export function listRebuilt<Page>(
  urlOf: (page: Page) => string,
): (pages: Page[], data: { rebuild: Rebuild }) => Page[] {
  const rebuilt = onlyRebuilt(urlOf);
  return (pages, data) => (data.rebuild.later ? [] : rebuilt(pages, data));
}

/**
 * The article pages' `before` callback: the articles this build writes (see onlyRebuilt), of its part if any; none in
 * a run that leaves them.
 */
export function articlesRebuilt(): (items: Article[], data: { rebuild: Rebuild }) => Article[] {
  const rebuilt = onlyRebuilt((article: Article) => article.url);
  return (items, data) => {
    if (data.rebuild.later) return [];
    const part = data.rebuild.articles;
    return rebuilt(part ? items.filter((article) => part.has(article.url)) : items, data);
  };
}

/** The layout of the article pages. */
export const ARTICLE_LAYOUT = "article.11ty.tsx";

/** The layouts of the lists, thousands of pages each in a large archive: each is rendered in a run of its own then. */
export const LISTING_LAYOUTS = ["topic.11ty.tsx", "author.11ty.tsx", "archive-month.11ty.tsx"];

/**
 * What one of the runs of Eleventy a build is rendered in writes (src/cli/render.ts): the pages of `layout` only, or
 * when it is absent those of every layout; of the article layout, the pages of one part of the search index
 * (src/site/searchParts.ts, 0 the newest).
 */
export interface RenderRun {
  layout?: string;
  articlePart?: number;
}

/**
 * The runs a build of `parts` search parts is rendered in, in order. Eleventy's `write()` holds every page it wrote,
 * with its HTML, until it returns, so an archive of more than one part is rendered a run at a time: every page but
 * the lists and the articles (which the first run, the one that loads the newsroom, leaves `later`), then each list,
 * then each part's article pages, the newest first. An archive of one part is one run.
 */
export function renderRuns(parts: number): RenderRun[] {
  if (parts <= 1) return [{}];
  return [
    {},
    ...LISTING_LAYOUTS.map((layout) => ({ layout })),
    ...Array.from({ length: parts }, (_, articlePart) => ({ layout: ARTICLE_LAYOUT, articlePart })),
  ];
}
