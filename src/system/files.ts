import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Text or bytes as a short hash (SHA-1, base64), to tell one version of them from another. */
export function textHash(text: string | Buffer): string {
  return createHash("sha1").update(text).digest("base64");
}

/** A file's bytes as a short hash (`textHash`), to tell one version of the file from another. */
export function fileHash(path: string): string {
  return textHash(readFileSync(path));
}

/**
 * Writes `text` to `file` whole: under another name first, then renamed, so that a run stopped midway, or two at
 * once, never leave half a file. False, with nothing left behind, when the disk refuses it (full, read-only): what
 * is written this way is only ever a shortcut, made again next time.
 */
export function writeWhole(file: string, text: string, encoding: BufferEncoding = "utf8"): boolean {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, text, encoding);
    renameSync(partial, file);
    return true;
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written, or nothing can be removed (a file where the folder should be).
    }
    return false;
  }
}
