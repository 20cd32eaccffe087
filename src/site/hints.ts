import { distance } from "fastest-levenshtein";

/** How close a candidate must be to count as what the writer meant. */
export interface Closeness {
  /** The largest edit distance allowed for a word of this length. */
  maxDistance(length: number): number;
  /** Whether a candidate containing the value (or contained in it) counts too: `dutch-eye` → `dutch-eye-vietnam`. */
  containment: boolean;
}

/** For keys and slugs: a typo of up to a third of the word, or a shortened form. */
export const TYPO: Closeness = { maxDistance: (length) => Math.max(2, Math.floor(length / 3)), containment: true };

/** For topic names, where "Thailand" and "Thailand Property" are rightly different: one slip per six letters. */
export const NEAR_DUPLICATE: Closeness = {
  maxDistance: (length) => Math.max(1, Math.floor(length / 6)),
  containment: false,
};

/** The candidate a writer most likely meant by `value`: the nearest one within `closeness`, if any. */
export function closestMatch(
  value: string,
  candidates: Iterable<string>,
  closeness: Closeness = TYPO,
): string | undefined {
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const score = distance(value, candidate);
    const close =
      score <= closeness.maxDistance(Math.max(value.length, candidate.length)) ||
      (closeness.containment && value.length >= 4 && (candidate.includes(value) || value.includes(candidate)));
    if (close && (!best || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

/** " — did you mean `x`?" when there is a likely candidate, else the fallback advice. */
export function didYouMean(value: string, candidates: Iterable<string>, otherwise: string): string {
  const match = closestMatch(value, candidates);
  return match ? ` — did you mean \`${match}\`?` : otherwise;
}
