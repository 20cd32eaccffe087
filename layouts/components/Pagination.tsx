import type { ListingPage } from "../../src/collections/listings.ts";

/** "Newer / Page 2 of 3 / Older" links under a paginated list; nothing when there is one page. */
export function Pagination({ page }: { page: ListingPage }) {
  if (page.pageCount === 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page.previousUrl ? (
        <a class="pagination__previous" href={page.previousUrl} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span class="pagination__status">
        Page {page.pageNumber} of {page.pageCount}
      </span>
      {page.nextUrl ? (
        <a class="pagination__next" href={page.nextUrl} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
