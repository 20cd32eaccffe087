import { suite } from "uvu";
import * as assert from "uvu/assert";
import { markdownText, preheader } from "../../src/newsletter/text.ts";

const pageUrl = "https://test.example/newsletter/2024-05-01/";

const text = suite("the editor's note as plain text");

text("paragraphs, list items and links with their absolute URLs, typographic quotes kept", () => {
  const note =
    "It's a *busy* week:\nread [the story](/news/a/) and [the IMF](https://imf.example/x).\n\n- one\n- two\n\n## " +
    "Why it matters\n\n`code` stays.";
  assert.is(
    markdownText(note, { pageUrl, linkUrls: true }),
    "It’s a busy week: read the story (https://test.example/news/a/) and the IMF (https://imf.example/x).\n\n- " +
      "one\n\n- two\n\nWhy it matters\n\ncode stays.",
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
    "Three stories since our last edition, and all three are about money finding new routes: regional insurers into " +
    "China's bond market.";
  const cut = preheader(long);
  assert.is(cut, "Three stories since our last edition, and all three are about money finding new routes: regional…");
  assert.ok(cut.length <= 100);
});

preview.run();
