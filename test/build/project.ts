import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** A copy of the project that a test may change: the folders it changes are copied, the rest are linked. */
export function projectCopy(changes: {
  layouts?: (layouts: string) => void;
  assets?: (assets: string) => void;
}): string {
  const project = mkdtempSync(join(tmpdir(), "newsdesk-project-"));
  for (const name of [".eleventy.ts", "tsconfig.json", "package.json", "src", "node_modules"])
    symlinkSync(resolve(name), join(project, name));
  for (const [folder, change] of [
    ["layouts", changes.layouts],
    ["assets", changes.assets],
  ] as const) {
    if (!change) {
      symlinkSync(resolve(folder), join(project, folder));
      continue;
    }
    cpSync(folder, join(project, folder), { recursive: true });
    change(join(project, folder));
  }
  return project;
}
