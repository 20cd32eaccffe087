import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CheerioAPI } from "cheerio";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { htmlFiles, page } from "../../support/site.ts";
import { fixtureSite, sampleSite } from "./fixture.ts";

const ACTION = "https://buttondown.com/api/emails/embed-subscribe/mekongledger";
const ARTICLE = "/news/hcmc-metro-line-two-financing/";

/** What a reader's browser sends and sees of one sign-up form: where it posts, its fields and its label. */
function formOf($: CheerioAPI, selector: string) {
  const form = $(selector);
  const email = form.find("input[type=email]");
  return {
    action: form.attr("action"),
    method: form.attr("method"),
    email: {
      name: email.attr("name"),
      required: email.attr("required") !== undefined,
      autocomplete: email.attr("autocomplete"),
    },
    label: $(`label[for="${email.attr("id")}"]`).text(),
    hidden: form
      .find("input[type=hidden]")
      .toArray()
      .map((input) => [$(input).attr("name"), $(input).attr("value")]),
    button: form.find("button[type=submit]").text(),
    name: $(`#${form.attr("aria-labelledby")}`).text(),
    ignoredBySearch: form.attr("data-pagefind-ignore") !== undefined,
  };
}

const SAMPLE_FORM = {
  action: ACTION,
  method: "post",
  email: { name: "email", required: true, autocomplete: "email" },
  label: "Email address",
  hidden: [["embed", "1"]],
  button: "Subscribe",
  ignoredBySearch: true,
};

const sample = suite("the sample publication's pages carry a sign-up form that posts to its Buttondown endpoint");
let site = "";

sample.before(() => {
  site = sampleSite();
});

sample("/newsletter/ has its own form, and its footer leaves the footer's form out", () => {
  const $ = page(site, "/newsletter/");
  assert.is($("form.signup").length, 1);
  assert.equal(formOf($, "main form.signup--newsletter"), { ...SAMPLE_FORM, name: "Subscribe" });
});

sample("an article has a form after the story and another in the footer, each with ids of its own", () => {
  const $ = page(site, ARTICLE);
  assert.equal(formOf($, "main > article.article + form.signup--article"), {
    ...SAMPLE_FORM,
    name: "Get the newsletter",
  });
  assert.equal(formOf($, "footer.site-footer > form.signup--footer"), {
    ...SAMPLE_FORM,
    name: "The newsletter by email",
  });
  const ids = $("[id]")
    .toArray()
    .map((element) => $(element).attr("id"));
  assert.equal(ids, [...new Set(ids)]);
  assert.is($("[data-pagefind-body] form").length, 0);
});

sample("every page but the newsletter's and the email edition has the footer's form", () => {
  const without = htmlFiles(site).filter((file) => {
    const $ = page(site, `/${file}`);
    return $("footer.site-footer").length > 0 && $("footer.site-footer form.signup").length === 0;
  });
  assert.equal(without, ["newsletter/index.html"]);
});

sample(
  "the security policy admits posts to Buttondown's origin and nowhere else but the site, in _headers and <meta>",
  () => {
    const headers = readFileSync(join(site, "_headers"), "utf8");
    assert.match(headers, /; form-action 'self' https:\/\/buttondown\.com; /);
    const meta = page(site, ARTICLE)('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
    assert.match(meta, /; form-action 'self' https:\/\/buttondown\.com; /);
  },
);

sample.run();

const fixture = suite("a publication without a signup setting has no sign-up form, and its build says so once");
let out = "";
let summary = "";

fixture.before(() => {
  ({ site: out, summary } = fixtureSite());
});

fixture("no page has a sign-up form, or any form that posts", () => {
  const posting = htmlFiles(out).filter((file) => {
    const $ = page(out, `/${file}`);
    return $("form.signup").length > 0 || $('form[method="post"]').length > 0;
  });
  assert.equal(posting, []);
  assert.match(readFileSync(join(out, "_headers"), "utf8"), /; form-action 'self'; /);
});

fixture("the build's summary is followed by one line naming the settings file, said nowhere else", () => {
  const notice =
    "No page shows a newsletter sign-up form: test/fixtures/site/content/publication.ts names no `signup` endpoint " +
    '(see "Newsletter sign-up" in docs/hosting.md).';
  const lines = summary.trimEnd().split("\n");
  assert.ok(lines.indexOf(notice) > lines.findIndex((line) => line.endsWith(" search records")), summary);
  assert.is(summary.split("sign-up form").length - 1, 1);
});

fixture.run();
