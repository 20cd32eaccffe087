import type { Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { route } from "../src/site/routes.ts";
import { Page } from "./components/Page.tsx";
import { ResponsivePicture } from "./components/ResponsivePicture.tsx";

export const data = { permalink: route.authors };

/** Every writer, by name, with role and number of articles. */
export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }) {
  const firstPages = listings.authorPages.filter((page) => page.pageNumber === 1);
  return (
    <Page
      newsroom={newsroom}
      path={route.authors}
      title="Authors"
      description={`The writers of ${newsroom.publication.name}.`}
    >
      <header class="listing-header">
        <h1 class="listing-header__title">Authors</h1>
      </header>
      <ul class="author-index">
        {firstPages.map(({ author, total }) => (
          <li class="author-index__item">
            {author.photo ? (
              <ResponsivePicture picture={author.photo} place="portrait" alt="" loading="lazy" sizes="5rem" />
            ) : (
              <span class="author-index__no-photo" />
            )}
            <div>
              <a class="author-index__name" href={author.url}>
                {author.name}
              </a>
              {author.role ? <span class="author-index__role">{author.role}</span> : null}
              <span class="count">
                {total} {total === 1 ? "article" : "articles"}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
