import type { Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { correctionsFeedLink } from "../src/feeds/corrections.ts";
import { rawHtml } from "../src/render/rawHtml.ts";
import { displayLocale } from "../src/site/locale.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";

export const data = { permalink: route.corrections };

/** Every correction and retraction the publication has made, newest first, each linked to its story; with a feed. */
export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }) {
  const locale = displayLocale(newsroom);
  const feed = correctionsFeedLink(newsroom);
  return (
    <Page
      newsroom={newsroom}
      path={route.corrections}
      title="Corrections"
      description={`Every correction and retraction ${newsroom.publication.name} has published, newest first.`}
      feeds={[feed]}
    >
      <header class="listing-header">
        <h1 class="listing-header__title">Corrections</h1>
        <p class="listing-header__description">
          When we get something wrong, we correct the story and say so at its top. Every correction and retraction is
          listed here, newest first; follow them with the <a href={feed.url}>corrections feed</a>.
        </p>
      </header>
      {listings.corrections.length === 0 ? (
        <p class="empty">No corrections so far.</p>
      ) : (
        <ol class="correction-log">
          {listings.corrections.map((notice) => (
            <li class="correction-log__item">
              <p class="correction-log__date">
                <TimeStamp date={notice.note.date} locale={locale} dateOnly={notice.note.dateOnly} />
                {notice.kind === "retraction" ? " · Retracted" : null}
              </p>
              <h2 class="correction-log__headline">
                <a href={notice.url}>{notice.article.title}</a>
              </h2>
              {rawHtml(notice.note.noteHtml)}
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
