import { unpublishedAsset } from "../site/assets.ts";
import { route } from "../site/routes.ts";
import { fileSlug, slugFor } from "../site/slugs.ts";
import { renderCheckedBody } from "./bodies.ts";
import { measurePicture, withFile } from "./pictures.ts";
import type { Problem } from "./problems.ts";
import { type Author, AuthorFrontMatterSchema, type PictureFile } from "./schema.ts";
import { displayPath, FileProblems, readSource, validate } from "./sources.ts";

/**
 * Reports a picture address (a hero image, an author's photo) that is not on the site, would not be published or
 * is not a picture, and warns of one far too large when given `warn`; returns the picture's file when the build
 * resizes it.
 */
export function checkPicture(
  src: string,
  publicDir: string,
  report: FileProblems,
  path: (string | number)[],
  warn?: FileProblems,
): PictureFile | undefined {
  if (/^https?:\/\//.test(src)) return undefined;
  if (!src.startsWith("/")) {
    report.error(path, `"${src}" must start with / (like /assets/img/photo.jpg) or be a full https:// address`);
  } else {
    const measured = measurePicture(src, publicDir);
    if ("missing" in measured) {
      report.error(
        path,
        `no file at ${src}: add the image under ${displayPath(publicDir) || "."}${src} or fix the path`,
      );
      return undefined;
    }
    const unpublished = unpublishedAsset(decodeURI(src));
    if (unpublished) report.error(path, `${src} ${unpublished}`);
    if ("problem" in measured) report.error(path, `${src} ${measured.problem}`);
    else if ("file" in measured) {
      if (measured.warning) warn?.warning(path, `${src} ${measured.warning}`);
      return measured.file;
    }
  }
  return undefined;
}

/**
 * Reads the author files at `paths` (`authors/*.md`, as the content's inventory lists them): each author by key (the
 * file name), with the bio rendered; every problem reported.
 */
export function loadAuthors(
  paths: string[],
  publicDir: string,
  baseUrl: string,
  problems: Problem[],
): Map<string, Author> {
  const authors = new Map<string, Author>();
  for (const path of paths) {
    const file = readSource(path, problems);
    const data = validate(AuthorFrontMatterSchema, file, problems);
    if (!data) continue;
    const key = fileSlug(path);
    const report = new FileProblems(file, problems);
    if (slugFor(key) !== key)
      report.error(
        [],
        `the file name must be the author's key in lower case with hyphens, like ${slugFor(key) || "jim-pollard"}.md`,
      );
    const sameKey = authors.get(key);
    if (sameKey)
      report.error(
        [],
        `the author key \`${key}\` is also used by ${sameKey.sourcePath}; each author needs their own file name`,
      );
    if (data.photo) checkPicture(data.photo.src, publicDir, report, ["photo", "src"]);
    authors.set(key, {
      key,
      url: route.author(key),
      name: data.name,
      role: data.role,
      photo: data.photo && withFile(data.photo, publicDir),
      links: data.links,
      bioHtml: renderCheckedBody(file, { baseUrl }, problems),
      sourcePath: file.path,
    });
  }
  return authors;
}
