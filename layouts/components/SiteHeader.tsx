import { topicsByActivity } from "../../src/collections/collections.ts";
import type { Newsroom } from "../../src/content/schema.ts";
import { route } from "../../src/site/routes.ts";

/** Masthead, busiest-topics navigation and the search box (it submits to /search/). */
export function SiteHeader({ newsroom, withSearch = true }: { newsroom: Newsroom; withSearch?: boolean }) {
  const topics = topicsByActivity(newsroom).slice(0, 6);
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="masthead" href={route.home}>
          {newsroom.publication.name}
        </a>
        {withSearch ? (
          <form class="search-box" role="search" aria-label="Site search" action={route.search} method="get">
            <label class="visually-hidden" for="site-search">
              Search articles
            </label>
            <input id="site-search" type="search" name="q" placeholder="Search articles" />
            <button type="submit">Search</button>
          </form>
        ) : null}
      </div>
      <nav class="topic-nav" aria-label="Topics">
        <ul>
          {topics.map(({ topic }) => (
            <li>
              <a href={topic.url}>{topic.name}</a>
            </li>
          ))}
          <li>
            <a href={route.topics}>All topics</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
