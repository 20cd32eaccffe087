import type { Newsroom } from "../../src/content/schema.ts";

/** Publication name, tagline and the way around the site. */
export function SiteFooter({ newsroom }: { newsroom: Newsroom }) {
  const { publication } = newsroom;
  return (
    <footer class="site-footer">
      <p class="site-footer__name">{publication.name}</p>
      {publication.tagline ? <p>{publication.tagline}</p> : null}
      <nav aria-label="Site">
        <ul class="site-footer__links">
          <li>
            <a href="/">Latest news</a>
          </li>
          <li>
            <a href="/topics/">Topics</a>
          </li>
          <li>
            <a href="/authors/">Authors</a>
          </li>
          <li>
            <a href="/archive/">Archive</a>
          </li>
          <li>
            <a href="/newsletter/">Newsletter</a>
          </li>
          <li>
            <a href="/search/">Search</a>
          </li>
          <li>
            <a href="/corrections/">Corrections</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
