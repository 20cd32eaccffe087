import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import publication from "../../content/publication.ts";
import { UNSUBSCRIBE_PLACEHOLDER } from "../../src/newsletter/email.ts";
import { fileForUrl, htmlFiles, page } from "../../support/site.ts";
import { sampleSite } from "../build/fixture.ts";

const require = createRequire(import.meta.url);
/** The Nu HTML Checker's jar from the vnu-jar package, run with the system's Java (its own Java download is denied). */
const VNU_JAR = join(require.resolve("vnu-jar/package.json"), "..", "build", "dist", "vnu.jar");
/**
 * An article page's HTML + CSS + JS may not exceed this, images excluded, uncompressed. Article pages load only
 * site.css, minified as the build writes it; the lists' styles are in listings.css.
 */
const ARTICLE_BUDGET = 30 * 1024;

/**
 * What the checker may report on an edition's email.html, and only there: the unsubscribe placeholder the email
 * service replaces (not a URL until it does) and Outlook's `mso-` CSS (`mso-hide` hides the preheader there).
 */
const EMAIL_ONLY_MESSAGES = [
  `Bad value “${UNSUBSCRIBE_PLACEHOLDER}” for attribute “href” on element “a”: Illegal character in path segment. ` +
    `“|” is not allowed.`,
  "CSS: “mso-hide”: Property “mso-hide” doesn't exist.",
];

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

let site: string;

const validity = suite("the built sample publication passes the Nu HTML Checker");

validity.before(() => {
  site = sampleSite();
});

validity("every HTML page has zero errors", () => {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error)
    throw new Error(
      "The HTML check needs Java. Install it as the README's Quick start shows: apt-get install -y " +
        "--no-install-recommends default-jre-headless (with sudo unless root)",
    );
  const result = spawnSync(
    "java",
    ["-jar", VNU_JAR, "--errors-only", "--format", "json", ...htmlFiles(site).map((file) => join(site, file))],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  assert.ok(result.stderr.includes('"messages"'), `the checker did not report: ${result.stderr}${result.stdout}`);
  const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  const errors = messages.filter((message) => message.type === "error");
  const isEmail = (message: VnuMessage) => message.url.endsWith("/email.html");
  const excused = errors.filter((message) => isEmail(message) && EMAIL_ONLY_MESSAGES.includes(message.message));
  const reported = errors
    .filter((message) => !excused.includes(message))
    .map((message) => `${message.url.replace(`file:${site}/`, "")}:${message.lastLine ?? "?"}: ${message.message}`);
  assert.equal(reported, []);
  // The emails were checked: each has its unsubscribe link, excused above.
  const emails = htmlFiles(site).filter((file) => file.endsWith("/email.html"));
  assert.ok(emails.length >= 2, "the sample publication has its emails");
  assert.is(
    new Set(excused.filter((message) => message.message.includes("UNSUB")).map((message) => message.url)).size,
    emails.length,
  );
  assert.ok(htmlFiles(site).length > 60, "the sample publication has its pages");
});

validity.run();

/** Every URL an HTML page refers to: links, stylesheets, images, scripts, sources. */
function references(url: string): string[] {
  const $ = page(site, url);
  const found = $("a[href], link[href]")
    .map((_, element) => $(element).attr("href"))
    .get();
  found.push(
    ...$("img[src], script[src], source[src]")
      .map((_, element) => $(element).attr("src"))
      .get(),
  );
  for (const element of $("img[srcset], source[srcset]").toArray()) {
    found.push(
      ...($(element).attr("srcset") ?? "").split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""),
    );
  }
  return found;
}

const links = suite("no link, image, stylesheet or script on the site is broken, #fragments included");

links("every same-site reference resolves to a file, and every fragment to an id on its page", () => {
  const broken: string[] = [];
  for (const file of htmlFiles(site)) {
    const from = `/${file.replace(/index\.html$/, "")}`;
    for (const reference of references(from)) {
      if (file.endsWith("/email.html") && reference === UNSUBSCRIBE_PLACEHOLDER) continue;
      // Absolute URLs on the publication's address (canonical links, the email's links) are checked as site paths.
      const target = new URL(
        reference.replace(/^https?:\/\/[^/]+/, (origin) =>
          origin === new URL(publication.baseUrl).origin ? "" : origin,
        ),
        `https://site.invalid${from}`,
      );
      if (target.origin !== "https://site.invalid") continue;
      const targetFile = fileForUrl(target.pathname);
      // Search results are generated by the search script from the index written next to it.
      if (target.pathname.startsWith("/pagefind/") && existsSync(join(site, "pagefind"))) continue;
      if (!existsSync(join(site, targetFile)) || statSync(join(site, targetFile)).isDirectory()) {
        broken.push(`${from} → ${reference}`);
      } else if (target.hash && targetFile.endsWith(".html")) {
        const id = decodeURIComponent(target.hash.slice(1));
        const $ = page(site, target.pathname);
        if ($(`[id="${id}"], a[name="${id}"]`).length === 0) broken.push(`${from} → ${reference} (no #${id})`);
      }
    }
  }
  assert.equal(broken, []);
});

links.run();

const basics = suite("every page meets the basics a reader's browser and a crawler check");

basics("html has lang, every image has width and height, one h1 and headings in order", () => {
  const problems: string[] = [];
  for (const file of htmlFiles(site)) {
    const $ = page(site, `/${file.replace(/index\.html$/, "")}`);
    if (!$("html").attr("lang")) problems.push(`${file}: no lang`);
    for (const image of $("img").toArray()) {
      if (!$(image).attr("width") || !$(image).attr("height"))
        problems.push(`${file}: <img src="${$(image).attr("src")}"> has no width/height`);
    }
    const levels = $("h1, h2, h3, h4, h5, h6")
      .map((_, heading) => Number(heading.tagName.slice(1)))
      .get();
    if (levels.filter((level) => level === 1).length !== 1)
      problems.push(`${file}: ${levels.filter((level) => level === 1).length} h1 elements`);
    levels.forEach((level, index) => {
      const previous = levels[index - 1] ?? 1;
      if (level > previous + 1) problems.push(`${file}: h${level} follows h${previous}`);
    });
  }
  assert.equal(problems, []);
});

basics("no page but /search/ has JavaScript; structured data is not script", () => {
  const withScript = htmlFiles(site).filter((file) => {
    const $ = page(site, `/${file.replace(/index\.html$/, "")}`);
    return $("script")
      .toArray()
      .some((script) => $(script).attr("type") !== "application/ld+json");
  });
  assert.equal(withScript, ["search/index.html"]);
});

basics("an article page links site.css alone, and every class on it that a stylesheet styles is styled there", () => {
  const classesIn = (url: string) =>
    new Set(
      [...readFileSync(join(site, fileForUrl(url)), "utf8").matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map(
        (match) => match[1],
      ),
    );
  const styled = classesIn("/assets/css/site.css");
  const listed = classesIn("/assets/css/listings.css");
  for (const file of htmlFiles(site).filter((name) => /^news\/[^/]+\/index\.html$/.test(name))) {
    const $ = page(site, `/${file.replace(/index\.html$/, "")}`);
    const sheets = $('link[rel="stylesheet"]')
      .map((_, link) => $(link).attr("href"))
      .get();
    // An old address's redirecting page has no stylesheet at all.
    if (sheets.length === 0 && $("meta[http-equiv=refresh]").length === 1) continue;
    assert.equal(sheets, ["/assets/css/site.css"], file);
    const used = new Set(
      $("[class]")
        .toArray()
        .flatMap((element) => ($(element).attr("class") ?? "").split(/\s+/)),
    );
    const missing = [...used].filter((name) => listed.has(name) && !styled.has(name));
    assert.equal(missing, [], `${file} uses classes styled only in listings.css`);
  }
});

basics("an article page weighs at most 30 KB of HTML, CSS and JavaScript", () => {
  const articles = htmlFiles(site).filter((file) => file.startsWith("news/"));
  const weights = articles.map((file) => {
    const $ = page(site, `/${file.replace(/index\.html$/, "")}`);
    const assets = [
      ...$('link[rel="stylesheet"]')
        .map((_, link) => $(link).attr("href"))
        .get(),
      ...$("script[src]")
        .map((_, script) => $(script).attr("src"))
        .get(),
    ];
    const bytes =
      statSync(join(site, file)).size +
      assets.reduce((sum, url) => sum + readFileSync(join(site, fileForUrl(url))).length, 0);
    return { file, bytes };
  });
  const heaviest = weights.sort((a, b) => b.bytes - a.bytes)[0];
  assert.ok(
    heaviest && heaviest.bytes <= ARTICLE_BUDGET,
    `${heaviest?.file} weighs ${heaviest?.bytes} bytes, over ${ARTICLE_BUDGET}`,
  );
});

basics.run();
