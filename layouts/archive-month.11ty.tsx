import type { Listings, MonthPage } from "../src/collections/listings.ts";
import { listRebuilt } from "../src/collections/rebuild.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { collectionPageJsonLd } from "../src/seo/jsonld.ts";
import { route } from "../src/site/routes.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { ListingHeader } from "./components/ListingHeader.tsx";
import { Page } from "./components/Page.tsx";
import { Pagination } from "./components/Pagination.tsx";

interface MonthPageData {
  newsroom: Newsroom;
  listings: Listings;
  listing: MonthPage;
}

/** Every page of every month: /archive/<yyyy>/<mm>/ and /archive/<yyyy>/<mm>/page/<n>/. */
export const data = {
  pagination: {
    data: "listings.monthPages",
    size: 1,
    alias: "listing",
    addAllPagesToCollections: false,
    before: listRebuilt((page: MonthPage) => page.url),
  },
  permalink: ({ listing }: MonthPageData) => listing.url,
};

/** A month's articles, newest first, by the publication's calendar. */
export function render({ newsroom, listing }: MonthPageData) {
  const title =
    listing.pageNumber > 1 ? `${listing.label} — page ${listing.pageNumber} of ${listing.pageCount}` : listing.label;
  const description = `${newsroom.publication.name} articles from ${listing.label}.`;
  return (
    <Page
      newsroom={newsroom}
      path={listing.url}
      title={title}
      description={description}
      structuredData={[collectionPageJsonLd(newsroom, { path: listing.url, name: title, description })]}
      previousUrl={listing.previousUrl}
      nextUrl={listing.nextUrl}
    >
      <ListingHeader kicker="Archive" title={listing.label} page={listing}>
        <p>
          <a href={route.archive}>All months</a>
        </p>
      </ListingHeader>
      <ArticleList articles={listing.articles} newsroom={newsroom} headingLevel={2} />
      <Pagination page={listing} />
    </Page>
  );
}
