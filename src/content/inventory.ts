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

/** One of the content folders. */
export type ContentFolder = (typeof CONTENT_FOLDERS)[number];

/**
 * Whether a file at `path` (not a folder) can change what a build of `contentDir` reads or refuses: one named as
 * Markdown, or any file outside the content folders (`publication.ts`). The other files in the content folders (an
 * editor's temporary copy, saved and renamed over the article; notes) are never read.
 */
export function mayBeContent(contentDir: string, path: string): boolean {
  const first = relative(contentDir, path).split(sep)[0] ?? "";
  return MARKDOWN_NAME.test(path) || !(CONTENT_FOLDERS as readonly string[]).includes(first);
}

/** The content folder's files, as one listing gives them. */
export interface ContentInventory {
  /** Every `.md` file under each content folder, sorted; none for a folder that is not there. */
  files: Record<ContentFolder, string[]>;
  /** What looks like content but that no loader will read: each an error naming the file. */
  unread: Problem[];
}

/**
 * Every file under `contentDir` the loaders read, and everything that looks like content but that no loader will
 * read, so that no story is lost without a word: Markdown outside the content folders or with another extension
 * (`.MD`, `.markdown`), and symbolic links to folders (the loaders do not follow them). Each of those is an error: a
 * warning would scroll past in a CI log while the story stayed unpublished. One listing of the folder gives both.
 */
export async function contentInventory(contentDir: string): Promise<ContentInventory> {
  const files: Record<ContentFolder, string[]> = { news: [], authors: [], topics: [], editions: [] };
  const unread: Problem[] = [];
  if (!existsSync(contentDir)) return { files, unread };
  // With file types, Node lists each folder once; with names alone it asks the disk about every entry.
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  // Worked out once per folder, not once per file (100,000 of them, listed again on every dev-server save): the
  // folder's path as `join` writes it, and its first part under the content folder.
  const folders = new Map<string, { base: string; first?: string }>();
  for (const entry of entries) {
    let parent = folders.get(entry.parentPath);
    if (!parent) {
      // join(folder, name) is the folder joined with a stand-in name, the name put in its place.
      const base = join(entry.parentPath, "_").slice(0, -1);
      parent = { base, first: relative(contentDir, entry.parentPath).split(sep)[0] || undefined };
      folders.set(entry.parentPath, parent);
    }
    const path = parent.base + entry.name;
    // A file straight in the content folder is its own first part.
    const first = parent.first ?? entry.name;
    // The first part is a content folder and the name ends in .md only for a file inside that folder.
    const folder = (CONTENT_FOLDERS as readonly string[]).includes(first) ? (first as ContentFolder) : undefined;
    const read = folder !== undefined && entry.name.endsWith(".md");
    if (read) files[folder].push(path);
    if (entry.isSymbolicLink() && !read && (await stat(path).catch(() => undefined))?.isDirectory()) {
      const instead = `put the files themselves in ${displayPath(contentDir) || "."}/`;
      const message = `is a symbolic link to a folder: nothing in it is read; ${instead}`;
      unread.push({ file: displayPath(path), field: "", message, severity: "error" });
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MARKDOWN_NAME.test(entry.name) && !read) {
      const where =
        `articles go in news/<yyyy>/, authors in authors/, topics in topics/ and newsletter editions in ` +
        `editions/, as .md files`;
      const message = entry.name.endsWith(".md")
        ? `is not read by any part of the build, so it would never be published: ${where}`
        : `is not read: only files ending in .md are; rename it to ${entry.name.replace(MARKDOWN_NAME, ".md")}`;
      unread.push({ file: displayPath(path), field: "", message, severity: "error" });
    }
  }
  for (const list of Object.values(files)) list.sort();
  return { files, unread };
}
