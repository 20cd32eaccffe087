import type { Article, Newsroom } from "../src/content/schema.ts";
import { rawHtml } from "../src/render/rawHtml.ts";
import { displayLocale } from "../src/site/locale.ts";
import { Byline } from "./components/Byline.tsx";
import { Page } from "./components/Page.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";

interface RetractionPageData {
  newsroom: Newsroom;
  article: Article;
}

/** A retracted story keeps its address at /news/<slug>/, so links to it still lead somewhere. */
export const data = {
  pagination: { data: "newsroom.retracted", size: 1, alias: "article", addAllPagesToCollections: false },
  permalink: (page: RetractionPageData) => page.article.url,
};

/**
 * The headline, byline and date it was published, and the retraction notice instead of the story; not indexed, not
 * searched.
 */
export function render({ newsroom, article }: RetractionPageData) {
  const locale = displayLocale(newsroom);
  const retraction = article.retraction;
  return (
    <Page newsroom={newsroom} path={article.url} title={`Retracted: ${article.title}`} noindex withListings={false}>
      <article class="article article--retracted">
        <header class="article__header">
          <p class="kicker">Retracted</p>
          <h1 class="article__headline">{article.title}</h1>
          <p class="article__meta">
            <Byline authors={article.authors} />
            <span class="article__dates">
              <TimeStamp date={article.date} locale={locale} dateOnly={article.dateOnly} />
            </span>
          </p>
        </header>
        {retraction ? (
          <aside class="corrections corrections--retraction" aria-labelledby="retraction-heading">
            <h2 class="corrections__heading" id="retraction-heading">
              This story was retracted
            </h2>
            <p class="corrections__date">
              <TimeStamp date={retraction.date} locale={locale} dateOnly={retraction.dateOnly} />
            </p>
            {rawHtml(retraction.noteHtml)}
          </aside>
        ) : null}
      </article>
    </Page>
  );
}
