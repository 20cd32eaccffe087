import type { Newsroom } from "../src/content/schema.ts";
import { newsletterFeed } from "../src/newsletter/feed.ts";
import { route } from "../src/site/routes.ts";

/** The newsletter's Atom feed at /newsletter/feed.xml. */
export const data = { permalink: route.newsletterFeed, eleventyExcludeFromCollections: true };

export function render({ newsroom }: { newsroom: Newsroom }): string {
  return newsletterFeed(newsroom);
}
