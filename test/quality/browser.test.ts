import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import publication from "../../content/publication.ts";
import { axeViolations } from "../../support/axe.ts";
import { launchBrowser } from "../../support/browser.ts";
import { serveSite } from "../../support/serve.ts";
import { sampleSite } from "../build/fixture.ts";

/** Where screenshots go for a person to look at; git-ignored. */
const SCREENSHOTS = join("test-output", "screenshots");
/** The colour schemes a reader's system can ask for; the site has a palette for each. */
const SCHEMES = ["light", "dark"] as const;
const ARTICLE = "/news/beijing-signals-thaw-for-us-memory-chipmaker/";

let browser: Browser;
let server: Awaited<ReturnType<typeof serveSite>>;

/** Runs axe-core on the page as it is now, with every rule of AXE_TAGS but `skipRules`. */
function scan(page: Page, label: string, skipRules: string[] = []): Promise<string[]> {
  return axeViolations(page, label, { skipRules });
}

async function violations(page: Page, url: string): Promise<string[]> {
  await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
  return scan(page, url);
}

async function searchWithResults(page: Page): Promise<void> {
  await page.goto(`${server.origin}/search/?q=memory`);
  await page.waitForSelector(".search-result");
}

const accessibility = suite("axe-core finds no violations on the pages readers use most");

async function start(): Promise<void> {
  server = await serveSite(sampleSite());
  browser = await launchBrowser();
}

async function stop(): Promise<void> {
  await browser?.close();
  await server?.close();
}

accessibility.before(start);
accessibility.after(stop);

accessibility(
  "home, three articles, a topic, an author, search with results and the 404 page, light and dark",
  async () => {
    const urls = [
      "/",
      ARTICLE,
      "/news/hcmc-metro-line-two-financing/",
      "/news/phuket-hotels-record-low-season/",
      "/topics/china-bond/",
      "/authors/nara-chaiyaporn/",
      "/newsletter/",
      "/newsletter/2026-11-24/",
      "/this-page-does-not-exist/",
    ];
    const found: string[] = [];
    for (const colorScheme of SCHEMES) {
      // axe-core is injected as an inline script, which the pages' Content-Security-Policy rightly blocks.
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      for (const url of urls) found.push(...(await violations(page, url)).map((line) => `${colorScheme} ${line}`));
      await searchWithResults(page);
      found.push(...(await scan(page, `${colorScheme} /search/?q=memory`)));
      await context.close();
    }
    assert.equal(found, []);
  },
);

accessibility("a reader whose system asks for dark gets the dark palette, and light otherwise", async () => {
  const backgrounds: string[] = [];
  for (const colorScheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${server.origin}${ARTICLE}`);
    backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    await context.close();
  }
  assert.equal(backgrounds, ["rgb(255, 253, 248)", "rgb(18, 23, 25)"]);
});

accessibility("the same scan does report a page with problems, too-small targets included", async () => {
  const page = await browser.newPage();
  await page.setContent(
    '<html><head><title>Bad</title></head><body><main><img src="x.png"><p ' +
      'style="color:#ccc;background:#fff">Faint</p><button style="width:12px;height:12px;padding:0">A</button>' +
      '<button style="width:12px;height:12px;padding:0">B</button></main></body></html>',
  );
  const ids = (await scan(page, "bad")).map((line) => line.split(" ")[1]);
  assert.ok(
    ["html-has-lang", "image-alt", "color-contrast", "target-size"].every((id) => ids.includes(id)),
    ids.join(", "),
  );
  await page.close();
});

accessibility("the email edition passes too, but for the landmark rules that email clients make moot", async () => {
  const page = await browser.newPage({ bypassCSP: true });
  await page.goto(`${server.origin}/newsletter/2026-10-06/email.html`, { waitUntil: "networkidle" });
  // Webmail shows an email inside its own page, whose <main> it is; email HTML has no landmarks of its own (axe's
  // best-practice rules `landmark-one-main` and `region`). Its wrapper is role="article" and its tables
  // role="presentation".
  assert.equal(await scan(page, "email", ["landmark-one-main", "region"]), []);
  await page.close();
});

accessibility("an article reads in full with JavaScript turned off", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/news/beijing-signals-thaw-for-us-memory-chipmaker/`);
  assert.is(
    await page.locator("h1").textContent(),
    "Dramatic turnaround in Beijing’s attitude to US memory-chip maker Veridian",
  );
  assert.ok((await page.locator(".article__body p").count()) > 5);
  assert.ok(await page.locator(".article__body").isVisible());
  await context.close();
});

accessibility.run();

const print = suite("an article prints as an article");

print.before(start);
print.after(stop);

print("without the site's navigation, search, sign-up and footer, with its hero, and links as addresses", async () => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(`${server.origin}${ARTICLE}`, { waitUntil: "networkidle" });
  await page.emulateMedia({ media: "print" });
  const shown = (selector: string) =>
    page.evaluate(
      (selector) => [...document.querySelectorAll(selector)].map((element) => getComputedStyle(element).display),
      selector,
    );
  for (const selector of [".topic-nav", ".search-box", ".site-footer", ".skip-link", ".topic-tags"])
    assert.equal(await shown(selector), ["none"], selector);
  // The sample configures a sign-up endpoint: the forms under the story and in the footer are left out of print.
  assert.equal(await shown(".signup"), ["none", "none"]);
  assert.equal(await shown(".masthead, .hero, .hero img"), ["block", "block", "block"]);
  const after = (selector: string) =>
    page.evaluate((selector) => {
      const link = document.querySelector(selector);
      return link ? getComputedStyle(link, "::after").content : "no such link";
    }, selector);
  assert.is(
    await after('.also-see a[href^="https://example.org/"]'),
    '" (https://example.org/research/memory-outlook-2026)"',
  );
  assert.is(
    await after('.article__body a[href="/news/penang-packaging-plant-expands/"]'),
    `" (${publication.baseUrl}/news/penang-packaging-plant-expands/)"`,
  );
  // Paper is white whatever the screen's scheme.
  assert.is(await page.evaluate(() => getComputedStyle(document.body).color), "rgb(0, 0, 0)");
  await context.close();
});

print.run();

const lists = suite("lists read well to a picky reader at a phone's and a desktop's width");

lists.before(start);
lists.after(stop);

lists("the home page shows each story once: lead, latest and topic sections", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  const hrefs = await page.$$eval(".lead__headline a, .card__headline a", (links) =>
    links.map((link) => link.getAttribute("href")),
  );
  assert.ok(hrefs.length > 20, `${hrefs.length} stories`);
  assert.equal(
    hrefs.filter((href, index) => hrefs.indexOf(href) !== index),
    [],
  );
  await page.close();
});

lists("cards side by side have their headlines level, with or without a picture", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const uneven: string[] = [];
  let withoutPicture = 0;
  for (const url of ["/", "/topics/thailand/", "/archive/"]) {
    await page.goto(`${server.origin}${url}`);
    const rows = await page.$$eval(".card-list", (lists) =>
      lists.map((list) =>
        [...list.querySelectorAll(".card")].map((card) => ({
          top: Math.round(card.getBoundingClientRect().top),
          headline: Math.round(card.querySelector(".card__headline")?.getBoundingClientRect().top ?? -1),
          picture: card.querySelector("picture, img") !== null,
        })),
      ),
    );
    for (const cards of rows) {
      withoutPicture += cards.filter((card) => !card.picture).length;
      for (const card of cards) {
        const neighbour = cards.find((other) => other.top === card.top && other.headline !== card.headline);
        if (neighbour)
          uneven.push(`${url}: a row at ${card.top}px has headlines at ${card.headline} and ${neighbour.headline}`);
      }
    }
  }
  assert.ok(withoutPicture > 0, "the sample has cards without a picture");
  assert.equal(uneven, []);
  await page.close();
});

lists("on a phone every link of the topic strip is on screen, All topics included", async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${server.origin}/`);
  const offScreen = await page.$$eval(".topic-nav a", (links) =>
    links
      .filter((link) => {
        const box = link.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth;
      })
      .map((link) => link.textContent),
  );
  assert.equal(offScreen, []);
  assert.is(await page.locator(".topic-nav a", { hasText: "All topics" }).isVisible(), true);
  await page.close();
});

lists(
  "the newsletter archive on a desktop says what the newsletter is beside the editions, each with its picture",
  async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/newsletter/`);
    const editions = await page.locator(".newsletter-page__editions").boundingBox();
    const about = await page.locator(".newsletter-page__about").boundingBox();
    assert.ok(editions && about && about.x >= editions.x + editions.width, "the two sit side by side");
    assert.is(await page.locator(".edition-list__item picture").count(), 2);
    await page.close();
  },
);

lists.run();

const screenshots = suite("screenshots of the main pages at desktop and phone widths are saved for review");

screenshots.before(start);
screenshots.after(stop);

/** A PNG file's width from its IHDR header, or 0 when it is not a PNG. https://www.w3.org/TR/png/ */
function pngWidth(path: string): number {
  const bytes = readFileSync(path);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = bytes.subarray(0, 8).equals(signature) && bytes.toString("latin1", 12, 16) === "IHDR";
  return png ? bytes.readUInt32BE(16) : 0;
}

screenshots("home, an article, a topic page and search with results at 1280 and 375 pixels", async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const overflowing: string[] = [];
  const shots: string[] = [];
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const [name, url] of [
      ["home", "/"],
      ["article", ARTICLE],
      ["topic", "/topics/china-bond/"],
      ["search", "/search/?q=memory"],
    ] as const) {
      if (name === "search") await searchWithResults(page);
      else await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
      const path = join(SCREENSHOTS, `${name}-${width}.png`);
      rmSync(path, { force: true });
      await page.screenshot({ path, fullPage: true });
      // No page is wider than the screen: nothing to scroll sideways on a phone.
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      if (scrollWidth > innerWidth) overflowing.push(`${url} at ${width}px is ${scrollWidth}px wide`);
      shots.push(`${path}: ${pngWidth(path)}px`);
    }
    await page.close();
  }
  assert.equal(overflowing, []);
  // Each screenshot was written just now, as a PNG exactly as wide as the screen it shows.
  assert.equal(
    shots,
    [1280, 375].flatMap((width) =>
      ["home", "article", "topic", "search"].map((name) => `${join(SCREENSHOTS, `${name}-${width}.png`)}: ${width}px`),
    ),
  );
});

screenshots(
  "the newsletter archive and an edition's web page at 1280 and 375 pixels, and its email at 600 and 375 pixels",
  async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shots: [string, string, number][] = [
      ["newsletter", "/newsletter/", 1280],
      ["newsletter", "/newsletter/", 375],
      ["edition", "/newsletter/2026-10-06/", 1280],
      ["edition", "/newsletter/2026-10-06/", 375],
      ["email", "/newsletter/2026-10-06/email.html", 600],
      ["email", "/newsletter/2026-10-06/email.html", 375],
    ];
    const overflowing: string[] = [];
    for (const [name, url, width] of shots) {
      // An email client applies no Content-Security-Policy, and the email's pictures, absolute on the publication's
      // address, come from this test server here: another origin than the page's.
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: name === "email" });
      // The email's URLs are absolute on the publication's address: serve them from the built site.
      await page.route(`${publication.baseUrl}/**`, async (route) => {
        await route.fulfill({
          response: await route.fetch({ url: `${server.origin}${new URL(route.request().url()).pathname}` }),
        });
      });
      await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
      // A full-page screenshot does not scroll, so pictures below the fold would stay unloaded.
      await page.evaluate(() => {
        for (const image of document.querySelectorAll("img")) image.loading = "eager";
      });
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      if (!(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)))
        overflowing.push(`${url} at ${width}px`);
      await page.close();
    }
    assert.equal(overflowing, []);
  },
);

screenshots("an article in the dark scheme at 1280 and 375 pixels, and printed to PDF", async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${server.origin}${ARTICLE}`, { waitUntil: "networkidle" });
    await page.screenshot({ path: join(SCREENSHOTS, `article-dark-${width}.png`), fullPage: true });
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `the article overflows at ${width}px`,
    );
    await context.close();
  }
  const page = await browser.newPage();
  await page.goto(`${server.origin}${ARTICLE}`, { waitUntil: "networkidle" });
  // To look at it as a picture: pdftoppm -png -r 80 article-print.pdf article-print (poppler-utils).
  const pdf = await page.pdf({ path: join(SCREENSHOTS, "article-print.pdf"), format: "A4" });
  assert.ok(pdf.length > 10_000);
  await page.close();
});

screenshots.run();
