import type { Newsroom } from "../src/content/schema.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";

export const data = { permalink: route.search };

/**
 * The search page: a plain GET form (q, topic, author, sort) that assets/js/search.js runs against the Pagefind
 * index as the reader types; /search/?q=micron opens with that search run. Filter options are the topics and
 * authors as indexed by the article pages' data-pagefind-filter attributes. The form names the search index's parts,
 * newest first (`searchBundles`, src/search/plugin.ts), for the script to merge.
 */
export function render({ newsroom, searchBundles }: { newsroom: Newsroom; searchBundles: string[] }) {
  return (
    <Page
      newsroom={newsroom}
      path={route.search}
      isSearchPage
      title="Search"
      description={`Search every article from ${newsroom.publication.name}.`}
    >
      <div class="search-page">
        <h1 class="listing-header__title">Search</h1>
        <form
          id="search-form"
          class="search-form"
          role="search"
          aria-label="Search and filter articles"
          action={route.search}
          method="get"
          data-search-bundles={searchBundles.join(" ")}
        >
          <div class="search-form__query">
            <label for="search-query">Search articles</label>
            <input id="search-query" type="search" name="q" autocomplete="off" enterkeyhint="search" />
            <button type="submit">Search</button>
          </div>
          <div class="search-form__filters">
            <div>
              <label for="search-topic">Topic</label>
              <select id="search-topic" name="topic">
                <option value="">All topics</option>
                {newsroom.topics.map((topic) => (
                  <option value={topic.name}>{topic.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="search-author">Author</label>
              <select id="search-author" name="author">
                <option value="">All authors</option>
                {newsroom.authors.map((author) => (
                  <option value={author.name}>{author.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="search-sort">Order</label>
              <select id="search-sort" name="sort">
                <option value="">Most relevant first</option>
                <option value="newest">Newest first</option>
              </select>
            </div>
          </div>
        </form>
        <noscript>
          <p class="search-page__noscript">
            Search needs JavaScript, which is turned off in this browser. You can still find stories by{" "}
            <a href={route.topics}>topic</a>, by <a href={route.authors}>author</a> or month by month in the{" "}
            <a href={route.archive}>archive</a>.
          </p>
        </noscript>
        <p id="search-status" class="search-page__status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results"></ol>
        <button id="search-more" class="search-page__more" type="button" hidden>
          More results
        </button>
      </div>
      <script type="module" src="/assets/js/search.js"></script>
    </Page>
  );
}
