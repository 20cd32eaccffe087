import type { DateTime } from "luxon";
import { aliasPath } from "../content/aliases.ts";
import { type ArticleFile, articleField, articleWarnings } from "../content/articles.ts";
import { checkPicture } from "../content/authors.ts";
import type { Problem } from "../content/problems.ts";
import type { DatedNote, PictureFile } from "../content/schema.ts";
import { FileProblems } from "../content/sources.ts";
import { brokenLink, type Routes, route } from "../site/routes.ts";

/** Reports every article whose slug another article has too; returns the article files by slug. */
export function checkSlugs(articles: ArticleFile[], problems: Problem[]): Map<string, ArticleFile[]> {
  const bySlug = new Map<string, ArticleFile[]>();
  for (const article of articles) {
    const sharing = bySlug.get(article.slug);
    if (sharing) sharing.push(article);
    else bySlug.set(article.slug, [article]);
  }
  for (const [slug, sharing] of bySlug) {
    if (sharing.length < 2) continue;
    for (const article of sharing) {
      const others = sharing.filter((other) => other !== article).map((other) => other.file.path);
      new FileProblems(article.file, problems).error(
        article.explicitSlug ? ["slug"] : [],
        `the slug \`${slug}\` is also used by ${others.join(", ")}; each article needs its own`,
      );
    }
  }
  return bySlug;
}

/** Reports aliases that name a page the site has, that another article claims too, or that are in a build folder. */
export function checkAliases(articles: ArticleFile[], routes: Routes, problems: Problem[]): void {
  const claimed = new Map<string, ArticleFile>();
  for (const article of articles) {
    const aliases = articleField(article, "aliases") ?? [];
    aliases.forEach((text, index) => {
      const path = aliasPath(text);
      if (path === undefined) return;
      const report = new FileProblems(article.file, problems);
      const at: (string | number)[] = ["aliases", index];
      const other = claimed.get(path);
      if (path === route.article(article.slug))
        report.error(at, `${path} is this article's own address: list only addresses it had before`);
      else if (other && other !== article)
        report.error(at, `${path} is also an old address of ${other.file.path}: an address can lead to one story only`);
      else if (/^\/(?:assets|pagefind)\//.test(path))
        report.error(at, `${path} is in a folder the build owns: old addresses of stories cannot be there`);
      else if (brokenLink(path, { ...routes, aliases: new Set() }) === undefined)
        report.error(at, `${path} is the address of a page the site has: an old address must not be in use`);
      claimed.set(path, article);
    });
  }
}

/** Reports corrections and retractions dated after the build's "now", and the retraction of a draft. */
export function checkNotes(article: ArticleFile, now: DateTime, report: FileProblems): void {
  const { corrections, retraction } = article.notes;
  const future = (note: DatedNote) => note.date > now;
  corrections.forEach((correction, index) => {
    if (correction && future(correction))
      report.error(["corrections", index, "date"], "is in the future: date a correction on the day it is made");
  });
  if (!retraction) return;
  if (future(retraction))
    report.error(["retracted", "date"], "is in the future: date a retraction on the day it is made");
  // A story not out yet cannot get here: its retraction would be dated before it or in the future.
  else if (articleField(article, "draft"))
    report.error(
      ["retracted"],
      "a draft was never published, so there is nothing to retract: delete the file or drop `retracted`",
    );
}

/** What checking one article file on its own needs: where pictures and news folders are, and the build's "now". */
export interface FileCheck {
  publicDir: string;
  newsDir: string;
  now: DateTime;
}

/** A story's picture narrower than this is refused: on a phone's screen it would show blurred. */
export const MIN_HERO_WIDTH = 640;
/** A story's picture narrower than this is a warning: Google's large previews and Discover want 1200 pixels. */
export const GOOD_HERO_WIDTH = 1200;

/** Reports a story's picture too narrow to be shown sharp, or to be shown large by Google. */
function checkHeroWidth(src: string, file: PictureFile, report: FileProblems, warn: FileProblems): void {
  const size = `${src} is ${file.width} × ${file.height} pixels`;
  if (file.width < MIN_HERO_WIDTH)
    report.error(
      ["image", "src"],
      `${size}: a story's picture must be at least ${MIN_HERO_WIDTH} pixels wide to look sharp on a phone; ` +
        `ask for the original, ${GOOD_HERO_WIDTH} pixels wide or more`,
    );
  else if (file.width < GOOD_HERO_WIDTH)
    warn.warning(
      ["image", "src"],
      `${size}: under ${GOOD_HERO_WIDTH} pixels wide, Google shows the story without a large picture ` +
        `(in Discover and in results); ask for the original if there is one`,
    );
}

/** The checks of one article file that need no other file: its picture, its notes and an editor's warnings. */
export function checkArticleFile(article: ArticleFile, check: FileCheck, problems: Problem[], warnings: Problem[]) {
  const report = new FileProblems(article.file, problems);
  const image = articleField(article, "image");
  const warn = new FileProblems(article.file, warnings);
  const file = image && checkPicture(image.src, check.publicDir, report, ["image", "src"], warn);
  if (file) checkHeroWidth(image.src, file, report, warn);
  articleWarnings(article, warnings, check.newsDir);
  checkNotes(article, check.now, report);
}
