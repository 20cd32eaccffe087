import type { AuthorPage, Listings } from "../src/collections/listings.ts";
import { listRebuilt } from "../src/collections/rebuild.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { EXTERNAL_REL } from "../src/markdown/markdown.ts";
import { rawHtml } from "../src/render/rawHtml.ts";
import { profilePageJsonLd } from "../src/seo/jsonld.ts";
import { feedUrl } from "../src/site/routes.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { Page } from "./components/Page.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { ResponsivePicture } from "./components/ResponsivePicture.tsx";

interface AuthorPageData {
  newsroom: Newsroom;
  listings: Listings;
  listing: AuthorPage;
}

/** Every page of every author: /authors/<key>/ and /authors/<key>/page/<n>/. */
export const data = {
  pagination: {
    data: "listings.authorPages",
    size: 1,
    alias: "listing",
    addAllPagesToCollections: false,
    before: listRebuilt((page: AuthorPage) => page.url),
  },
  permalink: ({ listing }: AuthorPageData) => listing.url,
};

/** A writer's photo, role, bio and links, then their articles, newest first. */
export function render({ newsroom, listing }: AuthorPageData) {
  const { author } = listing;
  const title =
    listing.pageNumber > 1 ? `${author.name} — page ${listing.pageNumber} of ${listing.pageCount}` : author.name;
  return (
    <Page
      newsroom={newsroom}
      path={listing.url}
      feeds={[{ url: feedUrl(author.url), title: `${author.name} | ${newsroom.publication.name}` }]}
      title={title}
      description={author.role ? `${author.name}, ${author.role}, ${newsroom.publication.name}` : undefined}
      structuredData={[profilePageJsonLd(newsroom, author, listing.url)]}
      previousUrl={listing.previousUrl}
      nextUrl={listing.nextUrl}
    >
      <header class="author-header">
        {author.photo ? (
          <ResponsivePicture picture={author.photo} place="portrait" class="author-header__photo" />
        ) : null}
        <div>
          <p class="kicker">Author</p>
          <h1 class="listing-header__title">
            {author.name}
            {listing.pageNumber > 1 ? (
              <span class="listing-header__page">
                {" "}
                — page {listing.pageNumber} of {listing.pageCount}
              </span>
            ) : null}
          </h1>
          {author.role ? <p class="author-header__role">{author.role}</p> : null}
          {listing.pageNumber === 1 ? <div class="author-header__bio">{rawHtml(author.bioHtml)}</div> : null}
          {author.links.length > 0 ? (
            <ul class="author-header__links">
              {author.links.map((link) => (
                <li>
                  <a href={link.url} rel={link.url.startsWith("mailto:") ? undefined : `${EXTERNAL_REL} me`}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </header>
      <h2 class="section-heading">
        Articles by {author.name} <span class="count">({listing.total})</span>
      </h2>
      <ArticleList articles={listing.articles} newsroom={newsroom} pageAuthor={author.key} />
      <Pagination page={listing} />
    </Page>
  );
}
