import type { Article, Edition, Newsroom, Picture } from "../../src/content/schema.ts";
import { displayDate } from "../../src/dates/dates.ts";
import { isResized, renditionsFor } from "../../src/images/renditions.ts";
import {
  bylineText,
  EMAIL_LEAD_IMAGE_HEIGHT,
  EMAIL_WIDTH,
  UNSUBSCRIBE_PLACEHOLDER,
} from "../../src/newsletter/email.ts";
import { rawHtml } from "../../src/render/rawHtml.ts";
import { displayLocale } from "../../src/site/locale.ts";
import { route } from "../../src/site/routes.ts";
import { absoluteHtml, absoluteUrl } from "../../src/site/urls.ts";

/** Characters that keep inbox previews from running on into the email's first words after the preheader. */
const PREHEADER_PADDING = "\u200c\u00a0".repeat(60);

/**
 * A layout table: email clients lay out tables, not CSS boxes; `presentation` keeps screen readers from announcing it.
 */
function LayoutTable(props: { class: string; width?: string; children: JSX.Children }) {
  return (
    <table
      role="presentation"
      class={props.class}
      width={props.width ?? "100%"}
      cellpadding="0"
      cellspacing="0"
      border="0"
    >
      {props.children}
    </table>
  );
}

function Row(props: { class: string; children: JSX.Children }) {
  return (
    <tr>
      <td class={props.class}>{props.children}</td>
    </tr>
  );
}

function StoryMeta({ article, locale }: { article: Article; locale: string }) {
  return <p class="email-meta">{bylineText(article, locale)}</p>;
}

/**
 * The edition as an email: a hidden preheader, masthead, the editor's note, the lead story with its picture,
 * then each pick, and a footer with the view-in-browser and unsubscribe links. Tables 600 pixels wide at most
 * and 100% below that (the fluid hybrid layout), every URL absolute; juice inlines the styles afterwards.
 */
/**
 * The lead picture in the email: a JPEG (mail programs show no AVIF) 600 pixels wide, and twice that for
 * high-density screens where the program reads `srcset`; at the address it has on the site.
 */
function EmailPicture({ picture, absolute }: { picture: Picture; absolute: (path: string) => string }) {
  if (!isResized(picture))
    return (
      <img
        src={absolute(picture.src)}
        alt={picture.alt}
        width={String(EMAIL_WIDTH)}
        height={String(EMAIL_LEAD_IMAGE_HEIGHT)}
      />
    );
  const [small, ...larger] = renditionsFor(picture, "email");
  if (!small) return null;
  const large = larger.find((rendition) => rendition.width >= 2 * small.width);
  return (
    <img
      src={absolute(small.url)}
      srcset={large ? `${absolute(small.url)} 1x, ${absolute(large.url)} 2x` : undefined}
      alt={picture.alt}
      width={String(small.width)}
      height={String(small.height)}
    />
  );
}

export function EditionEmail({ newsroom, edition }: { newsroom: Newsroom; edition: Edition }) {
  const { publication } = newsroom;
  const locale = displayLocale(newsroom);
  const absolute = (path: string) => absoluteUrl(publication.baseUrl, path);
  const pageUrl = absolute(edition.url);
  const { lead, picks } = edition;
  return (
    <html lang={publication.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" content="" />
        <meta name="color-scheme" content="light" />
        {/* The web page at /newsletter/<date>/ is the edition's public copy; this file is for the email service. */}
        <meta name="robots" content="noindex" />
        <title>{edition.title}</title>
      </head>
      <body>
        <div class="preheader" aria-hidden="true">
          {edition.preheader}
          {PREHEADER_PADDING}
        </div>
        <div role="article" aria-roledescription="email" aria-label={edition.title} lang={publication.language}>
          <LayoutTable class="email-outer">
            <Row class="email-frame">
              <LayoutTable class="email-container" width={String(EMAIL_WIDTH)}>
                <Row class="email-topbar">
                  <a href={pageUrl}>View in browser</a>
                </Row>
                <Row class="email-masthead">
                  <a class="email-masthead__name" href={absolute(route.home)}>
                    {publication.name}
                  </a>
                  {publication.tagline ? <p class="email-masthead__tagline">{publication.tagline}</p> : null}
                </Row>
                <Row class="email-intro">
                  <p class="email-date">{displayDate(edition.date, locale, true)}</p>
                  <h1 class="email-title">{edition.title}</h1>
                  <div class="email-note">{rawHtml(absoluteHtml(edition.noteHtml, pageUrl))}</div>
                </Row>
                {lead?.image && !lead.retraction ? (
                  <Row class="email-lead-image">
                    <a href={absolute(lead.url)}>
                      <EmailPicture picture={lead.image} absolute={absolute} />
                    </a>
                  </Row>
                ) : null}
                {lead ? (
                  <Row class="email-story">
                    {lead.topics[0] ? <p class="email-kicker">{lead.topics[0].name}</p> : null}
                    <h2 class="email-lead-headline">
                      <a href={absolute(lead.url)}>{lead.title}</a>
                      {lead.retraction ? " (retracted)" : null}
                    </h2>
                    {lead.dek && !lead.retraction ? <p class="email-dek">{lead.dek}</p> : null}
                    <StoryMeta article={lead} locale={locale} />
                  </Row>
                ) : null}
                {picks.length > 0 ? (
                  <Row class="email-section">
                    <h2 class="email-section-title">Also in this edition</h2>
                  </Row>
                ) : null}
                {picks.map((article) => (
                  <Row class="email-story">
                    <h3 class="email-headline">
                      <a href={absolute(article.url)}>{article.title}</a>
                      {article.retraction ? " (retracted)" : null}
                    </h3>
                    {article.dek && !article.retraction ? <p class="email-dek">{article.dek}</p> : null}
                    <StoryMeta article={article} locale={locale} />
                  </Row>
                ))}
                <Row class="email-footer">
                  <p>
                    You are receiving this email because you subscribed to {publication.name}.{" "}
                    <a href={UNSUBSCRIBE_PLACEHOLDER}>Unsubscribe</a>
                  </p>
                  <p>
                    <a href={pageUrl}>Read this edition on the web</a> ·{" "}
                    <a href={absolute(route.newsletter)}>Past editions</a> ·{" "}
                    <a href={absolute(route.home)}>{publication.baseUrl.replace(/^https?:\/\//, "")}</a>
                  </p>
                </Row>
              </LayoutTable>
            </Row>
          </LayoutTable>
        </div>
      </body>
    </html>
  );
}
