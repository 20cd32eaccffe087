import type { Listings, TopicPage } from "../src/collections/listings.ts";
import { listRebuilt } from "../src/collections/rebuild.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { rawHtml } from "../src/render/rawHtml.ts";
import { collectionPageJsonLd } from "../src/seo/jsonld.ts";
import { feedUrl } from "../src/site/routes.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { ListingHeader } from "./components/ListingHeader.tsx";
import { Page } from "./components/Page.tsx";
import { Pagination } from "./components/Pagination.tsx";

interface TopicPageData {
  newsroom: Newsroom;
  listings: Listings;
  listing: TopicPage;
}

/** Every page of every topic: /topics/<slug>/ and /topics/<slug>/page/<n>/. */
export const data = {
  pagination: {
    data: "listings.topicPages",
    size: 1,
    alias: "listing",
    addAllPagesToCollections: false,
    before: listRebuilt((page: TopicPage) => page.url),
  },
  permalink: ({ listing }: TopicPageData) => listing.url,
};

/** A topic's name, description and articles, newest first, 20 to a page. */
export function render({ newsroom, listing }: TopicPageData) {
  const { topic } = listing;
  const title =
    listing.pageNumber > 1 ? `${topic.name} — page ${listing.pageNumber} of ${listing.pageCount}` : topic.name;
  const description = topic.description ?? `The latest ${topic.name} news from ${newsroom.publication.name}.`;
  return (
    <Page
      newsroom={newsroom}
      path={listing.url}
      feeds={[{ url: feedUrl(topic.url), title: `${topic.name} | ${newsroom.publication.name}` }]}
      title={title}
      description={description}
      structuredData={[collectionPageJsonLd(newsroom, { path: listing.url, name: title, description })]}
      previousUrl={listing.previousUrl}
      nextUrl={listing.nextUrl}
    >
      <ListingHeader kicker="Topic" title={topic.name} page={listing}>
        {topic.description ? <p class="listing-header__description">{topic.description}</p> : null}
        {topic.introHtml ? <div class="listing-header__intro">{rawHtml(topic.introHtml)}</div> : null}
      </ListingHeader>
      <ArticleList articles={listing.articles} newsroom={newsroom} headingLevel={2} />
      <Pagination page={listing} />
    </Page>
  );
}
