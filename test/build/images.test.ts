import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser } from "../../support/browser.ts";
import { serveSite } from "../../support/serve.ts";
import { htmlFiles, page } from "../../support/site.ts";
import { sampleSite } from "./fixture.ts";

const BASE = "https://mekongledger.example";
const TYPES: Record<string, string> = { "image/avif": "heif", "image/webp": "webp", "image/jpeg": "jpeg" };
let site = "";

/** The [url, width] pairs of a srcset. */
const candidates = (srcset: string) =>
  srcset.split(",").map((candidate) => {
    const [url = "", descriptor = ""] = candidate.trim().split(/\s+/);
    return [url, descriptor] as const;
  });

/** A built file's format and size as sharp reads them. */
async function measured(url: string): Promise<{ format?: string; width?: number; height?: number }> {
  const path = new URL(url, BASE).pathname;
  return sharp(readFileSync(join(site, path))).metadata();
}

const pictures = suite("every picture is served in modern formats at the sizes its place needs");

pictures.before(() => {
  site = sampleSite();
});

pictures(
  "each <picture> offers AVIF, WebP and JPEG files whose format and width are what the markup says",
  async () => {
    const checked = new Set<string>();
    let count = 0;
    for (const file of htmlFiles(site)) {
      const $ = cheerio.load(readFileSync(join(site, file), "utf8"));
      for (const element of $("picture").toArray()) {
        count++;
        const img = $(element).find("img");
        const ratio = Number(img.attr("height")) / Number(img.attr("width"));
        assert.ok(ratio > 0, `${file}: the <img> has its width and height`);
        const offers: [string, string][] = [
          ...$(element)
            .find("source")
            .toArray()
            .map((source) => [$(source).attr("type") ?? "", $(source).attr("srcset") ?? ""] as [string, string]),
          ["image/jpeg", img.attr("srcset") ?? ""],
        ];
        assert.equal(
          offers.map(([type]) => type),
          ["image/avif", "image/webp", "image/jpeg"],
          file,
        );
        for (const [type, srcset] of offers) {
          for (const [url, descriptor] of candidates(srcset)) {
            if (checked.has(url)) continue;
            checked.add(url);
            const meta = await measured(url);
            assert.is(meta.format, TYPES[type], `${url} is ${type}`);
            assert.is(`${meta.width}w`, descriptor, `${url} is as wide as its descriptor`);
            assert.ok(
              Math.abs((meta.height ?? 0) - (meta.width ?? 0) * ratio) <= 1,
              `${url} has the shape of the <img> it stands for`,
            );
          }
        }
      }
    }
    assert.ok(count > 50, `only ${count} pictures`);
  },
);

pictures(
  "an article's picture is the page's one high-priority fetch; lists and photos further down load lazily",
  () => {
    for (const file of htmlFiles(site)) {
      const $ = cheerio.load(readFileSync(join(site, file), "utf8"));
      assert.ok($('[fetchpriority="high"]').length <= 1, `${file} has more than one high-priority picture`);
    }
    const $ = page(site, "/news/asean-qr-payments-fifth-market/");
    assert.is($(".hero img").attr("fetchpriority"), "high");
    assert.is($(".hero img").attr("loading"), undefined);
    assert.is($(".author-bio img").attr("loading"), "lazy");
    const home = page(site, "/");
    assert.is(home(".lead img").attr("fetchpriority"), "high");
    assert.ok(home(".card img").length > 5);
    for (const img of home(".card img").toArray()) assert.is(home(img).attr("loading"), "lazy");
  },
);

pictures("a card gets a 16:9 thumbnail at most 960 pixels wide, never the article's large picture", () => {
  const home = page(site, "/");
  for (const img of home(".card img").toArray()) {
    const widths = candidates(home(img).attr("srcset") ?? "").map(([, descriptor]) => Number.parseInt(descriptor, 10));
    assert.ok(Math.max(...widths) <= 960, home(img).attr("srcset"));
    assert.is(Number(home(img).attr("height")) / Number(home(img).attr("width")), 9 / 16);
  }
});

pictures("no picture is enlarged: an author's 400-pixel photo is made at 96, 192 and 320 pixels, square", async () => {
  const $ = page(site, "/authors/tom-weller/");
  const widths = candidates($(".author-header__photo").attr("srcset") ?? "");
  assert.equal(
    widths.map(([, descriptor]) => descriptor),
    ["96w", "192w", "320w"],
  );
  const largest = await measured(widths.at(-1)?.[0] ?? "");
  assert.equal([largest.width, largest.height], [320, 320]);
});

pictures.run();

const shared = suite("email, feeds, share cards and structured data get the JPEGs they need");

shared.before(() => {
  site = sampleSite();
});

shared("the edition's email shows a 600-pixel JPEG at its absolute address, 1200 pixels on dense screens", async () => {
  const $ = cheerio.load(readFileSync(join(site, "newsletter/2026-11-24/email.html"), "utf8"));
  const img = $(".email-lead-image img");
  const src = img.attr("src") ?? "";
  assert.match(src, /^https:\/\/mekongledger\.example\/img\/.+-600\.jpeg$/);
  assert.equal([img.attr("width"), img.attr("height")], ["600", "338"]);
  assert.equal(
    [await measured(src)].map((meta) => [meta.format, meta.width]),
    [["jpeg", 600]],
  );
  const [, large] = (img.attr("srcset") ?? "").split(", ");
  assert.match(large ?? "", /-1200\.jpeg 2x$/);
  assert.not.match($.html(), /\.avif|\.webp/);
});

shared("share cards and feed enclosures are a 1200-pixel JPEG with its type", async () => {
  const $ = page(site, "/news/asean-qr-payments-fifth-market/");
  const og = $('meta[property="og:image"]').attr("content") ?? "";
  assert.match(og, /^https:\/\/mekongledger\.example\/img\/.+-1200\.jpeg$/);
  assert.is($('meta[property="og:image:type"]').attr("content"), "image/jpeg");
  assert.equal(
    [$('meta[property="og:image:width"]').attr("content"), $('meta[property="og:image:height"]').attr("content")],
    ["1200", "675"],
  );
  const meta = await measured(og);
  assert.equal([meta.format, meta.width, meta.height], ["jpeg", 1200, 675]);
  const feed = readFileSync(join(site, "feed.xml"), "utf8");
  const enclosures = [...feed.matchAll(/<link rel="enclosure" href="([^"]+)" type="([^"]+)"/g)];
  assert.ok(enclosures.length > 10);
  for (const [, href, type] of enclosures) {
    assert.is(type, "image/jpeg");
    assert.match(href ?? "", /^https:\/\/mekongledger\.example\/img\/.+-1200\.jpeg$/);
  }
  const json = JSON.parse(readFileSync(join(site, "feed.json"), "utf8")) as { items: { image?: string }[] };
  assert.ok(json.items.some((item) => item.image === og));
});

shared(
  "an article's structured data lists its picture at 16:9, 4:3 and 1:1, as large as the picture allows",
  async () => {
    // The sample's pictures are 1200 × 675: its 4:3 and square crops can be no wider than 900 and 675 pixels (a
    // larger source gives 1200 each: test/images/renditions.test.ts).
    const $ = page(site, "/news/asean-qr-payments-fifth-market/");
    const data = JSON.parse($('script[type="application/ld+json"]').first().text()) as { image: string[] };
    const sizes = await Promise.all(data.image.map(measured));
    assert.equal(
      sizes.map((meta) => [meta.width, meta.height]),
      [
        [1200, 675],
        [900, 675],
        [675, 675],
      ],
    );
  },
);

shared("every page a search engine may show allows large image previews", () => {
  for (const file of htmlFiles(site)) {
    const $ = cheerio.load(readFileSync(join(site, file), "utf8"));
    if (file.endsWith("email.html")) continue;
    const robots = $('meta[name="robots"]').attr("content");
    assert.ok(robots === "max-image-preview:large" || robots === "noindex", `${file}: ${robots}`);
  }
});

shared.run();

const phone = suite("a phone downloads pictures sized for its screen");

phone(
  "on a 375-pixel phone at 2×, no picture is more than twice as wide as it is shown, and the home page is light",
  async () => {
    site = sampleSite();
    const server = await serveSite(site);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
      const tab = await context.newPage();
      let bytes = 0;
      tab.on("response", async (response) => {
        if (response.url().includes("/img/")) bytes += (await response.request().sizes()).responseBodySize;
      });
      for (const path of ["/", "/news/asean-qr-payments-fifth-market/", "/topics/china-bond/"]) {
        await tab.goto(`${server.origin}${path}`, { waitUntil: "networkidle" });
        const shown = await tab.$$eval("picture img", (images) =>
          images
            .filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
            .map((img) => ({
              src: (img as HTMLImageElement).currentSrc,
              natural: (img as HTMLImageElement).naturalWidth,
              css: img.getBoundingClientRect().width,
            })),
        );
        assert.ok(shown.length > 0, path);
        for (const image of shown) {
          assert.match(image.src, /\.avif$/, "Chromium takes the AVIF");
          assert.ok(image.natural <= Math.max(2 * 2 * image.css, 320), `${path}: ${JSON.stringify(image)}`);
        }
      }
      assert.ok(bytes < 300 * 1024, `pictures on three pages: ${bytes} bytes`);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);

phone.run();
