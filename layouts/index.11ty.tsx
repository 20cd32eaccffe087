import type { Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { organizationJsonLd, webSiteJsonLd } from "../src/seo/jsonld.ts";
import { route } from "../src/site/routes.ts";
import { ArticleCard } from "./components/ArticleCard.tsx";
import { LeadStory } from "./components/LeadStory.tsx";
import { Page } from "./components/Page.tsx";

export const data = { permalink: route.home };

/** The home page: the lead story, the latest stories and the busiest topics. */
export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }) {
  const { publication } = newsroom;
  const { lead, latest, sections } = listings.frontPage;
  return (
    <Page
      newsroom={newsroom}
      path={route.home}
      title={publication.name}
      description={publication.tagline}
      structuredData={[organizationJsonLd(newsroom), webSiteJsonLd(newsroom)]}
    >
      <h1 class="visually-hidden">{publication.name}</h1>
      {lead ? <LeadStory article={lead} newsroom={newsroom} /> : <p class="empty">Nothing has been published yet.</p>}
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
            <a href={route.archive}>Every story in the archive →</a>
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
