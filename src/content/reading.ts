/**
 * Words per minute of silent reading of English non-fiction: the mean of Brysbaert's meta-analysis of 190 studies
 * (fiction is read a little faster, at 260). Brysbaert, M. (2019), "How many words do we read per minute? A review
 * and meta-analysis of reading rate", Journal of Memory and Language 109, 104047.
 * https://doi.org/10.1016/j.jml.2019.104047
 */
export const WORDS_PER_MINUTE = 238;

/** Whole minutes to read `words` at WORDS_PER_MINUTE, rounded up, and at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
