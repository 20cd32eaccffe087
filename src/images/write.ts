import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import Image from "@11ty/eleventy-img";
import sharp, { type Sharp } from "sharp";
import { MAX_PICTURE_PIXELS } from "../content/pictures.ts";
import type { Picture, PictureFile } from "../content/schema.ts";
import { processFolder } from "../system/processes.ts";
import { type Format, RENDITIONS_PATH, type Rendition } from "./renditions.ts";

/** A picture and the renditions of it the site shows. */
export interface PictureJob {
  picture: Picture & { file: PictureFile };
  /** The content file that shows it, for messages. */
  usedBy: string;
  renditions: Rendition[];
}

/** A picture that could not be made into its sizes: the message names the content file and the picture. */
export class PictureError extends Error {}

const firstLine = (message: string) => message.split("\n")[0]?.trim() ?? message;

/** What the encoders are asked for: quality that holds up on a photo, at an effort two cores can afford. */
const ENCODING = {
  sharpJpegOptions: { quality: 78, progressive: true, mozjpeg: true },
  sharpWebpOptions: { quality: 75 },
  sharpAvifOptions: { quality: 55, effort: 2 },
  sharpPngOptions: { compressionLevel: 9, palette: true },
};

/**
 * Makes every rendition with Eleventy Image and puts it in `outputDir` (under /img/). Each file is made once into
 * `cacheDir`, named by the hash of its source and cut, so later builds and the dev server only link it again; a
 * file is made in a folder of this build's own and renamed into the cache whole, so two builds at once never read
 * each other's half-written files.
 */
export async function writeRenditions(jobs: PictureJob[], outputDir: string, cacheDir: string): Promise<void> {
  // One picture at a time per core: more only holds more decoded pictures in memory (8 by default: 1.8 GB).
  Image.concurrency = availableParallelism();
  mkdirSync(cacheDir, { recursive: true });
  // The folders of builds killed while they made pictures go.
  const making = processFolder(cacheDir, ".making-");
  // Every file once, however many stories show its picture.
  const seen = new Set<string>();
  try {
    // One group per cut and width of a picture.
    const groups = new Map<string, { picture: PictureJob["picture"]; usedBy: string; renditions: Rendition[] }>();
    for (const { picture, usedBy, renditions } of jobs) {
      for (const rendition of renditions) {
        if (seen.has(rendition.url)) continue;
        seen.add(rendition.url);
        if (existsSync(join(cacheDir, basename(rendition.url)))) continue;
        const key = `${picture.file.path} ${rendition.url.replace(/\.[a-z]+$/, "")}`;
        const group = groups.get(key) ?? { picture, usedBy, renditions: [] };
        group.renditions.push(rendition);
        groups.set(key, group);
      }
    }
    // A damaged picture is found by decoding it once, before any file is made from it: named, and nothing is left
    // half made (Eleventy Image would go on writing its other formats after the first one failed).
    const pictures = new Map<string, { picture: PictureJob["picture"]; usedBy: string }>();
    for (const group of groups.values())
      if (!pictures.has(group.picture.file.path)) pictures.set(group.picture.file.path, group);
    for (const { picture, usedBy } of pictures.values()) await decodes(picture, usedBy);
    // Every picture is finished before the folder they are made in goes: a failure waits for the rest.
    const made = await Promise.allSettled(
      [...groups.values()].map(async ({ picture, usedBy, renditions }) => {
        await makeRenditions(picture, usedBy, renditions, making);
        for (const rendition of renditions)
          renameSync(join(making, basename(rendition.url)), join(cacheDir, basename(rendition.url)));
      }),
    );
    const failed = made.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
  const target = join(outputDir, RENDITIONS_PATH);
  mkdirSync(target, { recursive: true });
  for (const url of seen) {
    const name = basename(url);
    if (existsSync(join(target, name))) continue;
    try {
      linkSync(join(cacheDir, name), join(target, name));
    } catch (error) {
      // Another file system, or one without links: copy instead.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV" && (error as NodeJS.ErrnoException).code !== "EPERM")
        throw error;
      copyFileSync(join(cacheDir, name), join(target, name));
    }
  }
}

/** Decodes a picture in full, as strictly as its sizes will be made, or throws a PictureError naming it. */
async function decodes(picture: Picture & { file: PictureFile }, usedBy: string): Promise<void> {
  try {
    await sharp(picture.file.path, { failOn: "warning", limitInputPixels: MAX_PICTURE_PIXELS }).raw().toBuffer();
  } catch (error) {
    throw pictureError(picture, usedBy, error);
  }
}

const pictureError = (picture: Picture, usedBy: string, error: unknown) =>
  new PictureError(
    `${usedBy}: its picture ${picture.src} could not be made smaller: ${firstLine((error as Error).message)}; ` +
      `open it in an image editor and save it again as JPEG or PNG`,
  );

/** Makes the renditions of one cut and width of a picture, one per format, into `dir`. */
async function makeRenditions(
  picture: Picture & { file: PictureFile },
  usedBy: string,
  renditions: Rendition[],
  dir: string,
) {
  const [first] = renditions;
  if (!first) return;
  const { box, width, height } = first;
  const names = new Map(renditions.map((rendition) => [rendition.format, basename(rendition.url)]));
  const whole =
    box.left === 0 && box.top === 0 && box.width === picture.file.width && box.height === picture.file.height;
  try {
    await Image(picture.file.path, {
      widths: [width],
      formats: renditions.map((rendition) => rendition.format),
      outputDir: dir,
      urlPath: RENDITIONS_PATH,
      formatFiltering: [],
      useCache: false,
      // A picture whose data is damaged stops the build with its name, instead of a grey or half picture.
      sharpOptions: { failOn: "warning", limitInputPixels: MAX_PICTURE_PIXELS },
      filenameFormat: (_id: string, _src: string, _width: number, format: string) => names.get(format as Format),
      ...ENCODING,
      transform: (image: Sharp) => {
        // Turned as the camera meant, then cut and sized; line art on the page's paper colour, since JPEG has no
        // transparency.
        image.rotate();
        if (!whole) image.extract(box);
        if (!whole || width !== picture.file.width) image.resize({ width, height });
        if (picture.file.format === "png") image.flatten({ background: "#fffdf8" });
      },
    });
  } catch (error) {
    throw pictureError(picture, usedBy, error);
  }
}
