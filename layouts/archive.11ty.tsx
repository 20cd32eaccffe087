import type { ArchiveMonth, Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { collectionPageJsonLd } from "../src/seo/jsonld.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";

export const data = { permalink: route.archive };

/** Every month with articles, grouped by year, newest first. */
export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }) {
  const years = new Map<number, ArchiveMonth[]>();
  for (const month of listings.archive) years.set(month.year, [...(years.get(month.year) ?? []), month]);
  const description = `Every article from ${newsroom.publication.name}, month by month.`;
  return (
    <Page
      newsroom={newsroom}
      path={route.archive}
      title="Archive"
      description={description}
      structuredData={[collectionPageJsonLd(newsroom, { path: route.archive, name: "Archive", description })]}
    >
      <header class="listing-header">
        <h1 class="listing-header__title">Archive</h1>
      </header>
      {[...years].map(([year, months]) => (
        <section class="archive-year" aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`} class="section-heading">
            {year}
          </h2>
          <ul class="archive-months">
            {months.map((month) => (
              <li>
                <a href={month.url}>{month.label}</a> <span class="count">{month.count}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
