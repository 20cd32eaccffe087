import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser } from "../../support/browser.ts";
import { serveSite } from "../../support/serve.ts";
import { page as sitePage } from "../../support/site.ts";
import { fixtureSite } from "./fixture.ts";

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

let site = "";

/** Pagefind's stored page records in a bundle of a built site: gzip, a "pagefind_dcd" signature, then JSON. */
function fragments(siteDir = site, bundle = "pagefind"): Fragment[] {
  const dir = join(siteDir, bundle, "fragment");
  return readdirSync(dir)
    .map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(join(dir, name)))
            .toString("utf8")
            .replace(/^pagefind_dcd/, ""),
        ) as Fragment,
    )
    .sort((a, b) => a.url.localeCompare(b.url));
}

const index = suite("the build writes a Pagefind index of exactly the published articles' headlines and bodies");

index.before(() => {
  site = fixtureSite().site;
});

index("published articles are indexed; drafts, scheduled articles and other pages are not", () => {
  assert.equal(
    fragments().map((fragment) => fragment.url),
    ["/news/custom-full/", "/news/micron-thaw/", "/news/other-story/", "/news/penang-suppliers/"],
  );
});

index(
  "only the body is indexed as text and the headline as the boosted title; not navigation, ALSO SEE, captions, " +
    "source, topics or bios",
  () => {
    const article = fragments().find((fragment) => fragment.url === "/news/custom-full/");
    assert.ok(article);
    assert.ok(
      article.content.startsWith("A heading written as h1. The first paragraph links to the IMF"),
      article.content,
    );
    for (const absent of [
      "Fixture Ledger",
      "A dek with",
      "Wafers at the plant",
      "Also see",
      "Our other story",
      "Reuters with additional",
      "Ana Lim covers",
      "Topics",
      "Latest news",
    ]) {
      assert.not.ok(article.content.includes(absent), `indexed "${absent}"`);
    }
    assert.ok(article.content.endsWith("Why it matters. Closing paragraph."), article.content);
  },
);

index("topic, author, source and year are filters; headline, date and image are metadata", () => {
  const article = fragments().find((fragment) => fragment.url === "/news/custom-full/");
  assert.equal(article?.filters, {
    author: ["Ana Lim", "Ben Tran"],
    source: ["Reuters with additional editing by Ana Lim"],
    topic: ["China Bond", "Semiconductors"],
    year: ["2024"],
  });
  // The card's smallest JPEG, for a thumbnail shown at 160 × 90.
  assert.match(article?.meta.image ?? "", /^\/img\/chips-[0-9a-f]{8}-320\.jpeg$/);
  assert.equal(article?.meta, {
    date: "11 Mar 2024",
    image: article?.meta.image,
    image_alt: "A silicon wafer",
    title: "Profits <script>alert(1)</script> & “quotes” at Veridian",
  });
});

index("an article without a hero picture has no image, though its author's portrait is on the page", () => {
  assert.match(sitePage(site, "/news/penang-suppliers/")(".author-bio__photo").attr("src") ?? "", /tom-weller/);
  const article = fragments().find((fragment) => fragment.url === "/news/penang-suppliers/");
  assert.equal(article?.meta, { date: "1 May 2024", image: "", title: "Penang suppliers count on a memory recovery" });
});

index.run();

const browser = suite("a reader searches in a real browser");
let chromium: Browser;
let server: Awaited<ReturnType<typeof serveSite>>;
let page: Page;

async function headlines(): Promise<string[]> {
  return page.locator(".search-result__headline").allTextContents();
}

async function statusText(): Promise<string> {
  return (await page.locator("#search-status").textContent()) ?? "";
}

/** Serves a built site and opens a browser page on it, for a suite's `before`. */
async function open(siteDir: string): Promise<void> {
  server = await serveSite(siteDir);
  chromium = await launchBrowser();
  page = await chromium.newPage();
}

async function close(): Promise<void> {
  await chromium?.close();
  await server?.close();
}

browser.before(() => open(site));
browser.after(close);

browser("the header's search box opens /search/ with the query run, best match first", async () => {
  await page.goto(`${server.origin}/`);
  await page.fill("#site-search", "micron");
  await page.press("#site-search", "Enter");
  await page.waitForURL(/\/search\/\?q=micron$/);
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 2);
  assert.equal(await headlines(), [
    "Dramatic turnaround in China’s attitude to US chipmaker Micron",
    "Penang suppliers count on a memory recovery",
  ]);
  assert.is(await statusText(), "2 articles match “micron”.");
  const first = page.locator(".search-result").first();
  assert.match((await first.locator("mark").first().textContent()) ?? "", /^Micron/);
  assert.is(await first.locator(".search-result__date").textContent(), "2 Apr 2024");
  assert.match((await first.locator("img").getAttribute("src")) ?? "", /^\/img\/chips-[0-9a-f]{8}-320\.jpeg$/);
  assert.is(await first.locator("a").getAttribute("href"), "/news/micron-thaw/");
});

browser("a topic filter narrows the results and is kept in the address", async () => {
  await page.selectOption("#search-topic", "China Bond");
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 1);
  assert.equal(await headlines(), ["Dramatic turnaround in China’s attitude to US chipmaker Micron"]);
  assert.ok(page.url().endsWith("/search/?q=micron&topic=China+Bond"), page.url());
  await page.selectOption("#search-topic", "");
  await page.selectOption("#search-author", "Ben Tran");
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 1);
  assert.equal(await headlines(), ["Penang suppliers count on a memory recovery"]);
});

browser("a result for an article without a hero picture shows no picture, not its author's portrait", async () => {
  await page.goto(`${server.origin}/search/?q=penang`);
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 1);
  assert.equal(await headlines(), ["Penang suppliers count on a memory recovery"]);
  assert.is(await page.locator(".search-result img").count(), 0);
});

/** The excerpts shown for a query, as text. */
async function excerpts(query: string): Promise<string[]> {
  await page.goto(`${server.origin}/search/?q=${query}`);
  await page.waitForSelector(".search-result__excerpt");
  return page.locator(".search-result__excerpt").allTextContents();
}

browser("an excerpt that starts or ends mid-sentence shows an ellipsis at that end, and only there", async () => {
  const middle = (await excerpts("technicians"))[0] ?? "";
  assert.ok(middle.startsWith("…January, and managers") && middle.endsWith("customers who are moving work…"), middle);
  assert.is(
    (await excerpts("promised"))[0],
    "Land near Hanoi rose in price for the third quarter in a row, and officials promised faster approvals for new " +
      "factories on the industrial parks that line the highway to…",
  );
  const end = (await excerpts("exports"))[0] ?? "";
  assert.ok(
    end.startsWith("…parks that line the highway") &&
      end.endsWith("a decade. Exports are expected to grow again this year."),
    end,
  );
  const start = (await excerpts("short"))[0] ?? "";
  assert.ok(start.startsWith("A short story. Chip packaging") && start.endsWith("they had hired hundreds…"), start);
  assert.equal(await excerpts("penang"), [
    "Test houses in Penang expect more work from memory makers, Micron among them, as prices recover.",
  ]);
});

browser("a word found only in a headline finds its article", async () => {
  await page.goto(`${server.origin}/search/?q=turnaround`);
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 1);
  assert.equal(await headlines(), ["Dramatic turnaround in China’s attitude to US chipmaker Micron"]);
});

browser("newest first orders results by date", async () => {
  await page.goto(`${server.origin}/search/?q=memory&sort=newest`);
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 2);
  assert.equal(await headlines(), [
    "Penang suppliers count on a memory recovery",
    "Dramatic turnaround in China’s attitude to US chipmaker Micron",
  ]);
});

browser("a nonsense query finds nothing and says so", async () => {
  await page.fill("#search-query", "xqzvplughwoz");
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent?.startsWith("No articles"));
  assert.is(await statusText(), "No articles match “xqzvplughwoz”.");
  assert.is(await page.locator(".search-result").count(), 0);
});

browser("without JavaScript the page says search needs it and links to topics", async () => {
  const context = await chromium.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${server.origin}/search/?q=micron`);
  const notice = noScript.locator(".search-page__noscript");
  assert.ok(await notice.isVisible());
  assert.match((await notice.textContent()) ?? "", /^Search needs JavaScript/);
  assert.is(await notice.locator('a[href="/topics/"]').count(), 1);
  await context.close();
});

browser.run();

const parts = suite("an archive indexed in parts is searched as one, in a real browser");
let partsSite = "";

parts.before(() => {
  // Two articles to a part: the fixture's four published articles, oldest first, make two parts.
  partsSite = fixtureSite({ searchPart: 2 }).site;
  return open(partsSite);
});
parts.after(close);

parts(
  "each part's bundle holds its articles, the oldest in part 1, and the search page names them newest first",
  () => {
    const urls = (bundle: string) => fragments(partsSite, bundle).map((fragment) => fragment.url);
    assert.equal(urls("pagefind"), ["/news/micron-thaw/", "/news/penang-suppliers/"]);
    assert.equal(urls("pagefind/part-1"), ["/news/custom-full/", "/news/other-story/"]);
    const bundles = sitePage(partsSite, "/search/")("#search-form").attr("data-search-bundles");
    assert.is(bundles, "/pagefind/ /pagefind/part-1/");
    assert.not.ok(readdirSync(partsSite).includes(".search-parts"), "the folders of links Pagefind read are gone");
  },
);

parts("rendered a part at a time, every page but the search index is the one a build in one part writes", () => {
  const files = (dir: string, under = ""): string[] =>
    readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
      const path = under === "" ? entry.name : `${under}/${entry.name}`;
      if (path === "pagefind") return [];
      return entry.isDirectory() ? files(dir, path) : [path];
    });
  const whole = fixtureSite().site;
  const written = files(partsSite).sort();
  assert.equal(written, files(whole).sort());
  assert.ok(written.includes("news/custom-full/index.html") && written.includes("sitemap.xml"), written.join(" "));
  const differing = written.filter(
    (file) => !readFileSync(join(partsSite, file)).equals(readFileSync(join(whole, file))),
  );
  assert.equal(differing, ["search/index.html"], "the search page names the parts' bundles");
  const summary = (built: string) => /(\d+) pages written/.exec(built)?.[1];
  assert.is(summary(fixtureSite({ searchPart: 2 }).summary), summary(fixtureSite().summary));
});

parts("a search finds matching articles in every part, best match first", async () => {
  await page.goto(`${server.origin}/search/?q=micron`);
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 2);
  assert.equal(await headlines(), [
    "Dramatic turnaround in China’s attitude to US chipmaker Micron",
    "Penang suppliers count on a memory recovery",
  ]);
  assert.is(await statusText(), "2 articles match “micron”.");
});

parts("newest first orders results by date across parts, with a filter and no words too", async () => {
  await page.goto(`${server.origin}/search/?topic=Semiconductors&sort=newest`);
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 3);
  assert.equal(await headlines(), [
    "Penang suppliers count on a memory recovery",
    "Dramatic turnaround in China’s attitude to US chipmaker Micron",
    "Profits <script>alert(1)</script> & “quotes” at Veridian",
  ]);
});

parts.run();
