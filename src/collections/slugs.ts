import slugify from "@sindresorhus/slugify";

/**
 * The URL slug of a topic name, folding case, spacing, punctuation and accents, so "China Bond",
 * " china  bond " and "China-Bond" are one topic (`china-bond`) and "Hồ Chí Minh City" is `ho-chi-minh-city`.
 * Empty when the name has no letters or digits.
 */
export function topicSlug(name: string): string {
  return slugify(name);
}

/** The slug of an article file: its name without `.md`. */
export function fileSlug(path: string): string {
  const name = path.split("/").pop() ?? path;
  return name.replace(/\.md$/i, "");
}
