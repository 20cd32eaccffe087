import type { Edition, Newsroom } from "../src/content/schema.ts";
import { newsletterFeedLink } from "../src/newsletter/feed.ts";
import { rawHtml } from "../src/render/rawHtml.ts";
import { displayLocale } from "../src/site/locale.ts";
import { route } from "../src/site/routes.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { LeadStory } from "./components/LeadStory.tsx";
import { Page } from "./components/Page.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";

interface EditionPageData {
  newsroom: Newsroom;
  edition: Edition;
}

/** One page per newsletter edition at /newsletter/<yyyy-mm-dd>/. */
export const data = {
  pagination: { data: "newsroom.editions", size: 1, alias: "edition", addAllPagesToCollections: false },
  permalink: ({ edition }: EditionPageData) => edition.url,
};

/**
 * The edition on the web, as readers who follow "View in browser" expect it: title, date, the editor's note,
 * the lead story, the picks, and the way to newer and older editions. Not indexed for search (no
 * data-pagefind-body): its stories are indexed on their own pages, and an edition would repeat them in results.
 */
export function render({ newsroom, edition }: EditionPageData) {
  const locale = displayLocale(newsroom);
  const index = newsroom.editions.indexOf(edition);
  const newer = newsroom.editions[index - 1];
  const older = newsroom.editions[index + 1];
  const count = (edition.lead ? 1 : 0) + edition.picks.length;
  return (
    <Page
      newsroom={newsroom}
      path={edition.url}
      title={edition.title}
      description={edition.preheader || undefined}
      feeds={[newsletterFeedLink(newsroom)]}
    >
      <article class="edition">
        {edition.scheduled ? (
          <p class="preview-notice" role="note">
            <strong>Scheduled</strong> — published once its date has come and all its stories are out.
          </p>
        ) : null}
        <header class="listing-header">
          <p class="kicker">
            <a href={route.newsletter}>Newsletter</a>
          </p>
          <h1 class="listing-header__title">{edition.title}</h1>
          <p class="listing-header__count">
            <TimeStamp date={edition.date} locale={locale} dateOnly /> · {count} {count === 1 ? "story" : "stories"}
          </p>
        </header>
        {edition.noteHtml ? <div class="edition__note">{rawHtml(edition.noteHtml)}</div> : null}
        {edition.lead ? <LeadStory article={edition.lead} newsroom={newsroom} /> : null}
        {edition.picks.length > 0 ? (
          <section class="front-section" aria-labelledby="edition-picks">
            <h2 id="edition-picks" class="section-heading">
              Also in this edition
            </h2>
            <ArticleList articles={edition.picks} newsroom={newsroom} headingLevel={3} />
          </section>
        ) : null}
        <nav class="pagination" aria-label="Editions">
          {newer ? (
            <a class="pagination__previous" href={newer.url}>
              ← Newer edition
            </a>
          ) : (
            <span />
          )}
          <a class="pagination__status" href={route.newsletter}>
            All editions
          </a>
          {older ? (
            <a class="pagination__next" href={older.url}>
              Older edition →
            </a>
          ) : (
            <span />
          )}
        </nav>
      </article>
    </Page>
  );
}
