import { readFileSync } from "node:fs";
import type { EleventyConfig } from "@11ty/eleventy";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import publication from "../../content/publication.ts";
import { render as renderHeaders } from "../../layouts/headers.11ty.ts";
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
import { securityPlugin } from "../../src/security/plugin.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";

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

/** A rule of a `_headers` file: its path pattern and its headers, in order. */
interface HeadersRule {
  path: string;
  headers: [name: string, value: string][];
}

/** An HTTP field name: a token. https://www.rfc-editor.org/rfc/rfc9110#name-tokens */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Reads `_headers` as Netlify and Cloudflare Pages document it: a path starting with `/` at column 0, then its indented
 * `Name: value` lines; blank lines and `#` comments anywhere; at most 100 rules and 2,000 characters a line
 * (https://docs.netlify.com/manage/routing/headers/#syntax-for-the-headers-file,
 * https://developers.cloudflare.com/pages/configuration/headers/). Each line that breaks the format is a problem.
 */
function readHeadersFormat(text: string): { rules: HeadersRule[]; problems: string[] } {
  const rules: HeadersRule[] = [];
  const problems: string[] = [];
  const lines = text.split("\n");
  if (lines.pop() !== "") problems.push("the file does not end with a line break");
  lines.forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (line.length > 2000) problems.push(`${at}: ${line.length} characters, over Cloudflare's 2,000`);
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      if (/^\/\S*$/.test(line)) rules.push({ path: line, headers: [] });
      else problems.push(`${at}: a rule's first line is a path starting with /, not ${JSON.stringify(line)}`);
      return;
    }
    const header = /^[ \t]+([^:\s]+):[ \t]*(\S.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header?.[1] || !header[2] || !TOKEN.test(header[1]))
      problems.push(`${at}: an indented line is "Name: value", not ${JSON.stringify(line)}`);
    else if (!rule) problems.push(`${at}: a header before any path`);
    else rule.headers.push([header[1], header[2].trimEnd()]);
  });
  if (rules.length > 100) problems.push(`${rules.length} rules, over Cloudflare's 100`);
  for (const rule of rules) if (rule.headers.length === 0) problems.push(`${rule.path} has no headers`);
  return { rules, problems };
}

/** The `_headers` text the build writes for a content tree: the plugin's global data, rendered by its layout. */
async function writtenHeadersFile(content: string): Promise<string> {
  let headersData: (() => Promise<string>) | undefined;
  const config = { addGlobalData: (_: string, data: () => Promise<string>) => (headersData = data) };
  const { newsroom } = await load(content);
  securityPlugin(config as unknown as EleventyConfig, async () => newsroom);
  assert.ok(headersData, "the plugin adds the headersFile global data");
  return renderHeaders({ headersFile: await headersData() });
}

policy("_headers as Netlify and Cloudflare Pages read it: every header on every path, caching on /img/", async () => {
  const content = contentTree({
    "news/2024/a.md": articleFile(`${validFields}\nimage: { src: "https://images.example/a.jpg", alt: A wafer }`),
  });
  const text = await writtenHeadersFile(content);
  const { rules, problems } = readHeadersFormat(text);
  assert.equal(problems, []);
  assert.is(text.split("\n")[0], "# Written by the build from src/security/headers.ts; edit that, not this file.");
  assert.equal(rules, [
    {
      path: "/*",
      headers: [
        [
          "Content-Security-Policy",
          "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src " +
            "'self' https://images.example; connect-src 'self'; base-uri 'self'; form-action 'self'; " +
            "frame-ancestors 'none'; object-src 'none'",
        ],
        ["X-Content-Type-Options", "nosniff"],
        ["Referrer-Policy", "strict-origin-when-cross-origin"],
        ["X-Frame-Options", "DENY"],
        ["Cross-Origin-Opener-Policy", "same-origin"],
        ["Permissions-Policy", "camera=(), geolocation=(), microphone=(), payment=(), usb=()"],
      ],
    },
    { path: "/img/*", headers: [["Cache-Control", "public, max-age=31536000, immutable"]] },
  ]);
});

policy("the format check names each line a host would misread", () => {
  const { problems } = readHeadersFormat(
    "/*\n  X-Frame-Options: DENY\nX-Content-Type-Options: nosniff\n  Referrer-Policy no-referrer\n" +
      `  Permissions-Policy:\n/${"a".repeat(2000)}\n  X-Robots-Tag: none\n/empty\n`,
  );
  assert.equal(problems, [
    'line 3: a rule\'s first line is a path starting with /, not "X-Content-Type-Options: nosniff"',
    'line 4: an indented line is "Name: value", not "  Referrer-Policy no-referrer"',
    'line 5: an indented line is "Name: value", not "  Permissions-Policy:"',
    "line 6: 2001 characters, over Cloudflare's 2,000",
    "/empty has no headers",
  ]);
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
