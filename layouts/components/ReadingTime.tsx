import type { Article } from "../../src/content/schema.ts";

/** "4 min read": the time to read the story's body (see src/content/reading.ts). */
export function ReadingTime({ article }: { article: Article }) {
  return <span class="reading-time">{article.readingMinutes} min read</span>;
}
