import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderMarkdown } from "../../src/markdown/markdown.ts";
import { absoluteLinks, inlineEmailCss } from "../../src/newsletter/email.ts";
import { markdownText, preheader } from "../../src/newsletter/text.ts";

const pageUrl = "https://test.example/newsletter/2024-05-01/";

const text = suite("the editor's note as plain text");

text("paragraphs, list items and links with their absolute URLs, typographic quotes kept", () => {
  const note =
    "It's a *busy* week:\nread [the story](/news/a/) and [the IMF](https://imf.example/x).\n\n- one\n- two\n\n## Why it matters\n\n`code` stays.";
  assert.is(
    markdownText(note, { pageUrl, linkUrls: true }),
    "It’s a busy week: read the story (https://test.example/news/a/) and the IMF (https://imf.example/x).\n\n- one\n\n- two\n\nWhy it matters\n\ncode stays.",
  );
});

text("without link URLs for the inbox preview", () => {
  assert.is(markdownText("Read [the story](/news/a/).", { pageUrl, linkUrls: false }), "Read the story.");
});

text("a bare URL is written once", () => {
  assert.is(
    markdownText("See https://imf.example/x today.", { pageUrl, linkUrls: true }),
    "See https://imf.example/x today.",
  );
});

text.run();

const preview = suite("the preheader is the note's start, on one line, cut at a word");

preview("a short note is kept whole", () => {
  assert.is(preheader("Three stories\n\nthis week."), "Three stories this week.");
});

preview("a long note is cut at the last word within 100 characters, with an ellipsis", () => {
  const long =
    "Three stories since our last edition, and all three are about money finding new routes: regional insurers into China's bond market.";
  const cut = preheader(long);
  assert.is(cut, "Three stories since our last edition, and all three are about money finding new routes: regional…");
  assert.ok(cut.length <= 100);
});

preview.run();

const links = suite("email links are absolute");

links("root-relative, relative and fragment links in rendered Markdown resolve against the edition's page", () => {
  const html = renderMarkdown(
    "See [a](/news/a/?x=1&y=2), [b](../2024-04-01/), [c](#why) and [d](https://imf.example/).",
  );
  assert.is(
    absoluteLinks(html, pageUrl),
    '<p>See <a href="https://test.example/news/a/?x=1&amp;y=2">a</a>, <a href="https://test.example/newsletter/2024-04-01/">b</a>, <a href="https://test.example/newsletter/2024-05-01/#why">c</a> and <a href="https://imf.example/" rel="noopener noreferrer">d</a>.</p>\n',
  );
});

links.run();

const inline = suite("the email's styles are inlined by juice");

inline("classes get their styles as attributes, and no <style> is left", () => {
  const html = inlineEmailCss(
    '<!doctype html><html><head><style>p{color:red}</style></head><body><p class="email-dek">Dek</p></body></html>',
  );
  assert.not.ok(html.includes("<style"));
  assert.ok(
    html.includes(
      '<p class="email-dek" style="margin: 0 0 8px 0; font-size: 16px; line-height: 24px; color: #1d2a33;">Dek</p>',
    ),
    html,
  );
});

inline.run();
