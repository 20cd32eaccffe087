import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { jsxToString } from "jsx-async-runtime";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { rawHtml } from "../../src/render/rawHtml.ts";

/**
 * The only expressions allowed to reach rawHtml(): Markdown rendered by our markdown-it instance (articles, bios, topic
 * intros, editors' notes), and JSON-LD.
 */
const ALLOWED_RAW = [
  "article.html",
  // The article's body with its links into the site given their absolute address for print (src/site/urls.ts).
  "printableLinks(article.html, newsroom.publication.baseUrl",
  "author.bioHtml",
  "topic.introHtml",
  "jsonForScript(newsArticleJsonLd(newsroom, article",
  // The structured data a layout hands its page (src/seo/jsonld.ts), typed as schema.org's, escaped for <script>.
  "jsonForScript(data",
  // An edition's note on its web page, and in the email with its links made absolute
  // (layouts/components/EditionEmail.tsx).
  "edition.noteHtml",
  "absoluteHtml(edition.noteHtml, pageUrl",
  // Corrections and retraction notices: Markdown from front matter, rendered by the same instance.
  "correction.noteHtml",
  "retraction.noteHtml",
  "notice.note.noteHtml",
];

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.tsx?$/.test(path))
    .map((path) => ({ path: join(dir, path), text: readFileSync(join(dir, path), "utf8") }));
}

const guard = suite("raw HTML enters pages only through rawHtml()");
const code = [...sources("layouts"), ...sources("src")].filter(
  ({ path }) => path !== join("src", "render", "rawHtml.ts"),
);

guard("no layout or module builds jsx-async-runtime's { html } escape hatch itself", () => {
  const offenders = code
    .filter(({ text }) => /\{\s*html\s*:(?!\s*false\b)/.test(text) || /jsxEscapeHTML/.test(text))
    .map(({ path }) => path);
  assert.equal(offenders, []);
});

guard("every rawHtml() call passes rendered Markdown", () => {
  const calls = code.flatMap(({ path, text }) =>
    [...text.matchAll(/rawHtml\(([^)]*)\)/g)].map((match) => `${path}: ${match[1]}`),
  );
  assert.ok(calls.length > 0);
  assert.equal(
    calls.filter((call) => !ALLOWED_RAW.some((allowed) => call.endsWith(`: ${allowed}`))),
    [],
  );
});

guard.run();

const escaping = suite("layouts escape text and attributes by default");

escaping("a hostile headline is text in an element and in an attribute", async () => {
  const headline = `Profits <script>alert(1)</script> "quoted" & 'single'`;
  const html = await jsxToString.call(
    {},
    <p title={headline} data-headline={headline}>
      {headline}
    </p>,
  );
  assert.is(
    html,
    '<p title="Profits &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;" ' +
      'data-headline="Profits &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; ' +
      '&#39;single&#39;">Profits &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;</p>',
  );
});

escaping("rawHtml() is the way through, and only for what it is given", async () => {
  assert.is(
    await jsxToString.call({}, <div>{rawHtml("<p>Rendered <em>Markdown</em></p>")}</div>),
    "<div><p>Rendered <em>Markdown</em></p></div>",
  );
});

escaping.run();
