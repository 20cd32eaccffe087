import { existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { imageSize } from "image-size";
import type { Problem } from "./problems.ts";
import { type Publication, PublicationSchema } from "./schema.ts";
import { displayPath, pathPart } from "./sources.ts";

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
  // The modification time busts the module cache, so the dev server sees edits.
  const url = `${pathToFileURL(path).href}?v=${(await stat(path)).mtimeMs}`;
  const module: { default?: unknown } = await import(url);
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
