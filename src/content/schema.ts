import { type DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { slugFor } from "../site/slugs.ts";
import { siteOrigin } from "../site/urls.ts";
import { aliasPath } from "./aliases.ts";

const URL_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether text can be a key or slug in a URL: lower-case letters, digits and single hyphens, nothing that walks
 * folders.
 */
export function isUrlSegment(text: string): boolean {
  return URL_SEGMENT.test(text);
}

/** A key or slug as it appears in URLs: lower-case letters, digits and single hyphens. */
const urlSegment = z
  .string({ error: "must be text" })
  .regex(URL_SEGMENT, "must be lower-case letters, digits and single hyphens, like `jim-pollard`");

/**
 * Topics one article may have. Each topic is a page, a feed and a tag on the article; past a dozen or so they
 * stop helping readers find the story, and a pasted list of a thousand would make a thousand pages.
 */
export const MAX_TAGS = 20;

/** Whether an image address is a site path without `..`, `\\` or bad %-escapes, or a full https:// address. */
export function isImageSource(src: string): boolean {
  if (/^https:\/\/[^\s]+$/i.test(src)) return URL.canParse(src);
  if (!src.startsWith("/") || src.startsWith("//") || src.includes("\\")) return false;
  try {
    return !decodeURI(src).split("/").includes("..");
  } catch {
    return false;
  }
}

/** C0 and C1 control characters but tab and line breaks: HTML forbids them, and they arrive unseen with pasted text. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const noControlCharacters = {
  error: (issue: { input: unknown }) => {
    const found = CONTROL_CHARACTER.exec(String(issue.input))?.[0] ?? "";
    return (
      `holds the invisible control character ` +
      `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}, which a web page cannot show: ` +
      `delete it`
    );
  },
};
const withoutControlCharacters = (text: string) => !CONTROL_CHARACTER.test(text);

const requiredText = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") })
  .trim()
  .min(1, "is empty")
  .refine(withoutControlCharacters, noControlCharacters);
const optionalText = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "is empty")
  .refine(withoutControlCharacters, noControlCharacters)
  .optional();

/** A date as written in front matter: an ISO 8601 date or date-time, parsed later in the publication's zone. */
const dateText = z.string({
  error: (issue) =>
    issue.input === undefined ? "is required" : "must be a date like 2023-11-03 or 2023-11-03T09:30:00+07:00",
});

const link = z.strictObject({
  label: requiredText,
  url: z.url({ protocol: /^(https?|mailto)$/, error: "must be a full https://, http:// or mailto: address" }),
});

/** A point in a picture, as fractions of its width and height from the top left: where crops centre. */
export interface Focus {
  x: number;
  y: number;
}

const FOCUS_WORDS: Record<string, Partial<Focus>> = {
  top: { y: 0 },
  bottom: { y: 1 },
  left: { x: 0 },
  right: { x: 1 },
  center: {},
  centre: {},
};

/**
 * Reads a focal point as CSS writes `object-position`: one or two of top, bottom, left, right and center in any
 * order, or two percentages, across then down ("30% 40%"). Undefined when it is none of these.
 */
export function parseFocus(text: string): Focus | undefined {
  const parts = text.trim().toLowerCase().split(/\s+/);
  const percents = parts.map((part) => /^(\d{1,3}(?:\.\d+)?)%$/.exec(part)?.[1]);
  if (parts.length === 2 && percents.every((value) => value !== undefined && Number(value) <= 100))
    return { x: Number(percents[0]) / 100, y: Number(percents[1]) / 100 };
  if (parts.length > 2 || !parts.every((part) => part in FOCUS_WORDS)) return undefined;
  const words = parts.map((part) => FOCUS_WORDS[part] ?? {});
  const across = words.filter((word) => word.x !== undefined);
  const down = words.filter((word) => word.y !== undefined);
  if (across.length > 1 || down.length > 1) return undefined;
  return { x: across[0]?.x ?? 0.5, y: down[0]?.y ?? 0.5 };
}

const focus = z
  .string({ error: 'must be a position like "top", "left", "center" or "30% 40%" (across, then down)' })
  .transform((text, context) => {
    const point = parseFocus(text);
    if (!point)
      context.addIssue({
        code: "custom",
        message:
          `"${text}" is not a position: write top, bottom, left, right or center (or two of them, like "top left"), ` +
          `or two percentages across then down, like "30% 40%"`,
      });
    return point ?? { x: 0.5, y: 0.5 };
  });

const picture = z.strictObject({
  src: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is empty")
    .refine(isImageSource, {
      error: (issue) =>
        `"${String(issue.input)}" must be a path on the site (like /assets/img/photo.jpg) or a full https:// address`,
    }),
  alt: z
    .string({ error: "is required: describe the picture for readers who cannot see it" })
    .trim()
    .min(1, "is empty: describe the picture for readers who cannot see it")
    .refine(withoutControlCharacters, noControlCharacters),
  /** Where the square, 4:3 and 16:9 crops centre, so a face is not cut off; the middle when not given. */
  focus: focus.optional(),
});

/**
 * A form field's name as an email service's sign-up form has it: letters, digits and `_ - . : [ ]`, starting with a
 * letter or `_` (Mailchimp's `EMAIL`, `b_1a2b_3c4d`, `group[16][1]`).
 */
const FORM_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.:[\]-]*$/;
const notFormFieldName = (name: unknown) =>
  `"${String(name)}" is not a form field name: use letters, digits and _ - . : [ ], starting with a letter or _, as ` +
  "the email service's own form names it (like email or EMAIL)";
const formFieldName = z
  .string({ error: "must be text" })
  .regex(FORM_FIELD_NAME, { error: (issue) => notFormFieldName(issue.input) });

/** The email service's sign-up endpoint: where the form posts, the address's field, and fields sent as they are. */
const signup = z
  .strictObject(
    {
      action: z
        .url({
          protocol: /^https$/,
          error: (issue) =>
            `${issue.input === undefined ? "is required" : `"${String(issue.input)}" is not an https:// address`}: ` +
            "give the full address the email service's own sign-up form posts to, like " +
            "https://buttondown.com/api/emails/embed-subscribe/ledger",
        })
        .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), {
          error: "holds a user name or password, which every page would show: use the form's public address",
        }),
      emailField: formFieldName.default("email"),
      hidden: z
        .record(formFieldName, z.string({ error: 'must be text, like "1"' }), {
          error: (issue) =>
            issue.code === "invalid_key"
              ? notFormFieldName(issue.input)
              : 'must be field names and their values, like { embed: "1" }',
        })
        .default({}),
    },
    { error: (issue) => (issue.code === "invalid_type" ? "must be { action, emailField, hidden }" : undefined) },
  )
  .refine((form) => !(form.emailField in form.hidden), {
    error: (issue) =>
      `the hidden fields include "${(issue.input as { emailField: string }).emailField}", the email field itself: ` +
      "take it out of hidden",
    path: ["hidden"],
  });

/** Whether an address is an origin alone: no path but "/", no query, no fragment. */
const isOrigin = (url: URL): boolean => url.pathname === "/" && !url.search && !url.hash;

/** Settings of the publication itself: `content/publication.ts`. */
export const PublicationSchema = z.strictObject({
  name: requiredText,
  tagline: optionalText,
  baseUrl: z
    .url({ protocol: /^https?$/, error: "must be the site's full address, like https://news.example" })
    // Not an address at all is the check above's to say; `new URL` would throw on it.
    .refine((url) => !URL.canParse(url) || isOrigin(new URL(url)), {
      error: (issue) =>
        `"${String(issue.input)}" has a path: the site must be served from the root of its address, like ` +
        "https://news.example or https://ledger.example.org, since every page links to /news/…, /topics/… from " +
        "there; " +
        "give it a (sub)domain of its own",
    })
    // One form everywhere: the origin, without a trailing slash (src/site/urls.ts).
    .transform(siteOrigin),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone, like Asia/Bangkok"),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag, like en or en-GB"),
  locale: z.string().min(2).optional(),
  /**
   * A WebSub hub (https://www.w3.org/TR/websub/) that every feed names with `<link rel="hub">`, so readers that
   * subscribe there hear of new stories at once; docs/hosting.md says how to tell it after a deploy.
   */
  websubHub: z
    .url({
      protocol: /^https$/,
      error: (issue) =>
        `${JSON.stringify(issue.input)} must be the hub's full https:// address, like ` +
        "https://pubsubhubbub.appspot.com/",
    })
    .optional(),
  /**
   * The publisher's logo in the NewsArticle JSON-LD; the loader checks it is a PNG, JPEG or WebP at least 112 pixels
   * wide.
   */
  logo: z
    .string({ error: "must be text" })
    .trim()
    .refine((src) => src.startsWith("/assets/") && isImageSource(src), {
      error: (issue) =>
        `"${String(issue.input)}" must be a picture on the site under /assets/, like /assets/img/logo.png`,
    })
    .optional(),
  /** The email service's sign-up form, which every page's sign-up form posts to; no form without it. */
  signup: signup.optional(),
});

/** Old addresses one article may keep: more are a sign of a pasted list, and each is a page and a redirect. */
export const MAX_ALIASES = 20;

/** A dated note in Markdown: a correction, or the notice that a story was retracted. */
const datedNote = (what: string) =>
  z.strictObject(
    {
      date: dateText.refine((text) => text.trim() !== "", "is empty: give the day it was made, like 2026-11-20"),
      note: z
        .string({ error: (issue) => (issue.input === undefined ? `is required: say ${what}` : "must be text") })
        .trim()
        .min(1, `is empty: say ${what}`)
        .refine(withoutControlCharacters, noControlCharacters),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type" ? `must be a date and a note, like { date: 2026-11-20, note: "…" }` : undefined,
    },
  );

/** Front matter of an article in `content/news/<yyyy>/<slug>.md`. */
export const ArticleFrontMatterSchema = z.strictObject({
  title: requiredText,
  dek: optionalText,
  date: dateText,
  updated: dateText.optional(),
  author: z.union([urlSegment, z.array(urlSegment).min(1, "lists no author")], {
    error: (issue) => (issue.input === undefined ? "is required" : "must be an author key or a list of author keys"),
  }),
  source: optionalText,
  tags: z
    .array(
      z
        .string({ error: "must be text" })
        .trim()
        .min(1, "is empty")
        .refine(withoutControlCharacters, noControlCharacters)
        // "&" alone would slug to "and": the tag itself must hold a letter or digit, not just its slug.
        .refine((tag) => tag === "" || (/[\p{L}\p{N}]/u.test(tag) && slugFor(tag) !== ""), {
          error: (issue) => `"${String(issue.input)}" has no letters or digits to make a topic from`,
        }),
      {
        error: (issue) =>
          issue.input === undefined
            ? "is required: give at least one topic"
            : "must be a list of topics, like [China Bond, Semiconductors]",
      },
    )
    .min(1, "is empty: give at least one topic")
    .max(MAX_TAGS, {
      error: (issue) =>
        `lists ${Array.isArray(issue.input) ? issue.input.length : "too many"} topics; an article may have at most ` +
        `${MAX_TAGS}: keep the ones a reader would browse by`,
    }),
  related: z
    .array(
      z.union(
        [
          urlSegment,
          z.strictObject({
            title: requiredText,
            url: z.url({ protocol: /^https?$/, error: "must be a full https:// address" }),
          }),
        ],
        {
          error: "must be an article slug or { title, url }",
        },
      ),
    )
    .default([]),
  image: picture.extend({ caption: optionalText, credit: optionalText }).optional(),
  draft: z.boolean({ error: "must be true or false" }).default(false),
  featured: z.boolean({ error: "must be true or false" }).default(false),
  slug: urlSegment.optional(),
  aliases: z
    .array(
      z
        .string({ error: "must be an old slug or an old address on the site" })
        .trim()
        .refine((text) => aliasPath(text) !== undefined, {
          error: (issue) =>
            `\`${String(issue.input)}\` is not an old slug (like micron-thaw) or an address on the site (like ` +
            `/news/micron-thaw/ or /2019/05/story.html)`,
        }),
      { error: "must be a list of old slugs or addresses, like [old-slug, /2019/05/story.html]" },
    )
    .max(MAX_ALIASES, { error: `lists more than ${MAX_ALIASES} old addresses; keep the ones readers were given` })
    .default([]),
  corrections: z
    .array(datedNote("what was wrong and what is right"), {
      error: 'must be a list of corrections, each { date: 2026-11-20, note: "…" }',
    })
    .default([]),
  retracted: datedNote("why the story was withdrawn").optional(),
});

/** Front matter of an author in `content/authors/<key>.md`; the body is the bio. */
export const AuthorFrontMatterSchema = z.strictObject({
  name: requiredText,
  role: optionalText,
  photo: picture.optional(),
  links: z.array(link).default([]),
});

/** Front matter of a topic in `content/topics/<slug>.md`; the body, if any, is a longer introduction. */
export const TopicFrontMatterSchema = z.strictObject({
  name: requiredText,
  description: optionalText,
});

/** Front matter of a newsletter edition in `content/editions/<yyyy-mm-dd>.md`; the body is the editor's note. */
export const EditionFrontMatterSchema = z.strictObject({
  title: requiredText,
  date: dateText,
  lead: urlSegment.optional(),
  picks: z
    .array(urlSegment, { error: "must be a list of article slugs, like [micron-thaw, rice-quota]" })
    .min(1, "is empty: list article slugs, or leave picks out to collect what was published since the previous edition")
    .optional(),
  topics: z
    .array(z.string({ error: "must be text" }).trim().min(1, "is empty"), {
      error: "must be a list of topics, like [China Bond, Semiconductors]",
    })
    .min(1, "is empty: name at least one topic, or leave topics out")
    .optional(),
});

export type Publication = z.output<typeof PublicationSchema>;
/** The email service's sign-up endpoint, as `signup` in `content/publication.ts` names it. */
export type Signup = NonNullable<Publication["signup"]>;
export type ArticleFrontMatter = z.output<typeof ArticleFrontMatterSchema>;
export type AuthorFrontMatter = z.output<typeof AuthorFrontMatterSchema>;
export type TopicFrontMatter = z.output<typeof TopicFrontMatterSchema>;
export type EditionFrontMatter = z.output<typeof EditionFrontMatterSchema>;

/**
 * A picture file on the site that the build resizes: its size as shown (EXIF rotation applied), its format, and a
 * hash of its bytes that names every size made from it.
 */
export interface PictureFile {
  /** The file on disk. */
  path: string;
  width: number;
  height: number;
  format: "jpeg" | "png" | "webp" | "avif";
  hash: string;
}

/** A picture with its text alternative, resolved to a site URL. */
export interface Picture {
  src: string;
  alt: string;
  focus?: Focus;
  /** Set for a local JPEG, PNG, WebP or AVIF; a picture from another site, an SVG or a GIF is shown as it is. */
  file?: PictureFile;
}

/** An article's hero image. */
export interface HeroImage extends Picture {
  caption?: string;
  credit?: string;
}

/** A writer, as shown in bylines, bio boxes and on the author page. */
export interface Author {
  key: string;
  url: string;
  name: string;
  role?: string;
  photo?: Picture;
  links: { label: string; url: string }[];
  bioHtml: string;
  sourcePath: string;
}

/** A topic; every tag an article uses resolves to one. */
export interface Topic {
  slug: string;
  url: string;
  name: string;
  description?: string;
  introHtml?: string;
}

/** One "ALSO SEE" item: an internal article (with its real headline) or an external page. */
export interface RelatedLink {
  title: string;
  url: string;
  external: boolean;
}

/** A dated note shown with an article: a correction, or its retraction. */
export interface DatedNote {
  date: DateTime;
  /** True when the writer gave a calendar day without a time. */
  dateOnly: boolean;
  /** The note, rendered Markdown. */
  noteHtml: string;
}

/** A validated article with every reference resolved. */
export interface Article {
  slug: string;
  url: string;
  sourcePath: string;
  title: string;
  dek?: string;
  date: DateTime;
  /** True when the writer gave a calendar day without a time. */
  dateOnly: boolean;
  updated?: DateTime;
  authors: Author[];
  source?: string;
  topics: Topic[];
  related: RelatedLink[];
  image?: HeroImage;
  /** Old addresses (site paths) that lead to this article; the build writes a redirect for each. */
  aliases: string[];
  /** Corrections in the order the writer listed them, each dated. */
  corrections: DatedNote[];
  /** Set when the story was withdrawn: its page keeps its address but shows only the notice. */
  retraction?: DatedNote;
  /** The last change readers were told of: the latest of `date`, `updated` and the corrections' dates. */
  modified: DateTime;
  draft: boolean;
  /** Asked to lead the home page (see `leadStory`). */
  featured: boolean;
  /** Dated after the build's "now": left out of production builds until then. */
  scheduled: boolean;
  html: string;
  /** Minutes to read the body, at least 1 (see `readingMinutes`). */
  readingMinutes: number;
  /**
   * The site paths its inline `::: also-see` callouts link to (an article's by its URL, an old address as written):
   * automatic ALSO SEE leaves out the articles they lead to.
   */
  calloutArticles: string[];
}

/** A newsletter edition: the editor's note, the lead story and the picks, each a published article. */
export interface Edition {
  /** The edition's calendar day, `yyyy-mm-dd`, as in its file name and URL. */
  day: string;
  /** The start of that day in the publication's time zone. */
  date: DateTime;
  /** The web page, `/newsletter/<yyyy-mm-dd>/`; the email is `email.html` and `email.txt` under it. */
  url: string;
  sourcePath: string;
  title: string;
  /** The editor's note, rendered Markdown. */
  noteHtml: string;
  /** The editor's note as plain text, paragraphs separated by blank lines, links as "text (url)". */
  noteText: string;
  /** The inbox preview: the start of the note on one line, without URLs. */
  preheader: string;
  lead?: Article;
  /** The other stories, in the editor's order or newest first; never the lead. */
  picks: Article[];
  /** Collected by date (no `picks`): what it shows depends on the previous edition's day. */
  automatic: boolean;
  /**
   * Dated after the build's day, or carrying a story scheduled later that day: left out of production builds until both
   * have come.
   */
  scheduled: boolean;
}

/** An old address of an article: `from` (a site path) redirects to the article's `url`. */
export interface Alias {
  from: string;
  to: string;
  title: string;
}

/** Everything the site is built from. Lists are sorted: articles newest first, authors and topics by name. */
export interface Newsroom {
  publication: Publication;
  articles: Article[];
  /** Retracted articles, newest first: each keeps its page, with the notice, and nothing else. */
  retracted: Article[];
  /** Every old address that leads to an article, with where it leads. */
  aliases: Alias[];
  authors: Author[];
  topics: Topic[];
  /** Newsletter editions, newest first. */
  editions: Edition[];
  /** True when drafts and scheduled articles are included (the dev server). */
  preview: boolean;
  /** The build's "now": what counts as published, and the news sitemap's clock. */
  builtAt: DateTime;
}
