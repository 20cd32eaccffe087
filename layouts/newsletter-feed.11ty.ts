import type { Newsroom } from "../src/content/schema.ts";
import { newsletterFeed } from "../src/feeds/editions.ts";

/** The newsletter's Atom feed at /newsletter/feed.xml. */
export const data = { permalink: "/newsletter/feed.xml", eleventyExcludeFromCollections: true };

export function render({ newsroom }: { newsroom: Newsroom }): string {
  return newsletterFeed(newsroom);
}
