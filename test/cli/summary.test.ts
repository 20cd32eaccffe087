import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  type BuildCounts,
  buildSummary,
  type CheckCounts,
  checkSummary,
  recordNotice,
  signupNotice,
  summaryLines,
} from "../../src/cli/summary.ts";

const counts: BuildCounts = {
  published: 27,
  retracted: 1,
  drafts: ["content/news/2026/draft.md"],
  scheduled: ["content/news/2027/a.md", "content/news/2027/b.md"],
  editions: 2,
  scheduledEditions: ["content/editions/2027-01-04.md"],
  topics: 14,
  authors: 5,
  pages: 123,
  searchRecords: 27,
  preview: false,
  record: {
    checked: true,
    addresses: 30,
    byAlias: 2,
    editions: 2,
    ref: "refs/remotes/origin/main",
    commits: 57,
    shallow: false,
  },
};

const summary = suite("the build summary counts every kind of output and names what was left out");

summary("one right-aligned line per kind, with the files of drafts and scheduled articles", () => {
  assert.is(
    buildSummary(summaryLines(counts), "Built _site/ in 4.2 s:"),
    [
      "Built _site/ in 4.2 s:",
      "   27 articles published",
      "    1 retracted article kept as a notice",
      "    1 draft left out: content/news/2026/draft.md",
      "    2 scheduled articles left out: content/news/2027/a.md, content/news/2027/b.md",
      "    2 newsletter editions",
      "    1 scheduled edition left out: content/editions/2027-01-04.md",
      "   14 topics",
      "    5 authors",
      "  123 pages written",
      "   27 search records",
      "   30 published addresses kept (2 by aliases; checked against 57 commits of refs/remotes/origin/main)",
      "    2 sent editions unchanged",
    ].join("\n"),
  );
});

summary("singular nouns for one, no file list when there is nothing left out, and a preview says it shows them", () => {
  const text = buildSummary(
    summaryLines({
      ...counts,
      published: 1,
      drafts: [],
      scheduled: [],
      editions: 1,
      scheduledEditions: [],
      topics: 1,
      authors: 1,
      pages: 1,
      searchRecords: 1,
      preview: true,
      retracted: 0,
      record: { checked: false, reason: "x" },
    }),
    "Built:",
  );
  assert.is(
    text,
    [
      "Built:",
      "  1 article published",
      "  0 drafts shown, marked (preview build)",
      "  0 scheduled articles shown, marked (preview build)",
      "  1 newsletter edition",
      "  0 scheduled editions shown, marked (preview build)",
      "  1 topic",
      "  1 author",
      "  1 page written",
      "  1 search record",
    ].join("\n"),
  );
});

summary("a shallow clone is named, and a record that could not be checked is said in words instead of counted", () => {
  const shallow = summaryLines({
    ...counts,
    record: { checked: true, addresses: 3, byAlias: 0, editions: 0, ref: "HEAD", commits: 1, shallow: true },
  });
  assert.is(
    shallow.at(-2)?.detail,
    "0 by aliases; checked against 1 commit of HEAD, a shallow clone: fetch the whole history to check older addresses",
  );
  const unchecked = { checked: false as const, reason: "the content folder is not in a git repository" };
  assert.equal(
    summaryLines({ ...counts, record: unchecked })
      .map((line) => line.noun[1])
      .slice(-1),
    ["search records"],
  );
  assert.is(
    recordNotice(unchecked),
    "Published addresses and sent editions were not checked: the content folder is not in a git repository (see " +
      '"What was published stays put" in docs/writing.md).',
  );
  assert.is(recordNotice(counts.record), undefined);
});

summary.run();

const check = suite("the check's last line says what would be published and what was left out, or why nothing would");

const none: CheckCounts = { articles: 0, editions: 0, drafts: 0, scheduled: 0, scheduledEditions: 0 };

check("ready to publish, with the articles and editions, then the drafts and scheduled ones left out", () => {
  assert.is(
    checkSummary(2, { articles: 28, editions: 2, drafts: 1, scheduled: 1, scheduledEditions: 0 }),
    "No errors, 2 warnings. Ready to publish: 28 articles and 2 newsletter editions; 1 draft and 1 scheduled " +
      "article left out.",
  );
  assert.is(
    checkSummary(0, { articles: 3, editions: 1, drafts: 2, scheduled: 2, scheduledEditions: 1 }),
    "No errors, 0 warnings. Ready to publish: 3 articles and 1 newsletter edition; 2 drafts, 2 scheduled articles " +
      "and 1 scheduled edition left out.",
  );
  assert.is(checkSummary(1, { ...none, articles: 1 }), "No errors, 1 warning. Ready to publish: 1 article.");
});

check("nothing to publish is not ready: it says whether the articles are drafts, scheduled or missing", () => {
  assert.is(
    checkSummary(0, { ...none, drafts: 2, scheduled: 1 }),
    "No errors, 0 warnings, but nothing would be published: all 3 articles are drafts or scheduled (2 drafts, 1 " +
      "scheduled).",
  );
  assert.is(
    checkSummary(1, { ...none, drafts: 3 }),
    "No errors, 1 warning, but nothing would be published: all 3 articles are drafts.",
  );
  assert.is(
    checkSummary(0, { ...none, drafts: 1 }),
    "No errors, 0 warnings, but nothing would be published: the only article is a draft.",
  );
  assert.is(
    checkSummary(0, { ...none, scheduled: 2 }),
    "No errors, 0 warnings, but nothing would be published: all 2 articles are scheduled.",
  );
  assert.is(
    checkSummary(0, { ...none, scheduled: 1 }),
    "No errors, 0 warnings, but nothing would be published: the only article is scheduled.",
  );
  assert.is(
    checkSummary(0, none),
    "No errors, 0 warnings, but nothing would be published: there are no articles yet (npm run new starts one).",
  );
});

check.run();

const notice = suite("the build says once when no page has the newsletter's sign-up form");

notice("without a signup setting the notice names the settings file and where the setting is explained", () => {
  assert.is(
    signupNotice({ ...counts, withoutSignup: "content/publication.ts" }),
    'No page shows a newsletter sign-up form: content/publication.ts names no `signup` endpoint (see "Newsletter ' +
      'sign-up" in docs/hosting.md).',
  );
});

notice("with one there is nothing to say, and the summary's lines are the same either way", () => {
  assert.is(signupNotice(counts), undefined);
  assert.equal(summaryLines({ ...counts, withoutSignup: "content/publication.ts" }), summaryLines(counts));
});

notice.run();
