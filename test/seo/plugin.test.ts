import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listings } from "../../src/collections/listings.ts";
import { seoPlugin } from "../../src/seo/plugin.ts";
import type { SitemapFile } from "../../src/seo/sitemaps.ts";
import { articleFile, contentTree, load, recordingConfig, validFields } from "../helpers.ts";

const plugin = suite("the SEO plugin gives layouts the sitemap files of the newsroom it is handed");

plugin("it adds only the global `sitemaps`, which lists the home page, the story and the other pages", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  const { config, registered, data } = recordingConfig();
  seoPlugin(config, async () => ({ newsroom, listings: listings(newsroom) }));
  assert.equal(registered, ["global data sitemaps"]);
  const files = ((await data("sitemaps")) as SitemapFile[]).map((file) => ({
    url: file.url,
    isIndex: file.isIndex,
    pages: file.entries.map((entry) => entry.url),
  }));
  assert.equal(files, [
    {
      url: "/sitemap.xml",
      isIndex: false,
      pages: [
        "/",
        "/news/a/",
        "/topics/",
        "/topics/china-bond/",
        "/authors/",
        "/authors/ana-lim/",
        "/archive/",
        "/archive/2024/03/",
        "/newsletter/",
        "/corrections/",
        "/search/",
      ],
    },
  ]);
});

plugin.run();
