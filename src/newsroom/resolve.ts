import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DateTime } from "luxon";
import { type ArticleFile, whyNotPublished } from "../content/articles.ts";
import { withFile } from "../content/pictures.ts";
import type { Problem } from "../content/problems.ts";
import { readingMinutes } from "../content/reading.ts";
import { type Article, type Author, isUrlSegment, type RelatedLink, type Topic } from "../content/schema.ts";
import { displayPath, FileProblems } from "../content/sources.ts";
import { typographicText } from "../markdown/markdown.ts";
import { didYouMean } from "../site/hints.ts";
import { brokenLink, inNewsSitemap, linkedSlug, monthKey, PAGE_SIZE, type Routes, route } from "../site/routes.ts";
import { slugFor } from "../site/slugs.ts";
import { sitePath } from "../site/urls.ts";
import type { Selection } from "./select.ts";

/** The pages a set of articles produces in a build at `now`, for checking links against. */
export function routesOf(
  articles: ArticleFile[],
  authors: Map<string, Author>,
  editionDays: Set<string>,
  publicDir: string,
  now: DateTime,
): Routes {
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  // A retracted story is in no list, the news sitemap included.
  const newsSitemap = articles.some(
    (article) => article.valid !== undefined && !article.valid.retraction && inNewsSitemap(article.valid.date, now),
  );
  const routes: Routes = {
    articles: new Set(),
    aliases: new Set(),
    topics: new Map(),
    authors: new Map(),
    months: new Map(),
    editions: editionDays,
    newsSitemap,
    publicDir,
    pageSize: PAGE_SIZE,
  };
  for (const key of authors.keys()) routes.authors.set(key, 0);
  for (const article of articles) {
    routes.articles.add(article.slug);
    for (const alias of article.aliases) routes.aliases.add(alias);
    // A retracted story keeps its page, but no list shows it.
    if (!article.valid || article.valid.retraction) continue;
    for (const slug of new Set(article.tags.map(slugFor))) count(routes.topics, slug);
    for (const key of [article.valid.data.author].flat()) if (authors.has(key)) count(routes.authors, key);
    count(routes.months, monthKey(article.valid.date));
  }
  return routes;
}

/**
 * Everything resolving and checking an unchanged article file reads from the other files and from "now": for every
 * article file its path, slug, standing at `now` (state, whether its date and notes are still to come, whether the
 * news sitemap holds it), headline, retraction, tags, authors, month and old addresses; the authors and edition days
 * there are; and the folders and settings of the load. Two loads with the same key (see sameResolution) check and
 * resolve an unchanged article file alike, and find the same topics, as long as no other file changed (pictures,
 * authors, topic files: the dev server forgets what it resolved when one does).
 */
export interface ResolutionKey {
  settings: string;
  /** Each article file's own part, kept with the file (see fileKey): the same text object while the file is. */
  files: string[];
  /** Each article file's standing at `now`, a few letters each, one line per file. */
  standings: string;
}

/** The key of a load (see ResolutionKey). Built each dev-server save over every article file: kept cheap. */
export function resolutionKey(
  articles: ArticleFile[],
  load: { contentDir: string; publicDir: string; now: DateTime; preview: boolean },
  baseUrl: string,
  authors: ReadonlyMap<string, Author>,
  editionDays: ReadonlySet<string>,
): ResolutionKey {
  const { now } = load;
  const nowMillis = now.toMillis();
  const flag = (yes: boolean) => (yes ? "1" : "0");
  const files: string[] = [];
  const standings: string[] = [];
  for (const article of articles) {
    files.push(fileKey(article));
    const { valid } = article;
    // Valid or not, draft or not, and whether its date is to come: its standing (articleState) and `scheduled`.
    let standing = valid ? flag(valid.date.toMillis() > nowMillis) + flag(inNewsSitemap(valid.date, now)) : "-";
    for (const note of [...article.notes.corrections, article.notes.retraction]) {
      standing += note ? flag(note.date.toMillis() > nowMillis) : "-";
    }
    standings.push(standing);
  }
  const settings = [load.contentDir, load.publicDir, load.preview, baseUrl, [...authors.keys()], [...editionDays]];
  return { settings: JSON.stringify(settings), files, standings: standings.join("\n") };
}

/** Whether two loads resolve an unchanged article file alike (see ResolutionKey). */
export function sameResolution(a: ResolutionKey | undefined, b: ResolutionKey): boolean {
  return (
    a !== undefined &&
    a.settings === b.settings &&
    a.standings === b.standings &&
    a.files.length === b.files.length &&
    a.files.every((key, at) => key === b.files[at])
  );
}

/** The part of an article file's key that does not depend on "now", worked out once per file as read. */
function fileKey(article: ArticleFile): string {
  let key = fileKeys.get(article);
  if (key === undefined) {
    const { valid } = article;
    key = JSON.stringify([
      article.file.path,
      article.slug,
      article.explicitSlug,
      valid ? [valid.data.draft, monthKey(valid.date), valid.data.title] : 0,
      valid?.retraction ? 1 : 0,
      article.tags,
      article.authorKeys ?? 0,
      article.aliases,
    ]);
    fileKeys.set(article, key);
  }
  return key;
}

// The dev server hands over an unchanged article file as the same object from one load to the next.
const fileKeys = new WeakMap<ArticleFile, string>();

/** What an article's references are resolved against. */
export interface References {
  contentDir: string;
  baseUrl: string;
  now: DateTime;
  authors: Map<string, Author>;
  /** The topics articles are filed under, by slug (only the included articles' in a production build). */
  topics: Map<string, Topic>;
  bySlug: Map<string, ArticleFile[]>;
  selection: Selection;
  /** A published article's links must work on the published site; an unpublished one's must at least exist. */
  liveRoutes: Routes;
  anyRoutes: Routes;
}

/** Resolves an article's author keys to authors, reporting unknown ones and authors whose own file is broken. */
function resolveAuthors(article: ArticleFile, refs: References, report: FileProblems): Author[] {
  const { authorKeys } = article;
  const keys = authorKeys === undefined ? [] : [authorKeys].flat();
  return keys.flatMap((key, index) => {
    const author = refs.authors.get(key);
    if (author) return [author];
    const authorFile = join(refs.contentDir, "authors", `${key}.md`);
    const authorsDir = displayPath(join(refs.contentDir, "authors"));
    const hint = didYouMean(key, refs.authors.keys(), `: add ${authorsDir}/${key}.md or fix the spelling`);
    const message =
      isUrlSegment(key) && existsSync(authorFile)
        ? `the author \`${key}\` cannot be used until the problems in ${displayPath(authorFile)} are fixed`
        : `unknown author \`${key}\`${hint}`;
    report.error(Array.isArray(authorKeys) ? ["author", index] : ["author"], message);
    return [];
  });
}

/** The ALSO SEE list: each slug to its article's real headline, external links as given; the unusable left out. */
function resolveRelated(article: ArticleFile, refs: References, problems: Problem[], warnings: Problem[]) {
  const report = new FileProblems(article.file, problems);
  const isLive = refs.selection.slugs.has(article.slug);
  const warn = (index: number, message: string) => {
    if (isLive) new FileProblems(article.file, warnings).warning(["related", index], message);
  };
  return article.related.flatMap((item, index): RelatedLink[] => {
    if (typeof item !== "string") return [{ title: typographicText(item.title), url: item.url, external: true }];
    const target = refs.bySlug.get(item)?.[0];
    if (!target) {
      report.error(
        ["related", index],
        `no article has the slug \`${item}\`${didYouMean(item, refs.bySlug.keys(), "")}`,
      );
      return [];
    }
    if (item === article.slug) {
      report.error(["related", index], "an article cannot list itself");
      return [];
    }
    if (!refs.selection.slugs.has(item)) {
      const until = target.valid ? ", so it is left out of ALSO SEE until it is published" : "";
      warn(index, `\`${item}\` ${whyNotPublished(target)}${until}`);
      return [];
    }
    if (target.valid?.retraction) {
      warn(index, `\`${item}\` was retracted, so it is left out of ALSO SEE: remove it from related`);
      return [];
    }
    return [{ title: typographicText(target.valid?.data.title ?? item), url: route.article(item), external: false }];
  });
}

/** Reports each link in the body to a page the build will not write; one to an article says why it is not out. */
function checkBodyLinks(article: ArticleFile, refs: References, report: FileProblems): void {
  const isLive = refs.selection.slugs.has(article.slug);
  for (const link of article.body.links) {
    const path = sitePath(link.href, refs.baseUrl);
    if (path === undefined) continue;
    const broken = brokenLink(path, isLive ? refs.liveRoutes : refs.anyRoutes);
    if (!broken) continue;
    const target = refs.bySlug.get(linkedSlug(path) ?? "")?.[0];
    const unpublished = isLive && target && !refs.selection.slugs.has(target.slug);
    const reason = unpublished ? `that article ${whyNotPublished(target)}` : broken;
    report.at("error", article.file.parsed.bodyLine + link.line, "body", `broken link to ${path}: ${reason}`);
  }
}

/**
 * The site paths an article's inline callouts link to: an article's own address for a link to /news/<slug>/ however
 * written, other paths (an old address, say) as they are.
 */
function calloutArticles(article: ArticleFile, baseUrl: string): string[] {
  const paths = article.body.calloutLinks.flatMap((href) => {
    const path = sitePath(href, baseUrl)?.replace(/[?#].*$/, "");
    if (path === undefined) return [];
    const slug = linkedSlug(path);
    return [slug === undefined ? path : route.article(slug)];
  });
  return [...new Set(paths)];
}

/**
 * Resolves an article's references (authors, ALSO SEE, links in its body), reporting what does not resolve, and
 * makes it an Article when this build shows it. Every file is resolved, so a draft's broken reference is reported too.
 */
export function resolveArticle(
  article: ArticleFile,
  refs: References,
  problems: Problem[],
  warnings: Problem[],
): Article | undefined {
  const report = new FileProblems(article.file, problems);
  const authors = resolveAuthors(article, refs, report);
  const related = resolveRelated(article, refs, problems, warnings);
  checkBodyLinks(article, refs, report);
  if (!article.valid || !refs.selection.slugs.has(article.slug)) return undefined;
  const { data, date, dateOnly, updated, corrections, retraction } = article.valid;
  return {
    slug: article.slug,
    url: route.article(article.slug),
    sourcePath: article.file.path,
    title: typographicText(data.title),
    dek: data.dek === undefined ? undefined : typographicText(data.dek),
    date,
    dateOnly,
    updated,
    authors,
    source: data.source,
    topics: [...new Set(data.tags.map(slugFor))].flatMap((slug) => refs.topics.get(slug) ?? []),
    related,
    image: data.image && withFile(data.image, refs.liveRoutes.publicDir),
    aliases: article.aliases,
    corrections,
    retraction,
    modified: [updated, ...corrections.map((correction) => correction.date)].reduce<DateTime>(
      (latest, next) => (next && next > latest ? next : latest),
      date,
    ),
    draft: data.draft,
    featured: data.featured,
    scheduled: date > refs.now,
    html: retraction ? "" : article.body.html,
    readingMinutes: readingMinutes(article.body.words),
    calloutArticles: calloutArticles(article, refs.baseUrl),
  };
}
