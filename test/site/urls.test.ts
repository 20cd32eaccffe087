import { suite } from "uvu";
import * as assert from "uvu/assert";
import { absoluteHtml, isExternalUrl, printableLinks } from "../../src/site/urls.ts";

const absolute = suite("feed HTML carries absolute URLs");

const ARTICLE = "https://ledger.example/news/a/";

absolute("a fragment link points at the article's own address plus the fragment", () => {
  assert.is(
    absoluteHtml('<h2 id="why-it-matters"><a class="header-anchor" href="#why-it-matters">Why</a></h2>', ARTICLE),
    '<h2 id="why-it-matters"><a class="header-anchor" ' +
      'href="https://ledger.example/news/a/#why-it-matters">Why</a></h2>',
  );
});

absolute("root-relative links and images point at the publication's site", () => {
  assert.is(
    absoluteHtml('<p><a href="/news/b/">B</a> <img src="/assets/img/x.jpg" alt=""></p>', ARTICLE),
    '<p><a href="https://ledger.example/news/b/">B</a> <img src="https://ledger.example/assets/img/x.jpg" alt=""></p>',
  );
});

absolute("links relative to the article or to its scheme resolve as on the article's page", () => {
  assert.is(
    absoluteHtml('<a href="../b/">B</a> <img src="//cdn.example/x.jpg" alt="">', ARTICLE),
    '<a href="https://ledger.example/news/b/">B</a> <img src="https://cdn.example/x.jpg" alt="">',
  );
});

absolute("absolute, mailto: and tel: links are kept exactly as written", () => {
  const html =
    '<a href="https://Example.org/a?b=1&amp;c=2">E</a> <a href="mailto:desk@ledger.example">M</a> ' +
    '<a href="tel:+6621234567">T</a>';
  assert.is(absoluteHtml(html, ARTICLE), html);
});

absolute("attributes keep their double quotes, their &amp; escaping and the attributes beside them", () => {
  assert.is(
    absoluteHtml('<a href="/news/b/?x=1&amp;y=2#see" rel="noopener noreferrer" title="B">B</a>', ARTICLE),
    '<a href="https://ledger.example/news/b/?x=1&amp;y=2#see" rel="noopener noreferrer" title="B">B</a>',
  );
});

absolute("text that merely looks like an attribute is left alone", () => {
  assert.is(
    absoluteHtml("<p>write href=&quot;/news/&quot; like this</p>", ARTICLE),
    "<p>write href=&quot;/news/&quot; like this</p>",
  );
});

absolute.run();

const printable = suite("a printed link to the site shows an address a reader can type");

printable("root-relative links get their absolute address; anchors, other sites and text are left alone", () => {
  assert.is(
    printableLinks(
      '<p><a href="/news/a/?x=1&amp;y=2">A</a> <a href="#why">Why</a> <a href="https://example.org/">E</a> ' +
        '<a href="//cdn.example/x">C</a> write href=&quot;/news/&quot;</p>',
      "https://ledger.example",
    ),
    '<p><a href="/news/a/?x=1&amp;y=2" data-print-url="https://ledger.example/news/a/?x=1&amp;y=2">A</a> ' +
      '<a href="#why">Why</a> <a href="https://example.org/">E</a> <a href="//cdn.example/x">C</a> ' +
      "write href=&quot;/news/&quot;</p>",
  );
});

printable.run();

const external = suite("a link is external when it leaves the publication's site");

external("absolute URLs off the base URL are external", () => {
  assert.is(isExternalUrl("https://example.org/", "https://ledger.example"), true);
  assert.is(isExternalUrl("https://ledger.example.evil.com/", "https://ledger.example"), true);
  assert.is(isExternalUrl("https://ledger.example/news/", "https://ledger.example"), false);
  assert.is(isExternalUrl("/news/a/", "https://ledger.example"), false);
  assert.is(isExternalUrl("mailto:a@b.example", "https://ledger.example"), false);
});

external.run();
