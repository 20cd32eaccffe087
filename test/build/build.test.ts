import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { UNSUBSCRIBE_PLACEHOLDER } from "../../src/newsletter/email.ts";
import { fileForUrl, htmlFiles, reachableFromHome, page as sitePage } from "../../support/site.ts";
import { articleFile, contentTree, validFields } from "../helpers.ts";
import { builtSite, fixtureSite } from "./fixture.ts";
import { replacedOnce } from "./project.ts";

const BASE = "https://fixture.example";
// Headlines as the fixtures type them, markup kept as text, with the body's typographic quotes.
const HOSTILE = "Profits <script>alert(1)</script> & “quotes” at Veridian";

function page(out: string, path: string): cheerio.CheerioAPI {
  return sitePage(out, `/${path}/`.replace("//", "/"));
}

const production = suite("build writes the fixture publication");
let out = "";
let summary = "";

production.before(() => {
  ({ site: out, summary } = fixtureSite());
});

production(
  "the summary counts what was built and names the draft, the scheduled article and the scheduled edition left out",
  () => {
    const [heading, ...lines] = summary.trim().split("\n");
    assert.match(heading ?? "", /^Built .*site\/ in \d+\.\d s:$/);
    // The last line is the notice that no page has a sign-up form (test/build/signup.test.ts).
    assert.equal(lines.slice(0, -3), [
      "   4 articles published",
      "   1 retracted article kept as a notice",
      "   1 draft left out: test/fixtures/site/content/news/2024/secret-draft.md",
      "   1 scheduled article left out: test/fixtures/site/content/news/2024/tomorrow.md",
      "   2 newsletter editions",
      "   1 scheduled edition left out: test/fixtures/site/content/editions/2024-06-01.md",
      "   2 topics",
      "   2 authors",
      "  43 pages written",
      "   4 search records",
    ]);
    // The fixture's history is this repository's, all of it after the fixture's "now": nothing was published before.
    assert.match(
      lines.at(-3) ?? "",
      /^ {3}0 published addresses kept \(0 by aliases; checked against 0 commits of \S+/,
    );
    assert.is(lines.at(-2), "   0 sent editions unchanged");
  },
);

production(
  "with no story in the two days before the build there is no news sitemap, and robots.txt names only /sitemap.xml",
  () => {
    assert.not.ok(existsSync(join(out, "news-sitemap.xml")));
    const sitemaps = readFileSync(join(out, "robots.txt"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("Sitemap:"));
    assert.equal(sitemaps, ["Sitemap: https://fixture.example/sitemap.xml"]);
  },
);

production(
  "only published articles get pages, with the retracted one's notice and an old address's redirect: no draft, " +
    "nothing scheduled",
  () => {
    assert.equal(
      htmlFiles(out).filter((path) => path.startsWith("news/")),
      [
        "news/custom-full/index.html",
        "news/micron-thaw/index.html",
        "news/micron-welcomed-back/index.html",
        "news/other-story/index.html",
        "news/penang-suppliers/index.html",
        "news/withdrawn/index.html",
      ],
    );
    assert.not.ok(existsSync(join(out, "archive/2024/06/index.html")));
  },
);

production("every page is reachable by links from the home page", () => {
  assert.equal(htmlFiles(out), [
    "2024/04/micron.html",
    "404.html",
    "archive/2024/02/index.html",
    "archive/2024/03/index.html",
    "archive/2024/04/index.html",
    "archive/2024/05/index.html",
    "archive/index.html",
    "authors/ana-lim/index.html",
    "authors/ben-tran/index.html",
    "authors/index.html",
    "corrections/index.html",
    "index.html",
    "news/custom-full/index.html",
    "news/micron-thaw/index.html",
    "news/micron-welcomed-back/index.html",
    "news/other-story/index.html",
    "news/penang-suppliers/index.html",
    "news/withdrawn/index.html",
    "newsletter/2024-04-05/email.html",
    "newsletter/2024-04-05/index.html",
    "newsletter/2024-05-31/email.html",
    "newsletter/2024-05-31/index.html",
    "newsletter/index.html",
    "search/index.html",
    "topics/china-bond/index.html",
    "topics/index.html",
    "topics/semiconductors/index.html",
  ]);
  // An edition's email.html is what the email service sends; readers reach the edition's web page instead. Old
  // addresses are for links made before, and nothing on the site links to them.
  const oldAddresses = ["2024/04/micron.html", "news/micron-welcomed-back/index.html"];
  assert.equal(
    reachableFromHome(out),
    htmlFiles(out).filter(
      (path) => path !== "404.html" && !path.endsWith("/email.html") && !oldAddresses.includes(path),
    ),
  );
});

production("the article page has the anatomy of a business-news article", () => {
  const $ = page(out, "news/custom-full");
  const headline = "Profits <script>alert(1)</script> & “quotes” at Veridian";
  assert.is($("html").attr("lang"), "en");
  assert.is($("h1").length, 1);
  assert.is($("h1").text(), headline);
  assert.is($("title").text(), `${headline} | Fixture Ledger`);
  assert.is($(".article__dek").text(), "A dek with <em>markup</em> that must stay text");
  assert.is($('meta[name="description"]').attr("content"), "A dek with <em>markup</em> that must stay text");
  assert.equal(
    $(".byline a")
      .map((_, a) => [[$(a).text(), $(a).attr("href"), $(a).attr("rel")]])
      .get(),
    [
      ["Ana Lim", "/authors/ana-lim/", "author"],
      ["Ben Tran", "/authors/ben-tran/", "author"],
    ],
  );
  assert.is($(".byline").text(), "By Ana Lim and Ben Tran");
  assert.equal(
    $(".article__dates time")
      .map((_, time) => [[$(time).attr("datetime"), $(time).text()]])
      .get(),
    [
      ["2024-03-11T06:30:00+07:00", "11 March 2024, 06:30 GMT+7"],
      ["2024-03-12T10:15:00+07:00", "12 March 2024, 10:15 GMT+7"],
    ],
  );
  assert.is($(".article__updated").text(), "Updated 12 March 2024, 10:15 GMT+7");
  // The fixture's picture, made smaller: the fallback JPEG nearest 640 pixels (test/build/images.test.ts checks
  // every size).
  assert.match($("figure.hero img").attr("src") ?? "", /^\/img\/chips-[0-9a-f]{8}-640\.jpeg$/);
  assert.is($("figure.hero img").attr("alt"), "A silicon wafer");
  assert.is($("figure.hero .hero__caption").text(), "Wafers at the plant.");
  assert.is($("figure.hero .hero__credit").text(), "Fixture Photo");
  assert.is($(".article__source").text(), "Reuters with additional editing by Ana Lim");
  assert.equal(
    $(".topic-tags a")
      .map((_, a) => [[$(a).text(), $(a).attr("href")]])
      .get(),
    [
      ["China Bond", "/topics/china-bond/"],
      ["Semiconductors", "/topics/semiconductors/"],
    ],
  );
  assert.equal(
    $(".author-bio .author-bio__name a")
      .map((_, a) => $(a).text())
      .get(),
    ["Ana Lim", "Ben Tran"],
  );
  assert.is(
    $(".author-bio").eq(1).find(".author-bio__text").text().trim(),
    "Ben Tran reports on <b>factories</b> in Vietnam.",
  );
});

production("the body is rendered Markdown with anchors, callout and safe links, and no script runs", () => {
  const $ = page(out, "news/custom-full");
  const body = $(".article__body");
  assert.equal(
    body
      .find("h2")
      .map((_, h) => $(h).attr("id"))
      .get(),
    ["a-heading-written-as-h1", "why-it-matters"],
  );
  assert.is(body.find('a[href="https://example.org/imf"]').attr("rel"), "noopener noreferrer");
  assert.is(body.find("aside.also-see a").attr("href"), "/news/other-story/");
  assert.ok(body.text().includes("<script>alert(2)</script>"));
  assert.equal(
    $("script")
      .map((_, script) => $(script).attr("type"))
      .get(),
    ["application/ld+json", "application/ld+json"],
  );
});

production("ALSO SEE shows an internal article's real headline and marks external links", () => {
  const $ = page(out, "news/custom-full");
  assert.is($("section.also-see h2").text(), "Also see");
  assert.equal(
    $("section.also-see li a")
      .map((_, a) => [[$(a).text(), $(a).attr("href"), $(a).attr("rel") ?? ""]])
      .get(),
    [
      ["Other story about chips", "/news/other-story/", ""],
      ["IMF outlook (external site)", "https://example.org/imf", "noopener noreferrer"],
    ],
  );
});

production("a link to an unpublished draft is left out of ALSO SEE, and a bare date shows as a day", () => {
  const $ = page(out, "news/other-story");
  assert.is($("section.also-see").length, 0);
  assert.is($(".article__dates time").text(), "1 February 2024");
  assert.is($(".preview-notice").length, 0);
});

production("the home page leads with the newest story, then the latest; no topic section shows them again", () => {
  const $ = page(out, "");
  assert.is($(".lead__headline a").attr("href"), "/news/penang-suppliers/");
  assert.equal(
    $("#latest ~ .card-list .card__headline a")
      .map((_, a) => $(a).attr("href"))
      .get(),
    ["/news/micron-thaw/", "/news/custom-full/", "/news/other-story/"],
  );
  // The fixture's four stories are all shown above, so its busiest topics have none left for a section.
  assert.equal(
    $(".front-section h2 a")
      .map((_, a) => $(a).text())
      .get(),
    [],
  );
  assert.ok(existsSync(join(out, "assets/css/site.css")));
});

production("assets are copied as they are, but for the picture sources in assets/img/src/", () => {
  assert.ok(existsSync(join(out, "assets/img/news/chips.jpg")));
  assert.ok(existsSync("assets/img/src/chips.svg"));
  const sources = join(out, "assets/img/src");
  assert.equal(existsSync(sources) ? readdirSync(sources, { recursive: true }) : [], []);
});

production.run();

const record = suite("build keeps the record straight: corrections, a retraction and old addresses");

record("a corrected article shows its corrections, dated, in a marked box above the story", () => {
  const $ = page(out, "news/custom-full");
  const box = $("article > aside.corrections");
  assert.is(box.attr("aria-labelledby"), "corrections-heading");
  assert.is(box.find("h2#corrections-heading").text(), "Corrections");
  assert.ok(box.index() < $("article > .article__body").index(), "the box comes before the body");
  assert.equal(
    box
      .find("li")
      .map((_, item) => [
        [
          $(item).attr("id"),
          $(item).find("time").attr("datetime"),
          $(item).find("time").text(),
          $(item).find("p").last().text(),
        ],
      ])
      .get(),
    [
      [
        "correction-1",
        "2024-03-13T00:00:00+07:00",
        "13 March 2024",
        "An earlier version misspelt the name of Veridian’s chief executive. See our other story.",
      ],
      [
        "correction-2",
        "2024-03-20T09:00:00+07:00",
        "20 March 2024, 09:00 GMT+7",
        "An earlier version gave the wrong year for the plant’s opening.",
      ],
    ],
  );
  assert.is(box.find("em").text(), "Veridian");
  assert.is(box.find("a").attr("href"), "/news/other-story/");
});

record(
  "the latest correction is the article's last change: JSON-LD dateModified, Open Graph, the feeds' updated and the " +
    "sitemap",
  () => {
    const $ = page(out, "news/custom-full");
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').first().text()) as {
      dateModified: string;
      datePublished: string;
    };
    assert.equal(
      [jsonLd.datePublished, jsonLd.dateModified],
      ["2024-03-11T06:30:00+07:00", "2024-03-20T09:00:00+07:00"],
    );
    assert.is($('meta[property="article:modified_time"]').attr("content"), "2024-03-20T09:00:00+07:00");
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(
      readFileSync(join(out, "feed.xml"), "utf8"),
    ).feed as { entry: { id: string; updated: string }[] };
    assert.is(
      feed.entry.find((entry) => entry.id === `${BASE}/news/custom-full/`)?.updated,
      "2024-03-20T02:00:00.000Z",
    );
    const sitemap = readFileSync(join(out, "sitemap.xml"), "utf8");
    assert.match(sitemap, `<loc>${BASE}/news/custom-full/</loc><lastmod>2024-03-20T02:00:00.000Z</lastmod>`);
  },
);

record("/corrections/ lists every correction and the retraction, newest first, each linked to where it is read", () => {
  const $ = page(out, "corrections");
  assert.is($("h1").text(), "Corrections");
  assert.equal(
    $(".correction-log__item")
      .map((_, item) => [[$(item).find("time").text(), $(item).find("h2 a").text(), $(item).find("h2 a").attr("href")]])
      .get(),
    [
      ["12 April 2024", "A merger that was not", "/news/withdrawn/"],
      ["20 March 2024, 09:00 GMT+7", HOSTILE, "/news/custom-full/#correction-2"],
      ["13 March 2024", HOSTILE, "/news/custom-full/#correction-1"],
    ],
  );
  assert.is($(".correction-log__date").first().text(), "12 April 2024 · Retracted");
  assert.is($('link[rel="alternate"][href="/corrections/feed.xml"]').attr("title"), "Corrections | Fixture Ledger");
  assert.is(page(out, "")('footer a[href="/corrections/"]').text(), "Corrections");
});

record("the corrections feed is Atom with an author, each entry titled and linked to its notice", () => {
  const text = readFileSync(join(out, "corrections/feed.xml"), "utf8");
  assert.is(XMLValidator.validate(text), true);
  const feed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => name === "entry",
  }).parse(text).feed as {
    author: { name: string };
    entry: { title: { "#text": string }; link: { "@href": string }; updated: string }[];
  };
  assert.is(feed.author.name, "Fixture Ledger");
  const escapedHostile = HOSTILE.replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
  assert.equal(
    feed.entry.map((entry) => [entry.title["#text"], entry.link["@href"], entry.updated]),
    [
      ["Retracted: A merger that was not", `${BASE}/news/withdrawn/`, "2024-04-11T17:00:00.000Z"],
      [`Correction: ${escapedHostile}`, `${BASE}/news/custom-full/#correction-2`, "2024-03-20T02:00:00.000Z"],
      [`Correction: ${escapedHostile}`, `${BASE}/news/custom-full/#correction-1`, "2024-03-12T17:00:00.000Z"],
    ],
  );
});

record(
  "a retracted story keeps its address with the notice only, noindex, and leaves every list, feed, sitemap and the " +
    "index",
  () => {
    const $ = page(out, "news/withdrawn");
    assert.is($('meta[name="robots"]').attr("content"), "noindex");
    assert.is($("h1").text(), "A merger that was not");
    assert.is($("title").text(), "Retracted: A merger that was not | Fixture Ledger");
    assert.is($(".corrections--retraction h2").text(), "This story was retracted");
    assert.is($(".corrections--retraction time").text(), "12 April 2024");
    assert.match(
      $(".corrections--retraction p").last().text(),
      /^We retracted this story: its single source withdrew the account\./,
    );
    assert.not.ok($.html().includes("The body of the retracted story"));
    assert.is($("[data-pagefind-body], figure.hero, script[type='application/ld+json']").length, 0);
    for (const file of [
      "feed.xml",
      "feed.json",
      "sitemap.xml",
      "topics/semiconductors/index.html",
      "authors/ben-tran/index.html",
      "index.html",
      "newsletter/2024-05-31/index.html",
    ]) {
      assert.not.ok(readFileSync(join(out, file), "utf8").includes("/news/withdrawn/"), file);
    }
  },
);

record("each old address leads to the story: a _redirects line and a page that redirects with a canonical link", () => {
  assert.is(
    readFileSync(join(out, "_redirects"), "utf8"),
    [
      "# Written by the build from each story's `aliases`: old addresses that lead to it.",
      "/2024/04/micron.html /news/micron-thaw/ 301",
      "/news/micron-welcomed-back/ /news/micron-thaw/ 301",
      "",
    ].join("\n"),
  );
  for (const file of ["news/micron-welcomed-back/index.html", "2024/04/micron.html"]) {
    const $ = cheerio.load(readFileSync(join(out, file), "utf8"));
    assert.is($('link[rel="canonical"]').attr("href"), `${BASE}/news/micron-thaw/`, file);
    assert.is($('meta[http-equiv="refresh"]').attr("content"), `0; url=${BASE}/news/micron-thaw/`, file);
    assert.is($('meta[name="robots"]').attr("content"), "noindex", file);
    assert.is($("a").attr("href"), "/news/micron-thaw/", file);
  }
  assert.not.ok(readFileSync(join(out, "sitemap.xml"), "utf8").includes("micron-welcomed-back"));
});

record.run();

const newsletter = suite(
  "build writes each edition as a web page, an email and its plain text, and an archive with a feed",
);
const EDITION_TITLE = "Chips, <b>bonds</b> & the week’s “thaw”";
const EDITION_STORIES = [
  [HOSTILE, "/news/custom-full/"],
  ["Dramatic turnaround in China’s attitude to US chipmaker Micron", "/news/micron-thaw/"],
  ["Other story about chips", "/news/other-story/"],
];

function email(day: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(out, `newsletter/${day}/email.html`), "utf8"));
}

newsletter("the edition's page has one h1, the note, the lead and then the picks, and is left out of search", () => {
  const $ = page(out, "newsletter/2024-04-05");
  assert.is($("h1").length, 1);
  assert.is($("h1").text(), EDITION_TITLE);
  assert.is($("title").text(), `${EDITION_TITLE} | Fixture Ledger`);
  assert.is($(".listing-header__count").text(), "5 April 2024 · 3 stories");
  assert.is(
    $(".edition__note p").first().text(),
    "The editor’s note, with the Micron story, a section and <b>markup</b> that stays text.",
  );
  assert.equal(
    $(".lead__headline a, .card__headline a")
      .map((_, a) => [[$(a).text(), $(a).attr("href")]])
      .get(),
    EDITION_STORIES,
  );
  assert.is($("[data-pagefind-body]").length, 0);
  assert.is($('link[rel="alternate"][href="/newsletter/feed.xml"]').attr("title"), "Newsletter | Fixture Ledger");
  assert.equal(
    $('nav[aria-label="Editions"] a')
      .map((_, a) => [[$(a).text().trim(), $(a).attr("href")]])
      .get(),
    [
      ["← Newer edition", "/newsletter/2024-05-31/"],
      ["All editions", "/newsletter/"],
    ],
  );
});

newsletter("an edition without picks collects what was published since the previous one, in its topics", () => {
  const $ = page(out, "newsletter/2024-05-31");
  assert.equal(
    $(".lead__headline a, .card__headline a")
      .map((_, a) => $(a).attr("href"))
      .get(),
    ["/news/penang-suppliers/"],
  );
});

newsletter(
  "the archive lists the editions newest first, the footer links it, and it advertises the newsletter feed",
  () => {
    const $ = page(out, "newsletter");
    assert.equal(
      $(".edition-list__title a")
        .map((_, a) => [[$(a).text(), $(a).attr("href")]])
        .get(),
      [
        ["Penang’s month", "/newsletter/2024-05-31/"],
        [EDITION_TITLE, "/newsletter/2024-04-05/"],
      ],
    );
    assert.equal(
      $(".edition-list__lead")
        .map((_, p) => $(p).text())
        .get(),
      ["Leading with: Penang suppliers count on a memory recovery", `Leading with: ${HOSTILE}`],
    );
    assert.is($('link[rel="alternate"][type="application/atom+xml"][href="/newsletter/feed.xml"]').length, 1);
    assert.is(page(out, "")('footer a[href="/newsletter/"]').text(), "Newsletter");
  },
);

newsletter("the newsletter feed is Atom: each edition with its note and its stories linked, absolute URLs", () => {
  const text = readFileSync(join(out, "newsletter/feed.xml"), "utf8");
  assert.is(XMLValidator.validate(text), true);
  const feed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => name === "entry",
  }).parse(text).feed as { entry: { id: string; content: { "#text": string } }[] };
  assert.equal(
    feed.entry.map((entry) => entry.id),
    [`${BASE}/newsletter/2024-05-31/`, `${BASE}/newsletter/2024-04-05/`],
  );
  const content = feed.entry[1]?.content["#text"] ?? "";
  assert.ok(content.includes(`<a href="${BASE}/news/micron-thaw/">the Micron story</a>`), content);
  assert.ok(
    content.includes(
      `<li><a href="${BASE}/news/custom-full/">Profits &lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes” at ` +
        `Veridian</a></li>`,
    ),
    content,
  );
  assert.not.ok(/(href|src)="[^h]/.test(content), "a relative URL is left in the feed");
});

newsletter("the email has its styles inlined and no <style>, <script> or stylesheet left", () => {
  const $ = email("2024-04-05");
  assert.is($("style, script, link").length, 0);
  assert.match($("table.email-container").attr("style") ?? "", /width: 100%; max-width: 600px;/);
  assert.is($("table.email-container").attr("width"), "600");
  assert.is($("table").length, $('table[role="presentation"]').length);
  assert.is($("[data-pagefind-body]").length, 0);
  assert.is($('meta[name="robots"]').attr("content"), "noindex");
});

newsletter(
  "every URL in the email is absolute on the site and leads to a built page, but the unsubscribe placeholder",
  () => {
    for (const day of ["2024-04-05", "2024-05-31"]) {
      const $ = email(day);
      const urls = [
        ...$("[href]")
          .map((_, element) => $(element).attr("href"))
          .get(),
        ...$("[src]")
          .map((_, element) => $(element).attr("src"))
          .get(),
      ];
      assert.ok(urls.length >= 7, urls.join(" "));
      assert.equal(
        urls.filter((url) => !url.startsWith(`${BASE}/`) && url !== UNSUBSCRIBE_PLACEHOLDER),
        [],
      );
      const onSite = urls.filter((url) => url.startsWith(`${BASE}/`)).map((url) => new URL(url));
      assert.equal(
        onSite.filter((url) => !existsSync(join(out, fileForUrl(url.pathname)))).map((url) => url.href),
        [],
      );
      for (const url of onSite.filter((candidate) => candidate.hash))
        assert.is(page(out, url.pathname)(url.hash).length, 1, url.href);
    }
    const $ = email("2024-04-05");
    // The note's link to its own sub-heading, and the sub-heading's anchor, lead to the web page's copy of it.
    assert.equal(
      $(`a[href="${BASE}/newsletter/2024-04-05/#in-brief"]`)
        .map((_, a) => $(a).text())
        .get(),
      ["section", "In brief"],
    );
  },
);

newsletter("every image in the email has width, height and alt: the lead's picture at 600 by 338", () => {
  const $ = email("2024-04-05");
  assert.equal(
    $("img")
      .map((_, img) => [[$(img).attr("src"), $(img).attr("width"), $(img).attr("height"), $(img).attr("alt")]])
      .get(),
    [[$("img").attr("src"), "600", "338", "A silicon wafer"]],
  );
  assert.match($("img").attr("src") ?? "", /^https:\/\/fixture\.example\/img\/chips-[0-9a-f]{8}-600\.jpeg$/);
});

newsletter(
  "the email has the masthead, a hidden preheader, view in browser, the lead with dek and byline, each pick and " +
    "unsubscribe",
  () => {
    const $ = email("2024-04-05");
    assert.is($("title").text(), EDITION_TITLE);
    assert.is(
      $(".preheader")
        .text()
        .replace(/[\u200c\u00a0]+$/, ""),
      "The editor’s note, with the Micron story, a section and <b>markup</b> that stays text. In brief A…",
    );
    assert.match($(".preheader").attr("style") ?? "", /^display: none;/);
    assert.is($(".preheader").attr("aria-hidden"), "true");
    assert.equal(
      $(".email-masthead__name")
        .map((_, a) => [[$(a).text(), $(a).attr("href")]])
        .get(),
      [["Fixture Ledger", `${BASE}/`]],
    );
    assert.is($(".email-topbar a").text(), "View in browser");
    assert.is($(".email-topbar a").attr("href"), `${BASE}/newsletter/2024-04-05/`);
    assert.is($("h1").text(), EDITION_TITLE);
    assert.is($(".email-note h2").text(), "In brief");
    assert.equal(
      $(".email-lead-headline a, .email-headline a")
        .map((_, a) => [[$(a).text(), $(a).attr("href")]])
        .get(),
      EDITION_STORIES.map(([title, url]) => [title, `${BASE}${url}`]),
    );
    assert.is($(".email-dek").first().text(), "A dek with <em>markup</em> that must stay text");
    assert.equal(
      $(".email-meta")
        .map((_, p) => $(p).text())
        .get(),
      ["By Ana Lim and Ben Tran · 11 Mar 2024", "By Ana Lim · 2 Apr 2024", "By Ben Tran · 1 Feb 2024"],
    );
    assert.is($(`a[href="${UNSUBSCRIBE_PLACEHOLDER}"]`).text(), "Unsubscribe");
  },
);

newsletter(
  "the plain-text email carries the masthead, the note, every headline with its URL, view in browser and unsubscribe",
  () => {
    const text = readFileSync(join(out, "newsletter/2024-04-05/email.txt"), "utf8");
    assert.equal(text.split("\n").slice(0, 7), [
      "FIXTURE LEDGER",
      "5 April 2024",
      "",
      EDITION_TITLE,
      "=".repeat(EDITION_TITLE.length),
      "",
      "The editor’s note, with the Micron story (https://fixture.example/news/micron-thaw/), a section and " +
        "<b>markup</b> that stays text.",
    ]);
    for (const [title, url] of EDITION_STORIES)
      assert.ok(text.includes(`\n${title}\n`) && text.includes(`\n${BASE}${url}\n`), `${title} ${url}`);
    assert.ok(
      text.endsWith(
        `\nView in your browser: ${BASE}/newsletter/2024-04-05/\nUnsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}\nFixture ` +
          `Ledger · ${BASE}\n`,
      ),
      text,
    );
  },
);

newsletter.run();

const browsing = suite("build writes paginated topic, author and archive pages a reader can walk through");
let big = "";

/** 45 January stories in China Bond, every third in Ports too, the first with a picture; one more in Ports. */
function paginatedContent(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 1; index <= 45; index++) {
    const day = String(1 + Math.floor((index - 1) / 2)).padStart(2, "0");
    const hour = index % 2 === 0 ? "15" : "09";
    files[`news/2024/story-${index}.md`] = articleFile(
      `title: Story ${index}\ndek: Dek ${index}\ndate: 2024-01-${day}T${hour}:00:00+07:00\nauthor: ana-lim\ntags: ` +
        `[${index % 3 === 0 ? "china-bond, Ports" : "China Bond"}]`,
    );
  }
  files["news/2024/story-1.md"] = replacedOnce(
    String(files["news/2024/story-1.md"]),
    "tags:",
    "image: { src: /assets/img/news/chips.jpg, alt: A wafer }\ntags:",
  );
  files["news/2024/february-in-bangkok.md"] = articleFile(
    replacedOnce(replacedOnce(validFields, "2024-03-01", "2024-01-31T17:30:00Z"), "[China Bond]", "[Ports]"),
  );
  files["topics/china-bond.md"] =
    "---\nname: China Bond\ndescription: Money and trade between China and the region.\n---\n";
  return files;
}

// Written when the file loads: uvu reports nothing of an error thrown in a `before` hook.
const paginated = paginatedContent();

browsing.before(() => {
  big = builtSite(contentTree(paginated)).site;
});

browsing("45 articles in one topic make exactly 3 pages, newest first, linked with rel=prev/next", () => {
  const pages = ["/topics/china-bond/", "/topics/china-bond/page/2/", "/topics/china-bond/page/3/"].map((url) =>
    sitePage(big, url),
  );
  assert.not.ok(existsSync(join(big, "topics/china-bond/page/4")));
  const titles = pages.map(($) =>
    $(".card__headline a")
      .map((_, a) => $(a).text())
      .get(),
  );
  assert.equal(
    titles.map((list) => list.length),
    [20, 20, 5],
  );
  assert.equal(
    titles.flat(),
    Array.from({ length: 45 }, (_, index) => `Story ${45 - index}`),
  );
  assert.equal(
    pages.map(($) => [
      $('link[rel="prev"]').attr("href"),
      $('link[rel="next"]').attr("href"),
      $('a[rel="prev"]').attr("href"),
      $('a[rel="next"]').attr("href"),
    ]),
    [
      [undefined, "/topics/china-bond/page/2/", undefined, "/topics/china-bond/page/2/"],
      ["/topics/china-bond/", "/topics/china-bond/page/3/", "/topics/china-bond/", "/topics/china-bond/page/3/"],
      ["/topics/china-bond/page/2/", undefined, "/topics/china-bond/page/2/", undefined],
    ],
  );
  assert.equal(
    pages.map(($) => $("h1").text()),
    ["China Bond", "China Bond — page 2 of 3", "China Bond — page 3 of 3"],
  );
  assert.is(
    (pages[0] as cheerio.CheerioAPI)(".listing-header__description").text(),
    "Money and trade between China and the region.",
  );
  assert.is((pages[1] as cheerio.CheerioAPI)(".listing-header__description").length, 0);
});

browsing("every list shows headline, dek, date, author, reading time and the thumbnail when there is one", () => {
  const $ = sitePage(big, "/topics/china-bond/page/3/");
  const last = $(".card").last();
  assert.is(last.find(".card__headline").text(), "Story 1");
  assert.is(last.find(".card__dek").text(), "Dek 1");
  assert.is(last.find(".card__meta").text(), "1 Jan 2024 · Ana Lim · 1 min read");
  assert.is(last.find("time").attr("datetime"), "2024-01-01T09:00:00+07:00");
  assert.match(last.find("img").attr("src") ?? "", /^\/img\/chips-[0-9a-f]{8}-640\.jpeg$/);
  assert.is($(".card").first().find("img").length, 0);
});

browsing("/topics/ lists every topic alphabetically with counts and highlights the busiest", () => {
  const $ = sitePage(big, "/topics/");
  assert.equal(
    $(".topic-index__item")
      .map((_, item) => `${$(item).find("a").text()} ${$(item).find(".count").text()}`)
      .get(),
    ["China Bond 45 articles", "Ports 16 articles"],
  );
  assert.equal(
    $(".topic-index__item--active a")
      .map((_, a) => $(a).text())
      .get(),
    ["China Bond", "Ports"],
  );
});

browsing("archive months follow Bangkok's calendar and the author has paginated pages", () => {
  assert.equal(
    sitePage(
      big,
      "/archive/2024/02/",
    )(".card__headline a")
      .map((_, a) => sitePage(big, "/archive/2024/02/")(a).text())
      .get(),
    ["A valid story"],
  );
  assert.equal(
    sitePage(
      big,
      "/archive/",
    )(".archive-months li")
      .map((_, li) => sitePage(big, "/archive/")(li).text())
      .get(),
    ["February 2024 1", "January 2024 45"],
  );
  assert.ok(existsSync(join(big, "archive/2024/01/page/3/index.html")));
  assert.is(sitePage(big, "/authors/ana-lim/page/3/")(".card").length, 6);
  assert.is(sitePage(big, "/authors/")(".author-index__item .count").text(), "46 articles");
});

browsing("every page, paginated ones included, is reachable by links from the home page", () => {
  const all = htmlFiles(big).filter((path) => path !== "404.html");
  // home, 46 articles, China Bond ×3, Ports, /topics/, ana-lim ×3, /authors/, /archive/, January ×3, February,
  // /search/, /newsletter/, /corrections/
  assert.is(all.length, 1 + 46 + 3 + 1 + 1 + 3 + 1 + 1 + 3 + 1 + 1 + 1 + 1);
  assert.equal(reachableFromHome(big), all);
});

browsing("the 404 page explains, offers search and links back in", () => {
  const $ = sitePage(big, "/404.html");
  assert.is($("h1").text(), "Page not found");
  assert.is($('main form[action="/search/"] label').text(), "Search the articles");
  assert.equal(
    $("main p a")
      .map((_, a) => $(a).attr("href"))
      .get(),
    ["/", "/topics/", "/archive/"],
  );
});

browsing.run();

const preview = suite("a preview build shows drafts and scheduled articles, marked");

preview("drafts and scheduled articles get pages with a visible notice", () => {
  const previewOut = fixtureSite({ preview: true }).site;
  assert.is(
    page(previewOut, "news/secret-draft")(".preview-notice").text(),
    "Draft — not published. Remove draft: true to publish.",
  );
  assert.is(
    page(previewOut, "news/tomorrow")(".preview-notice").text(),
    "Scheduled — publishes 1 June 2024, 09:00 GMT+7.",
  );
  const $ = page(previewOut, "");
  assert.is($(".lead__headline").text(), "Scheduled for tomorrow Scheduled");
  assert.is($("#latest ~ .card-list .card__headline").last().text(), "A draft nobody may read Draft");
});

preview("every page says noindex and robots.txt asks every crawler to stay out of the whole site", () => {
  const previewOut = fixtureSite({ preview: true }).site;
  const files = htmlFiles(previewOut);
  assert.ok(files.includes("news/secret-draft/index.html") && files.includes("index.html"), files.join(", "));
  for (const file of files) {
    const $ = cheerio.load(readFileSync(join(previewOut, file), "utf8"));
    assert.equal(
      $('meta[name="robots"]')
        .map((_, meta) => $(meta).attr("content"))
        .get(),
      ["noindex"],
      file,
    );
  }
  assert.is(
    readFileSync(join(previewOut, "robots.txt"), "utf8"),
    ["User-agent: *", "Disallow: /", "", `Sitemap: ${BASE}/sitemap.xml`, ""].join("\n"),
  );
});

preview.run();
