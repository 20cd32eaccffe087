import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { editionTemplate, planEdition } from "../../src/newsletter/plan.ts";
import { articleFile, contentTree, load } from "../helpers.ts";

const story = (title: string, date: string) =>
  articleFile(`title: ${title}\ndate: ${date}\nauthor: ana-lim\ntags: [China Bond]`);
const edition = (day: string, extra = "") => `---\ntitle: Week\ndate: ${day}${extra}\n---\nThe note.\n`;
const bangkok = (iso: string) => DateTime.fromISO(iso, { zone: "Asia/Bangkok" });

const plan = suite("a new edition is planned with the loader's own selection, or refused with the reason");

plan("it collects what was published since the previous edition, newest first, titled with the day", async () => {
  const dir = contentTree({
    "news/2024/a.md": story("A", "2024-05-10"),
    "news/2024/b.md": story("B", "2024-05-20"),
    "news/2024/c.md": story("C", "2024-05-28"),
    "editions/2024-05-15.md": edition("2024-05-15", "\nlead: a"),
  });
  const { newsroom } = await load(dir);
  const planned = planEdition(bangkok("2024-05-31"), newsroom, bangkok("2024-06-01"));
  assert.equal(planned.ok && [planned.title, planned.articles.map((article) => article.slug)], [
    "Test Ledger, 31 May 2024",
    ["c", "b"],
  ]);
});

plan("nothing published since the previous edition: refused, saying since when", async () => {
  const dir = contentTree({
    "news/2024/a.md": story("A", "2024-05-10"),
    "editions/2024-05-15.md": edition("2024-05-15", "\nlead: a"),
  });
  const planned = planEdition(bangkok("2024-05-20"), (await load(dir)).newsroom, bangkok("2024-06-01"));
  assert.equal(planned, { ok: false, reason: "nothing-new", since: "since the previous edition (15 May 2024)" });
});

plan("a day before a sent edition that collects its stories is refused, naming that edition", async () => {
  const dir = contentTree({
    "news/2024/a.md": story("A", "2024-05-10"),
    "news/2024/b.md": story("B", "2024-05-20"),
    "editions/2024-05-25.md": edition("2024-05-25"),
  });
  const planned = planEdition(bangkok("2024-05-18"), (await load(dir)).newsroom, bangkok("2024-06-01"));
  assert.equal(!planned.ok && planned.reason === "changes-sent-edition" && planned.sent.day, "2024-05-25");
});

plan("the file lists the picks with their headlines and dates as comments, and the note's placeholder", async () => {
  const dir = contentTree({ "news/2024/a.md": story('"Rates: up"', "2024-05-10") });
  const [article] = (await load(dir)).newsroom.articles;
  assert.ok(article);
  const text = editionTemplate({
    title: "Test Ledger, 12 May 2024",
    day: "2024-05-12",
    articles: [article],
    locale: "en-GB",
  });
  assert.equal(text.split("\n").slice(0, 6), [
    "---",
    "title: Test Ledger, 12 May 2024",
    "date: 2024-05-12",
    "# lead: slug-of-the-top-story   # leads the edition with its picture; without it, the first pick leads",
    "picks:",
    "  - a   # Rates: up (10 May 2024)",
  ]);
  assert.ok(
    text.endsWith(
      "\n---\n\nA few sentences from the editor: what this edition is about and why it matters to readers.\n",
    ),
  );
});

plan.run();
