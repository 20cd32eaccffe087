import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { DateTime } from "luxon";
import { monthKey, PAGE_SIZE } from "../collections/listings.ts";
import { fileSlug, topicSlug } from "../collections/slugs.ts";
import { typographicText } from "../markdown/markdown.ts";
import { unpublishedAsset } from "./assets.ts";
import { articleWarnings, field, readArticles, type ArticleCache, type Draft } from "./articles.ts";
import { renderCheckedBody } from "./bodies.ts";
import { editionsDir, loadEditions } from "./editions.ts";
import { didYouMean } from "./hints.ts";
import { leftOut, unreadContent, type LeftOut } from "./inventory.ts";
import { brokenLink, sitePath, type Routes } from "./links.ts";
import { ContentError, sortProblems, type Problem } from "./problems.ts";
import { AuthorFrontMatterSchema, isUrlSegment, PublicationSchema, type Article, type Author, type Newsroom, type Publication, type RelatedLink } from "./schema.ts";
import { displayPath, FileProblems, markdownFiles, pathPart, readSource, validate } from "./sources.ts";
import { checkTopicCollisions, loadTopicRegistry, resolveTopics, similarTopicWarnings, unusedTopicWarnings } from "./topics.ts";

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
}

/** A newsroom that passed validation, and the warnings that did not stop it. */
export interface LoadResult {
  newsroom: Newsroom;
  warnings: Problem[];
  /** Drafts and scheduled articles, by file: what a production build leaves out. */
  leftOut: LeftOut;
}

/** Reads and validates `publication.ts` in `contentDir`, reporting problems; undefined when it is unusable. */
export async function loadPublication(contentDir: string, problems: Problem[]): Promise<Publication | undefined> {
  const path = join(contentDir, "publication.ts");
  const file = displayPath(path);
  if (!existsSync(path)) {
    problems.push({ file, field: "", message: "is missing: it holds the publication's name, base URL, time zone and language", severity: "error" });
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

async function loadAuthors(dir: string, publicDir: string, baseUrl: string, problems: Problem[]): Promise<Map<string, Author>> {
  const authors = new Map<string, Author>();
  for (const path of await markdownFiles(dir)) {
    const file = readSource(path, problems);
    const data = validate(AuthorFrontMatterSchema, file, problems);
    if (!data) continue;
    const key = fileSlug(path);
    const report = new FileProblems(file, problems);
    if (topicSlug(key) !== key) report.error([], `the file name must be the author's key in lower case with hyphens, like ${topicSlug(key) || "jim-pollard"}.md`);
    const sameKey = authors.get(key);
    if (sameKey) report.error([], `the author key \`${key}\` is also used by ${sameKey.sourcePath}; each author needs their own file name`);
    if (data.photo) checkPicture(data.photo.src, publicDir, report, ["photo", "src"]);
    authors.set(key, {
      key,
      url: `/authors/${key}/`,
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

/** The pages a set of articles produces, for checking links against. */
function routesOf(drafts: Draft[], authors: Map<string, Author>, editionDays: Set<string>, publicDir: string): Routes {
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const routes: Routes = { articles: new Set(), topics: new Map(), authors: new Map(), months: new Map(), editions: editionDays, publicDir, pageSize: PAGE_SIZE };
  for (const key of authors.keys()) routes.authors.set(key, 0);
  for (const draft of drafts) {
    routes.articles.add(draft.slug);
    if (!draft.valid) continue;
    for (const slug of new Set(draft.tags.map(topicSlug))) count(routes.topics, slug);
    for (const key of [draft.valid.data.author].flat()) if (authors.has(key)) count(routes.authors, key);
    count(routes.months, monthKey(draft.valid.date));
  }
  return routes;
}

function unpublished(draft: Draft): string {
  return draft.valid?.data.draft ? "a draft" : "scheduled for later";
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

  const [authors, registry, drafts, unread] = await Promise.all([
    loadAuthors(join(options.contentDir, "authors"), options.publicDir, baseUrl, problems),
    loadTopicRegistry(join(options.contentDir, "topics"), baseUrl, problems),
    markdownFiles(join(options.contentDir, "news")).then((paths) => readArticles(paths, publication, problems, options.render !== false, options.cache)),
    unreadContent(options.contentDir),
  ]);
  problems.push(...unread);

  const bySlug = new Map<string, Draft[]>();
  for (const draft of drafts) bySlug.set(draft.slug, [...(bySlug.get(draft.slug) ?? []), draft]);
  for (const [slug, sharing] of bySlug) {
    if (sharing.length < 2) continue;
    for (const draft of sharing) {
      const others = sharing.filter((other) => other !== draft).map((other) => other.file.path);
      new FileProblems(draft.file, problems).error(draft.explicitSlug ? ["slug"] : [], `the slug \`${slug}\` is also used by ${others.join(", ")}; each article needs its own`);
    }
  }

  const isPublished = (draft: Draft) => draft.valid !== undefined && !draft.valid.data.draft && draft.valid.date <= options.now;
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
  const liveRoutes = routesOf(included, authors, editionDays, options.publicDir);
  const anyRoutes = routesOf(drafts, authors, editionDays, options.publicDir);

  const articles: Article[] = [];
  for (const draft of drafts) {
    const { file, authorKeys } = draft;
    const report = new FileProblems(file, problems);
    const isLive = includedSlugs.has(draft.slug);
    const keys = authorKeys === undefined ? [] : [authorKeys].flat();
    const articleAuthors = keys.flatMap((key, index) => {
      const author = authors.get(key);
      if (!author) {
        const authorFile = join(options.contentDir, "authors", `${key}.md`);
        const hint = didYouMean(key, authors.keys(), `: add content/authors/${key}.md or fix the spelling`);
        const message = isUrlSegment(key) && existsSync(authorFile) ? `the author \`${key}\` cannot be used until the problems in ${displayPath(authorFile)} are fixed` : `unknown author \`${key}\`${hint}`;
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
        if (isLive) new FileProblems(file, warnings).warning(["related", index], `\`${item}\` is ${unpublished(target)}, so it is left out of ALSO SEE until it is published`);
        return [];
      }
      return [{ title: typographicText(target.valid?.data.title ?? item), url: `/news/${item}/`, external: false }];
    });
    for (const link of draft.body.links) {
      const path = sitePath(link.href, baseUrl);
      if (path === undefined) continue;
      const line = file.parsed.bodyLine + link.line;
      const broken = brokenLink(path, isLive ? liveRoutes : anyRoutes);
      if (!broken) continue;
      const target = path.startsWith("/news/") ? bySlug.get(path.split("/")[2] ?? "")?.[0] : undefined;
      const reason = isLive && target && !includedSlugs.has(target.slug) ? `that article is ${unpublished(target)}` : broken;
      report.at("error", line, "body", `broken link to ${path}: ${reason}`);
    }
    const image = field(file.parsed.data, "image");
    if (image) checkPicture(image.src, options.publicDir, report, ["image", "src"]);
    articleWarnings(draft, warnings, join(options.contentDir, "news"));
    if (!draft.valid || !isLive) continue;
    const { data, date, dateOnly, updated } = draft.valid;
    articles.push({
      slug: draft.slug,
      url: `/news/${draft.slug}/`,
      sourcePath: file.path,
      title: typographicText(data.title),
      dek: data.dek === undefined ? undefined : typographicText(data.dek),
      date,
      dateOnly,
      updated,
      authors: articleAuthors,
      source: data.source,
      topics: [...new Set(data.tags.map(topicSlug))].flatMap((slug) => topics.get(slug) ?? []),
      related,
      image: data.image,
      draft: data.draft,
      featured: data.featured,
      scheduled: date > options.now,
      html: draft.body.html,
    });
  }

  const editionSources = { paths: editionPaths, publication, now: options.now, preview: options.preview, render: options.render !== false, drafts, articles, topics: allTopics, routes: liveRoutes };
  const editions = loadEditions(editionSources, problems, warnings);
  // An edition waits, like a scheduled article, until its day and all its stories have come.
  const includedEditions = options.preview ? editions : editions.filter((edition) => !edition.scheduled);

  if (problems.some((problem) => problem.severity === "error")) throw new ContentError(sortProblems([...problems, ...warnings]));

  articles.sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug));
  const usedTopics = new Set(articles.flatMap((article) => article.topics.map((topic) => topic.slug)));
  return {
    // Frozen: the newsroom never changes after loading, and Eleventy passes frozen data to templates as is
    // instead of wrapping it in a proxy per page, so per-newsroom caches (WeakMap) work.
    newsroom: Object.freeze({
      publication,
      articles,
      authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
      topics: [...topics.values()].filter((topic) => usedTopics.has(topic.slug)).sort((a, b) => a.name.localeCompare(b.name)),
      editions: includedEditions,
      preview: options.preview,
      builtAt: options.now,
    }),
    warnings: sortProblems(warnings),
    leftOut: leftOut(drafts, editions, options.now),
  };
}
