import slugify from "@sindresorhus/slugify";
import transliterate from "@sindresorhus/transliterate";
import { ownCopy } from "./text.ts";

/**
 * The URL slug of any text: a topic's name, an author's key, a sub-heading's anchor, a headline for `npm run new`.
 * It folds case, spacing, hyphens, punctuation and accents, so "China Bond", " china  bond " and "China-Bond" are one
 * slug (`china-bond`) and "Hồ Chí Minh City" is `ho-chi-minh-city`; "&" reads "and" and "+" reads "plus". Empty when
 * the text has no letters or digits.
 */
export function slugFor(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name, { customReplacements: [["+", " plus "]] });
    // The same few hundred topic names recur across thousands of articles.
    if (slugs.size < 100_000) slugs.set(ownCopy(name), slug);
  }
  return slug;
}

const slugs = new Map<string, string>();

/**
 * What must match for two spellings to be the same topic: the name without case, accents, spaces or
 * hyphens, "&" read as "and". "C#" and "C" share the slug `c` but not this key, so they are a collision.
 */
export function topicKey(name: string): string {
  let key = topicKeys.get(name);
  if (key === undefined) {
    key = transliterate(name)
      .toLowerCase()
      .replace(/&/g, "and")
      .replace(/[\s\-_]+/g, "");
    if (topicKeys.size < 100_000) topicKeys.set(ownCopy(name), key);
  }
  return key;
}

const topicKeys = new Map<string, string>();

/** The slug of an article file: its name without `.md`. */
export function fileSlug(path: string): string {
  const name = path.split("/").pop() ?? path;
  return name.replace(/\.md$/i, "");
}
