import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync } from "node:fs";
import { type Node, parseDocument, visit } from "yaml";

/**
 * The largest content file read: 1 MB. A long feature is under 100 KB of Markdown; anything bigger is a
 * pasted data dump or a mistake, and would make a page too heavy to read on a phone.
 */
export const MAX_CONTENT_BYTES = 1_000_000;

/** A content file's text, or why it cannot be used (with the line, when there is one). */
export type ContentText = { ok: true; text: string } | { ok: false; message: string; line?: number };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Opening with O_NOFOLLOW refuses a symbolic link in one system call; where the system has no such flag, lstat asks
 * first.
 */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

function symlinkRefusal(path: string): ContentText {
  return {
    ok: false,
    message:
      `is a symbolic link (to ${readlinkSync(path)}): content must be ordinary files in the repository, so ` +
      `it was not read; replace the link with the file itself`,
  };
}

/**
 * Reads a content file as UTF-8 text, refusing what must never reach the parser: a symbolic link (its target
 * is never read, so a link to /etc/passwd cannot be published), anything but a plain file, an empty file,
 * a file over MAX_CONTENT_BYTES and bytes that are not UTF-8. A leading byte-order mark is dropped.
 * Synchronous: a build reads thousands of small files, and each asynchronous call costs more than the read.
 */
export function readContentText(path: string): ContentText {
  if (NO_FOLLOW === 0 && lstatSync(path).isSymbolicLink()) return symlinkRefusal(path);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") return symlinkRefusal(path);
    throw error;
  }
  let bytes: Buffer;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, message: "is not a file: only Markdown files belong here" };
    if (info.size === 0)
      return { ok: false, message: "is empty: it needs front matter between --- lines, then the text" };
    if (info.size > MAX_CONTENT_BYTES) {
      return {
        ok: false,
        message:
          `is ${Math.ceil(info.size / 1000)} kB, over the ${MAX_CONTENT_BYTES / 1000} kB (1 MB) limit for ` +
          `one content file: split it, or link to large data instead of pasting it`,
      };
    }
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // The decoder drops a leading byte-order mark, as editors on Windows write one.
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const { offset, line } = firstInvalidUtf8(bytes);
    return {
      ok: false,
      line,
      message:
        `is not UTF-8 text: byte ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")}) is ` +
        `invalid; save the file as UTF-8 in your editor`,
    };
  }
}

/** The first byte that is not UTF-8, and its line: the line that fails to decode, then its shortest failing prefix. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } {
  // 0x0a never occurs inside a multi-byte sequence, so each line decodes on its own.
  let line = 1;
  let lineStart = 0;
  while (lineStart <= bytes.length) {
    const newline = bytes.indexOf(0x0a, lineStart);
    const lineEnd = newline === -1 ? bytes.length : newline;
    if (!decodes(bytes.subarray(lineStart, lineEnd), false)) {
      let end = lineStart + 1;
      // With `stream`, an unfinished sequence at the end waits for more bytes; only a wrong byte throws.
      while (end < lineEnd && decodes(bytes.subarray(lineStart, end), true)) end++;
      // The broken sequence starts after the longest prefix that is complete, valid text.
      let start = end - 1;
      while (start > lineStart && !decodes(bytes.subarray(lineStart, start), false)) start--;
      return { offset: start, line };
    }
    line++;
    lineStart = lineEnd + 1;
  }
  return { offset: 0, line: 1 };
}

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * The first control character other than tab and line breaks (C0, DEL, C1): HTML forbids them in a page
 * (https://html.spec.whatwg.org/multipage/parsing.html#parse-error-control-character-in-input-stream), and they
 * come unseen with text pasted from other programs.
 */
function controlCharacter(text: string): { line: number; message: string } | undefined {
  const match = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(text);
  if (!match) return undefined;
  const code = `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return {
    line: text.slice(0, match.index).split("\n").length,
    message:
      `holds the invisible control character ${code}, which a web page cannot show: delete it (it often ` +
      `comes with pasted text)`,
  };
}

/** Text that is a content file's front matter: starts with a `---` line. */
export function hasFrontMatter(text: string): boolean {
  return /^---[ \t]*\r?\n/.test(text.replace(/^\uFEFF/, ""));
}

/**
 * YAML anchors (`&name`) and aliases (`*name`) in front matter, with their 1-based lines in the YAML text.
 * Writers never need them, and a few nested aliases expand to billions of values ("billion laughs") once the
 * schema walks them, so front matter may not use them. https://yaml.org/spec/1.2.2/#anchors-and-aliases
 */
export function yamlReferences(yamlText: string): { line: number; message: string }[] {
  // Only text with `&` or `*` can have one; titles like "Banking & Finance" pay for a second parse.
  if (!/[&*]/.test(yamlText)) return [];
  const document = parseDocument(yamlText, { schema: "core" });
  const lineOf = (offset: number) => yamlText.slice(0, offset).split("\n").length;
  const found: { line: number; message: string }[] = [];
  const anchored = (node: Node) => {
    if (node.anchor)
      found.push({
        line: lineOf(node.range?.[0] ?? 0),
        message: `the YAML anchor &${node.anchor} is not allowed in front matter: write each value out in full`,
      });
  };
  visit(document, {
    Alias(_, node) {
      found.push({
        line: lineOf(node.range?.[0] ?? 0),
        message: `the YAML alias *${node.source} is not allowed in front matter: write the value out in full`,
      });
    },
    Scalar: (_, node) => anchored(node),
    Map: (_, node) => anchored(node),
    Seq: (_, node) => anchored(node),
  });
  return found.sort((a, b) => a.line - b.line);
}

/**
 * What makes a readable file unusable as content, beyond broken YAML: no front matter at all, a control
 * character, or YAML anchors and aliases (looked for only when the YAML itself is sound). Lines are the file's,
 * 1-based.
 */
export function frontMatterProblems(
  text: string,
  bodyLine: number,
  yamlBroken: boolean,
): { line?: number; message: string }[] {
  const control = controlCharacter(text);
  if (control) return [control];
  if (yamlBroken) return [];
  if (!hasFrontMatter(text))
    return [
      { line: 1, message: "has no front matter: start the file with a --- line, the fields, and another --- line" },
    ];
  const yamlText = text
    .split("\n")
    .slice(1, bodyLine - 2)
    .join("\n");
  return yamlReferences(yamlText).map((problem) => ({ line: problem.line + 1, message: problem.message }));
}
