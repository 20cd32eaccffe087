import type { Article } from "../../src/content/schema.ts";

/**
 * After a headline in a list: "Retracted" (a sent edition keeps such a story), or on the dev server "Draft" or
 * "Scheduled".
 */
export function StatusBadge({ article }: { article: Article }) {
  const status = article.retraction
    ? "Retracted"
    : article.draft
      ? "Draft"
      : article.scheduled
        ? "Scheduled"
        : undefined;
  return status ? <span class="badge"> {status}</span> : null;
}
