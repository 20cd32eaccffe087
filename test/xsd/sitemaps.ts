import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

/**
 * libxml2 takes one schema: this one imports the sitemap protocol's and Google News's, so `news:` elements are checked
 * too.
 */
const SITEMAP_WITH_NEWS = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="sitemap-news.xsd"/>
</xsd:schema>
`;

/**
 * What libxml2 finds wrong with sitemaps (news extension included) against the schemas in test/xsd/, each error
 * starting with its file's name; empty when all are valid. One call checks them all: each call starts WebAssembly anew.
 */
export async function sitemapSchemaErrors(files: Record<string, string>): Promise<string[]> {
  const result = await validateXML({
    xml: Object.entries(files).map(([fileName, contents]) => ({ fileName, contents })),
    schema: [{ fileName: "sitemap-with-news.xsd", contents: SITEMAP_WITH_NEWS }],
    preload: ["sitemap.xsd", "sitemap-news.xsd"].map((name) => ({
      fileName: name,
      contents: readFileSync(fileURLToPath(new URL(name, import.meta.url)), "utf8"),
    })),
  });
  return result.errors.map((error) => error.rawMessage);
}
