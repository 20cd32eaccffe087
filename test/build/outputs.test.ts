import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { htmlFiles, page } from "../../support/site.ts";
import { sitemapSchemaErrors } from "../xsd/sitemaps.ts";
import { fixtureSite } from "./fixture.ts";

const BASE = "https://fixture.example";
/** The fixture's headline as typed, markup kept as text, with the body's typographic quotes. */
const HOSTILE = "Profits <script>alert(1)</script> & “quotes” at Veridian";
const PUBLISHED = ["/news/penang-suppliers/", "/news/micron-thaw/", "/news/custom-full/", "/news/other-story/"].map(
  (path) => BASE + path,
);
let site = "";
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "url", "category", "author", "link", "sitemap"].includes(name),
});

type Node = Record<string, unknown>;

/** Reads an output file and parses it, failing the test if it is not well-formed XML. */
function parsedXml(path: string): Node {
  const text = readFileSync(join(site, path), "utf8");
  const valid = XMLValidator.validate(text);
  assert.ok(valid === true, `${path} is not well-formed XML: ${JSON.stringify(valid)}`);
  return xml.parse(text) as Node;
}

function entries(path: string): Node[] {
  return ((parsedXml(path).feed as Node).entry as Node[] | undefined) ?? [];
}

const machines = suite("feeds, sitemaps and structured data describe exactly the published articles");

machines.before(() => {
  // The day after the newest story, so the news sitemap has one.
  site = fixtureSite({ now: "2024-05-02T00:00:00Z" }).site;
});

machines(
  "/feed.xml is Atom listing the published articles newest first, with full HTML, authors, dates and topics",
  () => {
    const feed = entries("feed.xml");
    assert.equal(
      feed.map((entry) => entry.id),
      PUBLISHED,
    );
    const full = feed.find((entry) => entry.id === `${BASE}/news/custom-full/`) as Node;
    assert.equal(
      (full.author as Node[]).map((author) => [author.name, author.uri]),
      [
        ["Ana Lim", `${BASE}/authors/ana-lim/`],
        ["Ben Tran", `${BASE}/authors/ben-tran/`],
      ],
    );
    assert.is(full.published, "2024-03-10T23:30:00.000Z");
    // Its latest correction (20 March, 09:00 in Bangkok) is its last change, after `updated` (12 March).
    assert.is(full.updated, "2024-03-20T02:00:00.000Z");
    assert.equal(
      (full.category as Node[]).map((category) => category["@term"]),
      ["China Bond", "Semiconductors"],
    );
    const content = String((full.content as Node)["#text"]);
    assert.ok(content.includes(`<a href="${BASE}/news/other-story/">our other story</a>`), content);
    assert.not.ok(/(href|src)="\//.test(content), "a root-relative URL is left in the feed");
  },
);

machines("topic and author feeds list exactly their own published articles", () => {
  assert.equal(
    entries("topics/china-bond/feed.xml").map((entry) => entry.id),
    [`${BASE}/news/micron-thaw/`, `${BASE}/news/custom-full/`, `${BASE}/news/other-story/`],
  );
  assert.equal(
    entries("topics/semiconductors/feed.xml").map((entry) => entry.id),
    [`${BASE}/news/penang-suppliers/`, `${BASE}/news/micron-thaw/`, `${BASE}/news/custom-full/`],
  );
  assert.equal(
    entries("authors/ben-tran/feed.xml").map((entry) => entry.id),
    [`${BASE}/news/penang-suppliers/`, `${BASE}/news/custom-full/`, `${BASE}/news/other-story/`],
  );
});

machines(
  "every Atom feed names its author, the publication, as RFC 4287 requires of a feed whose entries may have none",
  () => {
    const feeds = readdirSync(site, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".xml"))
      .flatMap((path) => {
        const feed = parsedXml(path).feed as Node | undefined;
        return feed ? [[path, feed] as const] : [];
      })
      .sort(([a], [b]) => a.localeCompare(b));
    assert.equal(
      feeds.map(([path]) => path),
      [
        "authors/ana-lim/feed.xml",
        "authors/ben-tran/feed.xml",
        "corrections/feed.xml",
        "feed.xml",
        "newsletter/feed.xml",
        "topics/china-bond/feed.xml",
        "topics/semiconductors/feed.xml",
      ],
    );
    for (const [path, feed] of feeds) {
      assert.equal(feed.author, [{ name: "Fixture Ledger", uri: `${BASE}/` }], path);
    }
  },
);

machines("/feed.json is a JSON Feed of the same articles", () => {
  const feed = JSON.parse(readFileSync(join(site, "feed.json"), "utf8")) as {
    version: string;
    items: { id: string; title: string; date_modified: string; authors?: unknown; author?: unknown; tags?: string[] }[];
  };
  assert.match(feed.version, /^https:\/\/jsonfeed\.org\/version\/1/);
  assert.equal(
    feed.items.map((item) => item.id),
    PUBLISHED,
  );
  assert.is(feed.items[2]?.title, HOSTILE);
});

machines("pages advertise their feeds", () => {
  const alternates = (url: string) =>
    page(
      site,
      url,
    )('link[rel="alternate"]')
      .map((_, link) => page(site, url)(link).attr("href"))
      .get();
  assert.equal(alternates("/"), ["/feed.xml", "/feed.json"]);
  assert.equal(alternates("/topics/china-bond/"), ["/feed.xml", "/topics/china-bond/feed.xml", "/feed.json"]);
  assert.equal(alternates("/authors/ana-lim/"), ["/feed.xml", "/authors/ana-lim/feed.xml", "/feed.json"]);
});

machines("/sitemap.xml lists every public page with lastmod, and robots.txt names both sitemaps", () => {
  const urls = (parsedXml("sitemap.xml").urlset as Node).url as Node[];
  const expected = htmlFiles(site)
    // An edition's email.html is for the email service and says noindex; its web page is in the sitemap. Old
    // addresses and the retracted story's notice say noindex too.
    .filter((path) => path !== "404.html" && !path.endsWith("/email.html"))
    .filter(
      (path) =>
        !["2024/04/micron.html", "news/micron-welcomed-back/index.html", "news/withdrawn/index.html"].includes(path),
    )
    .map((path) => `${BASE}/${path.replace(/index\.html$/, "")}`)
    .sort();
  assert.equal(urls.map((url) => String(url.loc)).sort(), expected);
  assert.is(urls.find((url) => url.loc === `${BASE}/news/custom-full/`)?.lastmod, "2024-03-20T02:00:00.000Z");
  assert.equal(
    readFileSync(join(site, "robots.txt"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("Sitemap:")),
    [`Sitemap: ${BASE}/sitemap.xml`, `Sitemap: ${BASE}/news-sitemap.xml`],
  );
});

machines("/news-sitemap.xml follows Google's format and holds the articles of the last two days", () => {
  const urls = (parsedXml("news-sitemap.xml").urlset as Node).url as Node[];
  assert.equal(urls, [
    {
      loc: `${BASE}/news/penang-suppliers/`,
      "news:news": {
        "news:publication": { "news:name": "Fixture Ledger", "news:language": "en" },
        "news:publication_date": "2024-05-01T08:00:00+07:00",
        "news:title": "Penang suppliers count on a memory recovery",
      },
    },
  ]);
});

machines("/sitemap.xml and /news-sitemap.xml are valid against the sitemaps.org and Google News schemas", async () => {
  const files = Object.fromEntries(
    ["sitemap.xml", "news-sitemap.xml"].map((path) => [path, readFileSync(join(site, path), "utf8")]),
  );
  assert.equal(await sitemapSchemaErrors(files), []);
});

machines("article pages carry NewsArticle JSON-LD with Google's properties", () => {
  const $ = page(site, "/news/custom-full/");
  const scripts = $('script[type="application/ld+json"]');
  assert.is(scripts.length, 2);
  const text = scripts.first().text();
  assert.not.ok(text.toLowerCase().includes("</script"));
  const data = JSON.parse(text) as { image: string[] };
  // 16:9, 4:3 and 1:1, as wide as the 1200 × 675 picture allows (test/build/images.test.ts measures the files).
  assert.equal(
    data.image.map((url) => url.replace(/-[0-9a-f]{8}-/, "-…-")),
    [`${BASE}/img/chips-…-1200.jpeg`, `${BASE}/img/chips-4x3-…-900.jpeg`, `${BASE}/img/chips-1x1-…-675.jpeg`],
  );
  assert.equal(data, {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: HOSTILE,
    description: "A dek with <em>markup</em> that must stay text",
    image: data.image,
    datePublished: "2024-03-11T06:30:00+07:00",
    dateModified: "2024-03-20T09:00:00+07:00",
    author: [
      { "@type": "Person", name: "Ana Lim", url: `${BASE}/authors/ana-lim/` },
      { "@type": "Person", name: "Ben Tran", url: `${BASE}/authors/ben-tran/` },
    ],
    publisher: {
      "@type": "NewsMediaOrganization",
      name: "Fixture Ledger",
      url: `${BASE}/`,
      logo: { "@type": "ImageObject", url: `${BASE}/assets/img/logo.png` },
    },
    mainEntityOfPage: `${BASE}/news/custom-full/`,
    url: `${BASE}/news/custom-full/`,
    inLanguage: "en",
    articleSection: "China Bond",
    keywords: ["China Bond", "Semiconductors"],
  });
});

machines("canonical, description, Open Graph and Twitter tags use absolute URLs", () => {
  const $ = page(site, "/news/custom-full/");
  const meta = (selector: string) =>
    $(selector)
      .map((_, element) => $(element).attr("content") ?? $(element).attr("href"))
      .get();
  assert.equal(meta('link[rel="canonical"]'), [`${BASE}/news/custom-full/`]);
  assert.equal(meta('meta[name="description"]'), ["A dek with <em>markup</em> that must stay text"]);
  assert.equal(meta('meta[property="og:type"]'), ["article"]);
  assert.equal(meta('meta[property="og:title"]'), [HOSTILE]);
  assert.equal(meta('meta[property="og:description"]'), ["A dek with <em>markup</em> that must stay text"]);
  assert.equal(meta('meta[property="og:url"]'), [`${BASE}/news/custom-full/`]);
  const [shareCard] = meta('meta[property="og:image"]');
  assert.match(shareCard ?? "", /^https:\/\/fixture\.example\/img\/chips-[0-9a-f]{8}-1200\.jpeg$/);
  assert.equal(meta('meta[property="article:published_time"]'), ["2024-03-11T06:30:00+07:00"]);
  assert.equal(meta('meta[property="article:tag"]'), ["China Bond", "Semiconductors"]);
  assert.equal(meta('meta[name="twitter:card"]'), ["summary_large_image"]);
  assert.equal(meta('meta[name="twitter:image"]'), [shareCard]);
  assert.equal(page(site, "/topics/")('link[rel="canonical"]').attr("href"), `${BASE}/topics/`);
  assert.equal(page(site, "/topics/")('meta[property="og:type"]').attr("content"), "website");
});

machines("a hostile headline stays inert text in HTML, Atom, JSON Feed and JSON-LD", () => {
  const $ = page(site, "/news/custom-full/");
  assert.is($("h1").text(), HOSTILE);
  // JSON-LD: the NewsArticle and the breadcrumbs, and no third script. Each names the headline as the same text,
  // with no raw `<` that could end its element early.
  const scripts = $("script").toArray();
  assert.equal(
    scripts.map((script) => $(script).attr("type")),
    ["application/ld+json", "application/ld+json"],
  );
  const blocks = scripts.map((script) => $(script).text());
  assert.equal(
    blocks.filter((text) => text.includes("<")),
    [],
  );
  const [article, breadcrumbs] = blocks.map(
    (text) => JSON.parse(text) as { headline?: string; itemListElement?: { name: string }[] },
  );
  assert.is(article?.headline, HOSTILE);
  assert.is(breadcrumbs?.itemListElement?.at(-1)?.name, HOSTILE);
  const atomTitle = entries("feed.xml").find((entry) => entry.id === `${BASE}/news/custom-full/`)?.title as Node;
  assert.is(atomTitle["@type"], "html");
  // Atom's type="html" title is HTML: the feed reader must find escaped markup, which it shows as the headline's text.
  assert.is(atomTitle["#text"], "Profits &lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes” at Veridian");
  // JSON Feed's title is plain text: the reader gets exactly the characters typed, markup shown as written.
  const feed = JSON.parse(readFileSync(join(site, "feed.json"), "utf8")) as { items: { id: string; title: string }[] };
  assert.is(feed.items.find((item) => item.id === `${BASE}/news/custom-full/`)?.title, HOSTILE);
  const raw = readFileSync(join(site, "topics/china-bond/index.html"), "utf8");
  assert.not.ok(raw.includes("<script>alert(1)"));
});

machines.run();
