import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { slugFor } from "../../src/site/slugs.ts";
import { articleFile, contentTree } from "../helpers.ts";
import { builtSite } from "./fixture.ts";

/** What a hostile or careless writer might type into any field: an element, an attribute break-out, entities. */
const HOSTILE = `<script>alert("x")</script> "><img src=x onerror=alert(1)> & 'q' ]]>`;
const hostile = (label: string) => `${label} ${HOSTILE}`;
/** A hostile headline or dek as pages show it: the same text, with the body's typographic quotes. */
const typeset = (label: string) => `${label} <script>alert(“x”)</script> "><img src=x onerror=alert(1)> & ‘q’ ]]>`;
const yaml = (value: string) => JSON.stringify(value);

/** Every text output of a built site (not Pagefind's compressed index), by path. */
function outputs(site: string): Map<string, string> {
  const files = readdirSync(site, { recursive: true, encoding: "utf8" }).filter(
    (path) => /\.(html|xml|json|txt)$|^_headers$/.test(path) && !path.startsWith("pagefind"),
  );
  return new Map(files.sort().map((path) => [path, readFileSync(join(site, path), "utf8")]));
}

let site = "";

const escaping = suite("every output escapes what writers type in every field");

escaping.before(() => {
  const content = contentTree({
    "publication.ts":
      `export default { name: ${yaml(hostile("Ledger"))}, tagline: ${yaml(hostile("Tagline"))}, ` +
      `baseUrl: "https://test.example", timeZone: "Asia/Bangkok", language: "en" };\n`,
    "authors/ana-lim.md":
      `---\nname: ${yaml(hostile("Ana"))}\nrole: ${yaml(hostile("Role"))}\nlinks:\n  - { label: ` +
      `${yaml(hostile("Label"))}, url: ${yaml(`https://ana.example/?q="><script>alert(1)</script>`)} }\n---\nBio ` +
      `${HOSTILE}\n`,
    "topics/china-bond.md":
      `---\nname: China Bond\ndescription: ${yaml(hostile("Description"))}\n---\nIntro ` + `${HOSTILE}\n`,
    "news/2024/a.md": articleFile(
      [
        `title: ${yaml(hostile("Title"))}`,
        `dek: ${yaml(hostile("Dek"))}`,
        "date: 2024-05-31T09:00:00+07:00",
        "author: ana-lim",
        `source: ${yaml(hostile("Source"))}`,
        `tags: [China Bond, ${yaml(hostile("Tag"))}]`,
        `related: [{ title: ${yaml(hostile("Related"))}, url: ` +
          `${yaml(`https://example.org/?a="><script>alert(1)</script>`)} }]`,
        `image: { src: ${yaml(`https://img.example/a.jpg?x="><script>alert(1)</script>`)}, alt: ` +
          `${yaml(hostile("Alt"))}, caption: ${yaml(hostile("Caption"))}, credit: ${yaml(hostile("Credit"))} }`,
      ].join("\n"),
      `Body ${HOSTILE}\n\n[${HOSTILE}](https://example.org/?b="><script>)\n`,
    ),
  });
  site = builtSite(content).site;
});

escaping("no output holds a raw element or attribute from the input, except JSON strings that are plain text", () => {
  const raw = [...outputs(site)].filter(([path, text]) =>
    /<script>alert|<img src=x/i.test(
      path.endsWith(".json")
        ? JSON.stringify(JSON.parse(text).items?.map((item: { content_html?: string }) => item.content_html) ?? [])
        : text,
    ),
  );
  assert.equal(
    raw.map(([path]) => path),
    [],
  );
  // XML forbids `<` in attribute values (https://www.w3.org/TR/xml/#NT-AttValue); lenient parsers let it pass.
  const badAttributes = [...outputs(site)].filter(([path, text]) => path.endsWith(".xml") && /="[^"]*</.test(text));
  assert.equal(
    badAttributes.map(([path]) => path),
    [],
  );
});

escaping("pages show every field as typed, and run no script but the search page's own", () => {
  for (const [path, text] of outputs(site)) {
    if (!path.endsWith(".html")) continue;
    const $ = cheerio.load(text);
    // JSON-LD is data, escaped by jsonForScript; test/build/structured-data.test.ts checks it on every kind of page.
    assert.equal(
      $("script:not([type='application/ld+json'])")
        .map((_, script) => $(script).attr("type"))
        .get(),
      path === "search/index.html" ? ["module"] : [],
      path,
    );
    assert.is($("[onerror], img[src=x]").length, 0, path);
  }
  const $ = cheerio.load(readFileSync(join(site, "news/a/index.html"), "utf8"));
  assert.is($("h1").text(), typeset("Title"));
  assert.is($("title").text(), `${typeset("Title")} | ${hostile("Ledger")}`);
  assert.is($(".article__dek").text(), typeset("Dek"));
  assert.is($('meta[name="description"]').attr("content"), typeset("Dek"));
  assert.is($('meta[property="og:title"]').attr("content"), typeset("Title"));
  assert.is(
    $('meta[property="og:image"]').attr("content"),
    "https://img.example/a.jpg?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
  );
  assert.is($('meta[property="og:image:alt"]').attr("content"), hostile("Alt"));
  assert.is($(".article__source").text(), hostile("Source"));
  assert.is($("figure.hero img").attr("alt"), hostile("Alt"));
  assert.is($(".hero__caption").text(), hostile("Caption"));
  assert.is($(".hero__credit").text(), hostile("Credit"));
  assert.equal(
    $(".topic-tags a")
      .map((_, a) => $(a).text())
      .get(),
    ["China Bond", hostile("Tag")],
  );
  assert.is($("section.also-see a").attr("href"), `https://example.org/?a="><script>alert(1)</script>`);
  assert.is($(".author-bio__name a").text(), hostile("Ana"));
  assert.ok($(".author-bio__text").text().startsWith("Bio <script>alert("), $(".author-bio__text").text());
  assert.ok($(".article__body").text().includes(`<script>alert(`), "the body shows the markup as text");
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').first().text());
  assert.is(jsonLd.headline, typeset("Title"));
  assert.is(jsonLd.description, typeset("Dek"));
  assert.equal(
    jsonLd.author.map((author: { name: string }) => author.name),
    [hostile("Ana")],
  );
  const author = cheerio.load(readFileSync(join(site, "authors/ana-lim/index.html"), "utf8"));
  assert.is(author(".author-header__role").text(), hostile("Role"));
  assert.is(author(".author-header__links a").text().trim(), hostile("Label"));
  const topic = cheerio.load(readFileSync(join(site, "topics/china-bond/index.html"), "utf8"));
  assert.is(topic(".listing-header__description").text(), hostile("Description"));
  assert.ok(topic(".listing-header__intro, .topic-intro, main").text().includes(`Intro <script>alert(`));
  const tag = cheerio.load(readFileSync(join(site, `topics/${slugFor(hostile("Tag"))}/index.html`), "utf8"));
  assert.is(tag("h1").text(), hostile("Tag"));
});

escaping("feeds and sitemaps carry the same text, escaped for XML and for Atom's HTML titles", () => {
  const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true });
  const atom = xml.parse(readFileSync(join(site, "feed.xml"), "utf8"));
  assert.is(atom.feed.title, hostile("Ledger"));
  assert.is(cheerio.load(atom.feed.entry.title["#text"]).text(), typeset("Title"));
  assert.is(cheerio.load(atom.feed.entry.summary["#text"]).text(), typeset("Dek"));
  assert.is(atom.feed.entry.author.name, hostile("Ana"));
  assert.equal(
    atom.feed.entry.category.map((category: Record<string, string>) => category["@_label"]),
    ["China Bond", hostile("Tag")],
  );
  const json = JSON.parse(readFileSync(join(site, "feed.json"), "utf8"));
  assert.is(json.title, hostile("Ledger"));
  assert.is(json.items[0].title, typeset("Title"));
  assert.ok(cheerio.load(json.items[0].content_html).text().includes(`Body <script>alert(`));
  const news = xml.parse(readFileSync(join(site, "news-sitemap.xml"), "utf8"));
  assert.is(news.urlset.url["news:news"]["news:title"], typeset("Title"));
  assert.is(news.urlset.url["news:news"]["news:publication"]["news:name"], hostile("Ledger"));
});

escaping("every link off the site, in bodies, ALSO SEE and author pages, opens with rel=noopener noreferrer", () => {
  const external: string[] = [];
  for (const [path, text] of outputs(site)) {
    if (!path.endsWith(".html")) continue;
    const $ = cheerio.load(text);
    for (const link of $("a[href^='http']").toArray()) {
      const href = $(link).attr("href") ?? "";
      if (href.startsWith("https://test.example/")) continue;
      const rel = ($(link).attr("rel") ?? "").split(" ");
      external.push(
        `${path} ${href.split("?")[0]} ` +
          `${rel.includes("noopener") && rel.includes("noreferrer") ? "safe" : `rel="${rel.join(" ")}"`}`,
      );
    }
  }
  assert.equal(
    [...new Set(external)],
    ["authors/ana-lim/index.html https://ana.example/ safe", "news/a/index.html https://example.org/ safe"],
  );
  assert.is(external.filter((line) => line.startsWith("news/a/")).length, 2, "the body link and the ALSO SEE link");
});

escaping.run();
