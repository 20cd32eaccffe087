import type {
  BreadcrumbList,
  CollectionPage,
  NewsArticle,
  NewsMediaOrganization,
  ProfilePage,
  SearchActionLeaf,
  Thing,
  WebSite,
  WithActionConstraints,
  WithContext,
} from "schema-dts";
import type { Article, Author, Newsroom } from "../content/schema.ts";
import { isoDateTime } from "../dates/dates.ts";
import { portraitImage, structuredDataImages } from "../images/renditions.ts";
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

/** The `@id` of the publication's NewsMediaOrganization node, which every other node refers to. */
export function organizationId(newsroom: Newsroom): string {
  return `${absoluteUrl(newsroom.publication.baseUrl, route.home)}#organization`;
}

/** The `@id` of the site's WebSite node. */
export function webSiteId(newsroom: Newsroom): string {
  return `${absoluteUrl(newsroom.publication.baseUrl, route.home)}#website`;
}

/**
 * The publication as a NewsMediaOrganization: name, url, logo (a raster file, when publication.ts names one) and
 * tagline. https://developers.google.com/search/docs/appearance/structured-data/organization
 */
export function organizationJsonLd(newsroom: Newsroom): WithContext<NewsMediaOrganization> {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  return {
    "@context": "https://schema.org",
    "@type": "NewsMediaOrganization",
    "@id": organizationId(newsroom),
    name: publication.name,
    url: absolute(route.home),
    ...(publication.logo ? { logo: { "@type": "ImageObject", url: absolute(publication.logo) } } : {}),
    ...(publication.tagline ? { description: publication.tagline } : {}),
  };
}

/** The name of the placeholder in the search URL that a search engine fills with the reader's words. */
export const SEARCH_TERM = "search_term_string";

/**
 * The site as a WebSite with a SearchAction on /search/?q=…, the sitelinks search box Google documented
 * (https://developers.google.com/search/docs/appearance/structured-data/sitelinks-searchbox); published by the
 * organization.
 */
export function webSiteJsonLd(newsroom: Newsroom): WithContext<WebSite> {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const search: WithActionConstraints<SearchActionLeaf> = {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${absolute(route.search)}?q={${SEARCH_TERM}}` },
    "query-input": `required name=${SEARCH_TERM}`,
  };
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "@id": webSiteId(newsroom),
    name: publication.name,
    url: absolute(route.home),
    ...(publication.tagline ? { description: publication.tagline } : {}),
    inLanguage: publication.language,
    publisher: { "@id": organizationId(newsroom) },
    potentialAction: search,
  };
}

/**
 * An author's page as a ProfilePage whose main entity is the Person: name, url, jobTitle (their role), a square
 * photo and sameAs (their web links; email addresses are not profiles).
 * https://developers.google.com/search/docs/appearance/structured-data/profile-page
 */
export function profilePageJsonLd(newsroom: Newsroom, author: Author, pagePath: string): WithContext<ProfilePage> {
  const absolute = (path: string) => absoluteUrl(newsroom.publication.baseUrl, path);
  const sameAs = author.links.map((link) => link.url).filter((url) => !url.startsWith("mailto:"));
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absolute(pagePath),
    inLanguage: newsroom.publication.language,
    isPartOf: { "@id": webSiteId(newsroom) },
    mainEntity: {
      "@type": "Person",
      name: author.name,
      url: absolute(author.url),
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(author.photo ? { image: absolute(portraitImage(author.photo).src) } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
      worksFor: { "@id": organizationId(newsroom) },
    },
  };
}

/** What a listing page tells about itself: its address, its name and, when it has one, its description. */
export interface Collection {
  path: string;
  name: string;
  description?: string;
}

/** A topic's page or an archive page as a CollectionPage, part of the site. https://schema.org/CollectionPage */
export function collectionPageJsonLd(newsroom: Newsroom, collection: Collection): WithContext<CollectionPage> {
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    url: absoluteUrl(newsroom.publication.baseUrl, collection.path),
    name: collection.name,
    ...(collection.description ? { description: collection.description } : {}),
    inLanguage: newsroom.publication.language,
    isPartOf: { "@id": webSiteId(newsroom) },
  };
}

/**
 * The trail to an article: home › its first topic › the story, each but the story with an absolute `item`, since
 * Google takes the page's own address for the last one.
 * https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
 */
export function breadcrumbJsonLd(newsroom: Newsroom, article: Article): WithContext<BreadcrumbList> {
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const topic = article.topics[0];
  const trail: { name: string; url?: string }[] = [
    { name: publication.name, url: route.home },
    ...(topic ? [{ name: topic.name, url: topic.url }] : []),
    { name: article.title },
  ];
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      ...(crumb.url ? { item: absolute(crumb.url) } : {}),
    })),
  };
}

/** Structured data a page carries besides its Open Graph tags: one `<script type="application/ld+json">` each. */
export type StructuredData = WithContext<Thing>;

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
