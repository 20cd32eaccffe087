import type { Article, Newsroom } from "../../src/content/schema.ts";
import { displayLocale } from "../../src/site/locale.ts";
import { ReadingTime } from "./ReadingTime.tsx";
import { ResponsivePicture } from "./ResponsivePicture.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { TimeStamp } from "./TimeStamp.tsx";

/** "Ana Lim and Ben Tran"; on an author's own page only the co-authors, "with Ben Tran", or nothing. */
function authorsOf(article: Article, pageAuthor: string | undefined): string {
  const names = article.authors.filter((author) => author.key !== pageAuthor).map((author) => author.name);
  const list = names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return pageAuthor === undefined || list === "" ? list : `with ${list}`;
}

/**
 * An article in a list: thumbnail, headline, dek, date, authors and reading time. On an author's page
 * (`pageAuthor`, the author's key) the card names only the co-authors.
 */
export function ArticleCard({
  article,
  newsroom,
  headingLevel = 3,
  pageAuthor,
}: {
  article: Article;
  newsroom: Newsroom;
  headingLevel?: 2 | 3;
  pageAuthor?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const authors = authorsOf(article, pageAuthor);
  return (
    <article class="card">
      {article.image && !article.retraction ? (
        <ResponsivePicture picture={article.image} place="card" alt="" class="card__image" loading="lazy" />
      ) : null}
      <div class="card__text">
        <Heading class="card__headline">
          <a href={article.url}>{article.title}</a>
          <StatusBadge article={article} />
        </Heading>
        {article.dek && !article.retraction ? <p class="card__dek">{article.dek}</p> : null}
        <p class="card__meta">
          <TimeStamp date={article.date} locale={displayLocale(newsroom)} short />
          {authors ? ` · ${authors}` : null}
          {article.retraction ? null : (
            <>
              {" · "}
              <ReadingTime article={article} />
            </>
          )}
        </p>
      </div>
    </article>
  );
}
