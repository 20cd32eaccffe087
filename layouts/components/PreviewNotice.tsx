import type { Article } from "../../src/content/schema.ts";
import { displayDate } from "../../src/dates/dates.ts";

/** The dev server's marker on drafts and scheduled articles; production builds never contain them. */
export function PreviewNotice({ article, locale }: { article: Article; locale: string }) {
  if (article.draft) {
    return (
      <p class="preview-notice" role="note">
        <strong>Draft</strong> — not published. Remove <code>draft: true</code> to publish.
      </p>
    );
  }
  if (article.scheduled) {
    return (
      <p class="preview-notice" role="note">
        <strong>Scheduled</strong> — publishes {displayDate(article.date, locale, article.dateOnly)}.
      </p>
    );
  }
  return null;
}
