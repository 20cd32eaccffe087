import type { Article, Newsroom } from "../../src/content/schema.ts";
import { stylesheetUrl } from "../../src/render/stylesheets.ts";
import { metaContentSecurityPolicy, policyOrigins } from "../../src/security/headers.ts";
import type { StructuredData } from "../../src/seo/jsonld.ts";
import { type FeedLink, SeoMeta } from "./SeoMeta.tsx";
import { SiteFooter } from "./SiteFooter.tsx";
import { SiteHeader } from "./SiteHeader.tsx";

/** The document shell every page shares: head, skip link, header, main and footer. */
export function Page(props: {
  newsroom: Newsroom;
  /** The page's own URL, e.g. /news/micron/; made absolute for the canonical link and Open Graph. */
  path: string;
  title: string;
  description?: string;
  /** On article pages: Open Graph article properties and NewsArticle JSON-LD. */
  article?: Article;
  /** Feeds besides the site's own that the page advertises. */
  feeds?: FeedLink[];
  /** The page's JSON-LD (its organization, profile, collection or breadcrumbs), one script element each. */
  structuredData?: StructuredData[];
  /** Asks search engines to leave the page out of their index (a retracted story, say); preview builds always do. */
  noindex?: boolean;
  /** False on article pages, which show no list of stories: they leave listings.css out and stay light. */
  withListings?: boolean;
  /** The search page has its own form, so the header leaves its search box out. */
  isSearchPage?: boolean;
  /** The newsletter page has its own sign-up form, so the footer leaves its form out. */
  isNewsletterPage?: boolean;
  children: JSX.Children;
  /** Neighbouring pages of a paginated list, advertised with rel=prev/next. */
  previousUrl?: string;
  nextUrl?: string;
}) {
  const { newsroom, title, description } = props;
  const { publication } = newsroom;
  return (
    <html lang={publication.language}>
      <head>
        <meta charset="utf-8" />
        {/* The policy travels with the page too, so hosts that cannot send headers (GitHub Pages) still apply it. */}
        {newsroom.preview ? null : (
          <meta http-equiv="Content-Security-Policy" content={metaContentSecurityPolicy(policyOrigins(newsroom))} />
        )}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === publication.name ? title : `${title} | ${publication.name}`}</title>
        <SeoMeta
          newsroom={newsroom}
          path={props.path}
          title={title}
          description={description}
          article={props.article}
          feeds={props.feeds}
          structuredData={props.structuredData}
        />
        {/* Google Discover shows a story with a large picture only when the page allows large previews. */}
        <meta name="robots" content={newsroom.preview || props.noindex ? "noindex" : "max-image-preview:large"} />
        {props.previousUrl ? <link rel="prev" href={props.previousUrl} /> : null}
        {props.nextUrl ? <link rel="next" href={props.nextUrl} /> : null}
        <link rel="icon" href="/assets/img/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={stylesheetUrl("site")} />
        {props.withListings === false ? null : <link rel="stylesheet" href={stylesheetUrl("listings")} />}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader newsroom={newsroom} withSearch={!props.isSearchPage} />
        <main id="main" tabindex="-1">
          {props.children}
        </main>
        <SiteFooter newsroom={newsroom} withSignup={!props.isNewsletterPage} />
      </body>
    </html>
  );
}
