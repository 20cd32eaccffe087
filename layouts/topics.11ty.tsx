import type { Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";

/** How many of the busiest topics are highlighted on /topics/. */
const MOST_ACTIVE = 6;

export const data = { permalink: route.topics };

/** All topics alphabetically with their article counts; the busiest highlighted. */
export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }) {
  const active = listings.topicCounts.filter(({ count }) => count > 0).slice(0, MOST_ACTIVE);
  const busiest = new Set(active.map(({ topic }) => topic.slug));
  const alphabetical = [...listings.topicCounts].sort((a, b) =>
    a.topic.name.localeCompare(b.topic.name, newsroom.publication.language),
  );
  return (
    <Page
      newsroom={newsroom}
      path={route.topics}
      title="Topics"
      description={`Every topic ${newsroom.publication.name} covers.`}
    >
      <header class="listing-header">
        <h1 class="listing-header__title">Topics</h1>
      </header>
      <section aria-labelledby="most-active">
        <h2 id="most-active" class="section-heading">
          Most active
        </h2>
        <ul class="topic-chips">
          {active.map(({ topic, count }) => (
            <li>
              <a href={topic.url}>{topic.name}</a> <span class="count">{count}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="all-topics">
        <h2 id="all-topics" class="section-heading">
          All topics
        </h2>
        <ul class="topic-index">
          {alphabetical.map(({ topic, count }) => (
            <li class={busiest.has(topic.slug) ? "topic-index__item topic-index__item--active" : "topic-index__item"}>
              <a href={topic.url}>{topic.name}</a>{" "}
              <span class="count">
                {count} {count === 1 ? "article" : "articles"}
              </span>
              {topic.description ? <p>{topic.description}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
