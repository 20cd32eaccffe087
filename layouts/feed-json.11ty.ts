import type { Newsroom } from "../src/content/schema.ts";
import { type FeedSpec, jsonFeed } from "../src/feeds/feeds.ts";
import { route } from "../src/site/routes.ts";

/** The site's JSON Feed at /feed.json (the same entries as /feed.xml). */
export const data = { permalink: route.jsonFeed, eleventyExcludeFromCollections: true };

/** JSON Feed 1.x. */
export function render({ newsroom, feeds }: { newsroom: Newsroom; feeds: FeedSpec[] }): string {
  const site = feeds.find((feed) => feed.url === route.feed);
  if (!site) throw new Error("the site feed is missing from the feeds list");
  return jsonFeed(newsroom, site);
}
