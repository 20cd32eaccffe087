import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import type { Picture, PictureFile } from "./schema.ts";

/**
 * What reading a picture file found: a file the build resizes (with a warning when it is far larger than any
 * screen needs), one it shows as it is, or why it cannot be used.
 */
export type Measured =
  | { file: PictureFile; warning?: string }
  | { asIs: true }
  | {
      problem: string;
      /** There is no file at the path. */
      missing?: true;
    };

/** Past this many pixels a side, a picture is larger than any screen needs: the build warns. */
export const LARGE_PICTURE_SIDE = 8000;
/** The most pixels the build decodes in one picture (20,000 × 20,000): sharp refuses more, to bound memory. */
export const MAX_PICTURE_PIXELS = 20_000 * 20_000;

const RESIZED = new Set(["jpg", "png", "webp", "avif"]);
const cache = new Map<string, { stamp: string; measured: Measured; run: number }>();
let run = 0;

/**
 * Starts a run (a build, a check, a dev-server rebuild): in it, each picture is looked at once, however many
 * articles show it.
 */
export function newPictureRun(): void {
  run++;
}

/**
 * Reads a local picture's size, format and a hash of its bytes: once a run (see newPictureRun), and again in a later
 * run only when its size or time changed, for the dev server. A picture on another site, an SVG or a GIF is shown as
 * it is; anything else that does not read as a picture is a problem to report.
 */
export function measurePicture(src: string, publicDir: string): Measured {
  if (/^https?:\/\//.test(src)) return { asIs: true };
  const path = join(publicDir, decodeURI(src));
  const known = cache.get(path);
  if (known?.run === run) return known.measured;
  const stats = statSync(path, { throwIfNoEntry: false });
  const stamp = stats?.isFile() ? `${stats.mtimeMs} ${stats.size}` : "no file";
  const measured =
    known?.stamp === stamp
      ? known.measured
      : stamp === "no file"
        ? { problem: `no file at ${src}`, missing: true as const }
        : readPicture(path);
  cache.set(path, { stamp, measured, run });
  return measured;
}

function readPicture(path: string): Measured {
  const bytes = readFileSync(path);
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { problem: "is not a picture the build can read: save it as JPEG, PNG, WebP or AVIF" };
  }
  if (size.type === "svg") {
    // Opened on its own, an SVG runs its scripts with the site's rights.
    if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(bytes.toString("utf8")))
      return {
        problem:
          "holds a script or an event handler, which would run on the site if a reader opened the picture: " +
          "export it again without them, or save it as PNG",
      };
    return { asIs: true };
  }
  if (size.type === "gif") return { asIs: true };
  if (!size.type || !RESIZED.has(size.type))
    return { problem: `is a ${size.type ?? "file of unknown"} picture: save it as JPEG, PNG, WebP or AVIF` };
  if (truncated(bytes, size.type))
    return { problem: "is cut short (the file ends before the picture does): copy it again from the original" };
  if (size.width * size.height > MAX_PICTURE_PIXELS)
    return {
      problem:
        `is ${size.width} × ${size.height} pixels, more than the build reads (${MAX_PICTURE_PIXELS / 1e6} ` +
        `megapixels): save it at most 4000 pixels wide`,
    };
  // EXIF orientations 5–8 turn the picture a quarter: it is shown with width and height swapped.
  const turned = (size.orientation ?? 1) >= 5;
  const large = Math.max(size.width, size.height) > LARGE_PICTURE_SIDE;
  return {
    ...(large
      ? {
          warning:
            `is ${size.width} × ${size.height} pixels, far more than any screen shows: every build that makes ` +
            `its sizes takes longer; save it at most 4000 pixels wide`,
        }
      : {}),
    file: {
      path,
      width: turned ? size.height : size.width,
      height: turned ? size.width : size.height,
      format: size.type === "jpg" ? "jpeg" : (size.type as PictureFile["format"]),
      hash: createHash("sha256").update(bytes).digest("hex").slice(0, 16),
    },
  };
}

/**
 * Whether a JPEG or PNG stops before its end: a copy or an upload cut short. A JPEG's picture data starts at its
 * first SOS marker (FF DA) and ends with EOI (FF D9), which cannot occur inside the data; data appended after EOI
 * (a phone's motion photo) is fine. A PNG ends with its IEND chunk.
 */
function truncated(bytes: Buffer, type: string): boolean {
  if (type === "jpg") {
    const scan = bytes.indexOf(Buffer.from([0xff, 0xda]));
    return scan === -1 || bytes.indexOf(Buffer.from([0xff, 0xd9]), scan) === -1;
  }
  if (type === "png") return bytes.lastIndexOf("IEND") === -1;
  return false;
}

/**
 * The picture with its file measured, when the build resizes it. Copied with Object.assign, not spread: V8 gives an
 * object spread and then given a field of its own a hidden class of its own, one for each article's picture.
 */
export function withFile<Kind extends Picture>(picture: Kind, publicDir: string): Kind {
  const measured = measurePicture(picture.src, publicDir);
  return "file" in measured ? Object.assign({}, picture, { file: measured.file }) : picture;
}
