import type { Newsroom } from "../src/content/schema.ts";
import { newsletterFeedLink } from "../src/newsletter/feed.ts";
import { displayLocale } from "../src/site/locale.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";
import { SignupForm } from "./components/SignupForm.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";

export const data = { permalink: route.newsletter };

/** The sign-up form, then every newsletter edition, newest first, with its lead story; advertises the feed. */
export function render({ newsroom }: { newsroom: Newsroom }) {
  const { publication, editions } = newsroom;
  const locale = displayLocale(newsroom);
  const feed = newsletterFeedLink(newsroom);
  return (
    <Page
      newsroom={newsroom}
      path={route.newsletter}
      title="Newsletter"
      description={`Every newsletter edition from ${publication.name}, newest first.`}
      feeds={[feed]}
      isNewsletterPage
    >
      <header class="listing-header">
        <h1 class="listing-header__title">Newsletter</h1>
        <p class="listing-header__description">
          The editors’ pick of {publication.name}’s stories, sent by email. Every edition is here, newest first; follow
          them with the <a href={feed.url}>newsletter feed</a>.
        </p>
      </header>
      <SignupForm publication={publication} place="newsletter" />
      {editions.length === 0 ? (
        <p class="empty">No editions yet.</p>
      ) : (
        <ol class="edition-list">
          {editions.map((edition) => (
            <li class="edition-list__item">
              <p class="edition-list__date">
                <TimeStamp date={edition.date} locale={locale} dateOnly />
                {edition.scheduled ? <span class="badge"> Scheduled</span> : null}
              </p>
              <h2 class="edition-list__title">
                <a href={edition.url}>{edition.title}</a>
              </h2>
              {edition.lead ? <p class="edition-list__lead">Leading with: {edition.lead.title}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
