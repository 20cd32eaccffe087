import { suite } from "uvu";
import * as assert from "uvu/assert";
import { hasNewsSitemap, newsSitemapXml, recentArticles, sitemapFiles } from "../../src/seo/sitemaps.ts";
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

sitemaps.run();
