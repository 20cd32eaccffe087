import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import anchor from "markdown-it-anchor";
import container from "markdown-it-container";
import { topicSlug } from "../collections/slugs.ts";

/** What a render needs to know about the site; passed as markdown-it's `env`. */
export interface MarkdownEnv {
  /** The publication's base URL: absolute links under it are internal, all others external. */
  baseUrl?: string;
}

const ALSO_SEE = "also-see";

/** Whether `href` leaves the site: an absolute http(s) URL not under `baseUrl`. */
export function isExternalUrl(href: string, baseUrl?: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  return !(baseUrl && href.startsWith(baseUrl.replace(/\/?$/, "/")));
}

/**
 * The one configured markdown-it instance: raw HTML off, typographic quotes, heading anchors, the inline
 * `::: also-see` callout, `rel="noopener"` on external links, and `#` headings demoted below the page's h1.
 */
export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

  // The headline is the page's only h1; a `#` heading in a body becomes an h2.
  md.core.ruler.push("demote_h1", (state) => {
    for (const token of state.tokens) {
      if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") token.tag = "h2";
    }
  });

  md.use(anchor, {
    level: [2, 3, 4],
    slugify: (text: string) => topicSlug(text) || "section",
    tabIndex: false,
    permalink: anchor.permalink.headerLink({ safariReaderFix: true }),
  });

  md.use(container, ALSO_SEE, {
    render(tokens: Token[], index: number) {
      return tokens[index]?.nesting === 1
        ? `<aside class="also-see" aria-label="Also see" data-pagefind-ignore>\n<p class="also-see__label">Also see</p>\n`
        : "</aside>\n";
    },
  });

  // Renderer override through the documented proxy idiom:
  // https://github.com/markdown-it/markdown-it/blob/master/docs/architecture.md#renderer
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const href = String(token?.attrGet("href") ?? "");
    const baseUrl: unknown = env?.baseUrl;
    if (token && href && isExternalUrl(href, typeof baseUrl === "string" ? baseUrl : undefined)) token.attrSet("rel", "noopener");
    return defaultLinkOpen(tokens, index, options, env, self);
  };

  return md;
}

/** The instance every render uses: the build, Eleventy's `md` library and the tests. */
export const markdown = createMarkdown();

/** Renders an article, bio or page body to HTML. */
export function renderMarkdown(source: string, env: MarkdownEnv = {}): string {
  return markdown.render(source, { ...env });
}

/** A link written in a body, with the 0-based line of the body it is on. */
export interface BodyLink {
  href: string;
  line: number;
}

/** A body parsed once: its links for checking and, when asked for, its HTML. */
export interface ParsedBody {
  links: BodyLink[];
  /** The rendered HTML; empty when the body was parsed only to check it. */
  html: string;
}

/**
 * Parses a body with the one instance, collects its links and, with `render`, renders the same tokens to HTML
 * straight away, so no article's tokens outlive its parse (at 100,000 articles they would not fit in memory).
 */
export function parseBody(source: string, env: MarkdownEnv = {}, render = true): ParsedBody {
  const tokenEnv = { ...env };
  const tokens = markdown.parse(source, tokenEnv);
  const links: BodyLink[] = [];
  let line = 0;
  for (const token of tokens) {
    if (token.map) line = token.map[0];
    let offset = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") offset++;
      const href = child.type === "link_open" ? child.attrGet("href") : null;
      if (href) links.push({ href: String(href), line: line + offset });
    }
  }
  return { links, html: render ? markdown.renderer.render(tokens, markdown.options, tokenEnv) : "" };
}
