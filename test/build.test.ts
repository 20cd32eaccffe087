import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { articleFile, contentTree, validFields } from "./helpers.ts";

const FIXTURE = "test/fixtures/site/content";
const NOW = "2024-06-01T00:00:00Z";

function build(content: string, out: string, ...flags: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--content", content, "--out", out, "--now", NOW, ...flags], {
    encoding: "utf8",
    env: { ...process.env, NEWSDESK_NOW: "", NEWSDESK_PREVIEW: "" },
  });
}

function page(out: string, path: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(out, path, "index.html"), "utf8"));
}

function pages(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".html")).sort();
}

const production = suite("build writes the fixture publication");
const out = join(mkdtempSync(join(tmpdir(), "newsdesk-build-")), "site");

production.before(() => {
  const result = build(FIXTURE, out);
  assert.is(result.status, 0, result.stderr);
});

production("only published articles get pages: no draft, nothing scheduled", () => {
  assert.equal(pages(out), ["index.html", "news/custom-full/index.html", "news/other-story/index.html"]);
});

production("the article page has the anatomy of a business-news article", () => {
  const $ = page(out, "news/custom-full");
  const headline = 'Profits <script>alert(1)</script> & "quotes" at Veridian';
  assert.is($("html").attr("lang"), "en");
  assert.is($("h1").length, 1);
  assert.is($("h1").text(), headline);
  assert.is($("title").text(), `${headline} | Fixture Ledger`);
  assert.is($(".article__dek").text(), "A dek with <em>markup</em> that must stay text");
  assert.is($('meta[name="description"]').attr("content"), "A dek with <em>markup</em> that must stay text");
  assert.equal($(".byline a").map((_, a) => [[$(a).text(), $(a).attr("href"), $(a).attr("rel")]]).get(), [
    ["Ana Lim", "/authors/ana-lim/", "author"],
    ["Ben Tran", "/authors/ben-tran/", "author"],
  ]);
  assert.is($(".byline").text(), "By Ana Lim and Ben Tran");
  assert.equal($(".article__dates time").map((_, time) => [[$(time).attr("datetime"), $(time).text()]]).get(), [
    ["2024-03-11T06:30:00+07:00", "11 March 2024, 06:30 GMT+7"],
    ["2024-03-12T10:15:00+07:00", "12 March 2024, 10:15 GMT+7"],
  ]);
  assert.is($(".article__updated").text(), "Updated 12 March 2024, 10:15 GMT+7");
  assert.is($("figure.hero img").attr("src"), "/assets/img/news/chips.jpg");
  assert.is($("figure.hero img").attr("alt"), "A silicon wafer");
  assert.is($("figure.hero .hero__caption").text(), "Wafers at the plant.");
  assert.is($("figure.hero .hero__credit").text(), "Fixture Photo");
  assert.is($(".article__source").text(), "Reuters with additional editing by Ana Lim");
  assert.equal($(".topic-tags a").map((_, a) => [[$(a).text(), $(a).attr("href")]]).get(), [
    ["China Bond", "/topics/china-bond/"],
    ["Semiconductors", "/topics/semiconductors/"],
  ]);
  assert.equal($(".author-bio .author-bio__name a").map((_, a) => $(a).text()).get(), ["Ana Lim", "Ben Tran"]);
  assert.is($(".author-bio").eq(1).find(".author-bio__text").text().trim(), "Ben Tran reports on <b>factories</b> in Vietnam.");
});

production("the body is rendered Markdown with anchors, callout and safe links, and no script runs", () => {
  const $ = page(out, "news/custom-full");
  const body = $(".article__body");
  assert.equal(body.find("h2").map((_, h) => $(h).attr("id")).get(), ["a-heading-written-as-h1", "why-it-matters"]);
  assert.is(body.find('a[href="https://example.org/imf"]').attr("rel"), "noopener");
  assert.is(body.find("aside.also-see a").attr("href"), "/news/other-story/");
  assert.ok(body.text().includes("<script>alert(2)</script>"));
  assert.is($("script").length, 0);
});

production("ALSO SEE shows an internal article's real headline and marks external links", () => {
  const $ = page(out, "news/custom-full");
  assert.is($("section.also-see h2").text(), "Also see");
  assert.equal($("section.also-see li a").map((_, a) => [[$(a).text(), $(a).attr("href"), $(a).attr("rel") ?? ""]]).get(), [
    ["Other story about chips", "/news/other-story/", ""],
    ["IMF outlook (external site)", "https://example.org/imf", "noopener"],
  ]);
});

production("a link to an unpublished draft is left out of ALSO SEE, and a bare date shows as a day", () => {
  const $ = page(out, "news/other-story");
  assert.is($("section.also-see").length, 0);
  assert.is($(".article__dates time").text(), "1 February 2024");
  assert.is($(".preview-notice").length, 0);
});

production("the home page lists the published articles, newest first", () => {
  const $ = page(out, "");
  assert.equal($(".card__headline a").map((_, a) => $(a).attr("href")).get(), ["/news/custom-full/", "/news/other-story/"]);
  assert.ok(existsSync(join(out, "assets/css/site.css")));
});

production.run();

const preview = suite("a preview build shows drafts and scheduled articles, marked");

preview("drafts and scheduled articles get pages with a visible notice", () => {
  const previewOut = join(mkdtempSync(join(tmpdir(), "newsdesk-preview-")), "site");
  const result = build(FIXTURE, previewOut, "--preview");
  assert.is(result.status, 0, result.stderr);
  assert.is(page(previewOut, "news/secret-draft")(".preview-notice").text(), "Draft — not published. Remove draft: true to publish.");
  assert.is(page(previewOut, "news/tomorrow")(".preview-notice").text(), "Scheduled — publishes 1 June 2024, 09:00 GMT+7.");
  assert.equal(page(previewOut, "")(".badge").map((_, badge) => page(previewOut, "")(badge).text().trim()).get(), ["Scheduled", "Draft"]);
});

preview.run();

const refusal = suite("build refuses invalid content and writes no site");

refusal("every problem is listed, the exit code is 1 and the previous site is left untouched", () => {
  const content = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("title: A valid story\n", "")),
    "news/2024/b.md": articleFile(`${validFields}\nrelated: [missing-story]\nimage: { src: /assets/img/news/chips.jpg }`),
  });
  const target = join(mkdtempSync(join(tmpdir(), "newsdesk-refused-")), "site");
  mkdirSync(target);
  writeFileSync(join(target, "previous.html"), "the site before");
  const result = build(content, target);
  assert.is(result.status, 1);
  const lines = result.stderr.trim().split("\n");
  assert.is(lines[0], "3 problems in the content; nothing was published:");
  assert.ok(lines[1]?.endsWith("news/2024/a.md:title: is required"), lines[1]);
  assert.ok(lines[2]?.endsWith('news/2024/b.md:6:related[0]: no article has the slug "missing-story"'), lines[2]);
  assert.ok(lines[3]?.endsWith("news/2024/b.md:7:image.alt: is required: describe the picture for readers who cannot see it"), lines[3]);
  assert.equal(readdirSync(target), ["previous.html"]);
  assert.not.ok(existsSync(`${target}.building`));
});

refusal.run();
