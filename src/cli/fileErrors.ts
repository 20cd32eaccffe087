import { relative } from "node:path";

/**
 * What the operating system's error codes mean to someone running a build.
 * https://man7.org/linux/man-pages/man3/errno.3.html
 */
const MEANINGS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the disk is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EBUSY: "it is in use (a mount point, or open in another program)",
  ENOENT: "a folder on its way is missing",
};

/** A file-system error with its code and, usually, the path it was about. */
export interface FileError {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

/**
 * The first error in a chain of causes (Eleventy wraps errors in its own) that the operating system raised about a
 * file: Node's file-system errors carry the failing call (`syscall`) and its code.
 */
export function findFileError(error: unknown): FileError | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    const { code, syscall } = current as Error & { code?: unknown; syscall?: unknown };
    if (typeof code === "string" && (code in MEANINGS || typeof syscall === "string"))
      return current as Error & FileError;
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

/** An error code in words: "the disk is full (ENOSPC)". */
export function meaning(code: string): string {
  return `${MEANINGS[code] ?? "the operating system refused"} (${code})`;
}

/** Codes that only writing raises. */
const WRITING = new Set(["ENOSPC", "EDQUOT", "EROFS"]);

/** The error in words: "could not write _site.building/assets/x.jpg: the disk is full (ENOSPC)". */
export function describeFileError(error: FileError): string {
  const path = error.dest ?? error.path;
  const where = path ? relative(".", path) || path : "the site";
  const what = WRITING.has(error.code)
    ? `could not write ${where}`
    : `${error.syscall ?? "a file operation"} failed on ${where}`;
  return `${what}: ${meaning(error.code)}`;
}
