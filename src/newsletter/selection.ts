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
  return stories
    .filter((story) => story.date > window.after && story.date <= window.until)
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
  const limit = day.endOf("day");
  return (
    !candidate.draft &&
    candidate.date <= limit &&
    !(candidate.retractedOn !== undefined && candidate.retractedOn <= limit)
  );
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
    : collectStories(
        [...candidates.values()].filter((candidate) => isCarriable(candidate, request.day)),
        editionWindow(request.day, previousDay(request.day, days)),
        request.topics,
      );
  const order = runningOrder(lead, stories);
  return { lead: order.lead?.slug, picks: order.picks.map((story) => story.slug) };
}
