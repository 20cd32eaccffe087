import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ARTICLES_PER_PART, searchParts } from "../../src/site/searchParts.ts";

const parts = suite("the search index is split into parts of so many articles, in order of publication");

/** Articles published a day apart, the first on 1 January 2026, at /news/story-1/ and on. */
function articles(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    url: `/news/story-${index + 1}/`,
    date: DateTime.fromISO("2026-01-01T09:00:00Z").plus({ days: index }),
  }));
}

parts("a newsroom of up to one part's articles has one part, at /pagefind/", () => {
  assert.equal(searchParts(articles(3), 3), [
    { bundle: "/pagefind/", urls: ["/news/story-1/", "/news/story-2/", "/news/story-3/"] },
  ]);
  assert.equal(searchParts([], 3), [{ bundle: "/pagefind/", urls: [] }]);
  assert.is(searchParts(articles(ARTICLES_PER_PART)).length, 1);
  assert.is(searchParts(articles(ARTICLES_PER_PART + 1)).length, 2);
});

parts("older articles fill numbered parts, oldest first, and the newest part at /pagefind/ holds the rest", () => {
  // Handed newest first, as the newsroom lists them: the order comes from the dates.
  assert.equal(searchParts(articles(7).reverse(), 3), [
    { bundle: "/pagefind/", urls: ["/news/story-7/"] },
    { bundle: "/pagefind/part-2/", urls: ["/news/story-4/", "/news/story-5/", "/news/story-6/"] },
    { bundle: "/pagefind/part-1/", urls: ["/news/story-1/", "/news/story-2/", "/news/story-3/"] },
  ]);
});

parts("an article added to the archive changes only the newest part; the full parts stay as they were", () => {
  const before = searchParts(articles(6), 3);
  const after = searchParts(articles(7), 3);
  // The newest part was full: it becomes part 2 as it was, and the new article starts the newest part.
  assert.equal(after.slice(1), [{ bundle: "/pagefind/part-2/", urls: before[0]?.urls ?? [] }, before[1]]);
  assert.equal(searchParts(articles(8), 3).slice(1), after.slice(1));
});

parts("articles published at the same instant are ordered by address, so each build splits them alike", () => {
  const date = DateTime.fromISO("2026-01-01T09:00:00Z");
  const same = [
    { url: "/news/b/", date },
    { url: "/news/a/", date },
  ];
  assert.equal(searchParts(same, 1), [
    { bundle: "/pagefind/", urls: ["/news/b/"] },
    { bundle: "/pagefind/part-1/", urls: ["/news/a/"] },
  ]);
});

parts.run();
