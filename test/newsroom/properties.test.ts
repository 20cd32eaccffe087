import * as cheerio from "cheerio";
import fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { render as articlePage } from "../../layouts/article.11ty.tsx";
import { ContentError } from "../../src/content/problems.ts";
import { atomFeed, jsonFeed } from "../../src/feeds/feeds.ts";
import { typographicText } from "../../src/markdown/markdown.ts";
import { renderDocument } from "../../src/render/jsxPlugin.ts";
import { newsSitemapXml } from "../../src/seo/sitemaps.ts";
import { contentTree, load, propertySettings } from "../helpers.ts";

/** Runs per property: enough to meet each kind of hostile text many times, few enough to keep `npm test` quick. */
const RUNS = 60;

/**
 * Control characters are refused wherever they are (see safety.ts); the property adds them on purpose, now and then.
 */
const withoutControls = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "");

/**
 * Text a writer might paste: markup, quotes, entities, CDATA ends, accents and emoji, control characters, long runs.
 */
const hostileText = fc
  .array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          '<script>alert("x")</script>',
          "</script><script>",
          '"><img src=x onerror=alert(1)>',
          "&amp; & &lt;",
          "'",
          '"',
          "]]>",
          "\\",
          "{{ x }}",
          "---",
          "#",
          ": ",
          "- ",
        ),
      },
      { weight: 3, arbitrary: fc.constantFrom("Hồ Chí Minh", "北京", "🚢", "\u00a0", "\u2028", "\u200b", "Profits") },
      { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }).map(withoutControls) },
      {
        weight: 1,
        arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 200, maxLength: 2000 }).map(withoutControls),
      },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(""));

/** A field's text: mostly with a word in it, as writers write, sometimes nothing but hostile characters. */
const fieldText = fc.oneof(
  { weight: 3, arbitrary: hostileText.map((text) => `Story ${text}`) },
  { weight: 1, arbitrary: hostileText },
);

/** Topics: mostly real ones, sometimes hostile text. */
const tag = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("China Bond", "Semiconductors", "Hồ Chí Minh City", "C# & .NET") },
  { weight: 1, arbitrary: fieldText },
);

/** A Markdown body with hostile text, links with hostile and dangerous addresses, and raw HTML. */
const body = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: hostileText },
      {
        weight: 2,
        arbitrary: hostileText.map((text) => `[${text}](https://example.org/?q=${encodeURIComponent(text)})`),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          "<div onclick=alert(1)>",
          "::: also-see\n- [a](https://example.org/)\n:::",
          "## A heading",
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom("[x](javascript:alert(1))", "![x](data:image/png;base64,AA)") },
    ),
    { maxLength: 6 },
  )
  .map((blocks) => blocks.join("\n\n"));

/** Front matter as YAML: every value a JSON string (YAML 1.2 reads JSON), or now and then a broken line. */
const article = fc.record({
  title: fieldText,
  dek: fc.option(fieldText, { nil: undefined }),
  source: fc.option(fieldText, { nil: undefined }),
  tags: fc.array(tag, { minLength: 1, maxLength: 3 }),
  related: fc.option(fieldText, { nil: undefined }),
  alt: fc.option(fieldText, { nil: undefined }),
  control: fc.oneof(
    { weight: 6, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom("\u0000", "\u0007", "\u001b", "\u007f", "\u0085") },
  ),
  brokenLine: fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("x: [unclosed", "y: &a 1", "title: twice", "  bad indent: 1", '"unterminated'),
    },
  ),
  body,
});

type ArticleFields = typeof article extends fc.Arbitrary<infer Fields> ? Fields : never;

function articleText(fields: ArticleFields): string {
  const json = JSON.stringify;
  return [
    "---",
    `title: ${json(fields.title + fields.control)}`,
    ...(fields.dek === undefined ? [] : [`dek: ${json(fields.dek)}`]),
    "date: 2024-03-01T09:00:00+07:00",
    "author: ana-lim",
    ...(fields.source === undefined ? [] : [`source: ${json(fields.source)}`]),
    `tags: [${fields.tags.map((tag) => json(tag)).join(", ")}]`,
    ...(fields.related === undefined
      ? []
      : [`related: [{ title: ${json(fields.related)}, url: "https://example.org/related" }]`]),
    ...(fields.alt === undefined
      ? []
      : [`image: { src: /assets/img/news/chips.jpg, alt: ${json(fields.alt)}, caption: ${json(fields.alt)} }`]),
    ...(fields.brokenLine === undefined ? [] : [fields.brokenLine]),
    "---",
    fields.body,
    "",
  ].join("\n");
}

/**
 * Whether a raw `<` stands in an attribute value of the XML, which XML forbids
 * (https://www.w3.org/TR/xml/#NT-AttValue); CDATA sections and comments are skipped. A regular expression over the
 * text took a topic ending in "=" for one.
 */
function rawLessThanInAttribute(xml: string): boolean {
  let at = 0;
  while (at < xml.length) {
    const skipTo = xml.startsWith("<![CDATA[", at) ? "]]>" : xml.startsWith("<!--", at) ? "-->" : undefined;
    if (skipTo) {
      const end = xml.indexOf(skipTo, at);
      if (end === -1) return false;
      at = end + skipTo.length;
    } else if (xml[at] !== "<") at++;
    else {
      let quote: string | undefined;
      for (at++; at < xml.length && (quote !== undefined || xml[at] !== ">"); at++) {
        const character = xml[at];
        if (quote === undefined && (character === '"' || character === "'")) quote = character;
        else if (character === quote) quote = undefined;
        else if (quote !== undefined && character === "<") return true;
      }
      at++;
    }
  }
  return false;
}

/** What a browser's parser makes of text: line breaks normalised. */
const asParsed = (text: string) => text.trim().replace(/\r\n?/g, "\n");

/** A headline or dek as the site shows it: trimmed, with the body's typographic quotes and dashes. */
const typeset = (text: string) => typographicText(text.trim());

const property = suite(
  "any article a writer can type is built with every field escaped, or refused with its file named",
);

const outcomes = { built: 0, refused: 0 };

property("loading, then rendering the page, feeds and news sitemap", async () => {
  const settings = propertySettings(RUNS);
  await fc.assert(
    fc.asyncProperty(article, async (fields) => {
      const dir = contentTree({ "news/2024/story.md": articleText(fields) });
      let loaded: Awaited<ReturnType<typeof load>> | undefined;
      try {
        loaded = await load(dir);
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        const errors = error.problems.filter((problem) => problem.severity === "error");
        assert.ok(errors.length > 0);
        assert.ok(
          errors.every((problem) => problem.file.endsWith("/news/2024/story.md")),
          errors.map((problem) => problem.file).join(", "),
        );
        outcomes.refused++;
        return;
      }
      outcomes.built++;
      const { newsroom } = loaded;
      const [story] = newsroom.articles;
      assert.ok(story);
      const html = await renderDocument(articlePage({ newsroom, article: story }));
      const $ = cheerio.load(html);
      assert.equal(
        $("script")
          .map((_, script) => $(script).attr("type"))
          .get(),
        ["application/ld+json", "application/ld+json"],
      );
      assert.is($("[onerror], [onclick], img[src=x]").length, 0);
      assert.equal(
        $("a[href]").filter((_, link) => /^\s*(javascript|vbscript|data):/i.test($(link).attr("href") ?? "")).length,
        0,
      );
      assert.is($("h1").text(), asParsed(typeset(fields.title)));
      if (fields.dek !== undefined)
        assert.is($('meta[name="description"]').attr("content"), asParsed(typeset(fields.dek)));
      assert.is(JSON.parse($('script[type="application/ld+json"]').first().text()).headline, typeset(fields.title));
      assert.not.match($('script[type="application/ld+json"]').text(), /</);
      const spec = { url: "/feed.xml", pageUrl: "/", title: newsroom.publication.name, articles: newsroom.articles };
      const atom = atomFeed(newsroom, spec);
      assert.not.ok(rawLessThanInAttribute(atom));
      assert.not.match(atom, /<script|<img src=x/i);
      const json = JSON.parse(jsonFeed(newsroom, spec));
      assert.is(json.items[0].title, typeset(fields.title));
      assert.not.match(json.items[0].content_html, /<script|<img src=x/i);
      assert.not.match(await newsSitemapXml({ ...newsroom, builtAt: story.date }), /<script|<img src=x/i);
    }),
    settings,
  );
  // Both outcomes must be common, or the property tests only one of them; a replayed path runs one case only.
  if (settings.path === undefined)
    assert.ok(
      outcomes.built >= RUNS / 5 && outcomes.refused >= RUNS / 5,
      `${JSON.stringify(outcomes)} with FC_SEED=${settings.seed}`,
    );
});

property.run();

const replay = suite("a failing property prints its seed and path, and they replay the same counterexample");

/** The report of a property that refuses numbers over 1,000, run with these FC_SEED and FC_PATH, line by line. */
function overAThousand(environment: NodeJS.ProcessEnv): string[] {
  try {
    fc.assert(
      fc.property(fc.integer(), (number) => assert.ok(number <= 1000, `${number} is over 1,000`)),
      propertySettings(100, environment),
    );
  } catch (error) {
    return (error as Error).message.split("\n");
  }
  throw new Error("no number over 1,000 in 100 runs");
}

replay("a fresh seed's failure names the seed, the path, the counterexample and the property's own error", () => {
  const report = overAThousand({});
  assert.match(report[1] ?? "", /^\{ seed: -?\d+, path: "[\d:]+", endOnFailure: true \}$/);
  assert.is(report[2], "Counterexample: [1001]");
  assert.ok(report.includes("Got Assertion: 1001 is over 1,000"), report.join("\n"));
});

replay("FC_SEED and FC_PATH from a failure replay just its counterexample, with no search and no shrinking", () => {
  const report = overAThousand({});
  const [, seed = "", path = ""] = /seed: (-?\d+), path: "([\d:]+)"/.exec(report[1] ?? "") ?? [];
  assert.equal(overAThousand({ FC_SEED: seed, FC_PATH: path }).slice(0, 4), [
    "Property failed after 1 tests",
    `{ seed: ${seed}, path: "${path}", endOnFailure: true }`,
    "Counterexample: [1001]",
    "Shrunk 0 time(s)",
  ]);
  assert.throws(() => propertySettings(1, { FC_SEED: "soon" }), /FC_SEED is a whole number/);
});

replay.run();
