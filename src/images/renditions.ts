import { createHash } from "node:crypto";
import type { Focus, Picture, PictureFile } from "../content/schema.ts";

/** How a rendition is cut from its picture: the whole picture, or a crop of one aspect ratio around its focus. */
export type Crop = "full" | "16x9" | "4x3" | "1x1";
export type Format = "avif" | "webp" | "jpeg" | "png";

const ASPECT: Record<Exclude<Crop, "full">, number> = { "16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1 };

/** A rectangle of the source picture, in its pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One file the build writes from a picture. */
export interface Rendition {
  crop: Crop;
  box: Box;
  width: number;
  height: number;
  format: Format;
  url: string;
}

/**
 * The largest rectangle of `crop`'s aspect ratio in a picture, centred on its focus as far as the edges allow:
 * a focus at the top keeps the top edge, a focus in the middle cuts evenly.
 */
export function cropBox(size: { width: number; height: number }, crop: Crop, focus?: Focus): Box {
  const whole = { left: 0, top: 0, width: size.width, height: size.height };
  if (crop === "full") return whole;
  const aspect = ASPECT[crop];
  const width = Math.min(size.width, Math.round(size.height * aspect));
  const height = Math.min(size.height, Math.round(width / aspect));
  const place = (length: number, cut: number, at: number) =>
    Math.min(Math.max(Math.round(at * length - cut / 2), 0), length - cut);
  return {
    left: place(size.width, width, focus?.x ?? 0.5),
    top: place(size.height, height, focus?.y ?? 0.5),
    width,
    height,
  };
}

/**
 * The widths of `wanted` a source `available` pixels wide can give without enlarging, plus `available` itself
 * when a wanted width was too big for it: never upscaled, and the sharpest size is never lost.
 */
export function widthsUpTo(available: number, wanted: readonly number[]): number[] {
  const fit = wanted.filter((width) => width <= available);
  if (fit.length < wanted.length && !fit.includes(available)) fit.push(available);
  return [...new Set(fit)].sort((a, b) => a - b);
}

/** Where a picture is shown: the cut, the widths made for it, the formats, and the `sizes` its CSS gives it. */
export interface Place {
  crop: Crop;
  widths: readonly number[];
  /** "modern": AVIF and WebP with the source's own JPEG or PNG as fallback; "jpeg": one JPEG, for email and feeds. */
  formats: "modern" | "jpeg";
  sizes: string;
}

/**
 * Every place a picture is shown, its widths fitted to the layout in assets/css/site.css (main is at most 72rem
 * with 1rem each side; an article 40rem; the lead story three fifths of main from 48rem; cards at least 20rem).
 */
export const PLACES = {
  /** An article's picture above its text. */
  hero: {
    crop: "full",
    widths: [320, 640, 960, 1200, 1600],
    formats: "modern",
    sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
  },
  /** The lead story on the home page. */
  lead: {
    crop: "full",
    widths: [320, 640, 960, 1200, 1600],
    formats: "modern",
    sizes: "(min-width: 72rem) 41rem, (min-width: 48rem) calc(60vw - 2.5rem), calc(100vw - 2rem)",
  },
  /** A story in a list: a thumbnail cut to 16:9. */
  card: {
    crop: "16x9",
    widths: [320, 640, 960],
    formats: "modern",
    sizes: "(min-width: 72rem) 23rem, (min-width: 43rem) calc(50vw - 2rem), calc(100vw - 2rem)",
  },
  /** An author's photo, cut square, shown at most 10rem wide (the author page; 4.5rem in the bio, 5rem in the list). */
  portrait: { crop: "1x1", widths: [96, 192, 320], formats: "modern", sizes: "10rem" },
  /** The lead picture in an edition's email: 600 pixels wide, twice that for high-density screens. */
  email: { crop: "full", widths: [600, 1200], formats: "jpeg", sizes: "600px" },
  /** Share cards (og:image), feed enclosures and the first JSON-LD image. */
  share: { crop: "16x9", widths: [1200], formats: "jpeg", sizes: "1200px" },
  /** The 4:3 and square JSON-LD images Google asks for beside the 16:9 one. */
  share4x3: { crop: "4x3", widths: [1200], formats: "jpeg", sizes: "1200px" },
  share1x1: { crop: "1x1", widths: [1200], formats: "jpeg", sizes: "1200px" },
} as const satisfies Record<string, Place>;

export type PlaceName = keyof typeof PLACES;

/** The places a story's picture is shown, and an author's photo. */
export const HERO_PLACES: readonly PlaceName[] = ["hero", "lead", "card", "email", "share", "share4x3", "share1x1"];
export const PORTRAIT_PLACES: readonly PlaceName[] = ["portrait"];

// The extension is the MIME subtype: feed readers (and the feed library) take an enclosure's type from it.
const EXTENSION: Record<Format, string> = { avif: "avif", webp: "webp", jpeg: "jpeg", png: "png" };
export const MIME_TYPE: Record<Format, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
};

/** The folder of the site the renditions are written to. */
export const RENDITIONS_PATH = "/img/";

/**
 * A rendition's address: the source's file name, the cut, a hash of the source's bytes and the cut's rectangle,
 * and the width. The same picture cut the same way has the same address in every build, so caches keep it.
 */
function renditionUrl(file: PictureFile, src: string, crop: Crop, box: Box, width: number, format: Format): string {
  const stem =
    decodeURI(src)
      .split("/")
      .at(-1)
      ?.replace(/\.[^.]*$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "picture";
  const id = createHash("sha256")
    .update(`${file.hash} ${crop} ${box.left} ${box.top} ${box.width} ${box.height}`)
    .digest("hex")
    .slice(0, 8);
  return `${RENDITIONS_PATH}${stem}${crop === "full" ? "" : `-${crop}`}-${id}-${width}.${EXTENSION[format]}`;
}

const known = new Map<string, Rendition[]>();

/** What a picture's renditions depend on: its file, its size and format, and its focus. */
function pictureKey(picture: Picture & { file: PictureFile }): string {
  const { file, focus } = picture;
  return `${picture.src} ${file.hash} ${file.width}x${file.height} ${file.format} ${focus?.x} ${focus?.y}`;
}

/**
 * The renditions of a picture for one place, smallest first, by format; worked out once per picture file, cut and
 * place, since a story's picture is on its page, on every list it is in and in its feeds, and many stories share a
 * picture (a hash per file adds up over 10,000 stories, and the dev server resolves every story again on each save).
 */
export function renditionsFor(picture: Picture & { file: PictureFile }, place: PlaceName): Rendition[] {
  const key = `${place} ${pictureKey(picture)}`;
  const cached = known.get(key);
  if (cached) return cached;
  const renditions = workOutRenditions(picture, place);
  known.set(key, renditions);
  return renditions;
}

function workOutRenditions(picture: Picture & { file: PictureFile }, place: PlaceName): Rendition[] {
  const { widths, formats } = PLACES[place];
  const { file } = picture;
  const box = cropBox(file, PLACES[place].crop, picture.focus);
  // A crop that keeps the whole picture (a 16:9 crop of a 16:9 photo) is the picture: one file, not two.
  const whole = box.width === file.width && box.height === file.height;
  const crop: Crop = whole ? "full" : PLACES[place].crop;
  const fallback: Format = file.format === "png" ? "png" : "jpeg";
  const wanted: Format[] = formats === "jpeg" ? ["jpeg"] : ["avif", "webp", fallback];
  return wanted.flatMap((format) =>
    widthsUpTo(box.width, widths).map((width) => ({
      crop,
      box,
      width,
      height: Math.round((width * box.height) / box.width),
      format,
      url: renditionUrl(file, picture.src, crop, box, width, format),
    })),
  );
}

const knownAll = new Map<string, Rendition[]>();

/**
 * Every file the build writes for a picture shown in `places`, each once; worked out once per picture and places,
 * and looked up by the picture itself while it is the same object (an unchanged article on the dev server).
 */
export function allRenditions(picture: Picture & { file: PictureFile }, places: readonly PlaceName[]): Rendition[] {
  const known = knownFor.get(picture)?.get(places);
  if (known) return known;
  const key = `${places.join(" ")} ${pictureKey(picture)}`;
  let renditions = knownAll.get(key);
  if (!renditions) {
    const byUrl = new Map<string, Rendition>();
    for (const place of places)
      for (const rendition of renditionsFor(picture, place)) byUrl.set(rendition.url, rendition);
    renditions = [...byUrl.values()];
    knownAll.set(key, renditions);
  }
  const byPlaces = knownFor.get(picture) ?? new Map<readonly PlaceName[], Rendition[]>();
  byPlaces.set(places, renditions);
  knownFor.set(picture, byPlaces);
  return renditions;
}

const knownFor = new WeakMap<object, Map<readonly PlaceName[], Rendition[]>>();

/** What a `<picture>` element needs for one place: a `<source>` per modern format, and the `<img>` fallback. */
export interface PictureMarkup {
  sources: { type: string; srcset: string }[];
  img: { src: string; srcset: string; width: number; height: number };
  sizes: string;
}

/**
 * The `<picture>` of a picture in a place; the `<img>` falls back to the source's format at the width nearest
 * 640 pixels, and its width and height give the shape the browser reserves before the file arrives.
 */
export function pictureMarkup(picture: Picture & { file: PictureFile }, place: PlaceName): PictureMarkup {
  const renditions = renditionsFor(picture, place);
  const formats = [...new Set(renditions.map((rendition) => rendition.format))];
  const srcset = (format: Format) =>
    renditions
      .filter((rendition) => rendition.format === format)
      .map((rendition) => `${rendition.url} ${rendition.width}w`)
      .join(", ");
  const fallbackFormat = formats.at(-1) ?? "jpeg";
  const fallbacks = renditions.filter((rendition) => rendition.format === fallbackFormat);
  const img = fallbacks.find((rendition) => rendition.width >= 640) ?? (fallbacks.at(-1) as Rendition | undefined);
  const largest = fallbacks.at(-1);
  if (!img || !largest) throw new Error(`no rendition of ${picture.src} for ${place}`);
  return {
    sources: formats.slice(0, -1).map((format) => ({ type: MIME_TYPE[format], srcset: srcset(format) })),
    img: { src: img.url, srcset: srcset(fallbackFormat), width: largest.width, height: largest.height },
    sizes: PLACES[place].sizes,
  };
}

/** The one JPEG of a place with a single width (share cards, feeds, JSON-LD), or the widest there is. */
export function jpegFor(picture: Picture & { file: PictureFile }, place: PlaceName): Rendition {
  const jpegs = renditionsFor(picture, place).filter((rendition) => rendition.format === "jpeg");
  const widest = jpegs.at(-1);
  if (!widest) throw new Error(`no JPEG of ${picture.src} for ${place}`);
  return widest;
}

/** Whether the build resizes this picture (a local JPEG, PNG, WebP or AVIF). */
export const isResized = (picture: Picture | undefined): picture is Picture & { file: PictureFile } =>
  picture?.file !== undefined;

/** A picture as other sites take it: share cards, feed enclosures, structured data. */
export interface SharedImage {
  /** A site path, or the picture's own address when it is from another site. */
  src: string;
  width?: number;
  height?: number;
  type?: string;
}

/** The 16:9 JPEG, 1200 pixels wide where the source allows, that share cards and feeds show. */
export function sharedImage(picture: Picture): SharedImage {
  if (!isResized(picture)) return { src: picture.src };
  const jpeg = jpegFor(picture, "share");
  return { src: jpeg.url, width: jpeg.width, height: jpeg.height, type: MIME_TYPE.jpeg };
}

/** Google's three aspect ratios of a story's picture (16:9, 4:3, 1:1), for its NewsArticle structured data. */
export function structuredDataImages(picture: Picture): SharedImage[] {
  if (!isResized(picture)) return [{ src: picture.src }];
  return (["share", "share4x3", "share1x1"] as const).map((place) => {
    const jpeg = jpegFor(picture, place);
    return { src: jpeg.url, width: jpeg.width, height: jpeg.height, type: MIME_TYPE.jpeg };
  });
}

/** An author's square photo for structured data: the widest portrait in the source's own format, or its address. */
export function portraitImage(picture: Picture): SharedImage {
  if (!isResized(picture)) return { src: picture.src };
  const renditions = renditionsFor(picture, "portrait");
  const widest = renditions.at(-1);
  if (!widest) throw new Error(`no portrait of ${picture.src}`);
  return { src: widest.url, width: widest.width, height: widest.height, type: MIME_TYPE[widest.format] };
}
