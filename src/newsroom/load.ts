import { existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { imageSize } from "image-size";
import type { DateTime } from "luxon";
import { aliasPath } from "../content/aliases.ts";
import {
  type ArticleCache,
  articleWarnings,
  type Draft,
  field,
  readArticles,
  whyNotPublished,
} from "../content/articles.ts";
import { renderCheckedBody } from "../content/bodies.ts";
import { type LeftOut, leftOut, unreadContent } from "../content/inventory.ts";
import { ContentError, type Problem, sortProblems } from "../content/problems.ts";
import {
  type Article,
  type Author,
  AuthorFrontMatterSchema,
  type DatedNote,
  isUrlSegment,
  type Newsroom,
  type Publication,
  PublicationSchema,
  type RelatedLink,
} from "../content/schema.ts";
import { displayPath, FileProblems, markdownFiles, pathPart, readSource, validate } from "../content/sources.ts";
import {
  checkTopicCollisions,
  loadTopicRegistry,
  resolveTopics,
  similarTopicWarnings,
  unusedTopicWarnings,
} from "../content/topics.ts";
import type { ContentHistory, NoHistory } from "../history/git.ts";
import { typographicText } from "../markdown/markdown.ts";
import { editionsDir, loadEditions } from "../newsletter/editions.ts";
import { unpublishedAsset } from "../site/assets.ts";
import { didYouMean } from "../site/hints.ts";
import { brokenLink, inNewsSitemap, linkedSlug, monthKey, PAGE_SIZE, type Routes, route } from "../site/routes.ts";
import { fileSlug, slugFor } from "../site/slugs.ts";
import { sitePath } from "../site/urls.ts";
import { checkPublishedAddresses, checkSentEditions, type PublishedRecordSources } from "./published.ts";

/** Where content lives and which build this is. */
export interface LoadOptions {
  /** The folder holding `publication.ts`, `news/`, `authors/`, `topics/` and `editions/`. */
  contentDir: string;
  /** The folder that `/assets/...` URLs are served from; image paths are checked against it. */
  publicDir: string;
  /** The build's "now": articles dated after it are scheduled. */
  now: DateTime;
  /** Include drafts and scheduled articles (the dev server). */
  preview: boolean;
  /** Render article bodies to HTML (a build does; `npm run check` only validates). Default true. */
  render?: boolean;
  /** Articles parsed by an earlier load in this process (the dev server), reused while their files are unchanged. */
  cache?: ArticleCache;
  /**
   * What the published branch held before (see src/history/git.ts): published addresses and sent editions are
   * checked against it. Without it (unit tests) they are not checked; with NoHistory the result says why.
   */
  history?: ContentHistory | NoHistory;
}

/** Whether the published record was checked, and what it found. */
export type RecordCheck =
  | {
      checked: true;
      addresses: number;
      byAlias: number;
      editions: number;
      ref: string;
      commits: number;
      shallow: boolean;
    }
  | { checked: false; reason: string };

/** A newsroom that passed validation, and the warnings that did not stop it. */
export interface LoadResult {
  newsroom: Newsroom;
  warnings: Problem[];
  /** Drafts and scheduled articles, by file: what a production build leaves out. */
  leftOut: LeftOut;
  /** What the check against the published branch's history found. */
  record: RecordCheck;
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

function checkPicture(src: string, publicDir: string, report: FileProblems, path: (string | number)[]): void {
  if (/^https?:\/\//.test(src)) return;
  if (!src.startsWith("/")) {
    report.error(path, `"${src}" must start with / (like /assets/img/photo.jpg) or be a full https:// address`);
  } else if (!existsSync(join(publicDir, decodeURI(src)))) {
    report.error(path, `no file at ${src}: add the image under ${displayPath(publicDir) || "."}${src} or fix the path`);
  } else {
    const unpublished = unpublishedAsset(decodeURI(src));
    if (unpublished) report.error(path, `${src} ${unpublished}`);
  }
}

// The smallest logo Google takes, and the raster formats taken here:
// https://developers.google.com/search/docs/appearance/structured-data/organization
const MIN_LOGO_WIDTH = 112;
const LOGO_FORMATS = new Set(["png", "jpg", "webp"]);
const LOGO_WANTED = `Google wants a logo in PNG, JPEG or WebP, at least ${MIN_LOGO_WIDTH} pixels wide`;

/** Reports a publication `logo` (already a path under /assets/) that is missing, not a raster picture, or too narrow. */
function checkLogo(logo: string, contentDir: string, publicDir: string, problems: Problem[]): void {
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

async function loadAuthors(
  dir: string,
  publicDir: string,
  baseUrl: string,
  problems: Problem[],
): Promise<Map<string, Author>> {
  const authors = new Map<string, Author>();
  for (const path of await markdownFiles(dir)) {
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
      photo: data.photo,
      links: data.links,
      bioHtml: renderCheckedBody(file, { baseUrl }, problems),
      sourcePath: file.path,
    });
  }
  return authors;
}

/** The pages a set of articles produces in a build at `now`, for checking links against. */
function routesOf(
  drafts: Draft[],
  authors: Map<string, Author>,
  editionDays: Set<string>,
  publicDir: string,
  now: DateTime,
): Routes {
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  // A retracted story is in no list, the news sitemap included.
  const newsSitemap = drafts.some(
    (draft) => draft.valid !== undefined && !draft.valid.retraction && inNewsSitemap(draft.valid.date, now),
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
  for (const draft of drafts) {
    routes.articles.add(draft.slug);
    for (const alias of draft.aliases) routes.aliases.add(alias);
    // A retracted story keeps its page, but no list shows it.
    if (!draft.valid || draft.valid.retraction) continue;
    for (const slug of new Set(draft.tags.map(slugFor))) count(routes.topics, slug);
    for (const key of [draft.valid.data.author].flat()) if (authors.has(key)) count(routes.authors, key);
    count(routes.months, monthKey(draft.valid.date));
  }
  return routes;
}

/** Reports aliases that name a page the site has, or that another article claims too. */
function checkAliases(drafts: Draft[], routes: Routes, problems: Problem[]): void {
  const claimed = new Map<string, Draft>();
  for (const draft of drafts) {
    const aliases = field(draft.file.parsed.data, "aliases") ?? [];
    aliases.forEach((text, index) => {
      const path = aliasPath(text);
      if (path === undefined) return;
      const report = new FileProblems(draft.file, problems);
      const other = claimed.get(path);
      if (path === route.article(draft.slug))
        report.error(["aliases", index], `${path} is this article's own address: list only addresses it had before`);
      else if (other && other !== draft)
        report.error(
          ["aliases", index],
          `${path} is also an old address of ${other.file.path}: an address can lead to one story only`,
        );
      else if (/^\/(?:assets|pagefind)\//.test(path))
        report.error(
          ["aliases", index],
          `${path} is in a folder the build owns: old addresses of stories cannot be there`,
        );
      else if (brokenLink(path, { ...routes, aliases: new Set() }) === undefined)
        report.error(
          ["aliases", index],
          `${path} is the address of a page the site has: an old address must not be in use`,
        );
      claimed.set(path, draft);
    });
  }
}

/** Checks published addresses and sent editions against the history the build was given. */
function checkRecord(options: LoadOptions, sources: PublishedRecordSources, problems: Problem[]): RecordCheck {
  const { history } = options;
  if (history === undefined) return { checked: false, reason: "no history was given" };
  if ("unavailable" in history) return { checked: false, reason: history.unavailable };
  const { addresses, byAlias } = checkPublishedAddresses(history, sources, problems);
  const editions = checkSentEditions(history, sources, problems);
  // Commits after the build's "now" (a build of the past, as tests run) are not part of the record it checks.
  const commits = new Set(
    history.versions.filter((version) => version.from <= options.now).map((version) => version.commit),
  ).size;
  return { checked: true, addresses, byAlias, editions, ref: history.ref, commits, shallow: history.shallow };
}

/** Reports corrections and retractions dated after the build's "now", and the retraction of a draft. */
function checkNotes(draft: Draft, now: DateTime, report: FileProblems): void {
  const { corrections, retraction } = draft.notes;
  const future = (note: DatedNote) => note.date > now;
  corrections.forEach((correction, index) => {
    if (correction && future(correction))
      report.error(["corrections", index, "date"], "is in the future: date a correction on the day it is made");
  });
  if (!retraction) return;
  if (future(retraction))
    report.error(["retracted", "date"], "is in the future: date a retraction on the day it is made");
  // A story not out yet cannot get here: its retraction would be dated before it or in the future.
  else if (field(draft.file.parsed.data, "draft"))
    report.error(
      ["retracted"],
      "a draft was never published, so there is nothing to retract: delete the file or drop `retracted`",
    );
}

/**
 * Reads, validates and resolves all content under `contentDir`. Every file is checked, drafts included; only
 * published articles (or, in preview, all) are built. Throws a ContentError listing every problem found in
 * every file when there is at least one error; warnings come back with the newsroom.
 */
export async function loadNewsroom(options: LoadOptions): Promise<LoadResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const publication = await loadPublication(options.contentDir, problems);
  if (!publication) throw new ContentError(sortProblems(problems));
  const { baseUrl } = publication;
  if (publication.logo) checkLogo(publication.logo, options.contentDir, options.publicDir, problems);

  const [authors, registry, drafts, unread] = await Promise.all([
    loadAuthors(join(options.contentDir, "authors"), options.publicDir, baseUrl, problems),
    loadTopicRegistry(join(options.contentDir, "topics"), baseUrl, problems),
    markdownFiles(join(options.contentDir, "news")).then((paths) =>
      readArticles(paths, publication, problems, options.render !== false, options.cache),
    ),
    unreadContent(options.contentDir),
  ]);
  problems.push(...unread);

  const bySlug = new Map<string, Draft[]>();
  for (const draft of drafts) bySlug.set(draft.slug, [...(bySlug.get(draft.slug) ?? []), draft]);
  for (const [slug, sharing] of bySlug) {
    if (sharing.length < 2) continue;
    for (const draft of sharing) {
      const others = sharing.filter((other) => other !== draft).map((other) => other.file.path);
      new FileProblems(draft.file, problems).error(
        draft.explicitSlug ? ["slug"] : [],
        `the slug \`${slug}\` is also used by ${others.join(", ")}; each article needs its own`,
      );
    }
  }

  const isPublished = (draft: Draft) =>
    draft.valid !== undefined && !draft.valid.data.draft && draft.valid.date <= options.now;
  const published = drafts.filter(isPublished);
  const included = options.preview ? drafts.filter((draft) => draft.valid) : published;
  const includedSlugs = new Set(included.map((draft) => draft.slug));
  const tagged = drafts.filter((draft) => draft.valid).map((draft) => ({ file: draft.file, tags: draft.tags }));
  checkTopicCollisions(tagged, registry, problems);
  const allTopics = resolveTopics(tagged, registry);
  similarTopicWarnings(tagged, allTopics, warnings);
  unusedTopicWarnings(tagged, registry, warnings);
  const topics = options.preview ? allTopics : resolveTopics(included, registry);
  // A published article's links must work on the published site; an unpublished one's must at least exist.
  const editionPaths = await markdownFiles(editionsDir(options.contentDir));
  const editionDays = new Set(editionPaths.map(fileSlug));
  const liveRoutes = routesOf(included, authors, editionDays, options.publicDir, options.now);
  const anyRoutes = routesOf(drafts, authors, editionDays, options.publicDir, options.now);
  checkAliases(drafts, anyRoutes, problems);

  const articles: Article[] = [];
  const retracted: Article[] = [];
  for (const draft of drafts) {
    const { file, authorKeys } = draft;
    const report = new FileProblems(file, problems);
    const isLive = includedSlugs.has(draft.slug);
    const keys = authorKeys === undefined ? [] : [authorKeys].flat();
    const articleAuthors = keys.flatMap((key, index) => {
      const author = authors.get(key);
      if (!author) {
        const authorFile = join(options.contentDir, "authors", `${key}.md`);
        const authorsDir = displayPath(join(options.contentDir, "authors"));
        const hint = didYouMean(key, authors.keys(), `: add ${authorsDir}/${key}.md or fix the spelling`);
        const message =
          isUrlSegment(key) && existsSync(authorFile)
            ? `the author \`${key}\` cannot be used until the problems in ${displayPath(authorFile)} are fixed`
            : `unknown author \`${key}\`${hint}`;
        report.error(Array.isArray(authorKeys) ? ["author", index] : ["author"], message);
      }
      return author ? [author] : [];
    });
    const related = draft.related.flatMap((item, index): RelatedLink[] => {
      if (typeof item !== "string") return [{ title: typographicText(item.title), url: item.url, external: true }];
      const target = bySlug.get(item)?.[0];
      if (!target) {
        report.error(["related", index], `no article has the slug \`${item}\`${didYouMean(item, bySlug.keys(), "")}`);
        return [];
      }
      if (item === draft.slug) {
        report.error(["related", index], "an article cannot list itself");
        return [];
      }
      if (!includedSlugs.has(item)) {
        const until = target.valid ? ", so it is left out of ALSO SEE until it is published" : "";
        if (isLive) {
          new FileProblems(file, warnings).warning(
            ["related", index],
            `\`${item}\` ${whyNotPublished(target)}${until}`,
          );
        }
        return [];
      }
      if (target.valid?.retraction) {
        if (isLive)
          new FileProblems(file, warnings).warning(
            ["related", index],
            `\`${item}\` was retracted, so it is left out of ALSO SEE: remove it from related`,
          );
        return [];
      }
      return [{ title: typographicText(target.valid?.data.title ?? item), url: route.article(item), external: false }];
    });
    for (const link of draft.body.links) {
      const path = sitePath(link.href, baseUrl);
      if (path === undefined) continue;
      const line = file.parsed.bodyLine + link.line;
      const broken = brokenLink(path, isLive ? liveRoutes : anyRoutes);
      if (!broken) continue;
      const target = bySlug.get(linkedSlug(path) ?? "")?.[0];
      const unpublished = isLive && target && !includedSlugs.has(target.slug);
      const reason = unpublished ? `that article ${whyNotPublished(target)}` : broken;
      report.at("error", line, "body", `broken link to ${path}: ${reason}`);
    }
    const image = field(file.parsed.data, "image");
    if (image) checkPicture(image.src, options.publicDir, report, ["image", "src"]);
    articleWarnings(draft, warnings, join(options.contentDir, "news"));
    checkNotes(draft, options.now, report);
    if (!draft.valid || !isLive) continue;
    const { data, date, dateOnly, updated, corrections, retraction } = draft.valid;
    const article: Article = {
      slug: draft.slug,
      url: route.article(draft.slug),
      sourcePath: file.path,
      title: typographicText(data.title),
      dek: data.dek === undefined ? undefined : typographicText(data.dek),
      date,
      dateOnly,
      updated,
      authors: articleAuthors,
      source: data.source,
      topics: [...new Set(data.tags.map(slugFor))].flatMap((slug) => topics.get(slug) ?? []),
      related,
      image: data.image,
      aliases: draft.aliases,
      corrections,
      retraction,
      modified: [updated, ...corrections.map((correction) => correction.date)].reduce<DateTime>(
        (latest, next) => (next && next > latest ? next : latest),
        date,
      ),
      draft: data.draft,
      featured: data.featured,
      scheduled: date > options.now,
      html: retraction ? "" : draft.body.html,
    };
    (retraction ? retracted : articles).push(article);
  }

  const editionSources = {
    paths: editionPaths,
    publication,
    now: options.now,
    preview: options.preview,
    render: options.render !== false,
    drafts,
    articles,
    retracted,
    topics: allTopics,
    routes: liveRoutes,
  };
  const editions = loadEditions(editionSources, problems, warnings);
  // An edition waits, like a scheduled article, until its day and all its stories have come.
  const includedEditions = options.preview ? editions : editions.filter((edition) => !edition.scheduled);
  const record = checkRecord(
    options,
    {
      contentDir: options.contentDir,
      zone: publication.timeZone,
      locale: publication.locale ?? publication.language,
      now: options.now,
      drafts,
      served: [...articles, ...retracted],
      editions,
    },
    problems,
  );

  if (problems.some((problem) => problem.severity === "error"))
    throw new ContentError(sortProblems([...problems, ...warnings]));

  const newestFirst = (a: Article, b: Article) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug);
  articles.sort(newestFirst);
  retracted.sort(newestFirst);
  const usedTopics = new Set(articles.flatMap((article) => article.topics.map((topic) => topic.slug)));
  return {
    // Frozen: the newsroom never changes after loading, and Eleventy passes frozen data to templates as is
    // instead of wrapping it in a proxy per page, so per-newsroom caches (WeakMap) work.
    newsroom: Object.freeze({
      publication,
      articles,
      retracted,
      aliases: [...articles, ...retracted]
        .flatMap((article) => article.aliases.map((from) => ({ from, to: article.url, title: article.title })))
        .sort((a, b) => a.from.localeCompare(b.from)),
      authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
      topics: [...topics.values()]
        .filter((topic) => usedTopics.has(topic.slug))
        .sort((a, b) => a.name.localeCompare(b.name)),
      editions: includedEditions,
      preview: options.preview,
      builtAt: options.now,
    }),
    warnings: sortProblems(warnings),
    leftOut: leftOut(drafts, editions, options.now),
    record,
  };
}
