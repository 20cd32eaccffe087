import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseContentFile } from "../../src/content/frontMatter.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import {
  ArticleFrontMatterSchema,
  EditionFrontMatterSchema,
  isImageSource,
  MAX_ALIASES,
  MAX_TAGS,
  PublicationSchema,
  parseFocus,
} from "../../src/content/schema.ts";
import { pathPart, validate } from "../../src/content/sources.ts";
import { validFields } from "../helpers.ts";

/** The errors `validate` reports for front matter written as these YAML lines, each as `a.md:line:field: message`. */
function errors(schema: Parameters<typeof validate>[0], yaml: string): string[] {
  const problems: Problem[] = [];
  validate(schema, { path: "a.md", parsed: parseContentFile(`---\n${yaml}\n---\n`) }, problems);
  return problems.map(formatProblem);
}

/** The article front matter these YAML lines are read as; throws when the schema refuses them. */
function article(yaml: string) {
  return ArticleFrontMatterSchema.parse(parseContentFile(`---\n${yaml}\n---\n`).data);
}

/** A YAML list of `count` items made by `item`. */
function yamlList(count: number, item: (index: number) => string): string {
  return `[${Array.from({ length: count }, (_, index) => item(index)).join(", ")}]`;
}

const publicationFields = {
  name: "Test Ledger",
  baseUrl: "https://test.example",
  timeZone: "Asia/Bangkok",
  language: "en",
};

/** The errors a publication with these fields changed is refused with, each as `field: message`, as the loader has. */
function publicationErrors(fields: Record<string, unknown>): string[] {
  const result = PublicationSchema.safeParse({ ...publicationFields, ...fields });
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.map(pathPart).join(".")}: ${issue.message}`);
}

const focus = suite("a picture's focus reads as CSS object-position");

focus("words around which the writer left spaces still name a position", () => {
  assert.equal(parseFocus("  top left  "), { x: 0, y: 0 });
  assert.equal(parseFocus(" bottom"), { x: 0.5, y: 1 });
});

focus("percentages up to 100%, with any decimals, read across then down", () => {
  assert.equal(parseFocus("100% 100%"), { x: 1, y: 1 });
  assert.equal(parseFocus("30.25% 40.5%"), { x: 0.3025, y: 0.405 });
  assert.is(parseFocus("100.5% 40%"), undefined);
  assert.is(parseFocus("101% 40%"), undefined);
});

focus("a percentage with anything before or after it, or a word it does not know, is no position", () => {
  assert.is(parseFocus("x30% 40%"), undefined);
  assert.is(parseFocus("30%x 40%"), undefined);
  assert.is(parseFocus("30.% 40%"), undefined);
  assert.is(parseFocus("top banana"), undefined);
  assert.is(parseFocus("banana"), undefined);
});

focus.run();

const sources = suite("a picture is a path on the site or a full https:// address");

sources("a path that starts with two slashes is another site's address, and refused", () => {
  assert.is(isImageSource("//cdn.example/photo.jpg"), false);
  assert.is(isImageSource("/assets/img//photo.jpg"), true);
});

sources("an address is https:// from its first character to its last, without spaces", () => {
  assert.is(isImageSource("https://cdn.example/photo.jpg"), true);
  assert.is(isImageSource("javascript:https://cdn.example/photo.jpg"), false);
  assert.is(isImageSource("https://cdn.example/my photo.jpg"), false);
});

sources("the path is read without the spaces around it", () => {
  assert.equal(article(`${validFields}\nimage: { src: " /assets/img/a.jpg ", alt: A chart }`).image, {
    src: "/assets/img/a.jpg",
    alt: "A chart",
  });
});

sources("a picture without a path, or with empty alt text, says so", () => {
  assert.equal(errors(ArticleFrontMatterSchema, `${validFields}\nimage: { alt: A chart }`), [
    "a.md:6:image.src: is required",
  ]);
  assert.equal(errors(ArticleFrontMatterSchema, `${validFields}\nimage: { src: /a.jpg, alt: "  " }`), [
    "a.md:6:image.alt: is empty: describe the picture for readers who cannot see it",
  ]);
});

sources("a focus that is not text says what a position looks like", () => {
  assert.equal(errors(ArticleFrontMatterSchema, `${validFields}\nimage: { src: /a.jpg, alt: A chart, focus: 30 }`), [
    'a.md:6:image.focus: must be a position like "top", "left", "center" or "30% 40%" (across, then down)',
  ]);
});

sources.run();

const fields = suite("article front matter says what is wrong with each field");

fields("a title or date that is not text says what it must be", () => {
  assert.equal(errors(ArticleFrontMatterSchema, validFields.replace("A valid story", "[A, B]")), [
    "a.md:2:title: must be text",
  ]);
  assert.equal(errors(ArticleFrontMatterSchema, validFields.replace("2024-03-01", "20240301")), [
    "a.md:3:date: must be a date like 2023-11-03 or 2023-11-03T09:30:00+07:00",
  ]);
});

fields("an author that is missing, empty or not a key says which", () => {
  assert.equal(errors(ArticleFrontMatterSchema, validFields.replace("author: ana-lim\n", "")), [
    "a.md:author: is required",
  ]);
  assert.equal(errors(ArticleFrontMatterSchema, validFields.replace("author: ana-lim", "author: []")), [
    "a.md:4:author: lists no author",
  ]);
  assert.equal(errors(ArticleFrontMatterSchema, validFields.replace("author: ana-lim", "author: 7")), [
    "a.md:4:author: must be an author key or a list of author keys",
  ]);
});

fields("tags that are missing, not a list, empty or not text say which", () => {
  const withTags = (tags: string) => validFields.replace("tags: [China Bond]", tags);
  assert.equal(errors(ArticleFrontMatterSchema, withTags("")), ["a.md:tags: is required: give at least one topic"]);
  assert.equal(errors(ArticleFrontMatterSchema, withTags("tags: China Bond")), [
    "a.md:5:tags: must be a list of topics, like [China Bond, Semiconductors]",
  ]);
  assert.equal(errors(ArticleFrontMatterSchema, withTags("tags: []")), [
    "a.md:5:tags: is empty: give at least one topic",
  ]);
  assert.equal(errors(ArticleFrontMatterSchema, withTags('tags: [China Bond, "  ", 7, "&"]')), [
    "a.md:5:tags[1]: is empty",
    "a.md:5:tags[2]: must be text",
    'a.md:5:tags[3]: "&" has no letters or digits to make a topic from',
  ]);
});

fields(
  "a tag of letters or digits that make no slug, like ー or ², is refused too: its topic would have no page",
  () => {
    assert.equal(errors(ArticleFrontMatterSchema, validFields.replace("[China Bond]", "[ー, ²]")), [
      'a.md:5:tags[0]: "ー" has no letters or digits to make a topic from',
      'a.md:5:tags[1]: "²" has no letters or digits to make a topic from',
    ]);
  },
);

fields(`an article may have ${MAX_TAGS} topics, not one more`, () => {
  const withTags = (count: number) =>
    validFields.replace(
      "[China Bond]",
      yamlList(count, (index) => `Topic ${index}`),
    );
  assert.equal(errors(ArticleFrontMatterSchema, withTags(MAX_TAGS - 1)), []);
  assert.equal(errors(ArticleFrontMatterSchema, withTags(MAX_TAGS)), []);
  assert.equal(errors(ArticleFrontMatterSchema, withTags(MAX_TAGS + 1)), [
    `a.md:5:tags: lists ${MAX_TAGS + 1} topics; an article may have at most ${MAX_TAGS}: keep the ones a reader ` +
      "would browse by",
  ]);
});

fields("tags are read without the spaces around them", () => {
  assert.equal(article(validFields.replace("[China Bond]", '[" China Bond "]')).tags, ["China Bond"]);
});

fields("related links are an http:// or https:// address or a slug", () => {
  const related = (items: string) => errors(ArticleFrontMatterSchema, `${validFields}\nrelated: ${items}`);
  assert.equal(related("[{ title: A, url: 'http://a.example/' }, { title: B, url: 'https://b.example/' }]"), []);
  assert.equal(related("[{ title: A, url: 'xhttps://a.example/' }, { title: B, url: 'httpsx://b.example/' }]"), [
    "a.md:6:related[0].url: must be a full https:// address",
    "a.md:6:related[1].url: must be a full https:// address",
  ]);
  assert.equal(related("[7]"), ["a.md:6:related[0]: must be an article slug or { title, url }"]);
});

fields("draft and featured must be true or false", () => {
  assert.equal(errors(ArticleFrontMatterSchema, `${validFields}\ndraft: yes\nfeatured: no`), [
    "a.md:6:draft: must be true or false",
    "a.md:7:featured: must be true or false",
  ]);
});

fields("left out, draft and featured are false and related, aliases and corrections are empty", () => {
  const read = article(validFields);
  assert.equal([read.draft, read.featured, read.related, read.aliases, read.corrections], [false, false, [], [], []]);
});

fields.run();

const aliases = suite("an article's old addresses are a short list of slugs and site paths");

aliases("an alias is read without the spaces around it", () => {
  assert.equal(article(`${validFields}\naliases: [" old-slug ", " /2019/05/story.html"]`).aliases, [
    "old-slug",
    "/2019/05/story.html",
  ]);
});

aliases("aliases that are not a list, or not text, say so", () => {
  assert.equal(errors(ArticleFrontMatterSchema, `${validFields}\naliases: old-slug`), [
    "a.md:6:aliases: must be a list of old slugs or addresses, like [old-slug, /2019/05/story.html]",
  ]);
  assert.equal(errors(ArticleFrontMatterSchema, `${validFields}\naliases: [[old-slug]]`), [
    "a.md:6:aliases[0]: must be an old slug or an old address on the site",
  ]);
});

aliases(`an article may keep ${MAX_ALIASES} old addresses, not one more`, () => {
  const withAliases = (count: number) => `${validFields}\naliases: ${yamlList(count, (index) => `old-${index}`)}`;
  assert.equal(errors(ArticleFrontMatterSchema, withAliases(MAX_ALIASES - 1)), []);
  assert.equal(errors(ArticleFrontMatterSchema, withAliases(MAX_ALIASES)), []);
  assert.equal(errors(ArticleFrontMatterSchema, withAliases(MAX_ALIASES + 1)), [
    `a.md:6:aliases: lists more than ${MAX_ALIASES} old addresses; keep the ones readers were given`,
  ]);
});

aliases.run();

const notes = suite("corrections and retractions are a date and a note");

notes("corrections that are not a list say what one looks like", () => {
  assert.equal(errors(ArticleFrontMatterSchema, `${validFields}\ncorrections: fixed it`), [
    'a.md:6:corrections: must be a list of corrections, each { date: 2026-11-20, note: "…" }',
  ]);
});

notes("an empty date or note, or a note that is not text, says which", () => {
  assert.equal(
    errors(
      ArticleFrontMatterSchema,
      `${validFields}\ncorrections:\n  - { date: "", note: "Fixed." }\n  - { date: "  ", note: "  " }\n` +
        `  - { date: 2024-03-02, note: [Fixed] }`,
    ),
    [
      "a.md:7:corrections[0].date: is empty: give the day it was made, like 2026-11-20",
      "a.md:8:corrections[1].date: is empty: give the day it was made, like 2026-11-20",
      "a.md:8:corrections[1].note: is empty: say what was wrong and what is right",
      "a.md:9:corrections[2].note: must be text",
    ],
  );
});

notes("a note is read without the spaces around it", () => {
  const read = article(`${validFields}\nretracted: { date: 2024-03-02, note: "  Withdrawn.  " }`);
  assert.equal(read.retracted, { date: "2024-03-02", note: "Withdrawn." });
});

notes.run();

const editions = suite("edition front matter says what is wrong with its picks and topics");

editions("picks or topics that are not a list, or empty, say what to write", () => {
  const edition = (lines: string) => errors(EditionFrontMatterSchema, `title: A week\ndate: 2024-05-31\n${lines}`);
  assert.equal(edition("picks: micron-thaw\ntopics: China Bond"), [
    "a.md:4:picks: must be a list of article slugs, like [micron-thaw, rice-quota]",
    "a.md:5:topics: must be a list of topics, like [China Bond, Semiconductors]",
  ]);
  assert.equal(edition("topics: []"), ["a.md:4:topics: is empty: name at least one topic, or leave topics out"]);
  assert.equal(edition('topics: ["  ", 7]'), ["a.md:4:topics[0]: is empty", "a.md:4:topics[1]: must be text"]);
});

editions("topics are read without the spaces around them", () => {
  const read = EditionFrontMatterSchema.parse(
    parseContentFile("---\ntitle: A week\ndate: 2024-05-31\ntopics: [' China Bond ']\n---\n").data,
  );
  assert.equal(read.topics, ["China Bond"]);
});

editions.run();

const publication = suite("the publication's settings say what is wrong with each");

publication("a name that is not text, or holds a control character, says which, with the character's code", () => {
  assert.equal(publicationErrors({ name: 7 }), ["name: must be text"]);
  assert.equal(publicationErrors({ name: "Test\u001bLedger" }), [
    "name: holds the invisible control character U+001B, which a web page cannot show: delete it",
  ]);
});

publication("the base URL is an http:// or https:// address and nothing else", () => {
  assert.equal(publicationErrors({ baseUrl: "http://test.example" }), []);
  const notAnAddress = "baseUrl: must be the site's full address, like https://news.example";
  assert.equal(publicationErrors({ baseUrl: "xhttps://test.example/" }), [notAnAddress]);
  assert.equal(publicationErrors({ baseUrl: "httpsx://test.example/" }), [notAnAddress]);
});

publication("a time zone or language that is not one says what to write", () => {
  assert.equal(publicationErrors({ timeZone: "Asia/Bangkk" }), [
    "timeZone: must be an IANA time zone, like Asia/Bangkok",
  ]);
  const notATag = "language: must be a BCP 47 language tag, like en or en-GB";
  assert.equal(publicationErrors({ language: "en-GB" }), []);
  assert.equal(publicationErrors({ language: "1en" }), [notATag]);
  assert.equal(publicationErrors({ language: "en_GB" }), [notATag]);
});

publication("the WebSub hub must be https:// itself, not a scheme that merely contains it", () => {
  assert.equal(publicationErrors({ websubHub: "https://hub.example/" }), []);
  assert.equal(publicationErrors({ websubHub: "xhttps://hub.example/" }), [
    'websubHub: "xhttps://hub.example/" must be the hub\'s full https:// address, like ' +
      "https://pubsubhubbub.appspot.com/",
  ]);
  assert.equal(publicationErrors({ websubHub: "httpsx://hub.example/" }), [
    'websubHub: "httpsx://hub.example/" must be the hub\'s full https:// address, like ' +
      "https://pubsubhubbub.appspot.com/",
  ]);
});

publication("a logo is read without the spaces around it, and must be text", () => {
  assert.equal(
    PublicationSchema.parse({ ...publicationFields, logo: " /assets/img/logo.png " }).logo,
    "/assets/img/logo.png",
  );
  assert.equal(publicationErrors({ logo: 7 }), ["logo: must be text"]);
});

publication("a sign-up address with a user name alone is refused too", () => {
  assert.equal(publicationErrors({ signup: { action: "https://ledger@lists.example.com/join" } }), [
    "signup.action: holds a user name or password, which every page would show: use the form's public address",
  ]);
});

publication("sign-up hidden fields that are not field names and values, or an unknown setting, say so", () => {
  const action = "https://lists.example.com/join";
  assert.equal(publicationErrors({ signup: { action, hidden: "embed=1" } }), [
    'signup.hidden: must be field names and their values, like { embed: "1" }',
  ]);
  assert.equal(publicationErrors({ signup: { action, list: "ledger" } }), ['signup: Unrecognized key: "list"']);
});

publication.run();
