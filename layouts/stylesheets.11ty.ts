import { STYLESHEETS, type Stylesheet, servedStylesheet, stylesheetUrl } from "../src/render/stylesheets.ts";

/** Each stylesheet of assets/css/, minified, at its own address under /assets/css/. */
export const data = {
  stylesheets: STYLESHEETS,
  pagination: { data: "stylesheets", size: 1, alias: "stylesheet", addAllPagesToCollections: false },
  permalink: ({ stylesheet }: { stylesheet: Stylesheet }) => stylesheetUrl(stylesheet),
  eleventyExcludeFromCollections: true,
};

export function render({ stylesheet }: { stylesheet: Stylesheet }): string {
  return servedStylesheet(stylesheet);
}
