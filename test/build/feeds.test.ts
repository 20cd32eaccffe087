import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
