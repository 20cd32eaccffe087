import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** A copy of the project that a test may change: the folders it changes are copied, the rest are linked. */
export function projectCopy(changes: {
  layouts?: (layouts: string) => void;
  assets?: (assets: string) => void;
}): string {
  const project = mkdtempSync(join(tmpdir(), "newsdesk-project-"));
  // The pictures' cache is shared too, so a copy does not make every picture again.
  mkdirSync(resolve(".cache"), { recursive: true });
  for (const name of [".eleventy.ts", "tsconfig.json", "package.json", "src", "node_modules", ".cache"])
    symlinkSync(resolve(name), join(project, name));
  for (const [folder, change] of [
    ["layouts", changes.layouts],
    ["assets", changes.assets],
  ] as const) {
    // tsx applies the project's tsconfig.json (JSX settings included) only to files inside the project, and a
    // symbolic link resolves outside it: layouts are always copied.
    if (!change && folder !== "layouts") {
      symlinkSync(resolve(folder), join(project, folder));
      continue;
    }
    cpSync(folder, join(project, folder), { recursive: true });
    change?.(join(project, folder));
  }
  return project;
}

/**
 * `text` with its one `search` replaced: a test that breaks a layout or varies a file this way throws when `search` is
 * missing or repeated, instead of silently testing the text unchanged.
 */
export function replacedOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at === -1) throw new Error(`the text to change no longer contains ${JSON.stringify(search)}`);
  if (text.indexOf(search, at + 1) !== -1) throw new Error(`the text to change holds ${JSON.stringify(search)} twice`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}
