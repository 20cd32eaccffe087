import type { NewsArticle, WithContext } from "schema-dts";
import type { Article, Newsroom } from "../content/schema.ts";
import { isoDateTime } from "../dates/dates.ts";
import { structuredDataImages } from "../images/renditions.ts";
import { route } from "../site/routes.ts";
import { absoluteUrl } from "../site/urls.ts";

/**
 * The article's NewsArticle structured data with the properties Google documents: headline, image, dates,
 * authors with name and url, publisher. https://developers.google.com/search/docs/appearance/structured-data/article
 */
export function newsArticleJsonLd(newsroom: Newsroom, article: Article): WithContext<NewsArticle> {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    ...(article.dek ? { description: article.dek } : {}),
    // Google asks for 16:9, 4:3 and 1:1, each at least 1200 pixels wide where the picture allows.
    ...(article.image && !article.retraction
      ? { image: structuredDataImages(article.image).map((image) => absolute(image.src)) }
      : {}),
    datePublished: isoDateTime(article.date),
    dateModified: isoDateTime(article.modified),
    author: article.authors.map((author) => ({ "@type": "Person", name: author.name, url: absolute(author.url) })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: publication.name,
      url: absolute(route.home),
      // Google wants a raster logo; without one in publication.ts the publisher goes without.
      ...(publication.logo ? { logo: { "@type": "ImageObject", url: absolute(publication.logo) } } : {}),
    },
    mainEntityOfPage: absolute(article.url),
    url: absolute(article.url),
    inLanguage: publication.language,
    ...(article.topics[0] ? { articleSection: article.topics[0].name } : {}),
    keywords: article.topics.map((topic) => topic.name),
  };
}

/**
 * JSON for a `<script>` element: `<`, `>` and `&` become \u escapes, so no value (a headline containing
 * `</script>`, say) can end the element early; U+2028/2029 are escaped for older JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
