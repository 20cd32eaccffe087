import type { Newsroom } from "../../src/content/schema.ts";

/** Publication name, tagline and the way around the site. */
export function SiteFooter({ newsroom }: { newsroom: Newsroom }) {
  const { publication } = newsroom;
  return (
    <footer class="site-footer">
      <p class="site-footer__name">{publication.name}</p>
      {publication.tagline ? <p>{publication.tagline}</p> : null}
      <p>
        <a href="/">Latest news</a>
      </p>
    </footer>
  );
}
