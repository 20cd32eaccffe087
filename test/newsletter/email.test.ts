import * as cheerio from "cheerio";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderMarkdown } from "../../src/markdown/markdown.ts";
import { inlineEmailCss } from "../../src/newsletter/email.ts";
import { absoluteHtml } from "../../src/site/urls.ts";

const pageUrl = "https://test.example/newsletter/2024-05-01/";

const links = suite("email links are absolute");

links("root-relative, relative and fragment links in rendered Markdown resolve against the edition's page", () => {
  const html = renderMarkdown(
    "See [a](/news/a/?x=1&y=2), [b](../2024-04-01/), [c](#why) and [d](https://imf.example/).",
  );
  const $ = cheerio.load(absoluteHtml(html, pageUrl));
  assert.equal(
    $("a")
      .map((_, link) => [[$(link).text(), $(link).attr("href"), $(link).attr("rel") ?? ""]])
      .get(),
    [
      ["a", "https://test.example/news/a/?x=1&y=2", ""],
      ["b", "https://test.example/newsletter/2024-04-01/", ""],
      ["c", "https://test.example/newsletter/2024-05-01/#why", ""],
      ["d", "https://imf.example/", "noopener noreferrer"],
    ],
  );
  assert.is($("p").text(), "See a, b, c and d.");
});

links.run();

const inline = suite("the email's styles are inlined by juice");

/** An element's inline style as a map of property to value. */
function inlineStyle($: cheerio.CheerioAPI, selector: string): Record<string, string> {
  const style = $(selector).attr("style") ?? "";
  return Object.fromEntries(
    style
      .split(";")
      .filter((declaration) => declaration.trim())
      .map((declaration) => {
        const colon = declaration.indexOf(":");
        return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()];
      }),
  );
}

inline("the font, the 600-pixel frame, link colours and the dek are on their elements; no <style> is left", () => {
  const $ = cheerio.load(
    inlineEmailCss(
      "<!doctype html><html><head><style>p{color:red}</style></head><body>" +
        '<table class="email-container"><tr><td><h2 class="email-headline">' +
        '<a href="https://test.example/a/">A</a></h2><p class="email-dek">Dek</p>' +
        '<p><a href="https://test.example/b/">Read on</a></p></td></tr></table></body></html>',
    ),
  );
  assert.is($("style").length, 0);
  const body = inlineStyle($, "body");
  assert.is(body["font-family"], "Georgia, 'Times New Roman', serif");
  assert.is(body.color, "#1d2a33");
  const frame = inlineStyle($, ".email-container");
  assert.equal([frame.width, frame["max-width"], frame.margin], ["100%", "600px", "0 auto"]);
  assert.is(inlineStyle($, "p:not(.email-dek) a").color, "#0f4c5c");
  assert.equal(inlineStyle($, ".email-headline a"), { color: "#1d2a33", "text-decoration": "none" });
  // The dek's class outranks the document's own `p` rule, which still reaches the other paragraph.
  assert.equal(inlineStyle($, ".email-dek"), {
    margin: "0 0 8px 0",
    "font-size": "16px",
    "line-height": "24px",
    color: "#1d2a33",
  });
  assert.is(inlineStyle($, "p:not(.email-dek)").color, "red");
});

inline.run();
