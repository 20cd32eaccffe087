import type { Article, Newsroom } from "../../src/content/schema.ts";
import { ArticleCard } from "./ArticleCard.tsx";

/** A grid of article cards, or a plain sentence when there are none; on an author's page, `pageAuthor` is their key. */
export function ArticleList(props: {
  articles: Article[];
  newsroom: Newsroom;
  headingLevel?: 2 | 3;
  empty?: string;
  pageAuthor?: string;
}) {
  const { articles, newsroom, headingLevel, empty = "No articles yet.", pageAuthor } = props;
  if (articles.length === 0) return <p class="empty">{empty}</p>;
  return (
    <div class="card-list">
      {articles.map((article) => (
        <ArticleCard article={article} newsroom={newsroom} headingLevel={headingLevel} pageAuthor={pageAuthor} />
      ))}
    </div>
  );
}
