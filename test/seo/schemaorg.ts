import { readFileSync } from "node:fs";
import jsonld, { type ContextDefinition, type Options } from "jsonld";

/** schema.org's context, in the part the site uses (test/fixtures/schemaorg/README.md says where it is from). */
const CONTEXT = JSON.parse(readFileSync("test/fixtures/schemaorg/context.jsonld", "utf8")) as {
  "@context": ContextDefinition;
};

const SCHEMA_ORG = new Set(["https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"]);

/**
 * Google's sitelinks search box names the search placeholder with `query-input`, an Action annotation schema.org
 * documents (https://schema.org/docs/actions.html) but its context leaves to `@vocab`.
 */
const ANNOTATIONS = new Set(["query-input"]);

/** A JSON-LD document expanded: a list of nodes with full IRIs for keys. */
export type Expanded = Awaited<ReturnType<typeof jsonld.expand>>;

/** Serves schema.org's context from the repository; any other address fails, since tests have no network. */
export const documentLoader: NonNullable<Options.Expand["documentLoader"]> = async (url) => {
  if (!SCHEMA_ORG.has(url)) throw new Error(`the tests load no document from ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: CONTEXT };
};

/** Every property name used anywhere in a JSON-LD document, keywords (`@type`, `@id`…) left out. */
export function termsUsed(value: unknown): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap(termsUsed))].sort();
  if (value === null || typeof value !== "object") return [];
  const entries = Object.entries(value);
  const own = entries.map(([key]) => key).filter((key) => !key.startsWith("@"));
  return [...new Set([...own, ...entries.flatMap(([, child]) => termsUsed(child))])].sort();
}

/**
 * The document expanded by the `jsonld` processor in safe mode (which throws on anything it would drop), after
 * checking that every property and type it uses is a term of schema.org's context.
 */
export async function expandSchemaOrg(document: object): Promise<Expanded> {
  const terms = CONTEXT["@context"];
  const types = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.flatMap(types)
      : value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([key, child]) => (key === "@type" ? [child].flat().map(String) : types(child)))
        : [];
  const unknown = [...termsUsed(document), ...types(document)].filter(
    (term) => !(term in terms) && !ANNOTATIONS.has(term),
  );
  if (unknown.length > 0) throw new Error(`not terms of schema.org's context: ${[...new Set(unknown)].join(", ")}`);
  const options: Options.Expand & { safe: boolean } = { documentLoader, safe: true };
  return jsonld.expand(document, options);
}

/** The first value of a property of an expanded node: its `@value` or `@id`. */
export function firstValue(node: unknown, property: string): unknown {
  const values = (node as Record<string, unknown[]>)[`http://schema.org/${property}`];
  const first = values?.[0] as { "@value"?: unknown; "@id"?: unknown } | undefined;
  return first?.["@value"] ?? first?.["@id"];
}
