import type { Article, Newsroom } from "../../src/content/schema.ts";
import { isoDateTime } from "../../src/dates/dates.ts";
import { sharedImage } from "../../src/images/renditions.ts";
import { rawHtml } from "../../src/render/rawHtml.ts";
import { jsonForScript, newsArticleJsonLd, type StructuredData } from "../../src/seo/jsonld.ts";
import { route } from "../../src/site/routes.ts";
import { absoluteUrl } from "../../src/site/urls.ts";

/** A feed a page advertises with `<link rel="alternate">`. */
export interface FeedLink {
  url: string;
  title: string;
}

/**
 * Canonical URL, description, feeds, Open Graph, Twitter card, NewsArticle JSON-LD on articles and the page's own
 * structured data; URLs absolute.
 */
export function SeoMeta(props: {
  newsroom: Newsroom;
  path: string;
  title: string;
  description?: string;
  article?: Article;
  feeds?: FeedLink[];
  structuredData?: StructuredData[];
}) {
  const { newsroom, article, description } = props;
  const { publication } = newsroom;
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const image = article?.image && !article.retraction ? article.image : undefined;
  const shared = image && sharedImage(image);
  const feeds: FeedLink[] = [{ url: route.feed, title: publication.name }, ...(props.feeds ?? [])];
  return (
    <>
      <link rel="canonical" href={absolute(props.path)} />
      {description ? <meta name="description" content={description} /> : null}
      {feeds.map((feed) => (
        <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.url} />
      ))}
      <link
        rel="alternate"
        type="application/feed+json"
        title={`${publication.name} (JSON Feed)`}
        href={route.jsonFeed}
      />
      <meta property="og:site_name" content={publication.name} />
      <meta property="og:type" content={article ? "article" : "website"} />
      <meta property="og:title" content={props.title} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta property="og:url" content={absolute(props.path)} />
      {publication.locale ? <meta property="og:locale" content={publication.locale.replace("-", "_")} /> : null}
      {shared ? <meta property="og:image" content={absolute(shared.src)} /> : null}
      {shared?.type ? <meta property="og:image:type" content={shared.type} /> : null}
      {shared?.width ? <meta property="og:image:width" content={String(shared.width)} /> : null}
      {shared?.height ? <meta property="og:image:height" content={String(shared.height)} /> : null}
      {image ? <meta property="og:image:alt" content={image.alt} /> : null}
      {article ? <meta property="article:published_time" content={isoDateTime(article.date)} /> : null}
      {article ? <meta property="article:modified_time" content={isoDateTime(article.modified)} /> : null}
      {article?.topics[0] ? <meta property="article:section" content={article.topics[0].name} /> : null}
      {article?.topics.map((topic) => (
        <meta property="article:tag" content={topic.name} />
      ))}
      {article?.authors.map((author) => (
        <meta property="article:author" content={absolute(author.url)} />
      ))}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={props.title} />
      {description ? <meta name="twitter:description" content={description} /> : null}
      {shared ? <meta name="twitter:image" content={absolute(shared.src)} /> : null}
      {image ? <meta name="twitter:image:alt" content={image.alt} /> : null}
      {article ? (
        <script type="application/ld+json">{rawHtml(jsonForScript(newsArticleJsonLd(newsroom, article)))}</script>
      ) : null}
      {(props.structuredData ?? []).map((data) => (
        <script type="application/ld+json">{rawHtml(jsonForScript(data))}</script>
      ))}
    </>
  );
}
