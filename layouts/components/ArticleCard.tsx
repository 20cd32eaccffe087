import type { Article, Newsroom } from "../../src/content/schema.ts";
import { displayLocale } from "../../src/site/locale.ts";
import { ResponsivePicture } from "./ResponsivePicture.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { TimeStamp } from "./TimeStamp.tsx";

/** An article in a list: thumbnail, headline, dek, date and authors. */
export function ArticleCard({
  article,
  newsroom,
  headingLevel = 3,
}: {
  article: Article;
  newsroom: Newsroom;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
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
          <TimeStamp date={article.date} locale={displayLocale(newsroom)} short /> ·{" "}
          {article.authors.map((author) => author.name).join(", ")}
        </p>
      </div>
    </article>
  );
}
