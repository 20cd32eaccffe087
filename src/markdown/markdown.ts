import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import anchor from "markdown-it-anchor";
import container from "markdown-it-container";
import { slugFor } from "../site/slugs.ts";
import { ownCopy } from "../site/text.ts";
import { isExternalUrl } from "../site/urls.ts";

/** What a render needs to know about the site; passed as markdown-it's `env`. */
export interface MarkdownEnv {
  /** The publication's base URL: absolute links under it are internal, all others external. */
  baseUrl?: string;
  /** Filled by the render with links and images whose address could run code; they are rendered inert. */
  unsafeLinks?: BodyLink[];
  /** Set by the render to the number of headings when there are more than MAX_HEADINGS. */
  tooManyHeadings?: number;
}

/**
 * Headings one body may have. A long feature has a few dozen; markdown-it-anchor finds each heading with a
 * linear search of the body's tokens, so a body of a hundred thousand would stall the build for minutes.
 */
export const MAX_HEADINGS = 500;

const ALSO_SEE = "also-see";

/** A token as this markdown-it version's own parser returns it. */
type ParsedToken = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/** The `rel` of every link off the site: the new page gets no handle on ours, nor our address. */
export const EXTERNAL_REL = "noopener noreferrer";

/**
 * Whether a link or image address uses a scheme that runs code or smuggles content in: `javascript:`,
 * `vbscript:`, `file:` and every `data:` (markdown-it lets `data:image/png` through, but the site's
 * Content-Security-Policy would block it anyway). Browsers ignore case and surrounding spaces.
 */
export function isUnsafeUrl(href: string): boolean {
  return /^(?:javascript|vbscript|file|data):/i.test(href.replace(/[\u0000-\u0020]/g, ""));
}

/**
 * The one configured markdown-it instance: raw HTML off, typographic quotes, heading anchors, the inline
 * `::: also-see` callout, `rel="noopener noreferrer"` on external links, dangerous link addresses taken out, and `#`
 * headings demoted below the page's h1.
 */
export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

  // The headline is the page's only h1; a `#` heading in a body becomes an h2.
  // markdown-it drops a link with a dangerous address silently, leaving its Markdown as text. Letting every
  // address through and then taking the dangerous ones out here lets the loader report them as errors.
  // https://github.com/markdown-it/markdown-it/blob/master/docs/security.md
  md.validateLink = () => true;
  md.core.ruler.push("unsafe_links", (state) => {
    const env = state.env as MarkdownEnv;
    forEachLink(state.tokens, (token, line) => {
      const name = token.type === "image" ? "src" : "href";
      const href = String(token.attrGet(name) ?? "");
      if (!isUnsafeUrl(href)) return;
      env.unsafeLinks?.push({ href, line });
      token.attrs = (token.attrs ?? []).filter(([attr]) => attr !== name);
    });
  });

  md.core.ruler.push("demote_h1", (state) => {
    for (const token of state.tokens) {
      if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") token.tag = "h2";
    }
  });

  md.use(anchor, {
    level: [2, 3, 4],
    slugify: (text: string) => slugFor(text) || "section",
    tabIndex: false,
    permalink: anchor.permalink.headerLink({ safariReaderFix: true }),
  });

  // Past the limit, headings become paragraphs before the anchor rule sees them; the loader reports the count.
  md.core.ruler.before("anchor", "heading_limit", (state) => {
    const count = state.tokens.filter((token) => token.type === "heading_open").length;
    if (count <= MAX_HEADINGS) return;
    (state.env as MarkdownEnv).tooManyHeadings = count;
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.type = token.type === "heading_open" ? "paragraph_open" : "paragraph_close";
        token.tag = "p";
      }
    }
  });

  md.use(container, ALSO_SEE, {
    render(tokens: Token[], index: number) {
      return tokens[index]?.nesting === 1
        ? `<aside class="also-see" aria-label="Also see" data-pagefind-ignore>\n<p class="also-see__label">Also ` +
            `see</p>\n`
        : "</aside>\n";
    },
  });

  // Renderer override through the documented proxy idiom:
  // https://github.com/markdown-it/markdown-it/blob/master/docs/architecture.md#renderer
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const href = String(token?.attrGet("href") ?? "");
    const baseUrl: unknown = env?.baseUrl;
    if (token && href && isExternalUrl(href, typeof baseUrl === "string" ? baseUrl : undefined))
      token.attrSet("rel", EXTERNAL_REL);
    return defaultLinkOpen(tokens, index, options, env, self);
  };

  return md;
}

/** Calls `visit` with each link and image token and the 0-based line of the body it is on. */
function forEachLink(tokens: ParsedToken[], visit: (token: ParsedToken, line: number) => void): void {
  let line = 0;
  for (const token of tokens) {
    if (token.map) line = token.map[0];
    let offset = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") offset++;
      if (child.type === "link_open" || child.type === "image") visit(child, line + offset);
    }
  }
}

/** The instance every render uses: the build, Eleventy's `md` library and the tests. */
export const markdown = createMarkdown();

/** The typographer's core rules, by their documented names: curly quotes and apostrophes, dashes, (c) and the like. */
const TYPOGRAPHER_RULES = ["replacements", "smartquotes"];

// The instance's own rules, in the order bodies run them, so headlines cannot drift from bodies. markdown-it has
// no public getter for one rule; its rule list is stable and named: https://markdown-it.github.io/markdown-it/#Ruler
const typographer = markdown.core.ruler.__rules__.filter((rule) => TYPOGRAPHER_RULES.includes(rule.name));
if (typographer.length !== TYPOGRAPHER_RULES.length) {
  throw new Error(`markdown-it lacks one of the core rules ${TYPOGRAPHER_RULES.join(", ")}`);
}

/**
 * Plain text, such as a headline or a dek, with the typography bodies get: curly quotes and apostrophes, dashes,
 * and the typographer's other replacements. Markdown, HTML and entities in it stay the text they are.
 */
export function typographicText(text: string): string {
  if (!TYPOGRAPHIC.test(text)) return text;
  let typeset = typesetTexts.get(text);
  if (typeset === undefined) {
    typeset = typesetText(text);
    // Each headline is set again wherever ALSO SEE names it, and the dev server resolves every story on each save.
    if (typesetTexts.size >= 200_000) typesetTexts.clear();
    typesetTexts.set(text, typeset);
  }
  return typeset;
}

const typesetTexts = new Map<string, string>();

// markdown-it's typographer rules change nothing in a text that none of their own tests match (RARE_RE and
// SCOPED_ABBR_TEST_RE in rules_core/replacements, QUOTE_TEST_RE in rules_core/smartquotes): most headlines, which
// then need neither the rules nor room in the cache (at 100,000 articles, 600,000 headlines and ALSO SEE titles).
const TYPOGRAPHIC = /\((?:c|tm|r)\)|\+-|\.\.|\?\?\?\?|!!!!|,,|--|['"]/i;

function typesetText(text: string): string {
  const state = new markdown.core.State(text, markdown, {});
  // The rules work on the text tokens inside inline tokens, as markdown-it's inline parser leaves them.
  const token = new state.Token("text", "", 0);
  token.content = text;
  const inline = new state.Token("inline", "", 0);
  inline.content = text;
  inline.children = [token];
  state.tokens.push(inline);
  for (const rule of typographer) if (rule.enabled) rule.fn(state);
  return token.content;
}

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
  /** Links and images with a dangerous address (see isUnsafeUrl), left out of the HTML. */
  unsafeLinks: BodyLink[];
  /** The number of headings when over MAX_HEADINGS (they are rendered as paragraphs), else undefined. */
  tooManyHeadings?: number;
  /** The rendered HTML; empty when the body was parsed only to check it. */
  html: string;
  /** Words a reader reads: the body's text as rendered, without markup, picture descriptions or the callout's label. */
  words: number;
  /** The addresses the inline `::: also-see` callouts link to, in order. */
  calloutLinks: string[];
}

/**
 * A word: letters (with their combining accents) or digits, joined by an apostrophe, hyphen, dot or comma inside
 * ("isn't", "3.5", "1,200").
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.,-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/** The number of words in plain text. */
export function countWords(text: string): number {
  // The matches' texts, not an iterator of match objects: a third of the time, over a body's many short runs.
  return text.match(WORD)?.length ?? 0;
}

/** The body's words as countWords counts them, and the links inside its `::: also-see` callouts. */
function readBodyText(tokens: ParsedToken[]): { words: number; calloutLinks: string[] } {
  let words = 0;
  let callouts = 0;
  const calloutLinks: string[] = [];
  for (const token of tokens) {
    if (token.type === `container_${ALSO_SEE}_open`) callouts++;
    else if (token.type === `container_${ALSO_SEE}_close`) callouts--;
    else if (token.type === "code_block" || token.type === "fence") words += countWords(token.content);
    if (token.type !== "inline") continue;
    // Text split by emphasis or a link is one run of words; line breaks separate them.
    let text = "";
    for (const child of token.children ?? []) {
      if (child.type === "text" || child.type === "code_inline") text += child.content;
      else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
      else if (child.type === "link_open" && callouts > 0) calloutLinks.push(String(child.attrGet("href") ?? ""));
    }
    words += countWords(text);
  }
  return { words, calloutLinks: calloutLinks.filter((href) => href !== "") };
}

/**
 * Parses a body with the one instance, collects its links and, with `render`, renders the same tokens to HTML
 * straight away, so no article's tokens outlive its parse (at 100,000 articles they would not fit in memory).
 */
export function parseBody(source: string, env: MarkdownEnv = {}, render = true): ParsedBody {
  const unsafeLinks: BodyLink[] = [];
  const tokenEnv = { ...env, unsafeLinks };
  const tokens = markdown.parse(source, tokenEnv);
  const links: BodyLink[] = [];
  forEachLink(tokens, (token, line) => {
    const href = token.type === "link_open" ? token.attrGet("href") : null;
    if (href) links.push({ href: String(href), line });
  });
  const tooManyHeadings = (tokenEnv as MarkdownEnv).tooManyHeadings;
  return {
    links,
    unsafeLinks,
    tooManyHeadings,
    ...readBodyText(tokens),
    // Joined from pieces cut from the file's text, which it would keep whole until read (see ownCopy).
    html: render ? ownCopy(markdown.renderer.render(tokens, markdown.options, tokenEnv)) : "",
  };
}
