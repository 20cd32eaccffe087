import { posix } from "node:path";

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
