import type { DateTime } from "luxon";
import type { Article, Author, Edition, Newsroom, Publication, Topic } from "../content/schema.ts";

/** What the newsroom is assembled from, once every check has passed. */
export interface NewsroomParts {
  publication: Publication;
  /** The articles this build shows, retracted ones included, in any order. */
  articles: Article[];
  authors: Map<string, Author>;
  topics: Map<string, Topic>;
  editions: Edition[];
  preview: boolean;
  now: DateTime;
}

const newestFirst = (a: Article, b: Article) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug);

/**
 * The newsroom every page is built from, its lists sorted (articles newest first, authors and topics by name),
 * retracted articles apart, every old address listed, and only topics some article is filed under.
 */
export function assembleNewsroom(parts: NewsroomParts): Newsroom {
  const articles = parts.articles.filter((article) => !article.retraction).sort(newestFirst);
  const retracted = parts.articles.filter((article) => article.retraction).sort(newestFirst);
  const usedTopics = new Set(articles.flatMap((article) => article.topics.map((topic) => topic.slug)));
  // Frozen: the newsroom never changes after loading, and Eleventy passes frozen data to templates as is
  // instead of wrapping it in a proxy per page, so per-newsroom caches (WeakMap) work.
  return Object.freeze({
    publication: parts.publication,
    articles,
    retracted,
    aliases: [...articles, ...retracted]
      .flatMap((article) => article.aliases.map((from) => ({ from, to: article.url, title: article.title })))
      .sort((a, b) => a.from.localeCompare(b.from)),
    authors: [...parts.authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
    topics: [...parts.topics.values()]
      .filter((topic) => usedTopics.has(topic.slug))
      .sort((a, b) => a.name.localeCompare(b.name)),
    editions: parts.editions,
    preview: parts.preview,
    builtAt: parts.now,
  });
}
