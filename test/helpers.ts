import { relative } from "node:path";
import { DateTime } from "luxon";
import { ContentError, formatProblem } from "../src/content/problems.ts";
import { type LoadResult, loadNewsroom } from "../src/newsroom/load.ts";

export { articleFile, contentTree, validFields } from "../support/content.ts";

/** The instant the unit tests treat as "now". */
export const NOW = DateTime.fromISO("2024-06-01T00:00:00Z");

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
