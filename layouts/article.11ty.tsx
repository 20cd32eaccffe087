import { readOn } from "../src/collections/readOn.ts";
import { articlesRebuilt } from "../src/collections/rebuild.ts";
import type { Article, Newsroom } from "../src/content/schema.ts";
import { shortDate } from "../src/dates/dates.ts";
import { rawHtml } from "../src/render/rawHtml.ts";
import { breadcrumbJsonLd } from "../src/seo/jsonld.ts";
import { displayLocale } from "../src/site/locale.ts";
import { absoluteUrl, printableLinks } from "../src/site/urls.ts";
import { AlsoSee } from "./components/AlsoSee.tsx";
import { AuthorBio } from "./components/AuthorBio.tsx";
import { Byline } from "./components/Byline.tsx";
import { Corrections } from "./components/Corrections.tsx";
import { HeroFigure } from "./components/HeroFigure.tsx";
import { MoreOn } from "./components/MoreOn.tsx";
import { Page } from "./components/Page.tsx";
import { PreviewNotice } from "./components/PreviewNotice.tsx";
import { ReadingTime } from "./components/ReadingTime.tsx";
import { SignupForm } from "./components/SignupForm.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";
import { TopicNeighbours } from "./components/TopicNeighbours.tsx";
import { TopicTags } from "./components/TopicTags.tsx";

interface ArticlePageData {
  newsroom: Newsroom;
  article: Article;
}

/** One page per article at /news/<slug>/. */
export const data = {
  pagination: {
    data: "newsroom.articles",
    size: 1,
    alias: "article",
    addAllPagesToCollections: false,
    before: articlesRebuilt(),
  },
  permalink: (page: ArticlePageData) => page.article.url,
};

/**
 * The article page: headline, dek, byline, dates and reading time, corrections, hero, body, source, ALSO SEE and the
 * stories that fill it, topics, author bios, the previous and next stories in its main topic, then the newsletter's
 * sign-up form.
 */
export function render({ newsroom, article }: ArticlePageData) {
  const locale = displayLocale(newsroom);
  const offer = readOn(newsroom, article);
  return (
    <Page
      newsroom={newsroom}
      path={article.url}
      title={article.title}
      description={article.dek}
      article={article}
      structuredData={[breadcrumbJsonLd(newsroom, article)]}
      withListings={false}
    >
      {/* Search indexes the body and the headline (as its boosted `title`) only; topic, author, source and year
          are filters. */}
      <article
        class="article"
        data-pagefind-sort={`date:${article.date.toUTC().toISO()}`}
        data-pagefind-filter={`year:${article.date.year}`}
        data-pagefind-meta={`date:${shortDate(article.date, locale)}`}
      >
        <PreviewNotice article={article} locale={locale} />
        <header class="article__header">
          {article.topics[0] ? (
            <p class="kicker">
              <a href={article.topics[0].url}>{article.topics[0].name}</a>
            </p>
          ) : null}
          <h1 class="article__headline" data-pagefind-meta="title">
            {article.title}
          </h1>
          {article.dek ? <p class="article__dek">{article.dek}</p> : null}
          <p class="article__meta">
            <Byline authors={article.authors} />
            <span class="article__dates">
              <TimeStamp date={article.date} locale={locale} dateOnly={article.dateOnly} />
              {article.updated ? (
                <span class="article__updated">
                  Updated <TimeStamp date={article.updated} locale={locale} />
                </span>
              ) : null}
            </span>
            <ReadingTime article={article} />
          </p>
          {/* Print only: the address of the story on paper, where the browser's own header may be off. */}
          <p class="article__address">{absoluteUrl(newsroom.publication.baseUrl, article.url)}</p>
        </header>
        <Corrections article={article} locale={locale} />
        {article.image ? <HeroFigure image={article.image} /> : null}
        {/* Without a hero, Pagefind would show the first picture after the headline, an author's portrait: an empty
            image says there is none. https://pagefind.app/docs/metadata/#automatic-metadata */}
        <div class="article__body" data-pagefind-meta={article.image ? undefined : "image:"} data-pagefind-body>
          {rawHtml(printableLinks(article.html, newsroom.publication.baseUrl))}
        </div>
        {article.source ? (
          <p class="article__source" data-pagefind-filter="source">
            {article.source}
          </p>
        ) : null}
        <AlsoSee links={article.related} />
        <MoreOn stories={offer.more} topics={offer.moreTopics} />
        <TopicTags topics={article.topics} />
        {article.authors.map((author) => (
          <AuthorBio author={author} />
        ))}
        <TopicNeighbours topic={article.topics[0]} previous={offer.previous} next={offer.next} />
      </article>
      <SignupForm publication={newsroom.publication} place="article" />
    </Page>
  );
}
