import { existsSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { htmlFiles, page } from "../../support/site.ts";
import { type Expanded, expandSchemaOrg, firstValue } from "../seo/schemaorg.ts";
import { fixtureSite, sampleSite } from "./fixture.ts";

const BASE = "https://fixture.example";
let site = "";

/** A node of an expanded document, as a record of full property IRIs. */
type Node = Record<string, unknown>;

/** Each JSON-LD script of a built page, parsed and expanded by the jsonld processor with schema.org's context. */
async function structuredData(builtSite: string, url: string): Promise<{ data: Node; expanded: Node }[]> {
  const $ = page(builtSite, url);
  const scripts = $('script[type="application/ld+json"]').toArray();
  return Promise.all(
    scripts.map(async (script) => {
      const data = JSON.parse($(script).text()) as Node;
      const expanded: Expanded = await expandSchemaOrg(data);
      assert.is(expanded.length, 1, `${url}: one node per script`);
      return { data, expanded: expanded[0] as Node };
    }),
  );
}

/** The expanded nodes' types, in the page's order. */
const types = (nodes: { expanded: Node }[]) => nodes.map(({ expanded }) => expanded["@type"]);

/** The nodes a property holds in an expanded node. */
const nodesOf = (node: Node | undefined, property: string) => (node?.[`http://schema.org/${property}`] ?? []) as Node[];

const pages = suite("every kind of page carries structured data that the jsonld processor expands with schema.org's");

pages.before(() => {
  site = fixtureSite({ now: "2024-05-02T00:00:00Z" }).site;
});

pages("the home page is a NewsMediaOrganization and a WebSite whose SearchAction goes to /search/?q=", async () => {
  const nodes = await structuredData(site, "/");
  assert.equal(types(nodes), [["http://schema.org/NewsMediaOrganization"], ["http://schema.org/WebSite"]]);
  const [organization, website] = nodes.map(({ expanded }) => expanded);
  assert.is(organization?.["@id"], `${BASE}/#organization`);
  assert.is(firstValue(organization, "name"), "Fixture Ledger");
  assert.is(firstValue(nodesOf(organization, "logo")[0], "url"), `${BASE}/assets/img/logo.png`);
  assert.is(firstValue(website, "publisher"), `${BASE}/#organization`);
  const [action] = nodesOf(website, "potentialAction");
  assert.equal(action?.["@type"], ["http://schema.org/SearchAction"]);
  assert.is(firstValue(nodesOf(action, "target")[0], "urlTemplate"), `${BASE}/search/?q={search_term_string}`);
  assert.is(firstValue(action, "query-input"), "required name=search_term_string");
});

pages("an author's page is a ProfilePage of a Person with name, jobTitle and a portrait the site serves", async () => {
  const nodes = await structuredData(site, "/authors/ana-lim/");
  assert.equal(types(nodes), [["http://schema.org/ProfilePage"]]);
  const [person] = nodesOf(nodes[0]?.expanded, "mainEntity");
  assert.equal(person?.["@type"], ["http://schema.org/Person"]);
  assert.is(firstValue(person, "name"), "Ana Lim");
  assert.is(firstValue(person, "url"), `${BASE}/authors/ana-lim/`);
  assert.is(firstValue(person, "jobTitle"), "Markets editor");
  const image = String(firstValue(person, "image"));
  assert.match(image, /^https:\/\/fixture\.example\/img\/.+\.jpeg$/);
  assert.ok(existsSync(join(site, image.slice(BASE.length))), image);
  // Her only link is an email address, which is no profile.
  assert.is(firstValue(person, "sameAs"), undefined);
});

pages("an author's web links become sameAs, email left out", async () => {
  const nodes = await structuredData(sampleSite(), "/authors/priya-raman/");
  const [person] = nodesOf(nodes[0]?.expanded, "mainEntity");
  assert.equal(person?.["http://schema.org/sameAs"], [
    { "@id": "https://example.social/@priyaraman" },
    { "@id": "https://example.org/priya-raman/reading-list" },
  ]);
});

pages("a topic's page, the archive and an archive month are CollectionPages of the site", async () => {
  for (const [url, name] of [
    ["/topics/china-bond/", "China Bond"],
    ["/archive/", "Archive"],
    ["/archive/2024/03/", "March 2024"],
  ] as const) {
    const nodes = await structuredData(site, url);
    assert.equal(types(nodes), [["http://schema.org/CollectionPage"]], url);
    assert.is(firstValue(nodes[0]?.expanded, "url"), BASE + url, url);
    assert.is(firstValue(nodes[0]?.expanded, "name"), name, url);
    assert.is(firstValue(nodes[0]?.expanded, "isPartOf"), `${BASE}/#website`, url);
  }
});

pages(
  "an article has its NewsArticle, authors linked to their pages, and breadcrumbs home › topic › story",
  async () => {
    const nodes = await structuredData(site, "/news/custom-full/");
    assert.equal(types(nodes), [["http://schema.org/NewsArticle"], ["http://schema.org/BreadcrumbList"]]);
    const [article, breadcrumbs] = nodes.map(({ expanded }) => expanded);
    assert.equal(
      nodesOf(article, "author").map((author) => [firstValue(author, "name"), firstValue(author, "url")]),
      [
        ["Ana Lim", `${BASE}/authors/ana-lim/`],
        ["Ben Tran", `${BASE}/authors/ben-tran/`],
      ],
    );
    assert.equal(
      nodesOf(breadcrumbs, "itemListElement").map((item) => [
        firstValue(item, "position"),
        firstValue(item, "name"),
        firstValue(item, "item"),
      ]),
      [
        [1, "Fixture Ledger", `${BASE}/`],
        [2, "China Bond", `${BASE}/topics/china-bond/`],
        [3, firstValue(article, "headline"), undefined],
      ],
    );
  },
);

pages("every JSON-LD script on every built page expands in safe mode with schema.org's context", async () => {
  let scripts = 0;
  for (const file of htmlFiles(site)) {
    const nodes = await structuredData(site, `/${file.replace(/index\.html$/, "")}`);
    scripts += nodes.length;
  }
  assert.ok(scripts > 10, String(scripts));
});

pages.run();
