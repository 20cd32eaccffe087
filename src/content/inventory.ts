import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Problem } from "./problems.ts";
import { displayPath } from "./sources.ts";

/**
 * The folders of `content/` whose `.md` files a loader reads, each recursively; add one when a loader starts reading
 * it.
 */
export const CONTENT_FOLDERS = ["news", "authors", "topics", "editions"] as const;

/** A file name that a writer meant as Markdown, whatever the case of its extension. */
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)$/i;

/**
 * Everything under `contentDir` that looks like content but that no loader will read, so that no story is lost
 * without a word: Markdown outside the content folders or with another extension (`.MD`, `.markdown`), and
 * symbolic links to folders (the loaders do not follow them). Each is an error: a warning would scroll past
 * in a CI log while the story stayed unpublished.
 */
export async function unreadContent(contentDir: string): Promise<Problem[]> {
  if (!existsSync(contentDir)) return [];
  const problems: Problem[] = [];
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const inside = relative(contentDir, path).split(sep);
    // The first part is a content folder and the name ends in .md only for a file inside that folder.
    const read = (CONTENT_FOLDERS as readonly string[]).includes(inside[0] ?? "") && entry.name.endsWith(".md");
    if (entry.isSymbolicLink() && !read && (await stat(path).catch(() => undefined))?.isDirectory()) {
      const instead = `put the files themselves in ${displayPath(contentDir) || "."}/`;
      const message = `is a symbolic link to a folder: nothing in it is read; ${instead}`;
      problems.push({ file: displayPath(path), field: "", message, severity: "error" });
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MARKDOWN_NAME.test(entry.name) && !read) {
      const where =
        `articles go in news/<yyyy>/, authors in authors/, topics in topics/ and newsletter editions in ` +
        `editions/, as .md files`;
      const message = entry.name.endsWith(".md")
        ? `is not read by any part of the build, so it would never be published: ${where}`
        : `is not read: only files ending in .md are; rename it to ${entry.name.replace(MARKDOWN_NAME, ".md")}`;
      problems.push({ file: displayPath(path), field: "", message, severity: "error" });
    }
  }
  return problems;
}
