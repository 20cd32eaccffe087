import type { Newsroom } from "../../src/content/schema.ts";
import { route } from "../../src/site/routes.ts";

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
            <a href={route.home}>Latest news</a>
          </li>
          <li>
            <a href={route.topics}>Topics</a>
          </li>
          <li>
            <a href={route.authors}>Authors</a>
          </li>
          <li>
            <a href={route.archive}>Archive</a>
          </li>
          <li>
            <a href={route.newsletter}>Newsletter</a>
          </li>
          <li>
            <a href={route.search}>Search</a>
          </li>
          <li>
            <a href={route.corrections}>Corrections</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
