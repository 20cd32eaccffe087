import { statSync } from "node:fs";
import { join, posix, sep } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";

/** Folders of `assets/` that the build does not copy to the site: `img/src/` holds the SVG sources of pictures. */
export const UNPUBLISHED_ASSET_FOLDERS = ["img/src"] as const;

/**
 * Whether the build copies the file at `path` (relative to `assets/`, with forward slashes) to the site as it is: every
 * file but those in the unpublished folders and css/, whose stylesheets layouts/stylesheets.11ty.ts writes minified.
 */
export function isCopiedAsset(path: string): boolean {
  return ![...UNPUBLISHED_ASSET_FOLDERS, "css"].some((folder) => path.startsWith(`${folder}/`));
}

/**
 * Why a decoded site path under `/assets/` will not be on the site although the file exists, or undefined
 * when the build copies it. Worded to follow the path or "it".
 */
export function unpublishedAsset(path: string): string | undefined {
  const normal = posix.normalize(path);
  const folder = UNPUBLISHED_ASSET_FOLDERS.find((name) => normal.startsWith(`/assets/${name}/`));
  if (folder === undefined) return undefined;
  const instead = "put the picture in another folder under assets/img/ (like assets/img/news/) and point to it there";
  return `is in assets/${folder}/, which holds the sources of pictures and is not published: ${instead}`;
}

/**
 * Which files under `source` (the project's `assets/`) a copy to `assets/` in the `output` folder of `directories`
 * (read at each copy) takes, by their path relative to `source`: every one the site publishes as it is
 * (`isCopiedAsset`) or, when `onlyChanged`, those of them this copier has not copied as they are now, or whose copy
 * is gone or of another size (cut short). Eleventy's passthrough copy copies every file again on each dev-server
 * rebuild otherwise: 0.2 s for the bench's 320, and a newsroom keeps thousands of pictures.
 */
export function assetsToCopy(
  source: string,
  directories: { output: string },
  onlyChanged: boolean,
): (path: string) => boolean {
  // The size and modification time of each file as it was when copied.
  const copied = new Map<string, string>();
  return (path) => {
    if (!isCopiedAsset(path.split(sep).join("/"))) return false;
    if (!onlyChanged) return true;
    const original = statSync(join(source, path), { throwIfNoEntry: false });
    const copy = statSync(join(directories.output, "assets", path), { throwIfNoEntry: false });
    const stamp = original && `${original.size} ${original.mtimeMs}`;
    const kept = stamp !== undefined && copied.get(path) === stamp && copy?.size === original?.size;
    if (stamp !== undefined) copied.set(path, stamp);
    return !kept;
  };
}

/**
 * Copies `assets/` to the site as it is, but for the unpublished folders (`assets/img/src/`) and the stylesheets,
 * which layouts/stylesheets.11ty.ts writes minified; the dev server copies only the files changed since it last
 * copied them.
 * https://www.11ty.dev/docs/copy/#advanced-options
 */
export function assetsPlugin(eleventyConfig: EleventyConfig): void {
  const devServer = process.env.ELEVENTY_RUN_MODE !== "build";
  const toCopy = assetsToCopy("assets", eleventyConfig.directories, devServer);
  eleventyConfig.addPassthroughCopy({ assets: "assets" }, { filter: [toCopy] });
}
