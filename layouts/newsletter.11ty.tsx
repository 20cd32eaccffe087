import type { Newsroom } from "../src/content/schema.ts";
import { newsletterFeedLink } from "../src/newsletter/feed.ts";
import { displayLocale } from "../src/site/locale.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";
import { ResponsivePicture } from "./components/ResponsivePicture.tsx";
import { SignupForm } from "./components/SignupForm.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";

export const data = { permalink: route.newsletter };

/**
 * What the newsletter is and its sign-up form (beside the editions on a wide screen), then every edition, newest first,
 * as a card with its lead story's picture, the start of the editor's note and its stories. Advertises the feed.
 */
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
      <div class="newsletter-page">
        <aside class="newsletter-page__about" aria-labelledby="about-newsletter">
          <h2 id="about-newsletter" class="section-heading">
            What you get
          </h2>
          <p>
            Each edition is a short note from the editors and the stories they would not want you to miss, with a link
            to read each one in full on the site.
          </p>
          <SignupForm publication={publication} place="newsletter" />
        </aside>
        <section class="newsletter-page__editions" aria-labelledby="editions">
          <h2 id="editions" class="section-heading">
            Editions
          </h2>
          {editions.length === 0 ? (
            <p class="empty">No editions yet.</p>
          ) : (
            <ol class="edition-list">
              {editions.map((edition) => (
                <li class="edition-list__item">
                  {edition.lead?.image && !edition.lead.retraction ? (
                    <ResponsivePicture
                      picture={edition.lead.image}
                      place="card"
                      alt=""
                      class="edition-list__image"
                      loading="lazy"
                    />
                  ) : null}
                  <div class="edition-list__text">
                    <p class="edition-list__date">
                      <TimeStamp date={edition.date} locale={locale} dateOnly />
                      {edition.scheduled ? <span class="badge"> Scheduled</span> : null}
                    </p>
                    <h3 class="edition-list__title">
                      <a href={edition.url}>{edition.title}</a>
                    </h3>
                    {edition.preheader ? <p class="edition-list__note">{edition.preheader}</p> : null}
                    {edition.lead ? <p class="edition-list__lead">Leading with: {edition.lead.title}</p> : null}
                    {edition.picks.length > 0 ? (
                      <p class="edition-list__count">
                        {edition.picks.length === 1 ? "and 1 more story" : `and ${edition.picks.length} more stories`}
                      </p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </Page>
  );
}
