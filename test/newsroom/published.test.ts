import { relative } from "node:path";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import type { ContentHistory, FileVersion } from "../../src/history/git.ts";
import { type LoadResult, loadNewsroom } from "../../src/newsroom/load.ts";
import { articleFile, contentTree, NOW } from "../helpers.ts";

const at = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });

/** A version of a content file on the published branch: its path, text and the span it was current. */
function version(path: string, text: string, from: string, until?: string, renamedTo?: string): FileVersion {
  return {
    path,
    text,
    commit: `c0ffee${from.replace(/\D/g, "").slice(0, 10)}`,
    from: at(from),
    until: until ? at(until) : undefined,
    renamedTo,
  };
}

function history(...versions: FileVersion[]): ContentHistory {
  return { versions, ref: "refs/remotes/origin/main", commits: versions.length, shallow: false };
}

const micron = (extra = "") =>
  articleFile(`title: Micron thaw\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]${extra}`);

async function loadWith(dir: string, record: ContentHistory): Promise<LoadResult> {
  return loadNewsroom({ contentDir: dir, publicDir: process.cwd(), now: NOW, preview: false, history: record });
}

/** The errors a content tree is refused with, checked against a history, paths relative to the tree. */
async function refusal(dir: string, record: ContentHistory): Promise<string[]> {
  try {
    await loadWith(dir, record);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const prefix = `${relative(process.cwd(), dir)}/`;
    return error.problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => formatProblem(problem).replaceAll(prefix, ""));
  }
  throw new Error("expected the content to be refused");
}

const addresses = suite("an address the site published keeps working, or the build says which file broke it");

addresses("a story given a new slug without aliases is refused on its slug field, with the alias to add", async () => {
  const dir = contentTree({ "news/2024/micron.md": micron("\nslug: micron-thaw") });
  assert.equal(await refusal(dir, history(version("news/2024/micron.md", micron(), "2024-03-01T02:00:00Z"))), [
    "news/2024/micron.md:6:slug: was published at /news/micron/ (until 1 June 2024, commit c0ffee2); its address is " +
      "now /news/micron-thaw/, so add `aliases: [micron]` to send readers and search engines there",
  ]);
});

addresses(
  "with the old slug among its aliases the story keeps its old address, counted as kept by an alias",
  async () => {
    const dir = contentTree({ "news/2024/micron.md": micron("\nslug: micron-thaw\naliases: [micron]") });
    const { record, newsroom } = await loadWith(
      dir,
      history(version("news/2024/micron.md", micron(), "2024-03-01T02:00:00Z")),
    );
    assert.equal(record, {
      checked: true,
      addresses: 1,
      byAlias: 1,
      editions: 0,
      ref: "refs/remotes/origin/main",
      commits: 1,
      shallow: false,
    });
    assert.equal(newsroom.aliases, [{ from: "/news/micron/", to: "/news/micron-thaw/", title: "Micron thaw" }]);
  },
);

addresses("a renamed file is refused under its old name, pointing to the file the story went to", async () => {
  const dir = contentTree({ "news/2024/micron-thaw.md": micron() });
  const record = history(
    version(
      "news/2024/micron.md",
      micron(),
      "2024-03-01T02:00:00Z",
      "2024-04-01T02:00:00Z",
      "news/2024/micron-thaw.md",
    ),
    version("news/2024/micron-thaw.md", micron(), "2024-04-01T02:00:00Z"),
  );
  assert.equal(await refusal(dir, record), [
    "news/2024/micron.md: was published at /news/micron/ (until 1 April 2024, commit c0ffee2), and no story has " +
      "that address now: add `aliases: [micron]` to news/2024/micron-thaw.md, where the story went; if it was " +
      "withdrawn, restore the file and mark it `retracted`",
  ]);
});

addresses("a deleted story is refused under its old name, with both ways out", async () => {
  const dir = contentTree({ "news/2024/other.md": micron().replace("Micron thaw", "Other") });
  const record = history(
    version("news/2024/micron.md", micron(), "2024-03-01T02:00:00Z", "2024-05-01T02:00:00Z"),
    version("news/2024/other.md", micron(), "2024-03-01T02:00:00Z"),
  );
  assert.equal(await refusal(dir, record), [
    "news/2024/micron.md: was published at /news/micron/ (until 1 May 2024, commit c0ffee2), and no story has that " +
      "address now: if the story moved, add `aliases: [micron]` to its new file; if it was withdrawn, restore the " +
      "file and mark it `retracted`",
  ]);
});

addresses("a published story turned back into a draft is refused on its draft field: retract it instead", async () => {
  const dir = contentTree({ "news/2024/micron.md": micron("\ndraft: true") });
  assert.equal(await refusal(dir, history(version("news/2024/micron.md", micron(), "2024-03-01T02:00:00Z"))), [
    "news/2024/micron.md:6:draft: was published at /news/micron/ (until 1 June 2024, commit c0ffee2); making it a " +
      "draft again would break that address: to withdraw it, keep it published and mark it `retracted` instead",
  ]);
});

addresses("a retracted story keeps its address, and an old alias of it too", async () => {
  const dir = contentTree({
    "news/2024/micron.md": micron(
      '\nslug: micron-thaw\naliases: [micron]\nretracted: { date: 2024-05-02, note: "We could not confirm it." }',
    ),
  });
  const { record, newsroom } = await loadWith(
    dir,
    history(version("news/2024/micron.md", micron(), "2024-03-01T02:00:00Z")),
  );
  assert.equal(
    [record.checked && record.addresses, newsroom.articles.length, newsroom.retracted.map((article) => article.url)],
    [1, 0, ["/news/micron-thaw/"]],
  );
});

addresses("nothing is owed for a story that was a draft, or was renamed before its date came", async () => {
  const dir = contentTree({ "news/2024/later.md": micron().replace("2024-03-01", "2024-05-20") });
  const wasDraft = version(
    "news/2024/draft.md",
    micron("\ndraft: true"),
    "2024-03-01T02:00:00Z",
    "2024-04-01T02:00:00Z",
  );
  const renamedEarly = version(
    "news/2024/early.md",
    micron().replace("2024-03-01", "2024-05-20"),
    "2024-05-01T02:00:00Z",
    "2024-05-10T02:00:00Z",
    "news/2024/later.md",
  );
  const { record } = await loadWith(
    dir,
    history(
      wasDraft,
      renamedEarly,
      version("news/2024/later.md", micron().replace("2024-03-01", "2024-05-20"), "2024-05-10T02:00:00Z"),
    ),
  );
  assert.equal(record.checked && record.addresses, 1);
});

addresses("history after the build's now does not count", async () => {
  const dir = contentTree({ "news/2024/micron.md": micron("\nslug: micron-thaw") });
  const { record } = await loadWith(dir, history(version("news/2024/micron.md", micron(), "2024-07-01T02:00:00Z")));
  assert.equal(record.checked && record.addresses, 0);
});

addresses("without a history the load says why nothing was checked", async () => {
  const dir = contentTree({ "news/2024/micron.md": micron("\nslug: micron-thaw") });
  const { record } = await loadNewsroom({
    contentDir: dir,
    publicDir: process.cwd(),
    now: NOW,
    preview: false,
    history: { unavailable: "the content folder is not in a git repository" },
  });
  assert.equal(record, { checked: false, reason: "the content folder is not in a git repository" });
});

addresses.run();

const editions = suite("an edition whose day has passed keeps the stories it went out with");

const story = (title: string, date: string, extra = "") =>
  articleFile(`title: ${title}\ndate: ${date}\nauthor: ana-lim\ntags: [China Bond]${extra}`);
const edition = (day: string, extra = "") => `---\ntitle: Edition of ${day}\ndate: ${day}${extra}\n---\nThe note.\n`;
/** Three stories in May, and an edition of 31 May that collected them (sent: committed before its day was out). */
const may = {
  "news/2024/a.md": story("A", "2024-04-20"),
  "news/2024/b.md": story("B", "2024-05-20"),
  "news/2024/c.md": story("C", "2024-05-28"),
};
/** Each story was committed on the morning of its day. */
const committed: Record<string, string> = {
  "news/2024/a.md": "2024-04-20T02:00:00Z",
  "news/2024/b.md": "2024-05-20T02:00:00Z",
  "news/2024/c.md": "2024-05-28T02:00:00Z",
};
const sentHistory = (...more: FileVersion[]) =>
  history(
    ...Object.entries(may).map(([path, text]) => version(path, text, committed[path] ?? "")),
    version("editions/2024-04-30.md", edition("2024-04-30", "\nlead: a"), "2024-04-30T02:00:00Z"),
    version("editions/2024-05-31.md", edition("2024-05-31"), "2024-05-30T02:00:00Z"),
    ...more,
  );

editions("an edition added since, dated before a sent one, is refused, and both files are named", async () => {
  const dir = contentTree({
    ...may,
    "editions/2024-04-30.md": edition("2024-04-30", "\nlead: a"),
    "editions/2024-05-31.md": edition("2024-05-31"),
    "editions/2024-05-22.md": edition("2024-05-22", "\nlead: a"),
  });
  assert.equal(await refusal(dir, sentHistory()), [
    "editions/2024-05-22.md:3:date: is dated before editions/2024-05-31.md, which went out on 31 May 2024 with 2 " +
      "stories (c, b), collected since 30 April 2024; with this edition before it, it would show 1 story (c): date " +
      'this edition after 31 May 2024, or fix that edition\'s stories with "lead: c" and "picks: [b]"',
    "editions/2024-05-31.md: went out on 31 May 2024 with 2 stories (c, b), but would now show 1 story (c) because " +
      "editions/2024-05-22.md was added before it: an edition's stories are fixed once its day has passed; restore " +
      'them with "lead: c" and "picks: [b]"',
  ]);
});

editions("with its stories pinned as lead and picks, the sent edition allows an edition before it", async () => {
  const dir = contentTree({
    ...may,
    "editions/2024-04-30.md": edition("2024-04-30", "\nlead: a"),
    "editions/2024-05-31.md": edition("2024-05-31", "\nlead: c\npicks: [b]"),
    "editions/2024-05-15.md": edition("2024-05-15", "\nlead: a"),
  });
  const { record } = await loadWith(
    dir,
    sentHistory(
      version("editions/2024-05-31.md", edition("2024-05-31", "\nlead: c\npicks: [b]"), "2024-05-31T20:00:00Z"),
    ),
  );
  assert.equal(record.checked && record.editions, 2);
});

editions("a story back-dated into a sent edition's days is refused on that edition", async () => {
  const dir = contentTree({
    ...may,
    "news/2024/late.md": story("Late", "2024-05-25"),
    "editions/2024-04-30.md": edition("2024-04-30", "\nlead: a"),
    "editions/2024-05-31.md": edition("2024-05-31"),
  });
  assert.equal(await refusal(dir, sentHistory()), [
    "editions/2024-05-31.md: went out on 31 May 2024 with 2 stories (c, b), but would now show 3 stories (c, late, " +
      'b): an edition\'s stories are fixed once its day has passed; restore them with "lead: c" and "picks: [b]"',
  ]);
});

editions("a sent edition's own picks cannot be changed either, even to a story dated in its days", async () => {
  const late = story("D", "2024-04-25");
  const dir = contentTree({
    ...may,
    "news/2024/d.md": late,
    "editions/2024-04-30.md": edition("2024-04-30", "\nlead: a\npicks: [d]"),
    "editions/2024-05-31.md": edition("2024-05-31"),
  });
  assert.equal(await refusal(dir, sentHistory(version("news/2024/d.md", late, "2024-05-01T02:00:00Z"))), [
    "editions/2024-04-30.md: went out on 30 April 2024 with 1 story (a), but would now show 2 stories (a, d): an " +
      'edition\'s stories are fixed once its day has passed; restore them with "lead: a"',
  ]);
});

editions("a story renamed with an alias is the same story in a sent edition", async () => {
  const dir = contentTree({
    ...may,
    "news/2024/b.md": story("B", "2024-05-20", "\nslug: b-renamed\naliases: [b]"),
    "editions/2024-04-30.md": edition("2024-04-30", "\nlead: a"),
    "editions/2024-05-31.md": edition("2024-05-31"),
  });
  const { record } = await loadWith(dir, sentHistory());
  assert.equal(record.checked && [record.editions, record.byAlias], [2, 1]);
});

editions("an edition whose day has not passed may still change", async () => {
  const dir = contentTree({
    ...may,
    "editions/2024-04-30.md": edition("2024-04-30", "\nlead: a"),
    "editions/2024-05-31.md": edition("2024-05-31", "\nlead: a"),
  });
  const record = history(
    ...Object.entries(may).map(([path, text]) => version(path, text, committed[path] ?? "")),
    version("editions/2024-04-30.md", edition("2024-04-30", "\nlead: a"), "2024-04-30T02:00:00Z"),
    version("editions/2024-05-31.md", edition("2024-05-31"), "2024-05-30T02:00:00Z"),
  );
  const { record: result } = await loadNewsroom({
    contentDir: dir,
    publicDir: process.cwd(),
    now: at("2024-05-31T10:00:00Z"),
    preview: false,
    history: record,
  });
  assert.equal(result.checked && result.editions, 1);
});

editions.run();
