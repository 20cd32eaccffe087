import * as cheerio from "cheerio";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseBody, renderMarkdown, typographicText } from "../../src/markdown/markdown.ts";

const env = { baseUrl: "https://ledger.example" };

const markdown = suite("article bodies render through the one markdown-it instance");

markdown("raw HTML in a body is shown as text, never passed through", () => {
  const html = renderMarkdown("Before <script>alert(1)</script> <img src=x onerror=alert(1)> after", env);
  const $ = cheerio.load(html);
  assert.is($("script").length, 0);
  assert.is($("img").length, 0);
  assert.is($("p").text(), "Before <script>alert(1)</script> <img src=x onerror=alert(1)> after");
});

markdown("external links get rel=noopener noreferrer; internal and same-site links do not", () => {
  const $ = cheerio.load(
    renderMarkdown(
      "[a](https://example.org/x) [b](/news/b/) [c](https://ledger.example/news/c/) [d](http://example.com)",
      env,
    ),
  );
  assert.equal(
    $("a")
      .map((_, a) => `${$(a).attr("href")} ${$(a).attr("rel") ?? "-"}`)
      .get(),
    [
      "https://example.org/x noopener noreferrer",
      "/news/b/ -",
      "https://ledger.example/news/c/ -",
      "http://example.com noopener noreferrer",
    ],
  );
});

markdown("links and images that could run code lose their address and are listed with their lines", () => {
  const body = parseBody(
    "[click](javascript:alert(1))\n\n[vb](VBScript:msgbox) and <data:text/html,x>\nnext " +
      "![pixel](data:image/png;base64,AAAA) [ok](https://example.org/)",
    env,
  );
  const $ = cheerio.load(body.html);
  assert.equal(
    $("a")
      .map((_, a) => `${$(a).text()} ${$(a).attr("href") ?? "-"}`)
      .get(),
    ["click -", "vb -", "data:text/html,x -", "ok https://example.org/"],
  );
  assert.equal(
    $("img")
      .map((_, img) => $(img).attr("src") ?? "-")
      .get(),
    ["-"],
  );
  assert.equal(body.unsafeLinks, [
    { href: "javascript:alert(1)", line: 0 },
    { href: "VBScript:msgbox", line: 2 },
    { href: "data:text/html,x", line: 2 },
    { href: "data:image/png;base64,AAAA", line: 3 },
  ]);
  assert.equal(
    body.links.map((link) => link.href),
    ["https://example.org/"],
  );
});

markdown("headings get ids and self-links, and a # heading becomes an h2 under the headline", () => {
  const $ = cheerio.load(renderMarkdown("# Big picture\n\n## Why it matters\n\n### Hồ Chí Minh City", env));
  assert.equal($("h1").length, 0);
  assert.equal(
    $("h2, h3")
      .map((_, h) => `${h.tagName}#${$(h).attr("id")} ${$(h).find("a.header-anchor").attr("href")}`)
      .get(),
    ["h2#big-picture #big-picture", "h2#why-it-matters #why-it-matters", "h3#ho-chi-minh-city #ho-chi-minh-city"],
  );
});

markdown("an inline ALSO SEE callout becomes a labelled aside with its links", () => {
  const $ = cheerio.load(
    renderMarkdown(
      "Para.\n\n::: also-see\n- [Dutch eye Vietnam](/news/dutch-eye-vietnam-chip-ecosystem/)\n:::\n\nMore.",
      env,
    ),
  );
  const aside = $("aside.also-see");
  assert.is(aside.attr("aria-label"), "Also see");
  assert.is(aside.find(".also-see__label").text(), "Also see");
  assert.equal(
    aside
      .find("li a")
      .map((_, a) => [[$(a).text(), $(a).attr("href")]])
      .get(),
    [["Dutch eye Vietnam", "/news/dutch-eye-vietnam-chip-ecosystem/"]],
  );
  assert.equal(
    $("p")
      .map((_, p) => $(p).text())
      .get(),
    ["Para.", "Also see", "More."],
  );
});

markdown("typographic quotes and dashes", () => {
  assert.is(cheerio.load(renderMarkdown('"Quoted" -- it\'s', env))("p").text(), "“Quoted” – it’s");
});

markdown.run();

const typography = suite("headlines get the body's typographic quotes and dashes, as plain text");

typography("apostrophes and quotes curl as in the body", () => {
  assert.is(typographicText("Dramatic turnaround in Beijing's attitude"), "Dramatic turnaround in Beijing’s attitude");
  assert.is(typographicText(`Chips, bonds & the week's "thaw"`), "Chips, bonds & the week’s “thaw”");
  assert.is(
    typographicText("'Single' quotes, the 1990s' boom -- and --- dashes"),
    "‘Single’ quotes, the 1990s’ boom – and — dashes",
  );
});

typography("markup, Markdown and entities stay the text they are", () => {
  assert.is(
    typographicText('Profits <script>alert(1)</script> & "quotes" at Veridian'),
    "Profits <script>alert(1)</script> & “quotes” at Veridian",
  );
  const plain = "*Not* _emphasis_, [a](https://example.org/) `code` &amp; &lt;b&gt; \\* # 1. https://example.org/";
  assert.is(typographicText(plain), plain);
});

typography("exactly what the body's typographer does to the same text", () => {
  for (const text of [
    '"Quoted" -- it\'s',
    "Wait... what?!",
    "(c) 2024 (tm)",
    "+- 5%, a,, b",
    "\"Nested 'inner' quote\"",
    "It's 5' 10\"",
    "(R) and (Tm), upper case",
    // Punctuation no rule of the typographer looks for: the text is left as it is.
    "Growth of 14.9%. Really? Yes! (CEO) a-b, +5 (R&D) - 3.",
  ]) {
    assert.is(typographicText(text), cheerio.load(renderMarkdown(text, env))("p").text(), text);
  }
});

typography.run();
