import type { Browser } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser } from "../../support/browser.ts";
import { serveSite } from "../../support/serve.ts";
import { sampleSite } from "../build/fixture.ts";

const ARTICLE = "/news/asean-qr-payments-fifth-market/";
let browser: Browser;
let server: Awaited<ReturnType<typeof serveSite>>;

/**
 * What a first view of a page costs without scrolling, as transferred from a host that gzips text: every
 * response (HTML, CSS, JavaScript, pictures), and the largest picture on its own.
 */
async function firstView(path: string, width: number, height: number, scale: number) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
  const page = await context.newPage();
  const sizes: { url: string; bytes: number }[] = [];
  page.on("requestfinished", async (request) => {
    sizes.push({ url: request.url(), bytes: (await request.sizes()).responseBodySize });
  });
  await page.goto(`${server.origin}${path}`, { waitUntil: "networkidle" });
  await context.close();
  const pictures = sizes.filter((size) => /\.(avif|webp|jpe?g|png)$/.test(size.url));
  return {
    total: sizes.reduce((sum, size) => sum + size.bytes, 0),
    largestPicture: Math.max(0, ...pictures.map((size) => size.bytes)),
    pictures: pictures.length,
  };
}

const budget = suite("a first view fits the page-weight budget on a phone and on a desktop");

budget.before(async () => {
  server = await serveSite(sampleSite());
  browser = await launchBrowser();
});

budget.after(async () => {
  await browser.close();
  await server.close();
});

const KB = 1024;

budget("a phone at 375 × 812 and 1×: the home page at most 100 KB, an article at most 60 KB", async () => {
  const home = await firstView("/", 375, 812, 1);
  assert.ok(home.pictures > 0, "the home page shows pictures");
  assert.ok(home.total <= 100 * KB, `home: ${home.total} bytes`);
  const article = await firstView(ARTICLE, 375, 812, 1);
  assert.ok(article.total <= 60 * KB, `article: ${article.total} bytes`);
});

budget("a phone at 375 × 812 and 2×: the home page at most 150 KB, an article's largest picture 40 KB", async () => {
  const home = await firstView("/", 375, 812, 2);
  assert.ok(home.total <= 150 * KB, `home: ${home.total} bytes`);
  const article = await firstView(ARTICLE, 375, 812, 2);
  assert.ok(article.pictures > 0, "the article shows its picture");
  assert.ok(article.largestPicture <= 40 * KB, `article's largest picture: ${article.largestPicture} bytes`);
});

budget("a desktop at 1280 × 900: the home page at most 180 KB", async () => {
  const home = await firstView("/", 1280, 900, 1);
  assert.ok(home.total <= 180 * KB, `home: ${home.total} bytes`);
});

budget.run();
