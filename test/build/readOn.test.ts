import type * as cheerio from "cheerio";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { page } from "../../support/site.ts";
import { fixtureSite } from "./fixture.ts";

// Headlines as the fixtures type them, markup kept as text, with the body's typographic quotes.
const HOSTILE = "Profits <script>alert(1)</script> & “quotes” at Veridian";
const MICRON = "Dramatic turnaround in China’s attitude to US chipmaker Micron";

/** The automatic list's heading and its links, as [headline, address]. */
function moreOn($: cheerio.CheerioAPI): [string, string[][]] {
  const links = $("section.more-on li a")
    .map((_, a) => [[$(a).text(), $(a).attr("href") ?? ""]])
    .get();
  return [$("section.more-on h2").text(), links];
}

/** The previous and next links at the end of the article, as [label, headline, address]. */
function neighbours($: cheerio.CheerioAPI): string[][] {
  return $("nav.story-nav a")
    .map((_, a) => [
      [$(a).find(".story-nav__direction").text(), $(a).find(".story-nav__headline").text(), $(a).attr("href") ?? ""],
    ])
    .get();
}

const readOn = suite("build fills ALSO SEE with labelled automatic stories and links the topic's previous and next");
let out = "";

readOn.before(() => {
  out = fixtureSite().site;
});

readOn(
  "two hand-picked links stay under Also see, and one story sharing two topics is added under its own label",
  () => {
    const $ = page(out, "/news/custom-full/");
    assert.is($("section.also-see li").length, 2);
    assert.equal(moreOn($), ["More on China Bond", [[MICRON, "/news/micron-thaw/"]]]);
    assert.ok($("section.more-on").index() > $("section.also-see").index(), "after the hand-picked list");
  },
);

readOn(
  "no hand-picked link: three stories, most topics shared then newest, labelled with every topic they share",
  () => {
    // The draft, the scheduled story and the retracted one share Semiconductors too, but are never offered.
    assert.equal(moreOn(page(out, "/news/micron-thaw/")), [
      "More on China Bond and Semiconductors",
      [
        [HOSTILE, "/news/custom-full/"],
        ["Penang suppliers count on a memory recovery", "/news/penang-suppliers/"],
        ["Other story about chips", "/news/other-story/"],
      ],
    ]);
  },
);

readOn("the previous and next stories in the main topic end the article, labelled, with their headlines", () => {
  const $ = page(out, "/news/custom-full/");
  assert.is($("nav.story-nav").attr("aria-label"), "Previous and next in China Bond");
  assert.ok($("article.article > :last-child").is("nav.story-nav"), "the last thing in the article");
  assert.equal(neighbours($), [
    ["Previous in China Bond", "Other story about chips", "/news/other-story/"],
    ["Next in China Bond", MICRON, "/news/micron-thaw/"],
  ]);
  assert.equal(neighbours(page(out, "/news/other-story/")), [["Next in China Bond", HOSTILE, "/news/custom-full/"]]);
  // Semiconductors' newest published story: the scheduled one after it is not linked.
  assert.equal(neighbours(page(out, "/news/penang-suppliers/")), [
    ["Previous in Semiconductors", MICRON, "/news/micron-thaw/"],
  ]);
});

readOn.run();

const preview = suite("a preview build offers only published stories to read on");

preview("drafts and scheduled stories have pages but are in no automatic list and no previous or next link", () => {
  const site = fixtureSite({ preview: true }).site;
  const production = fixtureSite().site;
  for (const url of ["/news/micron-thaw/", "/news/penang-suppliers/", "/news/custom-full/"]) {
    assert.equal(moreOn(page(site, url)), moreOn(page(production, url)), url);
    assert.equal(neighbours(page(site, url)), neighbours(page(production, url)), url);
  }
  // The draft's own page is filled with published stories.
  assert.equal(moreOn(page(site, "/news/secret-draft/"))[1], [
    ["Penang suppliers count on a memory recovery", "/news/penang-suppliers/"],
    [MICRON, "/news/micron-thaw/"],
    [HOSTILE, "/news/custom-full/"],
  ]);
});

preview.run();

const reading = suite("build shows reading time on articles and cards");

reading("the article's meta line and every card of its story say how many minutes it takes", () => {
  assert.is(page(out, "/news/other-story/")(".article__meta .reading-time").text(), "1 min read");
  const $ = page(out, "/topics/china-bond/");
  assert.equal(
    $(".card__meta")
      .map((_, meta) => $(meta).text())
      .get(),
    [
      "2 Apr 2024 · Ana Lim · 1 min read",
      "11 Mar 2024 · Ana Lim and Ben Tran · 1 min read",
      "1 Feb 2024 · Ben Tran · 1 min read",
    ],
  );
  assert.is(page(out, "/")(".lead .card__meta .reading-time").text(), "1 min read");
});

reading.run();

const byline = suite("an author's page does not repeat the author's name on every card");

byline("Ana Lim's cards name no one but her co-author", () => {
  const $ = page(out, "/authors/ana-lim/");
  assert.equal(
    $(".card__meta")
      .map((_, meta) => $(meta).text())
      .get(),
    ["2 Apr 2024 · 1 min read", "11 Mar 2024 · with Ben Tran · 1 min read"],
  );
});

byline.run();
