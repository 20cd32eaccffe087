import type { Article, Newsroom } from "../../src/content/schema.ts";
import { displayLocale } from "../../src/site/locale.ts";
import { Byline } from "./Byline.tsx";
import { ReadingTime } from "./ReadingTime.tsx";
import { ResponsivePicture } from "./ResponsivePicture.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { TimeStamp } from "./TimeStamp.tsx";

/**
 * A story given the lead slot (the home page's, an edition's): big picture, kicker, headline, dek, byline, date and
 * reading time.
 */
export function LeadStory({ article, newsroom }: { article: Article; newsroom: Newsroom }) {
  return (
    <article class="lead">
      {article.image && !article.retraction ? (
        <ResponsivePicture picture={article.image} place="lead" class="lead__image" fetchpriority="high" />
      ) : null}
      <div class="lead__text">
        {article.topics[0] ? (
          <p class="kicker">
            <a href={article.topics[0].url}>{article.topics[0].name}</a>
          </p>
        ) : null}
        <h2 class="lead__headline">
          <a href={article.url}>{article.title}</a>
          <StatusBadge article={article} />
        </h2>
        {article.dek && !article.retraction ? <p class="lead__dek">{article.dek}</p> : null}
        <p class="card__meta">
          <Byline authors={article.authors} /> ·{" "}
          <TimeStamp date={article.date} locale={displayLocale(newsroom)} short />
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
