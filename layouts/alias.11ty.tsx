import { aliasFile } from "../src/content/aliases.ts";
import type { Alias, Newsroom } from "../src/content/schema.ts";
import { absoluteUrl } from "../src/site/urls.ts";

interface AliasPageData {
  newsroom: Newsroom;
  alias: Alias;
}

/**
 * A page at each old address of a story, for hosts without redirects (GitHub Pages); `_redirects` serves the others.
 */
export const data = {
  pagination: { data: "newsroom.aliases", size: 1, alias: "alias", addAllPagesToCollections: false },
  permalink: ({ alias }: AliasPageData) => `/${aliasFile(alias.from)}`,
  eleventyExcludeFromCollections: true,
};

/**
 * Sends readers on at once (an instant meta refresh, which Google treats as a permanent redirect) and names the new
 * address as canonical, as Hugo's alias pages do.
 * https://developers.google.com/search/docs/crawling-indexing/301-redirects#metarefresh
 */
export function render({ newsroom, alias }: AliasPageData) {
  const target = absoluteUrl(newsroom.publication.baseUrl, alias.to);
  return (
    <html lang={newsroom.publication.language}>
      <head>
        <meta charset="utf-8" />
        <title>{`Moved: ${alias.title}`}</title>
        <link rel="canonical" href={target} />
        <meta name="robots" content="noindex" />
        <meta http-equiv="refresh" content={`0; url=${target}`} />
      </head>
      <body>
        <h1>This story has moved</h1>
        <p>
          It is now at <a href={alias.to}>{alias.title}</a>.
        </p>
      </body>
    </html>
  );
}
