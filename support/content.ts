import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const publication =
  `export default { name: "Test Ledger", baseUrl: "https://test.example", timeZone: ` +
  `"Asia/Bangkok", language: "en", locale: "en-GB" };\n`;

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
