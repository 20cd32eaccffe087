import type { Article, Newsroom, Topic } from "../content/schema.ts";

/** How many stories an ALSO SEE list holds, hand-picked and automatic together, before automatic ones stop. */
export const ALSO_SEE_LENGTH = 3;

/** What an article page offers after the story: automatic ALSO SEE stories, and its main topic's neighbours. */
export interface ReadOn {
  /** Published stories sharing its topics, most relevant first; empty when it lists three or more itself. */
  more: Article[];
  /** The topics the heading names ("More on China Bond"): of the article's topics, enough to cover `more`. */
  moreTopics: Topic[];
  /** The story before it in its main topic (older), and the one after it (newer). */
  previous?: Article;
  next?: Article;
}

const NOTHING: ReadOn = Object.freeze({ more: [], moreTopics: [] });

/** Newest first; the same date by slug, compared as code units so every machine agrees. */
function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** Whether a story may be offered to read on: published, not retracted (a preview build holds the others too). */
function isOffered(article: Article): boolean {
  return !article.draft && !article.scheduled && !article.retraction;
}

/** Each topic's stories (only the offered ones when `offered`), as positions in `order` (newest first), ascending. */
function topicIndex(order: Article[], offered: boolean): Map<string, number[]> {
  const index = new Map<string, number[]>();
  order.forEach((article, position) => {
    if (offered && !isOffered(article)) return;
    for (const topic of article.topics) {
      const list = index.get(topic.slug);
      if (list) list.push(position);
      else index.set(topic.slug, [position]);
    }
  });
  return index;
}

/**
 * The `wanted` most relevant offered stories for `article`: most topics shared, then newest, then by slug; none in
 * `skip`. The topics' lists are walked together, newest first, so each candidate comes out once with every topic it
 * shares counted; the walk stops as soon as no story still to come could share more topics than the weakest held.
 */
function mostRelevant(article: Article, lists: number[][], order: Article[], skip: Set<string>, wanted: number) {
  const heads = new Array<number>(lists.length).fill(0);
  const held: { position: number; shared: number }[] = [];
  for (;;) {
    let position = Number.POSITIVE_INFINITY;
    let open = 0;
    for (let which = 0; which < lists.length; which++) {
      const head = (lists[which] as number[])[heads[which] as number];
      if (head === undefined) continue;
      open++;
      if (head < position) position = head;
    }
    // Later stories are older: one replaces a held story only by sharing more topics, at most one per open list.
    const weakest = held.length === wanted ? (held.at(-1)?.shared ?? 0) : 0;
    if (open === 0 || open <= weakest) break;
    let shared = 0;
    for (let which = 0; which < lists.length; which++) {
      if ((lists[which] as number[])[heads[which] as number] !== position) continue;
      shared++;
      heads[which] = (heads[which] as number) + 1;
    }
    const candidate = order[position] as Article;
    if (candidate === article || skip.has(candidate.url) || shared <= weakest) continue;
    // Held most shared first, then newest: it goes after every held story sharing as many topics (those are newer).
    const at = held.findIndex((other) => other.shared < shared);
    held.splice(at === -1 ? held.length : at, 0, { position, shared });
    if (held.length > wanted) held.pop();
  }
  return held.map(({ position }) => position);
}

/**
 * The topics to name above automatic stories: the article's topic shared by most of them (the earlier of the
 * article's topics on a tie), then again for the stories not yet covered, named in the article's order.
 */
export function labelTopics(article: Article, more: Article[]): Topic[] {
  const chosen = new Set<Topic>();
  let uncovered = more;
  while (uncovered.length > 0) {
    let best: Topic | undefined;
    let bestCount = 0;
    for (const topic of article.topics) {
      const count = uncovered.filter((story) => story.topics.some((other) => other.slug === topic.slug)).length;
      if (count > bestCount) [best, bestCount] = [topic, count];
    }
    if (!best) break;
    chosen.add(best);
    const slug = best.slug;
    uncovered = uncovered.filter((story) => !story.topics.some((other) => other.slug === slug));
  }
  return article.topics.filter((topic) => chosen.has(topic));
}

/** The neighbours of `position` in a topic's ascending list: the positions of the next older and next newer story. */
function neighbours(list: number[], position: number): Pick<Plan, "previous" | "next"> {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] ?? 0) < position) low = middle + 1;
    else high = middle;
  }
  const newer = list[low - 1];
  const older = list[list[low] === position ? low + 1 : low];
  return { previous: older, next: newer };
}

/** The offers of one list of articles, each worked out when first asked for (see `offerOf`). */
export interface ReadOnIndex {
  /** The article's offer; nothing for an article the list does not hold. */
  offerOf(article: Article): ReadOn;
}

/** An offer as positions in its index's order: what the index keeps, and hands on to the next (see carryReadOn). */
interface Plan {
  more: number[];
  previous?: number;
  next?: number;
}

/**
 * The read-on offers of one list of articles. Each offer is worked out once, when first asked for: with fewer than
 * ALSO_SEE_LENGTH hand-picked links, the most relevant offered stories that share its topics (see mostRelevant) fill
 * the list, never itself nor one it already links to in ALSO SEE or its inline callout; and the stories either side of
 * it in its main topic. It is kept as positions in the list's order, so a later list in the same order can take it
 * over (see carryReadOn).
 */
class Offers implements ReadOnIndex {
  readonly order: Article[];
  readonly positions: Map<string, number>;
  /** Each topic's offered stories. */
  readonly topics: Map<string, number[]>;
  /** Each topic's stories, offered or not (a draft's page, in a preview, has an offer too). */
  readonly filed: Map<string, number[]>;
  /** A callout may link to an article by one of its old addresses. */
  readonly byAlias: Map<string, string>;
  readonly plans: Map<number, Plan>;
  private readonly offers = new Map<number, ReadOn>();

  constructor(order: Article[], from?: { index: Offers; redo: ReadonlySet<number> }) {
    this.order = order;
    if (from) {
      this.positions = from.index.positions;
      this.topics = from.index.topics;
      this.filed = from.index.filed;
      this.byAlias = from.index.byAlias;
      this.plans = new Map(from.index.plans);
      for (const position of from.redo) this.plans.delete(position);
    } else {
      this.positions = new Map(order.map((article, position) => [article.url, position]));
      this.topics = topicIndex(order, true);
      this.filed = topicIndex(order, false);
      this.byAlias = new Map(order.flatMap((article) => article.aliases.map((path) => [path, article.url] as const)));
      this.plans = new Map();
    }
  }

  /** The plan of the article at `position`, worked out the first time it is asked for. */
  planAt(position: number): Plan {
    let plan = this.plans.get(position);
    if (!plan) {
      plan = this.compute(position);
      this.plans.set(position, plan);
    }
    return plan;
  }

  private compute(position: number): Plan {
    const article = this.order[position] as Article;
    const wanted = ALSO_SEE_LENGTH - article.related.length;
    const lists = article.topics.flatMap((topic) => {
      const list = this.topics.get(topic.slug);
      return list ? [list] : [];
    });
    let more: number[] = [];
    if (wanted > 0 && lists.length > 0) {
      const linked = article.calloutArticles.map((path) => this.byAlias.get(path) ?? path);
      const skip = new Set([...article.related.map((link) => link.url), ...linked]);
      more = mostRelevant(article, lists, this.order, skip, wanted);
    }
    const main = article.topics[0] && this.topics.get(article.topics[0].slug);
    return { more, ...(main ? neighbours(main, position) : {}) };
  }

  offerOf(article: Article): ReadOn {
    const position = this.positions.get(article.url);
    if (position === undefined) return NOTHING;
    let offer = this.offers.get(position);
    if (!offer) {
      const plan = this.planAt(position);
      const at = (index: number | undefined) => (index === undefined ? undefined : this.order[index]);
      const more = plan.more.map((index) => this.order[index] as Article);
      const found = { more, moreTopics: labelTopics(article, more), previous: at(plan.previous), next: at(plan.next) };
      offer = more.length === 0 && !found.previous && !found.next ? NOTHING : found;
      this.offers.set(position, offer);
    }
    return offer;
  }
}

/**
 * The read-on offers of `articles` (see Offers). Offered stories are published and not retracted, in every build.
 * The same articles in any order give the same offers. A dev-server rebuild asks only for the offers of the pages it
 * writes and of the stories sharing a topic with the saved one, and takes the rest over from the build before.
 */
export function readOnIndex(articles: readonly Article[]): ReadOnIndex {
  return offersIn(articles);
}

function offersIn(articles: readonly Article[]): Offers {
  return new Offers([...articles].sort(newestFirst));
}

/** Every article's read-on offer, by its URL (see readOnIndex). */
export function computeReadOn(articles: readonly Article[]): Map<string, ReadOn> {
  const offers = readOnIndex(articles);
  return new Map(articles.map((article) => [article.url, offers.offerOf(article)]));
}

const indexes = new WeakMap<Newsroom, Offers>();

function offersOf(newsroom: Newsroom): Offers {
  let offers = indexes.get(newsroom);
  if (!offers) {
    offers = offersIn(newsroom.articles);
    indexes.set(newsroom, offers);
  }
  return offers;
}

/** The read-on offers of a newsroom's articles, indexed once per newsroom, each offer worked out once. */
export function readOnOffers(newsroom: Newsroom): ReadOnIndex {
  return offersOf(newsroom);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, at) => item === b[at]);

/**
 * Hands the offers worked out for `before` on to `after`, a newsroom loaded later (after a dev-server save), when
 * no offer can differ but those of articles that are new objects: the same addresses in the same order, each offered
 * or not as before, and each new article object under the same topics with the same old addresses, which is all of
 * one article that another's offer reads. The new objects' own offers are worked out again when asked for. When
 * anything else differs, every offer of `after` is worked out afresh; once its offers were asked for, nothing changes.
 */
export function carryReadOn(before: Newsroom, after: Newsroom): void {
  const from = indexes.get(before);
  if (!from || indexes.has(after)) return;
  const order = [...after.articles].sort(newestFirst);
  const redo = changedPositions(from.order, order);
  indexes.set(after, new Offers(order, redo && { index: from, redo }));
}

/**
 * The positions where `order` holds another article object than `was`, when every such object has what the others'
 * offers read of it as before (see carryReadOn); undefined when any differs, or the orders do.
 */
function changedPositions(was: readonly Article[], order: readonly Article[]): Set<number> | undefined {
  if (order.length !== was.length) return undefined;
  const changed = new Set<number>();
  for (let position = 0; position < order.length; position++) {
    const article = order[position] as Article;
    const before = was[position] as Article;
    if (article === before) continue;
    const same =
      article.url === before.url &&
      isOffered(article) === isOffered(before) &&
      sameList(
        article.topics.map((topic) => topic.slug),
        before.topics.map((topic) => topic.slug),
      ) &&
      sameList(article.aliases, before.aliases);
    if (!same) return undefined;
    changed.add(position);
  }
  return changed;
}

/**
 * The URLs of the articles whose read-on offer (automatic stories, previous, next) shows one of `urls`. Only an
 * article sharing a topic with a story can offer it, so only those articles' offers are looked at.
 */
export function offersShowing(newsroom: Newsroom, urls: ReadonlySet<string>): string[] {
  const offers = offersOf(newsroom);
  const shown = new Set<number>();
  const sharing = new Set<number>();
  for (const url of urls) {
    const position = offers.positions.get(url);
    if (position === undefined) continue;
    shown.add(position);
    for (const topic of (offers.order[position] as Article).topics) {
      for (const other of offers.filed.get(topic.slug) ?? []) sharing.add(other);
    }
  }
  const shows = ({ more, previous, next }: Plan) =>
    more.some((position) => shown.has(position)) ||
    (previous !== undefined && shown.has(previous)) ||
    (next !== undefined && shown.has(next));
  return [...sharing].flatMap((position) =>
    shows(offers.planAt(position)) ? [(offers.order[position] as Article).url] : [],
  );
}

/** An article's read-on offer in its newsroom; nothing for an article the newsroom does not list. */
export function readOn(newsroom: Newsroom, article: Article): ReadOn {
  return readOnOffers(newsroom).offerOf(article);
}
