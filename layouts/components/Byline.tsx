import type { Author } from "../../src/content/schema.ts";

/** "By A, B and C", each name linking to the author's page. */
export function Byline({ authors }: { authors: Author[] }) {
  return (
    <span class="byline">
      By{" "}
      {authors.map((author, index) => (
        <>
          {index === 0 ? "" : index === authors.length - 1 ? " and " : ", "}
          <a href={author.url} rel="author" data-pagefind-filter="author">
            {author.name}
          </a>
        </>
      ))}
    </span>
  );
}
