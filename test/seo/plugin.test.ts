import type { EleventyConfig } from "@11ty/eleventy";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listings } from "../../src/collections/listings.ts";
import { seoPlugin } from "../../src/seo/plugin.ts";
import type { SitemapFile } from "../../src/seo/sitemaps.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";

/** An Eleventy configuration that records the global data a plugin adds and refuses everything else. */
function recordingConfig(): { config: EleventyConfig; globalData: Map<string, unknown> } {
  const globalData = new Map<string, unknown>();
  const refused = (): never => {
    throw new Error("the plugin asked Eleventy for more than global data");
  };
  const config: EleventyConfig = {
    addGlobalData: (name, data) => void globalData.set(name, data),
    addWatchTarget: refused,
    addPassthroughCopy: refused,
    addExtension: refused,
    addTemplateFormats: refused,
    setLibrary: refused,
    setQuietMode: refused,
    setServerOptions: refused,
    on: refused,
    ignores: new Set(),
    directories: { input: "content", output: "_site" },
  };
  return { config, globalData };
}

const plugin = suite("the SEO plugin gives layouts the sitemap files of the newsroom it is handed");

plugin("it adds only the global `sitemaps`, which lists the home page, the story and the other pages", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  const { config, globalData } = recordingConfig();
  seoPlugin(config, async () => ({ newsroom, listings: listings(newsroom) }));
  assert.equal([...globalData.keys()], ["sitemaps"]);
  const sitemaps = globalData.get("sitemaps");
  assert.type(sitemaps, "function");
  const files = (await (sitemaps as () => Promise<SitemapFile[]>)()).map((file) => ({
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
