import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Newsroom } from "../../src/content/schema.ts";
import { portraitImage } from "../../src/images/renditions.ts";
import {
  breadcrumbJsonLd,
  collectionPageJsonLd,
  jsonForScript,
  newsArticleJsonLd,
  organizationJsonLd,
  profilePageJsonLd,
  webSiteJsonLd,
} from "../../src/seo/jsonld.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";
import { expandSchemaOrg, firstValue } from "./schemaorg.ts";

const json = suite("JSON-LD is embedded so no value can end its script element");

json("</script>, <!-- and & are escaped and the JSON still parses to the same value", () => {
  const value = { headline: "Profits </script><script>alert(1)</script> <!-- & \u2028 \u2029" };
  const text = jsonForScript(value);
  assert.not.ok(/[<>&\u2028\u2029]/.test(text));
  assert.equal(JSON.parse(text), value);
});

json.run();

const structured = suite("the NewsArticle JSON-LD names the publisher, with its raster logo when there is one");

structured("without a logo in publication.ts the publisher has a name and address but no logo", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  const article = newsroom.articles[0];
  assert.ok(article);
  assert.equal(newsArticleJsonLd(newsroom, article).publisher, {
    "@type": "NewsMediaOrganization",
    name: "Test Ledger",
    url: "https://test.example/",
  });
});

structured(
  "a story's NewsArticle has its dek, three share crops of its picture, the raster logo and its first topic",
  async () => {
    const { newsroom } = await load(
      contentTree({
        "publication.ts": PUBLICATION,
        "news/2024/a.md": articleFile(
          "title: Chip plant opens\ndek: The first wafers ship in June.\ndate: 2024-03-01\nauthor: ana-lim\n" +
            "tags: [Semiconductors, Trade]\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }",
        ),
      }),
    );
    const story = newsroom.articles[0];
    assert.ok(story);
    const { image, ...data } = newsArticleJsonLd(newsroom, story);
    assert.equal(data, {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Chip plant opens",
      description: "The first wafers ship in June.",
      datePublished: "2024-03-01T00:00:00+07:00",
      dateModified: "2024-03-01T00:00:00+07:00",
      author: [{ "@type": "Person", name: "Ana Lim", url: "https://test.example/authors/ana-lim/" }],
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "Test Ledger",
        url: "https://test.example/",
        logo: { "@type": "ImageObject", url: "https://test.example/assets/img/logo.png" },
      },
      mainEntityOfPage: "https://test.example/news/a/",
      url: "https://test.example/news/a/",
      inLanguage: "en-GB",
      articleSection: "Semiconductors",
      keywords: ["Semiconductors", "Trade"],
    });
    assert.equal(
      (Array.isArray(image) ? image : []).map((url) => String(url).replace(/-[0-9a-f]{8}-/, "-<hash>-")),
      [
        "https://test.example/img/chips-<hash>-1200.jpeg",
        "https://test.example/img/chips-4x3-<hash>-900.jpeg",
        "https://test.example/img/chips-1x1-<hash>-675.jpeg",
      ],
    );
  },
);

structured("a retracted story's NewsArticle leaves its picture out, as its page does", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": articleFile(
        `${validFields}\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }\n` +
          'retracted: { date: 2024-03-05, note: "The plant was never built." }',
      ),
    }),
  );
  const story = newsroom.retracted[0];
  assert.ok(story);
  assert.is("image" in newsArticleJsonLd(newsroom, story), false);
});

structured.run();

const PUBLICATION =
  `export default { name: "Test Ledger", tagline: "News, tested", baseUrl: "https://test.example", timeZone: ` +
  `"Asia/Bangkok", language: "en-GB", logo: "/assets/img/logo.png" };\n`;
const AUTHOR =
  "---\nname: Tom Weller\nrole: Editor-at-large\n" +
  'photo: { src: /assets/img/authors/tom-weller.jpg, alt: "Portrait of Tom Weller" }\nlinks:\n' +
  '  - { label: Email, url: "mailto:tom@test.example" }\n' +
  '  - { label: Mastodon, url: "https://example.social/@tom" }\n' +
  '  - { label: Site, url: "https://tom.example/" }\n---\nTom covers trade.\n';

/** A newsroom with a logo, a tagline, an author with a photo and links, and one story by two authors. */
async function sampleNewsroom(): Promise<Newsroom> {
  const dir = contentTree({
    "publication.ts": PUBLICATION,
    "authors/tom-weller.md": AUTHOR,
    "news/2024/a.md": articleFile(
      "title: Rice quotas rise\ndate: 2024-03-01\nauthor: [tom-weller, ana-lim]\ntags: [Rice, Trade]",
    ),
  });
  return (await load(dir)).newsroom;
}

const home = suite("the home page's structured data names the publication and its search");

home(
  "the NewsMediaOrganization has an @id, name, url, raster logo and tagline, and expands with schema.org's context",
  async () => {
    const newsroom = await sampleNewsroom();
    const organization = organizationJsonLd(newsroom);
    assert.equal(organization, {
      "@context": "https://schema.org",
      "@type": "NewsMediaOrganization",
      "@id": "https://test.example/#organization",
      name: "Test Ledger",
      url: "https://test.example/",
      logo: { "@type": "ImageObject", url: "https://test.example/assets/img/logo.png" },
      description: "News, tested",
    });
    const [node] = await expandSchemaOrg(organization);
    assert.equal(node?.["@type"], ["http://schema.org/NewsMediaOrganization"]);
    assert.is(firstValue(node, "url"), "https://test.example/");
  },
);

home("the WebSite's SearchAction fills /search/?q= with the reader's words, as Google's search box asks", async () => {
  const newsroom = await sampleNewsroom();
  const site = webSiteJsonLd(newsroom);
  assert.equal(site, {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "@id": "https://test.example/#website",
    name: "Test Ledger",
    url: "https://test.example/",
    description: "News, tested",
    inLanguage: "en-GB",
    publisher: { "@id": "https://test.example/#organization" },
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: "https://test.example/search/?q={search_term_string}" },
      "query-input": "required name=search_term_string",
    },
  });
  const [node] = await expandSchemaOrg(site);
  const [action] = (node?.["http://schema.org/potentialAction"] ?? []) as Record<string, unknown>[];
  assert.equal(action?.["@type"], ["http://schema.org/SearchAction"]);
  const [target] = (action?.["http://schema.org/target"] ?? []) as Record<string, unknown>[];
  assert.is(firstValue(target, "urlTemplate"), "https://test.example/search/?q={search_term_string}");
});

home("without a logo or tagline in publication.ts the organization goes without them", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  assert.equal(organizationJsonLd(newsroom), {
    "@context": "https://schema.org",
    "@type": "NewsMediaOrganization",
    "@id": "https://test.example/#organization",
    name: "Test Ledger",
    url: "https://test.example/",
  });
});

home.run();

const profile = suite("an author's page is a ProfilePage whose main entity is the Person");

profile(
  "the Person has name, url, jobTitle, a square photo at an absolute address and sameAs without email",
  async () => {
    const newsroom = await sampleNewsroom();
    const author = newsroom.authors.find((candidate) => candidate.key === "tom-weller");
    assert.ok(author?.photo);
    const data = profilePageJsonLd(newsroom, author, author.url);
    const image = `https://test.example${portraitImage(author.photo).src}`;
    assert.match(image, /^https:\/\/test\.example\/img\/tom-weller-[0-9a-f]{8}-320\.jpeg$/);
    assert.equal(data, {
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      url: "https://test.example/authors/tom-weller/",
      inLanguage: "en-GB",
      isPartOf: { "@id": "https://test.example/#website" },
      mainEntity: {
        "@type": "Person",
        name: "Tom Weller",
        url: "https://test.example/authors/tom-weller/",
        jobTitle: "Editor-at-large",
        image,
        sameAs: ["https://example.social/@tom", "https://tom.example/"],
        worksFor: { "@id": "https://test.example/#organization" },
      },
    });
    const [node] = await expandSchemaOrg(data);
    const [person] = (node?.["http://schema.org/mainEntity"] ?? []) as Record<string, unknown>[];
    assert.equal(person?.["@type"], ["http://schema.org/Person"]);
    assert.equal(person?.["http://schema.org/sameAs"], [
      { "@id": "https://example.social/@tom" },
      { "@id": "https://tom.example/" },
    ]);
    assert.is(firstValue(person, "image"), image);
  },
);

profile("an author without role, photo or web links is a Person with a name and url only", async () => {
  const newsroom = await sampleNewsroom();
  const author = newsroom.authors.find((candidate) => candidate.key === "ana-lim");
  assert.ok(author);
  assert.equal(profilePageJsonLd(newsroom, author, "/authors/ana-lim/page/2/").mainEntity, {
    "@type": "Person",
    name: "Ana Lim",
    url: "https://test.example/authors/ana-lim/",
    worksFor: { "@id": "https://test.example/#organization" },
  });
});

profile.run();

const collection = suite("topic and archive pages are CollectionPages of the site");

collection("a collection page has its absolute url, name, description and language, and expands", async () => {
  const newsroom = await sampleNewsroom();
  const data = collectionPageJsonLd(newsroom, { path: "/topics/rice/", name: "Rice", description: "Rice news." });
  assert.equal(data, {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    url: "https://test.example/topics/rice/",
    name: "Rice",
    description: "Rice news.",
    inLanguage: "en-GB",
    isPartOf: { "@id": "https://test.example/#website" },
  });
  const [node] = await expandSchemaOrg(data);
  assert.equal(node?.["@type"], ["http://schema.org/CollectionPage"]);
  assert.is(firstValue(node, "isPartOf"), "https://test.example/#website");
});

collection.run();

const crumbs = suite("an article's breadcrumbs run home › its first topic › the story");

crumbs(
  "three ListItems in order, all but the story with an absolute item, expand with schema.org's context",
  async () => {
    const newsroom = await sampleNewsroom();
    const article = newsroom.articles[0];
    assert.ok(article);
    const data = breadcrumbJsonLd(newsroom, article);
    assert.equal(data, {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Test Ledger", item: "https://test.example/" },
        { "@type": "ListItem", position: 2, name: "Rice", item: "https://test.example/topics/rice/" },
        { "@type": "ListItem", position: 3, name: "Rice quotas rise" },
      ],
    });
    const [node] = await expandSchemaOrg(data);
    const items = (node?.["http://schema.org/itemListElement"] ?? []) as Record<string, unknown>[];
    assert.equal(
      items.map((item) => [firstValue(item, "position"), firstValue(item, "item")]),
      [
        [1, "https://test.example/"],
        [2, "https://test.example/topics/rice/"],
        [3, undefined],
      ],
    );
  },
);

crumbs.run();

const article = suite("the NewsArticle's authors link to their author pages");

article("each co-author is a Person with an absolute url of their page, and the article expands", async () => {
  const newsroom = await sampleNewsroom();
  const story = newsroom.articles[0];
  assert.ok(story);
  const data = newsArticleJsonLd(newsroom, story);
  assert.equal(data.author, [
    { "@type": "Person", name: "Tom Weller", url: "https://test.example/authors/tom-weller/" },
    { "@type": "Person", name: "Ana Lim", url: "https://test.example/authors/ana-lim/" },
  ]);
  const [node] = await expandSchemaOrg(data);
  const authors = (node?.["http://schema.org/author"] ?? []) as Record<string, unknown>[];
  assert.equal(
    authors.map((author) => firstValue(author, "url")),
    ["https://test.example/authors/tom-weller/", "https://test.example/authors/ana-lim/"],
  );
});

article("a term schema.org's context does not define is refused before expansion", async () => {
  try {
    await expandSchemaOrg({ "@context": "https://schema.org", "@type": "NewsArticle", headlien: "A typo" });
    assert.unreachable("a misspelt property was accepted");
  } catch (error) {
    assert.is((error as Error).message, "not terms of schema.org's context: headlien");
  }
});

article.run();
