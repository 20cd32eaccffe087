import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { transformSync } from "esbuild";

/**
 * The site's stylesheets, each written in `assets/css/<name>.css`: `site` for every page, `listings` for the pages
 * that list stories, so an article page loads only what it uses.
 */
export const STYLESHEETS = ["site", "listings"] as const;

/** One of the site's stylesheets. */
export type Stylesheet = (typeof STYLESHEETS)[number];

/** Where a stylesheet is served, e.g. /assets/css/site.css. */
export function stylesheetUrl(name: Stylesheet): string {
  return `/assets/css/${name}.css`;
}

/** A stylesheet as served: comments and white space taken out by esbuild, the rules kept as written. */
export function minifiedStylesheet(css: string): string {
  let served = minified.get(css);
  if (served === undefined) {
    // No `target`: esbuild then neither adds prefixes nor lowers newer syntax (`:has()`), it only minifies.
    served = transformSync(css, { loader: "css", minify: true }).code;
    // The dev server renders the stylesheets on every save: each version is minified once.
    if (minified.size >= 16) minified.clear();
    minified.set(css, served);
  }
  return served;
}

const minified = new Map<string, string>();

/** The stylesheet `name` from `assets/css/` in the project, minified. */
export function servedStylesheet(name: Stylesheet): string {
  return minifiedStylesheet(readFileSync(join("assets", "css", `${name}.css`), "utf8"));
}

/** The dev server rebuilds when a stylesheet changes, since the build writes them (layouts/stylesheets.11ty.ts). */
export function stylesheetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(join("assets", "css"));
}
