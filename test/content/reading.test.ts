import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readingMinutes, WORDS_PER_MINUTE } from "../../src/content/reading.ts";
import { countWords, parseBody } from "../../src/markdown/markdown.ts";

const minutes = suite("reading time is the body's words at 238 a minute, rounded up, at least a minute");

minutes("238 words take a minute, 239 take two, and 952 take four", () => {
  assert.is(WORDS_PER_MINUTE, 238);
  assert.equal([238, 239, 476, 477, 952].map(readingMinutes), [1, 2, 2, 3, 4]);
});

minutes("an empty body or a line of it still takes a minute", () => {
  assert.equal([0, 1, 12].map(readingMinutes), [1, 1, 1]);
});

minutes.run();

const words = suite("a body's words are counted from its text as rendered");

words("contractions, decimals, thousands and hyphenated words count once; punctuation and dashes not at all", () => {
  assert.is(countWords("Isn't it 3.5% of 1,200 state-owned firms — in Hà Nội?"), 10);
  // The same words with their accents as combining marks (NFD) count the same.
  assert.is(countWords("in Hà Nội".normalize("NFD")), 3);
});

words("markup, link addresses and picture descriptions are not words; code is", () => {
  const body = parseBody(
    "## A **bold** heading\n\nSee [the report](https://example.org/a-long-address) and ![a wafer on a desk](/x.jpg)." +
      "\n\n- one\n- two\n\n```\nlet x\n```",
  );
  // A bold heading (3), See the report and (4), one two (2), let x (2).
  assert.is(body.words, 11);
});

words("the inline callout's links are collected, and its label is not counted", () => {
  const body = parseBody(
    "Para one.\n\n::: also-see\n- [Other](/news/other-story/)\n- [IMF](https://example.org/imf)\n:::\n\n" +
      "See [elsewhere](/news/elsewhere/).",
  );
  assert.equal(body.calloutLinks, ["/news/other-story/", "https://example.org/imf"]);
  assert.is(body.words, 6);
});

words.run();
