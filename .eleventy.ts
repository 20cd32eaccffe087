import type { EleventyConfig } from "@11ty/eleventy";
import { collectionsPlugin } from "./src/collections/plugin.ts";
import { feedsPlugin } from "./src/feeds/plugin.ts";
import { imagesPlugin } from "./src/images/plugin.ts";
import { buildOptionsOf, placesFiles } from "./src/newsroom/options.ts";
import { contentPlugin } from "./src/newsroom/plugin.ts";
import { jsxPlugin } from "./src/render/jsxPlugin.ts";
import { stylesheetsPlugin } from "./src/render/stylesheets.ts";
import { searchPlugin } from "./src/search/plugin.ts";
import { securityPlugin } from "./src/security/plugin.ts";
import { seoPlugin } from "./src/seo/plugin.ts";
import { assetsPlugin } from "./src/site/assets.ts";

/**
 * Newsdesk's Eleventy configuration: it only composes plugins from src/. The content folder and "now" are the
 * build's options (`npm run build` gives them; the dev server takes NEWSDESK_CONTENT and the clock); pages are the TSX
 * layouts in `layouts/`.
 */
export default function newsdesk(eleventyConfig: EleventyConfig) {
  jsxPlugin(eleventyConfig);
  stylesheetsPlugin(eleventyConfig);
  const options = buildOptionsOf(eleventyConfig);
  const newsroom = contentPlugin(eleventyConfig, options);
  const listings = collectionsPlugin(eleventyConfig, newsroom, options);
  feedsPlugin(eleventyConfig, listings);
  seoPlugin(eleventyConfig, listings);
  if (placesFiles(options)) imagesPlugin(eleventyConfig, newsroom);
  searchPlugin(eleventyConfig, newsroom, options.searchPart);
  securityPlugin(eleventyConfig, newsroom);
  if (placesFiles(options)) assetsPlugin(eleventyConfig);
  eleventyConfig.ignores.add("layouts/components/**");

  return {
    templateFormats: ["11ty.tsx", "11ty.ts"],
    dir: { input: "layouts" },
  };
}
