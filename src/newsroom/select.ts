import type { DateTime } from "luxon";
import type { ArticleFile } from "../content/articles.ts";
import type { Edition } from "../content/schema.ts";

/** Where a valid article stands at a build's "now". */
export type ArticleState = "published" | "draft" | "scheduled";

/** The one definition of what is published: an article file's state at `now`; undefined when it is not valid. */
export function articleState(article: ArticleFile, now: DateTime): ArticleState | undefined {
  if (!article.valid) return undefined;
  if (article.valid.data.draft) return "draft";
  // As numbers: comparing DateTimes with `>` goes through valueOf, slow over 100,000 articles a dev-server save.
  return article.valid.date.toMillis() > now.toMillis() ? "scheduled" : "published";
}

/** The articles a build shows: the published ones, or in a preview every valid one. */
export interface Selection {
  included: ArticleFile[];
  slugs: Set<string>;
}

/** Selects what a build at `now` shows; a preview (the dev server) shows drafts and scheduled articles too. */
export function selectArticles(articles: ArticleFile[], now: DateTime, preview: boolean): Selection {
  const included = articles.filter((article) => {
    const state = articleState(article, now);
    return state === "published" || (preview && state !== undefined);
  });
  return { included, slugs: new Set(included.map((article) => article.slug)) };
}

/**
 * What a production build leaves out on purpose, by source file: drafts, and articles and editions scheduled for later.
 */
export interface LeftOut {
  drafts: string[];
  scheduled: string[];
  scheduledEditions: string[];
}

/** Which articles are drafts, and which articles and editions wait for later, whether or not this build shows them. */
export function leftOut(articles: ArticleFile[], editions: Edition[], now: DateTime): LeftOut {
  const drafts: string[] = [];
  const scheduled: string[] = [];
  for (const article of articles) {
    const state = articleState(article, now);
    if (state === "draft") drafts.push(article.file.path);
    else if (state === "scheduled") scheduled.push(article.file.path);
  }
  return {
    drafts,
    scheduled,
    scheduledEditions: editions.filter((edition) => edition.scheduled).map((edition) => edition.sourcePath),
  };
}
