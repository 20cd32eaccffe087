import { onlyRebuilt } from "../src/collections/rebuild.ts";
import type { Newsroom } from "../src/content/schema.ts";
import { atomFeed, type FeedSpec } from "../src/feeds/feeds.ts";

interface FeedData {
  newsroom: Newsroom;
  feed: FeedSpec;
}

/** Atom feeds: /feed.xml, /topics/<slug>/feed.xml and /authors/<key>/feed.xml. */
export const data = {
  pagination: {
    data: "feeds",
    size: 1,
    alias: "feed",
    addAllPagesToCollections: false,
    before: onlyRebuilt((feed: FeedSpec) => feed.pageUrl),
  },
  permalink: ({ feed }: FeedData) => feed.url,
  eleventyExcludeFromCollections: true,
};

/** The feed as Atom 1.0. */
export function render({ newsroom, feed }: FeedData): string {
  return atomFeed(newsroom, feed);
}
