/** The business words a regional newsletter uses most; they take the top ranks of the generated vocabulary. */
const COMMON = (
  "market bank bond yield port rice chip factory export import tariff investor growth inflation currency " +
  "ringgit baht dong yuan dollar shipping freight logistics energy solar wind battery power grid finance " +
  "loan credit lender insurer fund equity listing startup founder capital valuation regulator ministry policy " +
  "trade partner supply chain demand price margin profit revenue quarter forecast analyst economist survey " +
  "province city region coast river delta highland border corridor railway terminal berth vessel cargo " +
  "farmer harvest crop coffee durian rubber palm tourism hotel airline visitor property condo developer " +
  "memory wafer packaging testing design plant expansion contract order buyer seller agreement talks"
).split(" ");

/** English function words: the very top ranks, as in real text. */
const FUNCTION_WORDS = (
  "the of and to in a for that is on with said was as by it at from its has be are an have will which " +
  "this but not after more than were their they been also over year its would up about new two could"
).split(" ");

const FIRST_NAMES = (
  "Ana Nara Minh Siti Arjun Wei Hana Budi Lina Kiet Somchai Thao Rizal Mei Dewi Tuan Priya Jun Aye Hoa " +
  "Farid Linh Chen Nurul Kenji Malee Bao Rina Ibrahim Yuki"
).split(" ");
const LAST_NAMES = (
  "Lim Chaiyaporn Nguyen Tan Santoso Rahman Wong Tran Pham Sato Kumar Lee Ong Hassan Vu Suzuki Reyes " +
  "Wijaya Chua Le Park Dela Cruz Ismail Ho Sirisak Goh Yap Do Bui Kaur"
).split(" ");
const COMPANY_ENDINGS = "Holdings Group Bank Energy Logistics Semiconductor Capital Airways Foods Steel".split(" ");

/** A deterministic pseudo-word of two to four syllables, like the long tail of names and terms in the news. */
function coinWord(random: () => number): string {
  const onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "ch", "th", "tr"];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
  const codas = ["", "", "", "n", "r", "s", "t", "ng", "l", "m"];
  const pick = (items: string[]) => items[Math.floor(random() * items.length)] ?? "";
  const syllables = 2 + Math.floor(random() * 3);
  return Array.from({ length: syllables }, () => pick(onsets) + pick(vowels) + pick(codas)).join("");
}

/** Picks words from a Zipf-ranked vocabulary, with names and figures mixed in as business reporting has them. */
export interface Lexicon {
  /** Distinct words in the vocabulary (names and figures aside). */
  size: number;
  /** One word, drawn with probability falling as 1/rank. */
  word(): string;
  /** A sentence of about `words` words: mostly vocabulary, some people, companies and figures. */
  sentence(words: number): string;
  /** One of the `COMMON` words: for topics, which are the newsroom's subjects. */
  commonWord(): string;
}

/**
 * A vocabulary of `size` distinct words with a Zipf-like frequency (exponent 1):
 * the function and common words at the top ranks, then coined words, so that most words appear in few articles,
 * as in a real archive, and a search index has a long tail to split.
 */
export function createLexicon(random: () => number, size: number): Lexicon {
  const words: string[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  };
  for (const word of [...FUNCTION_WORDS, ...COMMON]) add(word);
  while (words.length < size) add(coinWord(random));
  // Cumulative weights 1/rank, searched in halves: about 15 steps a word for 24,000 words.
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) {
    total += 1 / (rank + 1);
    cumulative[rank] = total;
  }
  const word = () => {
    const target = random() * total;
    let low = 0;
    let high = words.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return words[low] as string;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  const figure = () => {
    const kind = random();
    if (kind < 0.3) return `${(random() * 20).toFixed(1)}%`;
    if (kind < 0.55) return `$${(1 + random() * 900).toFixed(1)}${pick(["m", "bn"])}`;
    if (kind < 0.75) return String(2000 + Math.floor(random() * 27));
    return Math.floor(random() * 250_000).toLocaleString("en");
  };
  const token = () => {
    const kind = random();
    if (kind < 0.03) return `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    if (kind < 0.05) return `${capitalised(word())} ${pick(COMPANY_ENDINGS)}`;
    if (kind < 0.08) return figure();
    return word();
  };
  return {
    size: words.length,
    word,
    sentence: (length) => `${capitalised(Array.from({ length }, token).join(" "))}.`,
    commonWord: () => pick(COMMON),
  };
}
