import { suite } from "uvu";
import * as assert from "uvu/assert";
import { articleFile, contentTree, load, rejection } from "../helpers.ts";

/** Four articles around the helpers' NOW (2024-06-01 07:00 in Bangkok): two published, a draft and a scheduled one. */
const newsroom = {
  "news/2024/micron-thaw.md": articleFile(
    "title: Micron thaw\ndate: 2024-05-20T08:00:00+07:00\nauthor: ana-lim\ntags: [China Bond]",
  ),
  "news/2024/penang-suppliers.md": articleFile(
    "title: Penang suppliers\ndate: 2024-05-28T08:00:00+07:00\nauthor: ana-lim\ntags: [Semiconductors]",
  ),
  "news/2024/secret-draft.md": articleFile(
    "title: Secret draft\ndate: 2024-05-25\nauthor: ana-lim\ntags: [China Bond]\ndraft: true",
  ),
  "news/2024/tomorrow.md": articleFile(
    "title: Tomorrow\ndate: 2024-06-01T09:00:00+07:00\nauthor: ana-lim\ntags: [Semiconductors]",
  ),
};

/** An edition file from front-matter lines and the editor's note. */
function editionFile(frontMatter: string, note = "This week's note.\n"): string {
  return `---\n${frontMatter.trim()}\n---\n${note}`;
}

function editions(files: Record<string, string>): string {
  return contentTree({ ...newsroom, ...files });
}

const rejects = suite("build rejects an edition that cannot be sent");

rejects("a lead or pick that matches no article, with the likely slug", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile(
      "title: Week\ndate: 2024-05-31\nlead: micron-thw\npicks: [penang-suppliers, no-such-story]",
    ),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-31.md:4:lead: no article has the slug `micron-thw` — did you mean `micron-thaw`?",
    "editions/2024-05-31.md:5:picks[1]: no article has the slug `no-such-story`",
  ]);
});

rejects("a draft or a scheduled article among the picks", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile(
      "title: Week\ndate: 2024-05-31\nlead: secret-draft\npicks:\n  - micron-thaw\n  - tomorrow",
    ),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-31.md:4:lead: `secret-draft` is a draft: an edition can only carry published articles",
    "editions/2024-05-31.md:7:picks[1]: `tomorrow` is scheduled for 1 June 2024, 09:00 GMT+7, after this edition's " +
      "day: pick it for a later edition",
  ]);
});

rejects("an article that came out after the edition's day", async () => {
  const dir = editions({
    "editions/2024-05-27.md": editionFile("title: Week\ndate: 2024-05-27\npicks: [micron-thaw, penang-suppliers]"),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-27.md:4:picks[1]: `penang-suppliers` came out on 28 May 2024, 08:00 GMT+7, after this " +
      "edition's day: an edition carries what was out by its date",
  ]);
});

rejects("an article picked twice", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile(
      "title: Week\ndate: 2024-05-31\npicks: [micron-thaw, penang-suppliers, micron-thaw]",
    ),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-31.md:4:picks[2]: `micron-thaw` is already picks[0]: list each article once",
  ]);
});

rejects("a topic no article is filed under, with the likely one", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile(
      "title: Week\ndate: 2024-05-31\ntopics: [Semiconductors, Chna Bond, Tourism]",
    ),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-31.md:4:topics[1]: no article is filed under the topic `Chna Bond` — did you mean `China Bond`?",
    "editions/2024-05-31.md:4:topics[2]: no article is filed under the topic `Tourism`: write topics as articles' " +
      "tags name them, like China Bond",
  ]);
});

rejects("a file name that is not the edition's date, or a date that differs from it", async () => {
  const dir = editions({
    "editions/weekly.md": editionFile("title: Week\ndate: 2024-05-31\nlead: micron-thaw"),
    "editions/2024-05-29.md": editionFile("title: Week\ndate: 2024-05-28\nlead: micron-thaw"),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-29.md:3:date: 2024-05-28 is not the date in the file name 2024-05-29.md: fix the date or " +
      "rename the file",
    "editions/weekly.md: the file name must be the edition's date: rename it 2024-05-31.md",
  ]);
});

rejects("an empty edition: no lead, no picks and nothing published since the previous one", async () => {
  const dir = editions({
    "editions/2024-05-28.md": editionFile("title: Earlier\ndate: 2024-05-28"),
    "editions/2024-05-31.md": editionFile("title: Quiet week\ndate: 2024-05-31"),
    "editions/2024-05-27.md": editionFile("title: Only chips\ndate: 2024-05-27\ntopics: [Semiconductors]"),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-27.md: the edition is empty: it has no lead or picks, and no article was published in the 7 " +
      "days up to 27 May 2024 under Semiconductors; add picks, or wait for news",
    "editions/2024-05-31.md: the edition is empty: it has no lead or picks, and no article was published since the " +
      "previous edition (28 May 2024); add picks, or wait for news",
  ]);
});

rejects("a broken link in the editor's note, while links to editions and articles work", async () => {
  const note =
    "Read [Micron](/news/micron-thaw/), [last week](/newsletter/2024-05-20/) and [the " +
    "archive](/newsletter/).\n\nAlso [this](/news/micron-thw/).\n";
  const dir = editions({
    "editions/2024-05-20.md": editionFile("title: Before\ndate: 2024-05-20\nlead: micron-thaw"),
    "editions/2024-05-31.md": editionFile("title: Week\ndate: 2024-05-31\nlead: penang-suppliers", note),
  });
  assert.equal(await rejection(dir), [
    "editions/2024-05-31.md:8:body: broken link to /news/micron-thw/: no article has the slug `micron-thw` — did " +
      "you mean `micron-thaw`?",
  ]);
});

rejects(
  "a lead, a pick or a note's link to an article with errors says so and names its file; a note's link to a draft " +
    "says it is one",
  async () => {
    const note = "Read [the story](/news/broken/) and [the draft](/news/secret-draft/).\n";
    const dir = editions({
      "news/2024/broken.md": articleFile(
        "title: Broken\ndate: 2024-05-29\nauthor: ana-lim\ntags: [China Bond]\nsource: [unclosed",
      ),
      "editions/2024-05-31.md": editionFile(
        "title: Week\ndate: 2024-05-31\nlead: broken\npicks: [micron-thaw, broken]",
        note,
      ),
    });
    assert.equal(await rejection(dir), [
      "editions/2024-05-31.md:4:lead: `broken` (news/2024/broken.md) has errors: fix them first",
      "editions/2024-05-31.md:5:picks[1]: `broken` (news/2024/broken.md) has errors: fix them first",
      "editions/2024-05-31.md:7:body: broken link to /news/broken/: that article (news/2024/broken.md) has errors: " +
        "fix them first",
      "editions/2024-05-31.md:7:body: broken link to /news/secret-draft/: that article is a draft",
      "news/2024/broken.md:6: front matter is not valid YAML: Flow sequence in block collection must be " +
        "sufficiently indented and end with a ]",
    ]);
  },
);

rejects("a missing title, an empty picks list and a misspelt field", async () => {
  const dir = editions({ "editions/2024-05-31.md": editionFile("date: 2024-05-31\npicks: []\nleed: micron-thaw") });
  assert.equal(await rejection(dir), [
    "editions/2024-05-31.md:title: is required",
    "editions/2024-05-31.md:3:picks: is empty: list article slugs, or leave picks out to collect what was published " +
      "since the previous edition",
    "editions/2024-05-31.md:4:leed: is not a field we know; check the spelling",
  ]);
});

rejects.run();

const assembles = suite("load assembles each edition from the articles");

assembles("picks keep the editor's order and the lead is not repeated among them", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile(
      "title: Week\ndate: 2024-05-31\nlead: penang-suppliers\npicks: [micron-thaw, penang-suppliers]",
      "Read [the story](/news/micron-thaw/).\n",
    ),
  });
  const [edition] = (await load(dir)).newsroom.editions;
  assert.is(edition?.url, "/newsletter/2024-05-31/");
  assert.is(edition?.lead?.slug, "penang-suppliers");
  assert.equal(
    edition?.picks.map((article) => article.slug),
    ["micron-thaw"],
  );
  assert.is(edition?.noteHtml, '<p>Read <a href="/news/micron-thaw/">the story</a>.</p>\n');
  assert.is(edition?.noteText, "Read the story (https://test.example/news/micron-thaw/).");
  assert.is(edition?.preheader, "Read the story.");
});

assembles("the edition's title gets the body's typographic quotes, its markup kept as text", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile(
      `title: "Chips, <b>bonds</b> & the week's \\"thaw\\""\ndate: 2024-05-31\nlead: micron-thaw`,
    ),
  });
  assert.is((await load(dir)).newsroom.editions[0]?.title, "Chips, <b>bonds</b> & the week’s “thaw”");
});

assembles("without picks, what was published since the previous edition, newest first, drafts left out", async () => {
  const dir = editions({
    "editions/2024-05-20.md": editionFile("title: Before\ndate: 2024-05-20\npicks: [micron-thaw]"),
    "editions/2024-05-31.md": editionFile("title: Week\ndate: 2024-05-31"),
    "news/2024/ports-week.md": articleFile("title: Ports week\ndate: 2024-05-26\nauthor: ana-lim\ntags: [Ports]"),
  });
  const { newsroom: loaded } = await load(dir);
  assert.equal(
    loaded.editions.map((edition) => [edition.day, edition.lead?.slug, edition.picks.map((article) => article.slug)]),
    [
      ["2024-05-31", "penang-suppliers", ["ports-week"]],
      ["2024-05-20", "micron-thaw", []],
    ],
  );
});

assembles("without picks, a draft that is the newest story leaves the lead to the newest published one", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile("title: Week\ndate: 2024-05-31"),
    "news/2024/late-draft.md": articleFile(
      "title: Late draft\ndate: 2024-05-30\nauthor: ana-lim\ntags: [Ports]\ndraft: true",
    ),
  });
  for (const preview of [false, true]) {
    const { newsroom: loaded } = await load(dir, preview);
    const week = loaded.editions.find((edition) => edition.day === "2024-05-31");
    assert.equal([week?.lead?.slug, week?.picks.map((article) => article.slug)], ["penang-suppliers", []]);
  }
});

assembles("an edition waits for its day and its stories, and preview shows it marked scheduled", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile("title: Friday\ndate: 2024-05-31"),
    "editions/2024-06-01.md": editionFile("title: Saturday\ndate: 2024-06-01\npicks: [tomorrow]"),
    "editions/2024-06-02.md": editionFile("title: Sunday\ndate: 2024-06-02\npicks: [penang-suppliers]"),
  });
  assert.equal(
    (await load(dir)).newsroom.editions.map((edition) => edition.day),
    ["2024-05-31"],
  );
  assert.equal(
    (await load(dir, true)).newsroom.editions.map((edition) => [edition.day, edition.scheduled, edition.lead?.slug]),
    [
      ["2024-06-02", true, "penang-suppliers"],
      ["2024-06-01", true, "tomorrow"],
      ["2024-05-31", false, "penang-suppliers"],
    ],
  );
});

assembles("topics given with picks change nothing, and the writer is told", async () => {
  const dir = editions({
    "editions/2024-05-31.md": editionFile(
      "title: Week\ndate: 2024-05-31\npicks: [micron-thaw]\ntopics: [Semiconductors]",
    ),
  });
  const { newsroom: loaded, warnings } = await load(dir);
  assert.equal(loaded.editions[0]?.lead?.slug, "micron-thaw");
  assert.equal(
    warnings
      .filter((warning) => warning.file.endsWith("2024-05-31.md"))
      .map((warning) => `${warning.line}:${warning.field}: ${warning.message}`),
    ["5:topics: only fills an edition without picks: with picks given it changes nothing"],
  );
});

assembles("an article may link to the newsletter archive and its feed", async () => {
  const dir = editions({
    "news/2024/sign-up.md": articleFile(
      "title: Sign up\ndate: 2024-05-30\nauthor: ana-lim\ntags: [News]",
      "Get [the newsletter](/newsletter/) or its [feed](/newsletter/feed.xml).\n",
    ),
  });
  assert.equal((await load(dir)).newsroom.articles.map((article) => article.slug).includes("sign-up"), true);
});

assembles.run();
