import { displayLocale } from "../src/collections/collections.ts";
import type { Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { ArticleCard } from "./components/ArticleCard.tsx";
import { Byline } from "./components/Byline.tsx";
import { Page } from "./components/Page.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";

export const data = { permalink: "/" };

/** The home page: the lead story, the latest stories and the busiest topics. */
export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }) {
  const { publication } = newsroom;
  const { lead, latest, sections } = listings.frontPage;
  return (
    <Page newsroom={newsroom} path="/" title={publication.name} description={publication.tagline}>
      <h1 class="visually-hidden">{publication.name}</h1>
      {lead ? (
        <article class="lead">
          {lead.image ? <img class="lead__image" src={lead.image.src} alt={lead.image.alt} width="1200" height="675" fetchpriority="high" /> : null}
          <div class="lead__text">
            {lead.topics[0] ? (
              <p class="kicker">
                <a href={lead.topics[0].url}>{lead.topics[0].name}</a>
              </p>
            ) : null}
            <h2 class="lead__headline">
              <a href={lead.url}>{lead.title}</a>
              {lead.draft ? <span class="badge"> Draft</span> : lead.scheduled ? <span class="badge"> Scheduled</span> : null}
            </h2>
            {lead.dek ? <p class="lead__dek">{lead.dek}</p> : null}
            <p class="card__meta">
              <Byline authors={lead.authors} /> · <TimeStamp date={lead.date} locale={displayLocale(newsroom)} short />
            </p>
          </div>
        </article>
      ) : (
        <p class="empty">Nothing has been published yet.</p>
      )}
      {latest.length > 0 ? (
        <section class="front-section" aria-labelledby="latest">
          <h2 id="latest" class="section-heading">
            Latest
          </h2>
          <div class="card-list">
            {latest.map((article) => (
              <ArticleCard article={article} newsroom={newsroom} />
            ))}
          </div>
          <p class="more">
            <a href="/archive/">Every story in the archive →</a>
          </p>
        </section>
      ) : null}
      {sections.map(({ topic, articles }) => (
        <section class="front-section" aria-labelledby={`topic-${topic.slug}`}>
          <h2 id={`topic-${topic.slug}`} class="section-heading">
            <a href={topic.url}>{topic.name}</a>
          </h2>
          <div class="card-list card-list--compact">
            {articles.map((article) => (
              <ArticleCard article={article} newsroom={newsroom} />
            ))}
          </div>
          <p class="more">
            <a href={topic.url}>More {topic.name} →</a>
          </p>
        </section>
      ))}
    </Page>
  );
}
