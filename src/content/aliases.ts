import { route } from "../site/routes.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A site path an old address may be: `/` and then segments of unreserved characters, none `.` or `..`. */
const SITE_PATH = /^(?:\/[A-Za-z0-9._~+-]+)+\/?$/;

/**
 * The site path an `aliases` entry names, or undefined when it is neither form: an old slug (`micron-thaw`, so
 * `/news/micron-thaw/`) or an address on the site as readers had it (`/news/micron-thaw/`, `/2019/05/story.html`).
 * Queries, fragments, `%`-escapes, `..` and `//` are refused: each old address must be one file on a static host.
 */
export function aliasPath(text: string): string | undefined {
  if (SLUG.test(text)) return route.article(text);
  if (!SITE_PATH.test(text)) return undefined;
  return text.split("/").some((segment) => segment === "." || segment === "..") ? undefined : text;
}

/**
 * The file that answers an old address on a host without redirects (GitHub Pages), relative to the site:
 * `/2019/05/story.html` is that file; any other address is a folder with an `index.html`, as Hugo writes aliases.
 * https://gohugo.io/content-management/urls/#aliases
 */
export function aliasFile(path: string): string {
  const inside = path.replace(/^\//, "");
  if (/\.html?$/.test(inside)) return inside;
  return `${inside.replace(/\/?$/, "/")}index.html`;
}
