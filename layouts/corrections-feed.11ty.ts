import type { Listings } from "../src/collections/listings.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { correctionsFeed } from "../src/feeds/corrections.ts";
import { route } from "../src/site/routes.ts";

/** The corrections' Atom feed at /corrections/feed.xml. */
export const data = { permalink: route.correctionsFeed, eleventyExcludeFromCollections: true };

export function render({ newsroom, listings }: { newsroom: Newsroom; listings: Listings }): string {
  return correctionsFeed(newsroom, listings.corrections);
}
