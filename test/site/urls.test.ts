import { suite } from "uvu";
import * as assert from "uvu/assert";
import { absoluteHtml, isExternalUrl, printableLinks } from "../../src/site/urls.ts";

const absolute = suite("feed HTML carries absolute URLs");

absolute("root-relative links and images point at the publication's base URL", () => {
  assert.is(
    absoluteHtml(
      '<p><a href="/news/a/">A</a> <img src="/assets/img/x.jpg" alt=""> <a href="#why">Why</a> <a ' +
        'href="https://example.org/">E</a> <a href="//cdn.example/x">C</a></p>',
      "https://ledger.example",
    ),
    '<p><a href="https://ledger.example/news/a/">A</a> <img src="https://ledger.example/assets/img/x.jpg" alt=""> ' +
      '<a href="#why">Why</a> <a href="https://example.org/">E</a> <a href="//cdn.example/x">C</a></p>',
  );
});

absolute("text that merely looks like an attribute is left alone", () => {
  assert.is(
    absoluteHtml("<p>write href=&quot;/news/&quot; like this</p>", "https://ledger.example"),
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
