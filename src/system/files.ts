import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
 * is written this way is only ever a shortcut, made again next time. `text` may come in pieces, written one after
 * another, so that a large file is never held as one string.
 */
export function writeWhole(file: string, text: string | Iterable<string>, encoding: BufferEncoding = "utf8"): boolean {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    if (typeof text === "string") writeFileSync(partial, text, encoding);
    else {
      const fd = openSync(partial, "w");
      try {
        // Given a descriptor, writeFileSync writes on from where the last piece ended, all of it.
        for (const piece of text) writeFileSync(fd, piece, encoding);
      } finally {
        closeSync(fd);
      }
    }
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

/**
 * The lines of `file`, without their line ends, read a megabyte at a time: a large file is never held whole, as
 * bytes or as one string, only each line as it is read. A last line without a line end is a line too.
 */
export function* fileLines(file: string, encoding: BufferEncoding = "utf8"): Generator<string> {
  const fd = openSync(file, "r");
  try {
    let buffer = Buffer.allocUnsafe(1 << 20);
    let held = 0;
    for (let ended = false; !ended; ) {
      // A line longer than the buffer: room for it.
      if (held === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const read = readSync(fd, buffer, held, buffer.length - held, null);
      ended = read === 0;
      held += read;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < held; end = buffer.indexOf(10, start)) {
        yield buffer.toString(encoding, start, end);
        start = end + 1;
      }
      if (ended && start < held) yield buffer.toString(encoding, start, held);
      buffer.copy(buffer, 0, start, held);
      held -= start;
    }
  } finally {
    closeSync(fd);
  }
}
