import type { Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";

/** Served by static hosts for unknown paths (Netlify, GitHub Pages, Cloudflare Pages and others look for /404.html). */
export const data = { permalink: "/404.html" };

/** "Page not found", with a search box and the ways back in. */
export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }) {
  const latest = <a href={route.home}>latest news</a>;
  const topics = <a href={route.topics}>all topics</a>;
  const archive = <a href={route.archive}>archive</a>;
  return (
    <Page newsroom={newsroom} path="/404.html" title="Page not found">
      <div class="not-found">
        <h1 class="listing-header__title">Page not found</h1>
        <p>The page you asked for isn't here. It may have moved, or the address may have a typo.</p>
        <form class="search-box" role="search" aria-label="Search the articles" action={route.search} method="get">
          <label for="not-found-search">Search the articles</label>
          <input id="not-found-search" type="search" name="q" />
          <button type="submit">Search</button>
        </form>
        <p>
          Or start from the {latest}, browse {topics} or the {archive}.
        </p>
        {listings.frontPage.latest.length > 0 ? (
          <>
            <h2 class="section-heading">Latest</h2>
            <ul>
              {listings.frontPage.latest.slice(0, 5).map((article) => (
                <li>
                  <a href={article.url}>{article.title}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Page>
  );
}
