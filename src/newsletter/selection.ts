import type { DateTime } from "luxon";

/** How many days the first edition, which has no previous one, collects stories from (its own day included). */
export const FIRST_EDITION_DAYS = 7;

/** What choosing an edition's stories needs to know about an article. */
export interface Story {
  slug: string;
  date: DateTime;
  topics: readonly { slug: string }[];
}

/** The span an edition collects from: after the end of the previous edition's day, up to the end of its own. */
export interface EditionWindow {
  after: DateTime;
  until: DateTime;
}

/** Newest first; stories published at the same instant by slug, so the order never depends on file order. */
export function newestFirst(a: Story, b: Story): number {
  return b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug);
}

/** The window of the edition of `day` (a start of day in the publication's zone), given the previous edition's day. */
export function editionWindow(day: DateTime, previousDay?: DateTime): EditionWindow {
  return { after: (previousDay ?? day.minus({ days: FIRST_EDITION_DAYS })).endOf("day"), until: day.endOf("day") };
}

/** The latest of `days` before `day`, if any. */
export function previousDay(day: DateTime, days: readonly DateTime[]): DateTime | undefined {
  return days
    .filter((other) => other < day)
    .reduce<DateTime | undefined>(
      (latest, other) => (latest === undefined || other > latest ? other : latest),
      undefined,
    );
}

/** The stories published in the window, only those filed under one of `topics` (slugs) when given, newest first. */
export function collectStories<S extends Story>(
  stories: readonly S[],
  window: EditionWindow,
  topics?: ReadonlySet<string>,
): S[] {
  const [after, until] = [window.after.toMillis(), window.until.toMillis()];
  return stories
    .filter((story) => story.date.toMillis() > after && story.date.toMillis() <= until)
    .filter((story) => topics === undefined || story.topics.some((topic) => topics.has(topic.slug)))
    .sort(newestFirst);
}

/** The running order: the lead (the one given, else the first story), then the other stories in order, each once. */
export function runningOrder<S extends { slug: string }>(
  lead: S | undefined,
  stories: readonly S[],
): { lead?: S; picks: S[] } {
  const first = lead ?? stories[0];
  const seen = new Set(first ? [first.slug] : []);
  const picks = stories.filter((story) => !seen.has(story.slug) && seen.add(story.slug));
  return { lead: first, picks };
}

/** A story as an edition sees it: when it came out, whether it is a draft, and when it was retracted, if it was. */
export interface Candidate extends Story {
  draft: boolean;
  retractedOn?: DateTime;
}

/** Whether an edition of `day` can carry a story: out by the end of that day, not a draft, not retracted by then. */
export function isCarriable(candidate: Candidate, day: DateTime): boolean {
  return carriableBy(candidate, day.endOf("day").toMillis());
}

/** Whether a story is out by `limit` (milliseconds), not a draft, and not retracted by then (see isCarriable). */
function carriableBy(candidate: Candidate, limit: number): boolean {
  // As numbers: DateTimes compared with `<=` go through valueOf.
  return (
    !candidate.draft &&
    candidate.date.toMillis() <= limit &&
    !(candidate.retractedOn !== undefined && candidate.retractedOn.toMillis() <= limit)
  );
}

/** `stories`, oldest first: sorted once for all the editions of a load, so each finds its window by halving. */
export function byDate<S extends Story>(stories: Iterable<S>): S[] {
  return [...stories].sort((a, b) => a.date.toMillis() - b.date.toMillis());
}

/**
 * The stories of `sorted` (oldest first, see byDate) published in `window` (after its start, up to its end): found by
 * halving, since an archive of 100,000 articles with an edition a week would otherwise be walked once per edition.
 */
export function inWindow<S extends Story>(sorted: readonly S[], window: EditionWindow): S[] {
  const firstAfter = (millis: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as S).date.toMillis() <= millis) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return sorted.slice(firstAfter(window.after.toMillis()), firstAfter(window.until.toMillis()));
}

/**
 * What an edition of `day` without picks carries: of `sorted` (oldest first, see byDate), the stories published in
 * its window that it can carry, only those filed under one of `topics` (slugs) when given, newest first.
 */
export function automaticStories<S extends Candidate>(
  sorted: readonly S[],
  day: DateTime,
  window: EditionWindow,
  topics?: ReadonlySet<string>,
): S[] {
  const limit = day.endOf("day").toMillis();
  const carriable = inWindow(sorted, window).filter((candidate) => carriableBy(candidate, limit));
  return collectStories(carriable, window, topics);
}

/** What an edition file asks for: its day, and its lead, picks and topics (slugs) when given. */
export interface EditionRequest {
  day: DateTime;
  lead?: string;
  picks?: readonly string[];
  topics?: ReadonlySet<string>;
}

/**
 * The stories an edition shows, by slug, in running order: the lead and the picks it names, or, without picks,
 * what was published since the previous of `days`. Stories it cannot carry are left out (the loader reports them).
 */
export function editionStories(
  request: EditionRequest,
  candidates: ReadonlyMap<string, Candidate>,
  days: readonly DateTime[],
): { lead?: string; picks: string[] } {
  const usable = (slug: string) => {
    const candidate = candidates.get(slug);
    return candidate && isCarriable(candidate, request.day) ? [candidate] : [];
  };
  const lead = request.lead === undefined ? undefined : usable(request.lead)[0];
  const stories = request.picks
    ? request.picks.flatMap(usable)
    : automaticStories(
        byDate(candidates.values()),
        request.day,
        editionWindow(request.day, previousDay(request.day, days)),
        request.topics,
      );
  const order = runningOrder(lead, stories);
  return { lead: order.lead?.slug, picks: order.picks.map((story) => story.slug) };
}
