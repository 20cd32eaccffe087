import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  archiveMonths,
  correctionNotices,
  FRONT_SECTIONS,
  frontPage,
  monthPages,
  paginate,
  topicPages,
} from "../../src/collections/listings.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";

/** `count` articles in one topic, one hour apart, newest last in file order. */
function manyArticles(count: number, tags = "[China Bond]"): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 1; index <= count; index++) {
    const hour = String(index % 24).padStart(2, "0");
    const day = String(1 + Math.floor(index / 24)).padStart(2, "0");
    files[`news/2024/story-${index}.md`] = articleFile(
      `title: Story ${index}\ndate: 2024-03-${day}T${hour}:00:00+07:00\nauthor: ana-lim\ntags: ${tags}`,
    );
  }
  return files;
}

const pages = suite("topic pages hold 20 articles each, newest first");

pages("45 articles in one topic make exactly 3 pages of 20, 20 and 5", async () => {
  const { newsroom } = await load(contentTree(manyArticles(45)));
  const topic = topicPages(newsroom);
  assert.equal(
    topic.map((page) => [page.url, page.pageNumber, page.pageCount, page.total, page.articles.length]),
    [
      ["/topics/china-bond/", 1, 3, 45, 20],
      ["/topics/china-bond/page/2/", 2, 3, 45, 20],
      ["/topics/china-bond/page/3/", 3, 3, 45, 5],
    ],
  );
  assert.equal(
    topic.flatMap((page) => page.articles.map((article) => article.title)),
    Array.from({ length: 45 }, (_, index) => `Story ${45 - index}`),
  );
  assert.equal(
    topic.map((page) => [page.previousUrl, page.nextUrl]),
    [
      [undefined, "/topics/china-bond/page/2/"],
      ["/topics/china-bond/", "/topics/china-bond/page/3/"],
      ["/topics/china-bond/page/2/", undefined],
    ],
  );
});

pages("an empty list still has one page", () => {
  assert.equal(
    paginate([], "/authors/new-writer/").map((page) => [page.url, page.pageCount, page.articles.length]),
    [["/authors/new-writer/", 1, 0]],
  );
});

pages.run();

const archive = suite("archive months follow the publication's calendar");

archive("an article at 17:30 UTC on 31 January is filed under February in Bangkok", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/late-january.md": articleFile(validFields.replace("2024-03-01", "2024-01-31T16:59:00Z")),
      "news/2024/bangkok-february.md": articleFile(validFields.replace("2024-03-01", "2024-01-31T17:30:00Z")),
      "news/2024/leap-day.md": articleFile(validFields.replace("2024-03-01", "2024-02-29T16:59:59Z")),
      "news/2024/march.md": articleFile(validFields.replace("2024-03-01", "2024-02-29T17:00:00Z")),
    }),
  );
  assert.equal(
    archiveMonths(newsroom).map((month) => [month.url, month.label, month.count]),
    [
      ["/archive/2024/03/", "March 2024", 1],
      ["/archive/2024/02/", "February 2024", 2],
      ["/archive/2024/01/", "January 2024", 1],
    ],
  );
});

archive("each month's pages hold that month's articles, newest first", async () => {
  const story = (slug: string, date: string) =>
    articleFile(`title: Story ${slug}\ndate: ${date}\nauthor: ana-lim\ntags: [China Bond]`);
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": story("a", "2024-01-15"),
      "news/2024/b.md": story("b", "2024-03-02"),
      "news/2024/c.md": story("c", "2024-03-20"),
    }),
  );
  assert.equal(
    monthPages(newsroom).map((page) => [
      page.url,
      page.year,
      page.month,
      page.label,
      page.articles.map((article) => article.slug),
    ]),
    [
      ["/archive/2024/03/", 2024, 3, "March 2024", ["c", "b"]],
      ["/archive/2024/01/", 2024, 1, "January 2024", ["a"]],
    ],
  );
});

archive.run();

const front = suite("the home page leads with a featured story among the latest, else the newest");

front("a featured story among the latest 20 leads; an older one does not", async () => {
  const files = manyArticles(30);
  files["news/2024/story-25.md"] = String(files["news/2024/story-25.md"]).replace("tags:", "featured: true\ntags:");
  files["news/2024/story-2.md"] = String(files["news/2024/story-2.md"]).replace("tags:", "featured: true\ntags:");
  const { newsroom } = await load(contentTree(files));
  const page = frontPage(newsroom);
  assert.is(page.lead?.title, "Story 25");
  assert.equal(
    page.latest.slice(0, 3).map((article) => article.title),
    ["Story 30", "Story 29", "Story 28"],
  );
  const onlyOld = manyArticles(30);
  onlyOld["news/2024/story-2.md"] = String(onlyOld["news/2024/story-2.md"]).replace("tags:", "featured: true\ntags:");
  assert.is(frontPage((await load(contentTree(onlyOld))).newsroom).lead?.title, "Story 30");
});

front.run();

const once = suite("a story appears once on the home page");

once("a story in two busy topics shows under the first of them only, and the second takes the next ones", async () => {
  const { newsroom } = await load(contentTree(manyArticles(16, "[Thailand, Banking]")));
  const page = frontPage(newsroom);
  const titles = (articles: { title: string }[]) => articles.map((article) => article.title);
  assert.equal(
    page.sections.map((section) => [section.topic.name, titles(section.articles)]),
    [
      ["Banking", ["Story 6", "Story 5", "Story 4", "Story 3"]],
      ["Thailand", ["Story 2", "Story 1"]],
    ],
  );
  const everyCard = [page.lead?.title, ...titles(page.latest), ...page.sections.flatMap((s) => titles(s.articles))];
  assert.is(new Set(everyCard).size, 16);
});

once("the home page shows four sections though a fifth topic has stories enough", async () => {
  const files = manyArticles(20, "[Trade]");
  ["Aviation", "Banking", "Cement", "Dairy", "Energy"].forEach((tag, index) => {
    for (const number of [2 * index + 1, 2 * index + 2]) {
      files[`news/2024/story-${number}.md`] = String(files[`news/2024/story-${number}.md`]).replace(
        "[Trade]",
        `[${tag}]`,
      );
    }
  });
  const page = frontPage((await load(contentTree(files))).newsroom);
  assert.is(FRONT_SECTIONS.count, 4);
  assert.equal(
    page.sections.map((section) => [section.topic.name, section.articles.map((article) => article.title)]),
    [
      ["Aviation", ["Story 2", "Story 1"]],
      ["Banking", ["Story 4", "Story 3"]],
      ["Cement", ["Story 6", "Story 5"]],
      ["Dairy", ["Story 8", "Story 7"]],
    ],
  );
});

once("topics with fewer than two stories left give their sections to the next busiest topic", async () => {
  const files = manyArticles(13, "[Thailand, Banking]");
  files["news/2024/story-1.md"] = String(files["news/2024/story-1.md"]).replace("[Thailand, Banking]", "[Vietnam]");
  files["news/2024/story-2.md"] = String(files["news/2024/story-2.md"]).replace("[Thailand, Banking]", "[Vietnam]");
  const page = frontPage((await load(contentTree(files))).newsroom);
  assert.equal(
    page.sections.map((section) => [section.topic.name, section.articles.map((article) => article.title)]),
    [["Vietnam", ["Story 2", "Story 1"]]],
  );
});

once.run();

const corrections = suite("the corrections page lists every correction and retraction, newest first");

corrections(
  "notices come newest first; notices of one day keep the articles' order; each links where it is read",
  async () => {
    const { newsroom } = await load(
      contentTree({
        "news/2024/a.md": articleFile(
          "title: Story a\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]\ncorrections:\n" +
            '  - { date: 2024-03-10, note: "First." }\n  - { date: 2024-04-01, note: "Second." }',
        ),
        "news/2024/b.md": articleFile(
          "title: Story b\ndate: 2024-03-05\nauthor: ana-lim\ntags: [China Bond]\ncorrections:\n" +
            '  - { date: 2024-03-10, note: "Fixed." }',
        ),
        "news/2024/r.md": articleFile(
          "title: Story r\ndate: 2024-02-01\nauthor: ana-lim\ntags: [China Bond]\n" +
            'retracted: { date: 2024-03-20, note: "Withdrawn." }',
        ),
      }),
    );
    assert.equal(
      correctionNotices(newsroom).map((notice) => [notice.kind, notice.url, notice.note.date.toISODate()]),
      [
        ["correction", "/news/a/#correction-2", "2024-04-01"],
        ["retraction", "/news/r/", "2024-03-20"],
        ["correction", "/news/b/#correction-1", "2024-03-10"],
        ["correction", "/news/a/#correction-1", "2024-03-10"],
      ],
    );
  },
);

corrections.run();
