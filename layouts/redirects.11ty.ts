import type { Newsroom } from "../src/content/schema.ts";

/** /_redirects: a permanent redirect from each old address of a story, for Netlify and Cloudflare Pages. */
export const data = { permalink: "/_redirects", eleventyExcludeFromCollections: true };

/**
 * One `from to 301` line per alias. Cloudflare Pages follows a redirect even where a file exists; Netlify serves the
 * alias page there instead (it needs `301!` to force, which Cloudflare rejects), and that page redirects too.
 * https://developers.cloudflare.com/pages/configuration/redirects/ https://docs.netlify.com/routing/redirects/
 */
export function render({ newsroom }: { newsroom: Newsroom }): string {
  const lines = newsroom.aliases.map((alias) => `${alias.from} ${alias.to} 301`);
  return ["# Written by the build from each story's `aliases`: old addresses that lead to it.", ...lines, ""].join(
    "\n",
  );
}
