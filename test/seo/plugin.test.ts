import { suite } from "uvu";
import * as assert from "uvu/assert";
import { listings } from "../../src/collections/listings.ts";
import { type SitemapPage, seoPlugin } from "../../src/seo/plugin.ts";
import { articleFile, contentTree, load, recordingConfig, validFields } from "../helpers.ts";

const plugin = suite("the SEO plugin gives layouts the sitemap files of the newsroom it is handed");

plugin("it adds only the global `sitemaps`, which lists the home page, the story and the other pages", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  const { config, registered, data } = recordingConfig();
  seoPlugin(config, async () => ({ newsroom, listings: listings(newsroom) }));
  assert.equal(registered, ["global data sitemaps"]);
  const files = (await data("sitemaps")) as SitemapPage[];
  assert.equal(
    files.map((file) => file.url),
    ["/sitemap.xml"],
  );
  const pages = [...((await files[0]?.xml()) ?? "").matchAll(/<loc>https:\/\/[^/]+([^<]*)<\/loc>/g)].map(
    (match) => match[1],
  );
  assert.equal(pages, [
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
  ]);
});

plugin("a sitemap whose pages and dates are unchanged keeps its XML; a new page makes it again", async () => {
  const a = { "news/2024/a.md": articleFile(validFields) };
  let { newsroom } = await load(contentTree(a));
  const { config, data } = recordingConfig();
  seoPlugin(config, async () => ({ newsroom, listings: listings(newsroom) }));
  const sitemap = async () => ((await data("sitemaps")) as SitemapPage[])[0];
  const made = (await sitemap())?.xml();
  // The same files loaded again, as a dev-server rebuild does after a save that changed no address or date.
  newsroom = (await load(contentTree(a))).newsroom;
  assert.is((await sitemap())?.xml(), made, "the XML made before");
  newsroom = (await load(contentTree({ ...a, "news/2024/b.md": articleFile(validFields) }))).newsroom;
  const remade = (await sitemap())?.xml();
  assert.is.not(remade, made);
  assert.match((await remade) ?? "", "/news/b/</loc>");
});

plugin.run();
