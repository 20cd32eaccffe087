import type { Article, Author, DatedNote, Newsroom, Topic } from "../content/schema.ts";
import { displayLocale } from "../site/locale.ts";
import { monthKey, PAGE_SIZE, pageUrl, route } from "../site/routes.ts";
import { type TopicCount, topicsByActivity } from "./collections.ts";

/** One page of a paginated list of articles. */
export interface ListingPage {
  url: string;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  /** Articles in the whole list, across pages. */
  total: number;
  articles: Article[];
  previousUrl?: string;
  nextUrl?: string;
}

export interface TopicPage extends ListingPage {
  topic: Topic;
}

export interface AuthorPage extends ListingPage {
  author: Author;
}

export interface MonthPage extends ListingPage {
  year: number;
  month: number;
  /** "November 2026" in the publication's locale. */
  label: string;
}

/** A month in the archive index. */
export interface ArchiveMonth {
  year: number;
  month: number;
  label: string;
  url: string;
  count: number;
}

/** The home page's parts. */
export interface FrontPage {
  lead?: Article;
  latest: Article[];
  sections: { topic: Topic; articles: Article[] }[];
}

/** Everything the listing pages are built from. */
export interface Listings {
  topicPages: TopicPage[];
  authorPages: AuthorPage[];
  monthPages: MonthPage[];
  archive: ArchiveMonth[];
  topicCounts: TopicCount[];
  frontPage: FrontPage;
  /** The corrections page: every correction and retraction, newest first. */
  corrections: CorrectionNotice[];
}

/** Splits articles (already in order) into pages of `size`; an empty list still has one page. */
export function paginate(articles: Article[], firstUrl: string, size = PAGE_SIZE): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(articles.length / size));
  return Array.from({ length: pageCount }, (_, index) => {
    const pageNumber = index + 1;
    return {
      url: pageUrl(firstUrl, pageNumber),
      pageNumber,
      pageCount,
      total: articles.length,
      articles: articles.slice(index * size, pageNumber * size),
      previousUrl: pageNumber > 1 ? pageUrl(firstUrl, pageNumber - 1) : undefined,
      nextUrl: pageNumber < pageCount ? pageUrl(firstUrl, pageNumber + 1) : undefined,
    };
  });
}

/** Groups articles (newest first) by a key, keeping order within each group. */
function groupBy<Key>(articles: Article[], keyOf: (article: Article) => Key[]): Map<Key, Article[]> {
  const groups = new Map<Key, Article[]>();
  for (const article of articles) {
    for (const key of keyOf(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}

/** Pages for every topic in use, newest articles first. */
export function topicPages(newsroom: Newsroom): TopicPage[] {
  const byTopic = groupBy(newsroom.articles, (article) => article.topics.map((topic) => topic.slug));
  return newsroom.topics.flatMap((topic) =>
    // Object.assign rather than a spread: see withFile (src/content/pictures.ts).
    paginate(byTopic.get(topic.slug) ?? [], topic.url).map((page) => Object.assign({}, page, { topic })),
  );
}

/** Pages for every author, including those with no articles yet. */
export function authorPages(newsroom: Newsroom): AuthorPage[] {
  const byAuthor = groupBy(newsroom.articles, (article) => article.authors.map((author) => author.key));
  return newsroom.authors.flatMap((author) =>
    paginate(byAuthor.get(author.key) ?? [], author.url).map((page) => Object.assign({}, page, { author })),
  );
}

// The articles by month ("2024/03"), newest first: grouped once per newsroom, for the archive and its pages.
const byMonth = new WeakMap<Newsroom, Map<string, Article[]>>();
function articlesByMonth(newsroom: Newsroom): Map<string, Article[]> {
  let months = byMonth.get(newsroom);
  if (!months) {
    months = groupBy(newsroom.articles, (article) => [monthKey(article.date)]);
    byMonth.set(newsroom, months);
  }
  return months;
}

/** Months with articles, newest first, by the calendar of the publication's time zone. */
export function archiveMonths(newsroom: Newsroom): ArchiveMonth[] {
  const locale = displayLocale(newsroom);
  return [...articlesByMonth(newsroom)].map(([key, articles]) => {
    // groupBy makes no empty group.
    const date = (articles[0] as Article).date.setLocale(locale);
    return {
      year: date.year,
      month: date.month,
      label: date.toFormat("MMMM yyyy"),
      url: route.month(key),
      count: articles.length,
    };
  });
}

/** Pages for every month in the archive. */
export function monthPages(newsroom: Newsroom): MonthPage[] {
  const months = articlesByMonth(newsroom);
  return archiveMonths(newsroom).flatMap((month) =>
    paginate(months.get(`${month.year}/${String(month.month).padStart(2, "0")}`) ?? [], month.url).map((page) =>
      Object.assign({}, page, { year: month.year, month: month.month, label: month.label }),
    ),
  );
}

/** How many of the newest stories a featured article must be among to lead the home page. */
export const FEATURED_WINDOW = 20;

/** How many topic sections the home page shows, and how many stories each shows at most and at least. */
export const FRONT_SECTIONS = { count: 4, most: 4, fewest: 2 };

/**
 * The home page: the lead (the newest `featured` story among the latest, else the newest), the latest, then sections
 * for the busiest topics. Each story appears once: a section takes its topic's newest stories not shown above it,
 * and a topic with fewer than `FRONT_SECTIONS.fewest` of those left gives its place to the next busiest.
 */
export function frontPage(newsroom: Newsroom, topicCounts = topicsByActivity(newsroom)): FrontPage {
  const recent = newsroom.articles.slice(0, FEATURED_WINDOW);
  const lead = recent.find((article) => article.featured) ?? recent[0];
  // The newest that qualify, found by walking the articles (newest first) only as far as needed: a dev-server save
  // works the front page out again, over 100,000 articles in a large archive.
  const newest = (wanted: number, qualifies: (article: Article) => boolean) => {
    const found: Article[] = [];
    for (const article of newsroom.articles) {
      if (found.length === wanted) break;
      if (article !== lead && qualifies(article)) found.push(article);
    }
    return found;
  };
  const latest = newest(9, () => true);
  const onPage = new Set<Article | undefined>([lead, ...latest]);
  const sections: FrontPage["sections"] = [];
  for (const { topic } of topicCounts) {
    if (sections.length === FRONT_SECTIONS.count) break;
    const unseen = newest(
      FRONT_SECTIONS.most,
      (article) => !onPage.has(article) && article.topics.some((candidate) => candidate.slug === topic.slug),
    );
    if (unseen.length < FRONT_SECTIONS.fewest) continue;
    for (const article of unseen) onPage.add(article);
    sections.push({ topic, articles: unseen });
  }
  return { lead, latest, sections };
}

/** One notice on the corrections page: a correction of an article, or its retraction. */
export interface CorrectionNotice {
  article: Article;
  note: DatedNote;
  /** Where the notice is read in full: the correction's anchor on the article, or the retracted story's page. */
  url: string;
  kind: "correction" | "retraction";
}

/** Every correction and retraction, newest first; notices of one day keep the articles' order, then their own. */
export function correctionNotices(newsroom: Newsroom): CorrectionNotice[] {
  const notices: CorrectionNotice[] = [
    ...newsroom.articles.flatMap((article) =>
      article.corrections.map(
        (note, index): CorrectionNotice => ({
          article,
          note,
          url: `${article.url}#correction-${index + 1}`,
          kind: "correction",
        }),
      ),
    ),
    ...newsroom.retracted.flatMap((article) =>
      article.retraction ? [{ article, note: article.retraction, url: article.url, kind: "retraction" as const }] : [],
    ),
  ];
  return notices
    .map((notice, order) => ({ notice, order }))
    .sort((a, b) => b.notice.note.date.toMillis() - a.notice.note.date.toMillis() || a.order - b.order)
    .map(({ notice }) => notice);
}

/** All listing pages, computed once per build. */
export function listings(newsroom: Newsroom): Listings {
  const topicCounts = topicsByActivity(newsroom);
  return Object.freeze({
    topicPages: topicPages(newsroom),
    authorPages: authorPages(newsroom),
    monthPages: monthPages(newsroom),
    archive: archiveMonths(newsroom),
    topicCounts,
    frontPage: frontPage(newsroom, topicCounts),
    corrections: correctionNotices(newsroom),
  });
}
