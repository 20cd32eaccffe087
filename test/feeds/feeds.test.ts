import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { correctionNotices, listings } from "../../src/collections/listings.ts";
import type { Newsroom } from "../../src/content/schema.ts";
import { correctionsFeed } from "../../src/feeds/corrections.ts";
import { atomFeed, feedSpecs, jsonFeedDocument, pictureMimeType } from "../../src/feeds/feeds.ts";
import { newsletterFeed } from "../../src/newsletter/feed.ts";
import { articleFile, contentTree, load } from "../helpers.ts";

/** publication.ts with the given extra settings, e.g. `websubHub: "https://hub.example/"`. */
const publication = (settings = "") =>
  `export default { name: "Test Ledger", baseUrl: "https://test.example", timeZone: "Asia/Bangkok", ` +
  `language: "en-GB"${settings ? `, ${settings}` : ""} };\n`;

/** A newsroom with one story by two authors, a correction and a picture from another site named .jpg. */
async function newsroomWith(settings = ""): Promise<Newsroom> {
  const dir = contentTree({
    "publication.ts": publication(settings),
    "authors/ben-tran.md": "---\nname: Ben Tran\n---\nBen reports on factories.\n",
    "news/2024/a.md": articleFile(
      "title: Two hands\ndek: Written together\ndate: 2024-03-01T09:00:00+07:00\nauthor: [ana-lim, ben-tran]\n" +
        "tags: [Rice, Trade]\n" +
        'image: { src: "https://cdn.example/photos/field.jpg", alt: "A rice field" }\n' +
        'corrections:\n  - { date: 2024-03-02, note: "An earlier version misspelt a name." }',
    ),
  });
  return (await load(dir)).newsroom;
}

const json = suite("the JSON Feed is version 1.1, with every co-author and the publication's language");

json("each item lists all its authors with their pages, and the feed its language and the publication", async () => {
  const newsroom = await newsroomWith();
  const site = feedSpecs(newsroom, listings(newsroom))[0];
  assert.ok(site);
  const feed = jsonFeedDocument(newsroom, site);
  assert.is(feed.version, "https://jsonfeed.org/version/1.1");
  assert.is(feed.language, "en-GB");
  assert.is(feed.feed_url, "https://test.example/feed.json");
  assert.equal(feed.authors, [{ name: "Test Ledger", url: "https://test.example/" }]);
  assert.is(feed.hubs, undefined);
  assert.is(feed.favicon, "https://test.example/assets/img/favicon.svg");
  const [item] = feed.items;
  assert.equal(item?.authors, [
    { name: "Ana Lim", url: "https://test.example/authors/ana-lim/" },
    { name: "Ben Tran", url: "https://test.example/authors/ben-tran/" },
  ]);
  assert.is(item?.summary, "Written together");
  assert.equal(item?.tags, ["Rice", "Trade"]);
  assert.is(item?.date_published, "2024-03-01T09:00:00+07:00");
  assert.is(item?.date_modified, "2024-03-02T00:00:00+07:00");
  assert.is(item?.image, "https://cdn.example/photos/field.jpg");
  assert.not.ok("author" in (item ?? {}));
});

json("with a WebSub hub in publication.ts the JSON Feed lists it under hubs as WebSub", async () => {
  const newsroom = await newsroomWith('websubHub: "https://hub.example/"');
  const site = feedSpecs(newsroom, listings(newsroom))[0];
  assert.ok(site);
  assert.equal(jsonFeedDocument(newsroom, site).hubs, [{ type: "WebSub", url: "https://hub.example/" }]);
});

json.run();

const atom = suite("an Atom feed names the publication, changes when any of its entries does, and credits each entry");

atom("the feed's head and its entries' authors and topics, from two stories, the older corrected last", async () => {
  const dir = contentTree({
    "publication.ts": publication(),
    "news/2024/old.md": articleFile(
      "title: Old\ndate: 2024-03-01T09:00:00+07:00\nauthor: ana-lim\ntags: [Rice]\n" +
        'corrections:\n  - { date: 2024-03-09, note: "Fixed." }',
    ),
    "news/2024/new.md": articleFile("title: New\ndate: 2024-03-05T09:00:00+07:00\nauthor: ana-lim\ntags: [Rice]"),
  });
  const { newsroom } = await load(dir);
  const [site] = feedSpecs(newsroom, listings(newsroom));
  assert.ok(site);
  const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
    atomFeed(newsroom, site),
  ) as {
    feed: {
      title: string;
      updated: string;
      generator: string;
      rights: string;
      author: { name: string; uri: string };
      entry: { author: { name: string; uri: string }; category: Record<string, string> }[];
    };
  };
  assert.is(feed.title, "Test Ledger");
  // The correction, at midnight in Bangkok, is later than the newest story.
  assert.is(feed.updated, "2024-03-08T17:00:00.000Z");
  assert.is(feed.generator, "Newsdesk");
  assert.is(feed.rights, "© Test Ledger");
  assert.equal(feed.author, { name: "Test Ledger", uri: "https://test.example/" });
  for (const entry of feed.entry) {
    assert.equal(entry.author, { name: "Ana Lim", uri: "https://test.example/authors/ana-lim/" });
    assert.equal(entry.category, { label: "Rice", scheme: "https://test.example/topics/", term: "Rice" });
  }
  const item = jsonFeedDocument(newsroom, site).items[0];
  assert.not.ok(item && "summary" in item, "a story without a dek has no summary");
});

atom.run();

const enclosures = suite("feed enclosures carry the picture's real MIME type");

enclosures("a picture's type comes from its extension in any case, .jpg reading image/jpeg", () => {
  assert.is(pictureMimeType("https://cdn.example/a.jpg"), "image/jpeg");
  assert.is(pictureMimeType("https://cdn.example/a.JPEG?size=large"), "image/jpeg");
  assert.is(pictureMimeType("https://test.example/img/a-1200.jpeg"), "image/jpeg");
  assert.is(pictureMimeType("https://cdn.example/a.png"), "image/png");
  assert.is(pictureMimeType("https://cdn.example/a.svg"), "image/svg+xml");
  assert.is(pictureMimeType("https://cdn.example/a.gif"), "image/gif");
  assert.is(pictureMimeType("https://cdn.example/a.webp"), "image/webp");
  assert.is(pictureMimeType("https://cdn.example/a.avif"), "image/avif");
  assert.is(pictureMimeType("https://cdn.example/photo.large.jpg"), "image/jpeg");
  assert.is(pictureMimeType("https://cdn.example/jpg"), undefined);
  assert.is(pictureMimeType("https://cdn.example/photo"), undefined);
  assert.is(pictureMimeType("https://cdn.example/a.tiff"), undefined);
});

enclosures("a picture from another site named .jpg is enclosed in Atom as image/jpeg, not image/jpg", async () => {
  const newsroom = await newsroomWith();
  const site = feedSpecs(newsroom, listings(newsroom))[0];
  assert.ok(site);
  const atom = atomFeed(newsroom, site);
  assert.ok(atom.includes('<link rel="enclosure" href="https://cdn.example/photos/field.jpg" type="image/jpeg"/>'));
  assert.not.ok(atom.includes("image/jpg"));
});

enclosures.run();

const hub = suite("every feed names the WebSub hub and itself when publication.ts sets a hub");

hub("the site, topic, author, newsletter and corrections feeds each have rel=hub and rel=self links", async () => {
  const newsroom = await newsroomWith('websubHub: "https://hub.example/"');
  const feeds = [
    ...feedSpecs(newsroom, listings(newsroom)).map((spec) => [spec.url, atomFeed(newsroom, spec)]),
    ["/newsletter/feed.xml", newsletterFeed(newsroom)],
    ["/corrections/feed.xml", correctionsFeed(newsroom, correctionNotices(newsroom))],
  ];
  assert.is(feeds.length, 7);
  for (const [url, xml] of feeds) {
    assert.ok(xml?.includes('<link rel="hub" href="https://hub.example/"/>'), url);
    assert.ok(xml?.includes(`<link rel="self" href="https://test.example${url}"/>`), url);
  }
});

hub("without a hub no feed has a rel=hub link", async () => {
  const newsroom = await newsroomWith();
  const site = feedSpecs(newsroom, listings(newsroom))[0];
  assert.ok(site);
  assert.not.ok(atomFeed(newsroom, site).includes('rel="hub"'));
  assert.not.ok(newsletterFeed(newsroom).includes('rel="hub"'));
});

hub.run();

const topicFeed = suite("a topic's feed holds the topic's latest 50 articles, across its listing pages");

topicFeed("a topic with 60 articles has a feed of its newest 50, beyond its first page of 20", async () => {
  const day = (n: number) => DateTime.fromISO("2024-01-01T09:00:00+07:00").plus({ days: n }).toISO() ?? "";
  const files: Record<string, string> = {};
  for (let n = 1; n <= 60; n++) {
    const slug = `rice-${String(n).padStart(2, "0")}`;
    files[`news/2024/${slug}.md`] = articleFile(`title: Rice ${n}\ndate: ${day(n)}\nauthor: ana-lim\ntags: [Rice]`);
  }
  files["news/2024/trade.md"] = articleFile(`title: Trade\ndate: ${day(61)}\nauthor: ana-lim\ntags: [Trade]`);
  const newsroom = (await load(contentTree(files))).newsroom;
  const specs = feedSpecs(newsroom, listings(newsroom));
  const rice = specs.find((spec) => spec.url === "/topics/rice/feed.xml");
  const newest = Array.from({ length: 50 }, (_, index) => `rice-${String(60 - index).padStart(2, "0")}`);
  assert.equal(
    rice?.articles.map((article) => article.slug),
    newest,
  );
  const ana = specs.find((spec) => spec.url === "/authors/ana-lim/feed.xml");
  assert.equal(
    ana?.articles.map((article) => article.slug),
    ["trade", ...newest.slice(0, 49)],
  );
});

topicFeed(
  "one feed per topic and author, not per listing page, each of its own stories; the site's of its newest 50",
  async () => {
    const day = (n: number) => DateTime.fromISO("2024-01-01T09:00:00+07:00").plus({ days: n }).toISO() ?? "";
    const files: Record<string, string> = {
      "publication.ts": publication('tagline: "Business news from the Mekong"'),
      "authors/ben-tran.md": "---\nname: Ben Tran\nrole: Markets editor\n---\nBen reports on markets.\n",
      "topics/trade.md": "---\nname: Trade\ndescription: Goods across borders.\n---\n",
    };
    for (let n = 1; n <= 25; n++) {
      const slug = `rice-${String(n).padStart(2, "0")}`;
      files[`news/2024/${slug}.md`] = articleFile(`title: Rice ${n}\ndate: ${day(n)}\nauthor: ana-lim\ntags: [Rice]`);
    }
    for (let n = 26; n <= 52; n++) {
      const slug = `trade-${n}`;
      files[`news/2024/${slug}.md`] = articleFile(
        `title: Trade ${n}\ndate: ${day(n)}\nauthor: ben-tran\ntags: [Trade]`,
      );
    }
    const newsroom = (await load(contentTree(files))).newsroom;
    const specs = feedSpecs(newsroom, listings(newsroom));
    assert.equal(
      specs.map(({ url, pageUrl, title, description }) => ({ url, pageUrl, title, description })),
      [
        { url: "/feed.xml", pageUrl: "/", title: "Test Ledger", description: "Business news from the Mekong" },
        { url: "/topics/rice/feed.xml", pageUrl: "/topics/rice/", title: "Rice | Test Ledger", description: undefined },
        {
          url: "/topics/trade/feed.xml",
          pageUrl: "/topics/trade/",
          title: "Trade | Test Ledger",
          description: "Goods across borders.",
        },
        {
          url: "/authors/ana-lim/feed.xml",
          pageUrl: "/authors/ana-lim/",
          title: "Ana Lim | Test Ledger",
          description: undefined,
        },
        {
          url: "/authors/ben-tran/feed.xml",
          pageUrl: "/authors/ben-tran/",
          title: "Ben Tran | Test Ledger",
          description: "Markets editor",
        },
      ],
    );
    const [site] = specs;
    assert.is(site && jsonFeedDocument(newsroom, site).description, "Business news from the Mekong");
    const slugs = (url: string) => specs.find((spec) => spec.url === url)?.articles.map((article) => article.slug);
    assert.is(slugs("/feed.xml")?.length, 50);
    assert.is(slugs("/feed.xml")?.at(-1), "rice-03");
    assert.ok(slugs("/topics/rice/feed.xml")?.every((slug) => slug.startsWith("rice-")));
    assert.is(slugs("/topics/rice/feed.xml")?.length, 25);
    assert.ok(slugs("/topics/trade/feed.xml")?.every((slug) => slug.startsWith("trade-")));
    assert.is(slugs("/topics/trade/feed.xml")?.length, 27);
    assert.ok(slugs("/authors/ben-tran/feed.xml")?.every((slug) => slug.startsWith("trade-")));
    assert.ok(slugs("/authors/ana-lim/feed.xml")?.every((slug) => slug.startsWith("rice-")));
  },
);

topicFeed.run();

const corrections = suite("the corrections feed carries absolute links");

corrections("a fragment link in a correction note points at the corrected story's heading", async () => {
  const dir = contentTree({
    "publication.ts": publication(),
    "news/2024/a.md": articleFile(
      "title: Rice fields\ndate: 2024-03-01\nauthor: ana-lim\ntags: [Rice]\n" +
        "corrections:\n  - { date: 2024-03-02, note: " +
        '"We fixed [the figures](#why-it-matters) and [a name](/news/a/)." }',
      "Body text.\n\n## Why it matters\n\nMore.\n",
    ),
  });
  const { newsroom } = await load(dir);
  const xml = correctionsFeed(newsroom, correctionNotices(newsroom));
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
    feed: { entry: { content: { "#text": string } } };
  };
  const $ = cheerio.load(feed.feed.entry.content["#text"]);
  assert.equal(
    $("a")
      .map((_, link) => $(link).attr("href"))
      .get(),
    ["https://test.example/news/a/#why-it-matters", "https://test.example/news/a/"],
  );
});

corrections(
  "the feed is titled for the publication; entries say Correction or Retracted; it holds the latest 50",
  async () => {
    const dir = contentTree({
      "publication.ts": publication(),
      "news/2024/a.md": articleFile(
        "title: Rice fields\ndate: 2024-03-01\nauthor: ana-lim\ntags: [Rice]\n" +
          'corrections:\n  - { date: 2024-03-02, note: "A name was misspelt." }',
      ),
      "news/2024/b.md": articleFile(
        "title: Withdrawn\ndate: 2024-03-03\nauthor: ana-lim\ntags: [Rice]\n" +
          'retracted: { date: 2024-03-04, note: "Its source withdrew the account." }',
      ),
    });
    const { newsroom } = await load(dir);
    const notices = correctionNotices(newsroom);
    const parse = (xml: string) =>
      new XMLParser().parse(xml) as { feed: { title: string; subtitle: string; entry: { title: string }[] } };
    const { feed } = parse(correctionsFeed(newsroom, notices));
    assert.is(feed.title, "Corrections | Test Ledger");
    assert.is(feed.subtitle, "Every correction and retraction published by Test Ledger.");
    assert.equal(
      feed.entry.map((entry) => entry.title),
      ["Retracted: Withdrawn", "Correction: Rice fields"],
    );
    const many = Array.from({ length: 60 }, () => notices[1]).filter((notice) => notice !== undefined);
    assert.is(parse(correctionsFeed(newsroom, many)).feed.entry.length, 50);
  },
);

corrections.run();
