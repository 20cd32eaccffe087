import type { ListingPage } from "../../src/collections/listings.ts";

/** The h1 of a list page, with "page 2 of 3" and the article count. */
export function ListingHeader(props: { kicker: string; title: string; page: ListingPage; children?: JSX.Children }) {
  const { page } = props;
  return (
    <header class="listing-header">
      <p class="kicker">{props.kicker}</p>
      <h1 class="listing-header__title">
        {props.title}
        {page.pageNumber > 1 ? (
          <span class="listing-header__page">
            {" "}
            — page {page.pageNumber} of {page.pageCount}
          </span>
        ) : null}
      </h1>
      {page.pageNumber === 1 ? props.children : null}
      <p class="listing-header__count">
        {page.total} {page.total === 1 ? "article" : "articles"}
      </p>
    </header>
  );
}
