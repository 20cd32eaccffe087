import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BuildFailure } from "esbuild";
import { imageSize } from "image-size";
import { fileHash, writeWhole } from "../system/files.ts";
import type { Problem } from "./problems.ts";
import { type Publication, PublicationSchema } from "./schema.ts";
import { displayPath, pathPart } from "./sources.ts";

/** Where `publication.ts` is kept as JavaScript, with a hash of each file it was made from. */
const COMPILED = join(".cache", "publication.json");

interface Compiled {
  entry: string;
  inputs: [string, string][];
  code: string;
}

/** The JavaScript kept for `entry` (an absolute path), while every file it was made from is unchanged. */
function keptCode(entry: string): string | undefined {
  try {
    const kept = JSON.parse(readFileSync(COMPILED, "utf8")) as Compiled;
    if (kept.entry !== entry) return undefined;
    return kept.inputs.every(([path, hash]) => existsSync(path) && fileHash(path) === hash) ? kept.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `publication.ts` as JavaScript, made by esbuild with whatever it imports, or the problems that stop it (not valid
 * TypeScript). Kept in `.cache/` while the files it was made from are unchanged: starting esbuild takes about
 * 0.15 s, and `npm run check` would pay it on every run.
 * https://esbuild.github.io/api/#build
 */
async function publicationCode(path: string, file: string, problems: Problem[]): Promise<string | undefined> {
  const entry = resolve(path);
  const kept = keptCode(entry);
  if (kept !== undefined) return kept;
  const esbuild = await import("esbuild");
  // The metafile names its inputs relative to the working folder; esbuild's service would take the one it started in.
  const workingDir = process.cwd();
  const build = () =>
    esbuild.build({
      absWorkingDir: workingDir,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
  try {
    const built = await build();
    const code = built.outputFiles[0]?.text ?? "";
    // Kept only when a second build, after the files were hashed, gives the same: none changed while being read.
    const inputs = Object.keys(built.metafile.inputs).map((input): [string, string] => {
      const path = resolve(workingDir, input);
      return [path, fileHash(path)];
    });
    const again = await build();
    if (again.outputFiles[0]?.text === code) writeWhole(COMPILED, JSON.stringify({ entry, inputs, code }));
    return code;
  } catch (error) {
    const failures = (error as Partial<BuildFailure>).errors ?? [];
    for (const failure of failures) {
      problems.push({
        file: failure.location ? displayPath(failure.location.file) : file,
        line: failure.location?.line,
        field: "",
        message: `is not valid TypeScript: ${failure.text}`,
        severity: "error",
      });
    }
    if (failures.length === 0) throw error;
    return undefined;
  }
}

/**
 * The module `publication.ts` exports, run from memory as JavaScript (`publicationCode`), so it loads the same with
 * or without tsx and is read again when it or a file it imports changed; undefined, with the reason as a problem,
 * when it is not valid TypeScript or throws.
 */
async function runPublication(
  path: string,
  file: string,
  problems: Problem[],
): Promise<{ default?: unknown } | undefined> {
  const code = await publicationCode(path, file, problems);
  if (code === undefined) return undefined;
  try {
    return await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  } catch (error) {
    problems.push({ file, field: "", message: `could not be run: ${(error as Error).message}`, severity: "error" });
    return undefined;
  }
}

/** Reads and validates `publication.ts` in `contentDir`, reporting problems; undefined when it is unusable. */
export async function loadPublication(contentDir: string, problems: Problem[]): Promise<Publication | undefined> {
  const path = join(contentDir, "publication.ts");
  const file = displayPath(path);
  if (!existsSync(path)) {
    problems.push({
      file,
      field: "",
      message: "is missing: it holds the publication's name, base URL, time zone and language",
      severity: "error",
    });
    return undefined;
  }
  const module = await runPublication(path, file, problems);
  if (!module) return undefined;
  const result = PublicationSchema.safeParse(module.default);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, field: issue.path.map(pathPart).join("."), message: issue.message, severity: "error" });
  }
  return undefined;
}

// The smallest logo Google takes, and the raster formats taken here:
// https://developers.google.com/search/docs/appearance/structured-data/organization
const MIN_LOGO_WIDTH = 112;
const LOGO_FORMATS = new Set(["png", "jpg", "webp"]);
const LOGO_WANTED = `Google wants a logo in PNG, JPEG or WebP, at least ${MIN_LOGO_WIDTH} pixels wide`;

/**
 * Reports a publication `logo` (already a path under /assets/) that is missing, not a raster picture, or too narrow.
 */
export function checkLogo(logo: string, contentDir: string, publicDir: string, problems: Problem[]): void {
  const report = (message: string): void => {
    problems.push({ file: displayPath(join(contentDir, "publication.ts")), field: "logo", message, severity: "error" });
  };
  const path = join(publicDir, decodeURI(logo));
  if (!existsSync(path)) {
    report(`no file at ${logo}: put the picture at ${displayPath(path)} or fix the path`);
    return;
  }
  let size: { width: number; type?: string } | undefined;
  try {
    size = imageSize(readFileSync(path));
  } catch {
    size = undefined;
  }
  if (size?.type === "svg") report(`${logo} is an SVG picture; ${LOGO_WANTED}`);
  else if (!size?.type || !LOGO_FORMATS.has(size.type))
    report(`${logo} is not a picture that can be read; ${LOGO_WANTED}`);
  else if (size.width < MIN_LOGO_WIDTH) {
    report(`${logo} is ${size.width} pixels wide; Google wants a logo at least ${MIN_LOGO_WIDTH} pixels wide`);
  }
}
