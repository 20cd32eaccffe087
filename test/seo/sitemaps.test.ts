import { XMLParser } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listings } from "../../src/collections/listings.ts";
import {
  hasNewsSitemap,
  newsLanguage,
  newsSitemapXml,
  recentArticles,
  sitemapEntries,
  sitemapFiles,
  sitemapXml,
} from "../../src/seo/sitemaps.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";
import { sitemapSchemaErrors } from "../xsd/sitemaps.ts";

const sitemaps = suite("sitemaps split at the protocol's limit and the news sitemap covers two days");

sitemaps("up to the limit there is one file; past it an index over numbered files", () => {
  const entries = Array.from({ length: 5 }, (_, index) => ({ url: `/news/${index}/` }));
  assert.equal(
    sitemapFiles(entries, 5).map((file) => [file.url, file.isIndex, file.entries.length]),
    [["/sitemap.xml", false, 5]],
  );
  assert.equal(
    sitemapFiles(entries, 2).map((file) => [file.url, file.isIndex, file.entries.map((entry) => entry.url)]),
    [
      ["/sitemap.xml", true, ["/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"]],
      ["/sitemap-1.xml", false, ["/news/0/", "/news/1/"]],
      ["/sitemap-2.xml", false, ["/news/2/", "/news/3/"]],
      ["/sitemap-3.xml", false, ["/news/4/"]],
    ],
  );
  assert.equal(
    sitemapFiles(entries.slice(0, 4), 2).map((file) => [file.url, file.entries.length]),
    [
      ["/sitemap.xml", 2],
      ["/sitemap-1.xml", 2],
      ["/sitemap-2.xml", 2],
    ],
    "a count that fills its last file exactly has no empty file after it",
  );
});

sitemaps("the news sitemap holds articles of the two days before the build, nothing older", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/yesterday.md": articleFile(validFields.replace("2024-03-01", "2024-05-31T09:00:00+07:00")),
      "news/2024/two-days.md": articleFile(validFields.replace("2024-03-01", "2024-05-30T00:00:00Z")),
      "news/2024/older.md": articleFile(validFields.replace("2024-03-01", "2024-05-29T23:59:59Z")),
    }),
  );
  assert.equal(
    recentArticles(newsroom).map((article) => article.slug),
    ["yesterday", "two-days"],
  );
});

sitemaps("two quiet days give no news sitemap: the schema requires at least one <url>", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/old.md": articleFile(validFields) }));
  assert.is(hasNewsSitemap(newsroom), false);
});

sitemaps(
  "the news sitemap gives the language as Google's schema wants it, whatever the publication's language tag",
  async () => {
    const languages = ["en", "en-GB", "fil-PH", "zh-CN", "zh-Hant-TW", "zh-HK"];
    const files: Record<string, string> = {};
    for (const language of languages) {
      const { newsroom } = await load(
        contentTree({
          "publication.ts":
            `export default { name: "Test Ledger", baseUrl: "https://test.example", timeZone: ` +
            `"Asia/Bangkok", language: "${language}" };\n`,
          "news/2024/yesterday.md": articleFile(validFields.replace("2024-03-01", "2024-05-31")),
        }),
      );
      assert.is(hasNewsSitemap(newsroom), true);
      files[`news-sitemap-${language}.xml`] = await newsSitemapXml(newsroom);
    }
    const written = Object.values(files).map((xml) => /<news:language>([^<]*)</.exec(xml)?.[1]);
    assert.equal(written, ["en", "en", "fil", "zh-cn", "zh-tw", "zh-tw"]);
    assert.equal(await sitemapSchemaErrors(files), []);
  },
);

sitemaps("Google News's language is the ISO 639 code, or zh-cn / zh-tw for Simplified / Traditional Chinese", () => {
  const tags = ["de-AT", "zh", "zh-Hans", "zh-Hant", "zh-TW", "zh-MO", "zh-HK", "zh-Hans-CN", "zh-Hant-SG"];
  assert.equal(
    tags.map((tag) => newsLanguage(tag)),
    ["de", "zh-cn", "zh-cn", "zh-tw", "zh-tw", "zh-tw", "zh-tw", "zh-cn", "zh-tw"],
  );
});

sitemaps.run();

/** An article by Ana Lim on `date`, with more front-matter lines. */
const story = (date: string, more: string, title = "A story") =>
  articleFile(`title: ${title}\ndate: ${date}\nauthor: ana-lim\n${more}`);

const entries = suite("the sitemap lists every public page with the date it last changed");

entries("listings change with their newest article, the corrections page with its newest note", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/rice-quota.md": story(
        "2024-05-01",
        'tags: [Rice]\ncorrections:\n  - { date: 2024-05-10, note: "The quota is two tonnes." }',
      ),
      "news/2024/bond-sale.md": story("2024-04-01", "tags: [China Bond]\nupdated: 2024-05-20"),
      "news/2024/port-fees.md": story("2024-03-01", "tags: [China Bond]"),
      "news/2024/withdrawn.md": story("2024-04-15", 'tags: [Rice]\nretracted: { date: 2024-05-28, note: "Wrong." }'),
      "news/2024/pulled.md": story("2024-04-10", 'tags: [Rice]\nretracted: { date: 2024-05-15, note: "Wrong." }'),
      "editions/2024-05-03.md": "---\ntitle: May's first\ndate: 2024-05-03\n---\nThe week in trade.\n",
    }),
  );
  const newest = "2024-05-20T00:00:00+07:00";
  assert.equal(sitemapEntries(newsroom, listings(newsroom)), [
    { url: "/", lastmod: newest },
    { url: "/news/rice-quota/", lastmod: "2024-05-10T00:00:00+07:00" },
    { url: "/news/bond-sale/", lastmod: newest },
    { url: "/news/port-fees/", lastmod: "2024-03-01T00:00:00+07:00" },
    { url: "/topics/", lastmod: newest },
    { url: "/topics/china-bond/", lastmod: newest },
    { url: "/topics/rice/", lastmod: "2024-05-10T00:00:00+07:00" },
    { url: "/authors/", lastmod: newest },
    { url: "/authors/ana-lim/", lastmod: newest },
    { url: "/archive/", lastmod: newest },
    { url: "/archive/2024/05/", lastmod: "2024-05-10T00:00:00+07:00" },
    { url: "/archive/2024/04/", lastmod: newest },
    { url: "/archive/2024/03/", lastmod: "2024-03-01T00:00:00+07:00" },
    { url: "/newsletter/", lastmod: "2024-05-03T00:00:00+07:00" },
    { url: "/newsletter/2024-05-03/", lastmod: "2024-05-03T00:00:00+07:00" },
    { url: "/corrections/", lastmod: "2024-05-28T00:00:00+07:00" },
    { url: "/search/" },
  ]);
});

entries("a site with no news yet lists its pages, its author's too, without dates", async () => {
  const { newsroom } = await load(contentTree({}));
  assert.equal(sitemapEntries(newsroom, listings(newsroom)), [
    { url: "/", lastmod: undefined },
    { url: "/topics/", lastmod: undefined },
    { url: "/authors/", lastmod: undefined },
    { url: "/authors/ana-lim/", lastmod: undefined },
    { url: "/archive/", lastmod: undefined },
    { url: "/newsletter/", lastmod: undefined },
    { url: "/corrections/", lastmod: undefined },
    { url: "/search/" },
  ]);
});

entries.run();

/** A sitemap's root element, attributes without a prefix. */
function parsedSitemap(xml: string): Record<string, Record<string, unknown>> {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", ignoreDeclaration: true }).parse(xml);
}

const xml = suite("sitemap files are written with absolute addresses in the sitemap protocol's namespace only");

xml("an index lists its numbered files and each file its pages with lastmod, the files valid", async () => {
  const pages = [
    { url: "/", lastmod: "2024-05-20T00:00:00+07:00" },
    { url: "/news/bond-sale/", lastmod: "2024-05-20T00:00:00+07:00" },
    { url: "/search/" },
  ];
  const [index, first, second] = sitemapFiles(pages, 2);
  assert.ok(index && first && second);
  // test/xsd/ has no copy of the index's schema (siteindex.xsd): the index is checked by its parsed elements alone.
  const written = {
    "sitemap-1.xml": await sitemapXml(first, "https://test.example"),
    "sitemap-2.xml": await sitemapXml(second, "https://test.example"),
  };
  assert.equal(parsedSitemap(await sitemapXml(index, "https://test.example")), {
    sitemapindex: {
      xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9",
      sitemap: [{ loc: "https://test.example/sitemap-1.xml" }, { loc: "https://test.example/sitemap-2.xml" }],
    },
  });
  assert.equal(parsedSitemap(written["sitemap-1.xml"]), {
    urlset: {
      xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9",
      url: [
        { loc: "https://test.example/", lastmod: "2024-05-19T17:00:00.000Z" },
        { loc: "https://test.example/news/bond-sale/", lastmod: "2024-05-19T17:00:00.000Z" },
      ],
    },
  });
  assert.equal(parsedSitemap(written["sitemap-2.xml"]), {
    urlset: { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9", url: { loc: "https://test.example/search/" } },
  });
  assert.equal(await sitemapSchemaErrors(written), []);
});

xml("the news sitemap declares the news namespace besides the protocol's, and no other", async () => {
  const { newsroom } = await load(
    contentTree({ "news/2024/rice-quota.md": story("2024-05-31T09:00:00Z", "tags: [Rice]", "Rice quotas rise") }),
  );
  assert.equal(parsedSitemap(await newsSitemapXml(newsroom)), {
    urlset: {
      xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9",
      "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9",
      url: {
        loc: "https://test.example/news/rice-quota/",
        "news:news": {
          "news:publication": { "news:name": "Test Ledger", "news:language": "en" },
          "news:publication_date": "2024-05-31T16:00:00+07:00",
          "news:title": "Rice quotas rise",
        },
      },
    },
  });
});

xml.run();
