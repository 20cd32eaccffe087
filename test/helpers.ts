import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { DateTime } from "luxon";
import { ContentError, formatProblem } from "../src/content/problems.ts";
import { type LoadResult, loadNewsroom } from "../src/newsroom/load.ts";

/** The instant the unit tests treat as "now". */
export const NOW = DateTime.fromISO("2024-06-01T00:00:00Z");

const publication = `export default { name: "Test Ledger", baseUrl: "https://test.example", timeZone: "Asia/Bangkok", language: "en", locale: "en-GB" };\n`;

/** Writes a content folder (publication, one author `ana-lim`, plus `files`) into a temporary directory. */
export function contentTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-content-"));
  const all: Record<string, string> = {
    "publication.ts": publication,
    "authors/ana-lim.md": "---\nname: Ana Lim\n---\nAna covers markets.\n",
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An article file from front-matter lines and a body. */
export function articleFile(frontMatter: string, body = "Body text.\n"): string {
  return `---\n${frontMatter.trim()}\n---\n${body}`;
}

/** A valid article's front matter, to vary one field at a time. */
export const validFields = `title: A valid story\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]`;

/** Loads a content tree as a production build at NOW. */
export function load(dir: string, preview = false): Promise<LoadResult> {
  return loadNewsroom({ contentDir: dir, publicDir: process.cwd(), now: NOW, preview });
}

/**
 * The formatted problems a content tree is rejected with, paths relative to the tree; with "warnings too", the
 * warnings as well, each line starting with its severity.
 */
export async function rejection(dir: string, include: "errors" | "warnings too" = "errors"): Promise<string[]> {
  const prefix = `${relative(process.cwd(), dir)}/`;
  return (await shownRejection(dir, include)).map((text) => text.replaceAll(prefix, ""));
}

/** The problems as rejection() gives them, but every path as the writer sees it, the temporary folder included. */
export async function shownRejection(dir: string, include: "errors" | "warnings too" = "errors"): Promise<string[]> {
  try {
    await load(dir);
  } catch (error) {
    if (error instanceof ContentError) {
      const shown =
        include === "errors" ? error.problems.filter((problem) => problem.severity === "error") : error.problems;
      return shown.map((problem) => (include === "errors" ? "" : `${problem.severity}: `) + formatProblem(problem));
    }
    throw error;
  }
  throw new Error("expected the content to be rejected");
}
