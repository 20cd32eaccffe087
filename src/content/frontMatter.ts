import { CORE_SCHEMA, load } from "js-yaml";
import { isNode, LineCounter, parseDocument } from "yaml";
import { ownCopy } from "../site/text.ts";

/** A content file split into its front matter and Markdown body. */
export interface ParsedFile {
  data: unknown;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** 1-based line of a front-matter field path, like ["related", 1], when it is present. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** Problems reading the YAML itself: line and message. */
  yamlErrors: { line: number; message: string }[];
}

/** Whether parsed front matter has the top-level field `field`: only such a field has a line. */
export function hasField(data: unknown, field: string | number | undefined): boolean {
  return typeof data === "object" && data !== null && Object.hasOwn(data, field ?? "");
}

const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/**
 * Splits `---` front matter from the body and parses it as YAML with the core schema, so dates stay the text
 * the writer typed (luxon reads them later in the publication's zone) instead of becoming UTC `Date`s.
 */
export function parseContentFile(text: string): ParsedFile {
  const source = text.replace(/^\uFEFF/, "");
  const match = source.startsWith("---") ? fence.exec(source) : null;
  if (match?.index !== 0) {
    return {
      data: {},
      body: source,
      bodyLine: 1,
      lineOf: () => undefined,
      yamlErrors: source.startsWith("---") ? [{ line: 1, message: "front matter is not closed by a `---` line" }] : [],
    };
  }
  // Its own copy: the fields' strings are cut from it, and would otherwise keep the whole file (see ownCopy).
  const yamlText = ownCopy(match[1] ?? "");
  const parse = () => {
    const lineCounter = new LineCounter();
    return {
      lineCounter,
      document: parseDocument(yamlText, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true }),
    };
  };
  const offsetLine = 1; // the opening `---`
  // js-yaml reads the common, valid case fast; `yaml` (slower, but it knows lines) explains a failure.
  let data: unknown;
  let yamlErrors: ParsedFile["yamlErrors"] = [];
  try {
    data = load(yamlText, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    const { lineCounter, document } = parse();
    yamlErrors = document.errors.map((error) => ({
      line: lineCounter.linePos(error.pos[0]).line + offsetLine,
      message: error.message.split("\n")[0] ?? error.message,
    }));
    // js-yaml 5 refuses a document with no content (`---` then `---`, or only comments); `yaml` reads it as empty.
    if (yamlErrors.length === 0 && document.contents !== null)
      yamlErrors = [{ line: offsetLine + 1, message: "cannot be read as YAML" }];
    data = {};
  }
  let again: ReturnType<typeof parse> | undefined;
  return {
    data,
    body: source.slice(match[0].length),
    bodyLine: match[0].split("\n").length,
    yamlErrors,
    lineOf(path) {
      // A field that is not there has no line, and a file-level problem none either: no need to parse for them.
      if (!hasField(data, path[0])) return undefined;
      // Only files with problems ask, so the syntax tree is parsed again then rather than kept for every file;
      // once, though: a file with thousands of wrong fields would otherwise be parsed thousands of times.
      again ??= parse();
      // The deepest node that exists on the path: a wrong value points at itself, a missing field at its parent.
      for (let depth = path.length; depth > 0; depth--) {
        const node = again.document.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return again.lineCounter.linePos(node.range[0]).line + offsetLine;
      }
      return undefined;
    },
  };
}
