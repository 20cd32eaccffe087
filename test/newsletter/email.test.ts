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
  assert.is(
    absoluteHtml(html, pageUrl),
    '<p>See <a href="https://test.example/news/a/?x=1&amp;y=2">a</a>, <a ' +
      'href="https://test.example/newsletter/2024-04-01/">b</a>, <a ' +
      'href="https://test.example/newsletter/2024-05-01/#why">c</a> and <a href="https://imf.example/" rel="noopener ' +
      'noreferrer">d</a>.</p>\n',
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
