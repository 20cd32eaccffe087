import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import publication from "../../content/publication.ts";
import type { Article, Author, Newsroom, Publication } from "../../src/content/schema.ts";
import {
  apacheHeaders,
  contentSecurityPolicy,
  formOrigins,
  headersFile,
  imageOrigins,
  metaContentSecurityPolicy,
  nginxHeaders,
  policyOrigins,
  securityHeaders,
} from "../../src/security/headers.ts";
import { parseHeadersFile } from "../../support/serve.ts";

const policy = suite("the security headers are one policy, written for every host");

policy(
  "the policy allows the site's own files, Pagefind's WebAssembly and fetches, and nothing inline or framed",
  () => {
    assert.is(
      contentSecurityPolicy(),
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src " +
        "'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
    );
    assert.is(metaContentSecurityPolicy(), contentSecurityPolicy().replace(" frame-ancestors 'none';", ""));
  },
);

policy("the header's policy differs only in allowing inline styles, which the email edition needs", () => {
  assert.equal(
    new Map(securityHeaders()).get("Content-Security-Policy"),
    contentSecurityPolicy().replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
  );
});

policy("pictures from other sites named in the content add their origins to img-src, once each", () => {
  const picture = (src: string) => ({ src, alt: "A picture" });
  const newsroom = {
    articles: [
      { image: picture("https://images.example/a.jpg") },
      { image: picture("/assets/img/news/chips.jpg") },
      { image: picture("https://images.example/b.jpg") },
      {},
    ] as Article[],
    authors: [{ photo: picture("https://cdn.example.org/p.jpg") }] as Author[],
    builtAt: DateTime.fromISO("2024-06-01T00:00:00Z"),
  } as Newsroom;
  assert.equal(imageOrigins(newsroom), ["https://cdn.example.org", "https://images.example"]);
  assert.match(
    contentSecurityPolicy({ images: imageOrigins(newsroom) }),
    /; img-src 'self' https:\/\/cdn\.example\.org https:\/\/images\.example;/,
  );
});

policy("without a sign-up endpoint, forms may submit only to the site itself (the search box)", () => {
  const settings = { ...publication, signup: undefined } satisfies Publication;
  assert.equal(formOrigins(settings), []);
  for (const text of [contentSecurityPolicy(), metaContentSecurityPolicy(), headersFile(securityHeaders())]) {
    assert.match(text, /; form-action 'self'; /);
  }
});

policy("a sign-up endpoint adds exactly its origin to form-action, in the header, the meta policy and _headers", () => {
  const settings = {
    ...publication,
    signup: {
      action: "https://ledger.us21.list-manage.com/subscribe/post?u=1a2b&id=3c4d",
      emailField: "EMAIL",
      hidden: {},
    },
  } satisfies Publication;
  const newsroom = { publication: settings, articles: [] as Article[], authors: [] as Author[] } as Newsroom;
  assert.equal(policyOrigins(newsroom), { images: [], forms: ["https://ledger.us21.list-manage.com"] });
  const expected = "; form-action 'self' https://ledger.us21.list-manage.com; ";
  const header = new Map(securityHeaders(policyOrigins(newsroom))).get("Content-Security-Policy") ?? "";
  for (const text of [header, metaContentSecurityPolicy(policyOrigins(newsroom)), nginxHeaders([["x", header]])]) {
    assert.ok(text.includes(expected), text);
  }
  assert.is(
    metaContentSecurityPolicy(policyOrigins(newsroom)),
    metaContentSecurityPolicy().replace("form-action 'self'", "form-action 'self' https://ledger.us21.list-manage.com"),
  );
});

policy("_headers applies every header to every path, as Netlify and Cloudflare Pages read it", () => {
  const rules = parseHeadersFile(headersFile(securityHeaders()));
  assert.is(rules.length, 1);
  assert.ok(rules[0]?.path.test("/news/a/"));
  assert.equal(rules[0]?.headers, securityHeaders());
});

policy(
  "the hosting guide shows exactly the sample's generated _headers, nginx and Apache configuration and meta tag, " +
    "its sign-up endpoint's origin included",
  () => {
    const readme = readFileSync("docs/hosting.md", "utf8");
    const block = (language: string, text: string) => `\`\`\`${language}\n${text.trimEnd()}\n\`\`\``;
    const origins = { forms: formOrigins(publication) };
    assert.equal(origins.forms, ["https://buttondown.com"]);
    const headers = securityHeaders(origins);
    for (const expected of [
      block("text", headersFile(headers)),
      block("nginx", nginxHeaders(headers)),
      block("apache", apacheHeaders(headers)),
      block("html", `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy(origins)}">`),
    ]) {
      assert.ok(readme.includes(expected), `docs/hosting.md lacks:\n${expected}`);
    }
  },
);

policy.run();
