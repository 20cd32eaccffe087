import type { Newsroom, Publication } from "../content/schema.ts";
import { RENDITIONS_PATH } from "../images/renditions.ts";

/** An HTTP response header: name and value. */
export type Header = [name: string, value: string];

/** The other sites a page's policy admits, each list sorted and without repeats. */
export interface PolicyOrigins {
  /** `img-src`: pictures the content loads from other sites. */
  images?: string[];
  /** `form-action`: the email service the sign-up form posts to. */
  forms?: string[];
}

/**
 * The Content-Security-Policy for every page: exactly what the site loads. Its own stylesheet, images and
 * scripts (only /search/ has any: assets/js/search.js and Pagefind's, whose WebAssembly needs
 * 'wasm-unsafe-eval'), Pagefind's index fetched from the site (connect-src), pictures from the other
 * origins the content names, and forms that submit to the site (search) or to the email service (sign-up). No inline
 * script or style anywhere; the JSON-LD `<script type="application/ld+json">` is a data block that is never run, so
 * the policy does not apply to it (https://html.spec.whatwg.org/multipage/scripting.html#data-block).
 */
export function contentSecurityPolicy(origins: PolicyOrigins = {}, { inlineStyles = false } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    `img-src ${["'self'", ...(origins.images ?? [])].join(" ")}`,
    "connect-src 'self'",
    "base-uri 'self'",
    `form-action ${["'self'", ...(origins.forms ?? [])].join(" ")}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The policy as a page's `<meta http-equiv>` carries it, for hosts that cannot send headers (GitHub Pages):
 * without frame-ancestors, which browsers ignore there. https://www.w3.org/TR/CSP3/#meta-element
 */
export function metaContentSecurityPolicy(origins: PolicyOrigins = {}): string {
  return contentSecurityPolicy(origins)
    .split("; ")
    .filter((directive) => !directive.startsWith("frame-ancestors"))
    .join("; ");
}

/**
 * Every security header the site is served with, in a fixed order. The header's policy also allows inline styles,
 * for one file: the email edition (`/newsletter/<day>/email.html`), which email clients can only take styled
 * inline. Every other page carries the strict policy in its `<meta>` as well, and a browser enforces both, so
 * inline styles stay blocked there. https://www.w3.org/TR/CSP3/#multiple-policies
 */
export function securityHeaders(origins: PolicyOrigins = {}): Header[] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(origins, { inlineStyles: true })],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), geolocation=(), microphone=(), payment=(), usb=()"],
  ];
}

const originsOf = new WeakMap<Newsroom, string[]>();

/**
 * The origins of pictures the content loads from other sites (hero images, author photos), sorted; computed once per
 * newsroom.
 */
export function imageOrigins(newsroom: Newsroom): string[] {
  const known = originsOf.get(newsroom);
  if (known) return known;
  const sources = [
    ...newsroom.articles.map((article) => article.image?.src),
    ...newsroom.authors.map((author) => author.photo?.src),
  ];
  const origins = sources.flatMap((src) =>
    src && /^https:\/\//i.test(src) && URL.canParse(src) ? [new URL(src).origin] : [],
  );
  const sorted = [...new Set(origins)].sort();
  originsOf.set(newsroom, sorted);
  return sorted;
}

/** The origin the sign-up form posts to, as `form-action` names it; none without a `signup` setting. */
export function formOrigins(publication: Publication): string[] {
  return publication.signup ? [new URL(publication.signup.action).origin] : [];
}

/** Everything of other sites this newsroom's pages load or post to: its pictures and its sign-up form. */
export function policyOrigins(newsroom: Newsroom): PolicyOrigins {
  return { images: imageOrigins(newsroom), forms: formOrigins(newsroom.publication) };
}

/**
 * How long a browser or a cache may keep the pictures under /img/ without asking again: a year, and `immutable`, so
 * a reader's reload does not ask either. Each file is named by a hash of the picture's bytes and its crop
 * (src/images/renditions.ts), so its address never serves other bytes.
 * https://www.rfc-editor.org/rfc/rfc8246
 */
export const PICTURE_CACHING: Header = ["Cache-Control", "public, max-age=31536000, immutable"];

/**
 * `_headers` for Netlify and Cloudflare Pages: the headers on every path, and the pictures' caching on /img/ (a host
 * applies every rule a path matches). https://docs.netlify.com/routing/headers/
 */
export function headersFile(headers: Header[]): string {
  const line = ([name, value]: Header) => `  ${name}: ${value}`;
  return [
    "# Written by the build from src/security/headers.ts; edit that, not this file.",
    "/*",
    ...headers.map(line),
    `${RENDITIONS_PATH}*`,
    line(PICTURE_CACHING),
    "",
  ].join("\n");
}

/**
 * The same headers as nginx `add_header` lines for the `server` block, and a `location` for /img/ that repeats them
 * with the pictures' caching: a block with an `add_header` of its own takes none from the blocks around it.
 * https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header
 */
export function nginxHeaders(headers: Header[]): string {
  const line = ([name, value]: Header) => `add_header ${name} "${value}" always;`;
  return [
    ...headers.map(line),
    `location ${RENDITIONS_PATH} {`,
    ...[PICTURE_CACHING, ...headers].map((header) => `    ${line(header)}`),
    "}",
  ].join("\n");
}

/** The same headers for Apache (mod_headers), in the site's configuration or `.htaccess`, and the pictures' caching. */
export function apacheHeaders(headers: Header[]): string {
  const line = ([name, value]: Header) => `Header always set ${name} "${value}"`;
  return [
    ...headers.map(line),
    `<If "%{REQUEST_URI} =~ m#^${RENDITIONS_PATH}#">`,
    `    ${line(PICTURE_CACHING)}`,
    "</If>",
  ].join("\n");
}
