import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  automaticStories,
  byDate,
  type Candidate,
  collectStories,
  editionStories,
  editionWindow,
  inWindow,
  isCarriable,
  previousDay,
  runningOrder,
  type Story,
} from "../../src/newsletter/selection.ts";

const ZONE = "Asia/Bangkok";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const day = (iso: string) => at(iso).startOf("day");
const story = (slug: string, iso: string, ...topics: string[]): Story => ({
  slug,
  date: at(iso),
  topics: topics.map((slug) => ({ slug })),
});

const stories = [
  story("before-previous", "2026-11-10T23:59:59", "china-bond"),
  story("just-after-previous", "2026-11-11T00:00:00", "ports"),
  story("midweek", "2026-11-14T09:00:00", "china-bond", "ports"),
  story("same-instant-b", "2026-11-16T08:00:00", "china-bond"),
  story("same-instant-a", "2026-11-16T08:00:00", "semiconductors"),
  story("last-minute", "2026-11-17T23:59:00", "china-bond"),
  story("next-day", "2026-11-18T00:00:00", "china-bond"),
];
const slugs = (list: { slug: string }[]) => list.map((item) => item.slug);

const collect = suite("an edition without picks collects what was published since the previous edition");

collect("after the previous edition's day, up to and including its own, newest first", () => {
  assert.equal(slugs(collectStories(stories, editionWindow(day("2026-11-17"), day("2026-11-10")))), [
    "last-minute",
    "same-instant-a",
    "same-instant-b",
    "midweek",
    "just-after-previous",
  ]);
});

collect("the window follows the publication's calendar, not UTC's", () => {
  const window = editionWindow(day("2026-11-17"), day("2026-11-10"));
  assert.is(window.after.toISO(), "2026-11-10T23:59:59.999+07:00");
  assert.is(window.until.toISO(), "2026-11-17T23:59:59.999+07:00");
});

collect("the first edition, with no previous one, reaches back seven days", () => {
  assert.equal(slugs(collectStories(stories, editionWindow(day("2026-11-17")))), [
    "last-minute",
    "same-instant-a",
    "same-instant-b",
    "midweek",
    "just-after-previous",
  ]);
  assert.equal(slugs(collectStories(stories, editionWindow(day("2026-11-16")))), [
    "same-instant-a",
    "same-instant-b",
    "midweek",
    "just-after-previous",
    "before-previous",
  ]);
});

collect("topics restrict the collection to articles filed under any of them", () => {
  const window = editionWindow(day("2026-11-17"), day("2026-11-10"));
  assert.equal(slugs(collectStories(stories, window, new Set(["ports"]))), ["midweek", "just-after-previous"]);
  assert.equal(slugs(collectStories(stories, window, new Set(["ports", "semiconductors"]))), [
    "same-instant-a",
    "midweek",
    "just-after-previous",
  ]);
  assert.equal(collectStories(stories, window, new Set(["tourism"])), []);
});

collect("the previous edition is the latest one before the day, in any order", () => {
  const days = [day("2026-11-17"), day("2026-11-03"), day("2026-11-10")];
  assert.is(previousDay(day("2026-11-17"), days)?.toISODate(), "2026-11-10");
  assert.is(previousDay(day("2026-11-12"), days)?.toISODate(), "2026-11-10");
  assert.is(previousDay(day("2026-11-03"), days), undefined);
});

collect.run();

const order = suite("an edition's running order puts the lead first and never repeats it");

order("a given lead leads and is left out of the picks, whose order is kept", () => {
  const [a, b, c] = [{ slug: "a" }, { slug: "b" }, { slug: "c" }];
  assert.equal(runningOrder(b, [c, b, a]), { lead: b, picks: [c, a] });
});

order("without a lead the first story leads", () => {
  const [a, b] = [{ slug: "a" }, { slug: "b" }];
  assert.equal(runningOrder(undefined, [b, a]), { lead: b, picks: [a] });
  assert.equal(runningOrder(undefined, []), { lead: undefined, picks: [] });
});

order("a story listed twice appears once", () => {
  const [a, b] = [{ slug: "a" }, { slug: "b" }];
  assert.equal(runningOrder(a, [b, a, b]), { lead: a, picks: [b] });
});

order.run();

const automatic = suite("an edition that collects its stories never carries a draft");

automatic("a draft newest in the window is left out, and the newest published story still leads", () => {
  const candidate = (slug: string, iso: string, draft = false): Candidate => ({ ...story(slug, iso), draft });
  const candidates = new Map(
    [
      candidate("older", "2026-11-12T09:00:00"),
      candidate("old-draft", "2026-11-13T09:00:00", true),
      candidate("newest-published", "2026-11-15T09:00:00"),
      candidate("newest-draft", "2026-11-17T09:00:00", true),
    ].map((item) => [item.slug, item]),
  );
  assert.equal(editionStories({ day: day("2026-11-17") }, candidates, [day("2026-11-10")]), {
    lead: "newest-published",
    picks: ["older"],
  });
});

automatic.run();

const windows = suite("an edition's window is found among the stories sorted once by date, with the same stories");

windows("the stories in the window are those after its start and up to its end, the edges exact", () => {
  const window = editionWindow(day("2026-11-17"), day("2026-11-10"));
  const edges = [
    ...stories,
    { ...story("at-start", "2026-11-10T23:59:59.999") },
    { ...story("at-end", "2026-11-17T23:59:59.999") },
    { ...story("after-end", "2026-11-18T00:00:00.000") },
  ];
  assert.equal(slugs(inWindow(byDate(edges), window)).sort(), [
    "at-end",
    "just-after-previous",
    "last-minute",
    "midweek",
    "same-instant-a",
    "same-instant-b",
  ]);
});

windows("over a year of stories and weekly editions, each edition carries what a walk over all of them finds", () => {
  let state = 11;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const start = day("2026-01-01");
  const candidates: Candidate[] = Array.from({ length: 600 }, (_, index) => ({
    ...story(`s${index}`, start.plus({ minutes: Math.floor(random() * 365 * 24 * 60) }).toISO() ?? ""),
    draft: random() < 0.1,
    retractedOn: random() < 0.1 ? start.plus({ days: Math.floor(random() * 365) }) : undefined,
  }));
  const sorted = byDate(candidates);
  for (let week = 1; week < 52; week++) {
    const edition = start.plus({ weeks: week });
    const window = editionWindow(edition, start.plus({ weeks: week - 1 }));
    const walked = collectStories(
      candidates.filter((candidate) => isCarriable(candidate, edition)),
      window,
    );
    assert.equal(slugs(automaticStories(sorted, edition, window)), slugs(walked), `week ${week}`);
  }
});

windows.run();
