import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import publication from "../../content/publication.ts";
import { page } from "../../support/site.ts";
import { sampleSite } from "../build/fixture.ts";

let site: string;

const wording = suite("the publication's name reads right wherever the site writes it, even one that starts with The");

wording.before(() => {
  site = sampleSite();
});

wording("the newsletter page's description and the newsletter feed's subtitle name The Mekong Ledger once", () => {
  const $ = page(site, "/newsletter/");
  assert.is(
    $('meta[name="description"]').attr("content"),
    "Every newsletter edition from The Mekong Ledger, newest first.",
  );
  assert.is(
    $('meta[property="og:description"]').attr("content"),
    "Every newsletter edition from The Mekong Ledger, newest first.",
  );
  const feed = new XMLParser().parse(readFileSync(join(site, "newsletter", "feed.xml"), "utf8")) as {
    feed: { subtitle: string };
  };
  assert.is(feed.feed.subtitle, "Every newsletter edition from The Mekong Ledger.");
});

wording("no page, feed or sitemap puts an article or “every” before the name", () => {
  const name = publication.name.replace(/\s+/g, "\\s+");
  const doubled = new RegExp(`\\b(?:the|a|an|every)\\s+${name}`, "gi");
  const found: string[] = [];
  for (const file of readdirSync(site, { recursive: true, encoding: "utf8" })) {
    if (!/\.(html|xml|txt|json)$/.test(file) || file.startsWith("pagefind/")) continue;
    for (const match of readFileSync(join(site, file), "utf8").matchAll(doubled)) found.push(`${file}: ${match[0]}`);
  }
  assert.equal(found, []);
});

wording.run();
