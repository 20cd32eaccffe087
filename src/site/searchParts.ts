/**
 * Articles in one part of the search index. Pagefind holds a whole index in memory while it builds it, about 350 KB
 * for each article page on the bench's corpus (3.6 GB at 10,000, more than this machine's 24 GB at 100,000), so a
 * large archive is indexed in parts of this many articles, one after the other, and the search page merges them.
 */
export const ARTICLES_PER_PART = 10_000;

/**
 * Articles in one part of the dev server's search index at most. It indexes again, in the background, each part
 * whose pages a save changed: a smaller part is a smaller job after each save.
 */
export const DEV_ARTICLES_PER_PART = 1_000;

/** Where the newest part's bundle (and Pagefind's script) lives; the older parts are folders inside it. */
export const SEARCH_BUNDLE = "/pagefind/";

/** One part of the search index: the address of its Pagefind bundle, and the addresses of its article pages. */
export interface SearchPart {
  bundle: string;
  urls: string[];
}

/**
 * The parts of the search index, newest first. Articles go into parts in the order they were published, oldest
 * first, `perPart` to a part: the older parts are full and stay the same as articles are added, at
 * `/pagefind/part-1/` (the oldest), `/pagefind/part-2/` and on; the newest part, with the rest, is `/pagefind/`.
 * A newsroom of up to `perPart` articles has that one part.
 */
export function searchParts(
  articles: readonly { url: string; date: { toMillis(): number } }[],
  perPart: number = ARTICLES_PER_PART,
): SearchPart[] {
  const oldestFirst = [...articles]
    .sort((a, b) => a.date.toMillis() - b.date.toMillis() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((article) => article.url);
  const older = Math.max(0, Math.ceil(oldestFirst.length / perPart) - 1);
  const parts: SearchPart[] = [];
  for (let part = older; part >= 1; part--) {
    parts.push({
      bundle: `${SEARCH_BUNDLE}part-${part}/`,
      urls: oldestFirst.slice((part - 1) * perPart, part * perPart),
    });
  }
  return [{ bundle: SEARCH_BUNDLE, urls: oldestFirst.slice(older * perPart) }, ...parts];
}
