import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { articleFile, contentTree } from "../../support/content.ts";
import { builtSite, fixtureSite } from "./fixture.ts";

const BASE = "https://fixture.example";

/** Every Atom feed a built site holds, as site paths: /feed.xml, /topics/…/feed.xml and the rest. */
function atomFeeds(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter((path) => path === "feed.xml" || path.endsWith("/feed.xml"))
    .map((path) => `/${path}`)
    .sort();
}

interface JsonFeedText {
  version: string;
  language: string;
  hubs?: unknown;
  items: { id: string; authors: { name: string; url: string }[]; author?: unknown }[];
}

const built = suite("the built feeds are JSON Feed 1.1 and Atom with pictures typed image/jpeg");

built("/feed.json is JSON Feed 1.1 in the publication's language and keeps both authors of a co-written story", () => {
  const { site } = fixtureSite({ now: "2024-05-02T00:00:00Z" });
  const feed = JSON.parse(readFileSync(join(site, "feed.json"), "utf8")) as JsonFeedText;
  assert.is(feed.version, "https://jsonfeed.org/version/1.1");
  assert.is(feed.language, "en");
  assert.is(feed.hubs, undefined);
  const story = feed.items.find((item) => item.id === `${BASE}/news/custom-full/`);
  assert.equal(story?.authors, [
    { name: "Ana Lim", url: `${BASE}/authors/ana-lim/` },
    { name: "Ben Tran", url: `${BASE}/authors/ben-tran/` },
  ]);
  assert.ok(feed.items.every((item) => item.author === undefined));
});

built("every picture enclosed in every built Atom feed is typed image/jpeg", () => {
  const { site } = fixtureSite({ now: "2024-05-02T00:00:00Z" });
  const types = atomFeeds(site).flatMap((path) =>
    [...readFileSync(join(site, path), "utf8").matchAll(/<link rel="enclosure" [^>]*type="([^"]*)"/g)].map(
      (match) => match[1],
    ),
  );
  assert.ok(types.length > 3, String(types.length));
  assert.equal([...new Set(types)], ["image/jpeg"]);
});

built.run();

/** Each entry's HTML content in the feed at `path`, Atom (`.xml`) or JSON Feed (`.json`), keyed by the entry's id. */
function entryContents(site: string, path: string): [string, string][] {
  const text = readFileSync(join(site, path), "utf8");
  if (path.endsWith(".json")) {
    const feed = JSON.parse(text) as { items: { id: string; content_html: string }[] };
    return feed.items.map((item) => [item.id, item.content_html]);
  }
  const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(text) as {
    feed: { entry?: { id: string; content: { "#text": string } }[] };
  };
  return (atom.feed.entry ?? []).map((entry) => [entry.id, entry.content["#text"]]);
}

/** Every `href` and `src` in the HTML, in document order. */
function addresses(html: string): string[] {
  const $ = cheerio.load(html);
  return $("[href], [src]")
    .map((_, element) => [$(element).attr("href"), $(element).attr("src")].filter((value) => value !== undefined))
    .get();
}

const links = suite("a feed reader can follow every link in a built feed's entries");

links("every href and src in every entry of every built Atom feed and /feed.json is an absolute http(s) URL", () => {
  const { site } = fixtureSite({ now: "2024-05-02T00:00:00Z" });
  const feeds = [...atomFeeds(site), "/feed.json"];
  const found = feeds.flatMap((path) =>
    entryContents(site, path).flatMap(([id, html]) => addresses(html).map((address) => ({ path, id, address }))),
  );
  for (const path of feeds) assert.ok(entryContents(site, path).length > 0, `${path} has no entries`);
  assert.ok(found.length > 20, String(found.length));
  assert.equal(
    found.filter(({ address }) => !/^https?:\/\/[^/]/.test(address)),
    [],
  );
});

links("each heading's fragment link points at its own article in the site, topic, author and JSON feeds", () => {
  const { site } = fixtureSite({ now: "2024-05-02T00:00:00Z" });
  const article = `${BASE}/news/custom-full/`;
  for (const path of ["/feed.xml", "/feed.json", "/topics/semiconductors/feed.xml", "/authors/ana-lim/feed.xml"]) {
    const html = entryContents(site, path).find(([id]) => id === article)?.[1] ?? "";
    const $ = cheerio.load(html);
    assert.equal(
      $("a.header-anchor")
        .map((_, anchor) => $(anchor).attr("href"))
        .get(),
      [`${article}#a-heading-written-as-h1`, `${article}#why-it-matters`],
      path,
    );
  }
});

links.run();

const hub = suite("with a WebSub hub in publication.ts, every built feed names it");

let site = "";

hub.before(() => {
  const content = contentTree({
    "publication.ts":
      'export default { name: "Hub Ledger", baseUrl: "https://hub-ledger.example", timeZone: "Asia/Bangkok", ' +
      'language: "en", websubHub: "https://hub.example/" };\n',
    "authors/ben-tran.md": "---\nname: Ben Tran\n---\nBen reports on factories.\n",
    "news/2024/fields.md": articleFile(
      "title: Rice fields\ndate: 2024-03-01\nauthor: [ana-lim, ben-tran]\ntags: [Rice]\n" +
        'image: { src: "https://cdn.example/photos/field.jpg", alt: "A rice field" }',
    ),
  });
  site = builtSite(content).site;
});

hub("the site, topic, author, newsletter and corrections feeds have rel=hub and rel=self links", () => {
  const feeds = atomFeeds(site);
  assert.equal(feeds, [
    "/authors/ana-lim/feed.xml",
    "/authors/ben-tran/feed.xml",
    "/corrections/feed.xml",
    "/feed.xml",
    "/newsletter/feed.xml",
    "/topics/rice/feed.xml",
  ]);
  for (const path of feeds) {
    const xml = readFileSync(join(site, path), "utf8");
    assert.ok(xml.includes('<link rel="hub" href="https://hub.example/"/>'), path);
    assert.ok(xml.includes(`<link rel="self" href="https://hub-ledger.example${path}"/>`), path);
  }
  const json = JSON.parse(readFileSync(join(site, "feed.json"), "utf8")) as JsonFeedText;
  assert.equal(json.hubs, [{ type: "WebSub", url: "https://hub.example/" }]);
});

hub("a picture from another site named .jpg is enclosed in the built Atom feed as image/jpeg", () => {
  const xml = readFileSync(join(site, "feed.xml"), "utf8");
  assert.ok(xml.includes('<link rel="enclosure" href="https://cdn.example/photos/field.jpg" type="image/jpeg"/>'));
});

hub.run();
