import { join } from "node:path";
import type { DateTime } from "luxon";
import { type ArticleCache, type ArticleFile, readArticles } from "../content/articles.ts";
import { loadAuthors } from "../content/authors.ts";
import { type ContentInventory, contentInventory } from "../content/inventory.ts";
import { newPictureRun } from "../content/pictures.ts";
import { ContentError, type Problem, sortProblems } from "../content/problems.ts";
import { checkLogo, loadPublication } from "../content/publication.ts";
import type { Article, Author, Newsroom, Publication, Topic } from "../content/schema.ts";
import {
  checkTopicCollisions,
  loadTopicRegistry,
  resolveTopics,
  similarTopicWarnings,
  unusedTopicWarnings,
} from "../content/topics.ts";
import type { ContentHistory, NoHistory } from "../history/git.ts";
import { loadEditions } from "../newsletter/editions.ts";
import type { Routes } from "../site/routes.ts";
import { fileSlug } from "../site/slugs.ts";
import { assembleNewsroom } from "./assemble.ts";
import { checkAliases, checkArticleFile, checkSlugs } from "./check.ts";
import { checkRecord, type RecordCheck } from "./published.ts";
import {
  type References,
  type ResolutionKey,
  resolutionKey,
  resolveArticle,
  routesOf,
  sameResolution,
} from "./resolve.ts";
import { type LeftOut, leftOut, selectArticles } from "./select.ts";

export type { RecordCheck } from "./published.ts";

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
  /**
   * Articles parsed before, reused while their files are unchanged: by an earlier load in this process (the dev
   * server, which stamps files by size and time) or an earlier run (`npm run check`, by a hash of their bytes).
   */
  cache?: { articles: ArticleCache; stampOf?: (path: string) => string | undefined; resolved?: ResolvedArticles };
  /**
   * What the published branch held before (see src/history/git.ts): published addresses and sent editions are
   * checked against it. Without it (unit tests) they are not checked; with NoHistory the result says why.
   */
  history?: ContentHistory | NoHistory;
}

/**
 * Article files checked and resolved by an earlier load in this process (the dev server), with what was found, reused
 * while the file and everything it is resolved against are unchanged (see `resolutionKey`). Whoever keeps it must
 * empty it with `forget` when a file other than an article changes (a picture, an author, a topic).
 */
export class ResolvedArticles {
  /** The publication, authors and topic files as read, kept too: only saving one of them (or a picture) changes it. */
  sources?: Sources;
  key?: ResolutionKey;
  routes?: { live: Routes; any: Routes };
  /** The topics' check, and the article files its problems name, by their paths as listed (see ArticleCache). */
  topics?: TopicCheck & { named: Map<string, ArticleFile> };
  files = new WeakMap<ArticleFile, { article?: Article; problems: Problem[]; warnings: Problem[] }>();

  forget(): void {
    this.sources = undefined;
    this.key = undefined;
    this.routes = undefined;
    this.topics = undefined;
    this.files = new WeakMap();
  }
}

/** A newsroom that passed validation, and the warnings that did not stop it. */
export interface LoadResult {
  newsroom: Newsroom;
  warnings: Problem[];
  /** Drafts and scheduled articles, by file: what a production build leaves out. */
  leftOut: LeftOut;
  /** What the check against the published branch's history found. */
  record: RecordCheck;
}

/** Every content file, read and checked on its own. */
interface ContentFiles {
  authors: Map<string, Author>;
  /** Topics that have a file of their own, by slug. */
  registry: Map<string, Topic>;
  articles: ArticleFile[];
  /** Each article file's path as listed (the article cache's key), in the order of `articles`. */
  articlePaths: string[];
  editionPaths: string[];
}

/** The files every article is read and resolved against, and the problems reading them found. */
interface Sources {
  publication: Publication;
  authors: Map<string, Author>;
  /** Topics that have a file of their own, by slug. */
  registry: Map<string, Topic>;
  problems: Problem[];
}

/**
 * Stage 1a, read: the publication's settings (undefined when they are unusable), then its authors and topics, from
 * the files `inventory` lists.
 */
async function readSources(
  options: LoadOptions,
  inventory: ContentInventory,
): Promise<Sources | { publication?: undefined; problems: Problem[] }> {
  const { contentDir, publicDir } = options;
  const problems: Problem[] = [];
  const publication = await loadPublication(contentDir, problems);
  if (!publication) return { problems };
  if (publication.logo) checkLogo(publication.logo, contentDir, publicDir, problems);
  const authors = loadAuthors(inventory.files.authors, publicDir, publication.baseUrl, problems);
  const registry = loadTopicRegistry(inventory.files.topics, publication.baseUrl, problems);
  return { publication, authors, registry, problems };
}

/** Stage 1b, read: every article and edition file `inventory` lists, each parsed and checked against its schema. */
function readContent(
  options: LoadOptions,
  sources: Sources,
  inventory: ContentInventory,
  problems: Problem[],
): ContentFiles {
  const { publication, authors, registry } = sources;
  const { files, unread } = inventory;
  const articles = readArticles(
    files.news,
    publication,
    problems,
    options.render !== false,
    options.cache?.articles,
    options.cache?.stampOf,
  );
  problems.push(...unread);
  return { authors, registry, articles, articlePaths: files.news, editionPaths: files.editions };
}

/** The topics the valid articles are filed under, and what checking them as a whole found. */
interface TopicCheck {
  topics: Map<string, Topic>;
  problems: Problem[];
  warnings: Problem[];
}

/** Checks the topics every valid article is filed under, as a whole: collisions, look-alikes, unused topic files. */
function checkTopics(files: ContentFiles): TopicCheck {
  const found: TopicCheck = { topics: new Map(), problems: [], warnings: [] };
  const tagged = files.articles.flatMap((article) =>
    article.valid ? [{ file: article.file, tags: article.tags }] : [],
  );
  checkTopicCollisions(tagged, files.registry, found.problems);
  found.topics = resolveTopics(tagged, files.registry);
  similarTopicWarnings(tagged, found.topics, found.warnings);
  unusedTopicWarnings(tagged, files.registry, found.warnings);
  return found;
}

/**
 * Reads, checks and resolves all content under `contentDir`, as stages: read every file → check each → select what
 * this build shows → resolve references (authors, topics, ALSO SEE, links) → the newsletter's editions → the
 * published record → assemble. Every file is checked, drafts included. Throws a ContentError listing every problem
 * in every file when there is at least one error; warnings come back with the newsroom.
 */
export async function loadNewsroom(options: LoadOptions): Promise<LoadResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  // Pictures changed since the last run (of the dev server) are looked at again; each once, however often shown.
  newPictureRun();
  // One listing of the content folder gives every file the loaders read, and what none of them reads.
  const inventory = await contentInventory(options.contentDir);
  const resolved = options.cache?.resolved;
  const sources = resolved?.sources ?? (await readSources(options, inventory));
  problems.push(...sources.problems);
  if (sources.publication === undefined) throw new ContentError(sortProblems(problems));
  const { publication } = sources;
  const files = readContent(options, sources, inventory, problems);

  const bySlug = checkSlugs(files.articles, problems);
  const selection = selectArticles(files.articles, options.now, options.preview);
  const editionDays = new Set(files.editionPaths.map(fileSlug));
  const routes = (articles: ArticleFile[]) =>
    routesOf(articles, files.authors, editionDays, options.publicDir, options.now);
  if (resolved) {
    const key = resolutionKey(files.articles, options, publication.baseUrl, files.authors, editionDays);
    if (!sameResolution(resolved.key, key)) resolved.forget();
    resolved.key = key;
    // Read from files no article is: still what they were when only articles were saved.
    resolved.sources = sources;
    resolved.routes ??= { live: routes(selection.included), any: routes(files.articles) };
    // A topic's problems give lines in the files they name: a save that moved a line there checks again. The files
    // read this load are the ones the cache holds now, by their paths as listed (a file read again is a new object).
    const current = options.cache?.articles;
    const moved = [...(resolved.topics?.named ?? [])].some(
      ([path, article]) => current?.get(path)?.article !== article,
    );
    if (!resolved.topics || moved) {
      // Problems name files as displayed.
      const byDisplay = new Map(files.articles.map((article, at) => [article.file.path, at]));
      const found = checkTopics(files);
      const named = new Map<string, ArticleFile>();
      for (const problem of [...found.problems, ...found.warnings]) {
        const at = byDisplay.get(problem.file);
        if (at !== undefined) named.set(files.articlePaths[at] as string, files.articles[at] as ArticleFile);
      }
      resolved.topics = { ...found, named };
    }
  }
  const topicCheck = resolved?.topics ?? checkTopics(files);
  problems.push(...topicCheck.problems);
  warnings.push(...topicCheck.warnings);
  const allTopics = topicCheck.topics;
  const shared = {
    contentDir: options.contentDir,
    baseUrl: publication.baseUrl,
    now: options.now,
    authors: files.authors,
    topics: options.preview ? allTopics : resolveTopics(selection.included, files.registry),
  };
  const refs: References = {
    ...shared,
    bySlug,
    selection,
    liveRoutes: resolved?.routes?.live ?? routes(selection.included),
    anyRoutes: resolved?.routes?.any ?? routes(files.articles),
  };
  checkAliases(files.articles, refs.anyRoutes, problems);

  const fileCheck = { publicDir: options.publicDir, newsDir: join(options.contentDir, "news"), now: options.now };
  const articles = files.articles.flatMap((article) => {
    const kept = resolved?.files.get(article);
    if (kept) {
      problems.push(...kept.problems);
      warnings.push(...kept.warnings);
      return kept.article ?? [];
    }
    const found = { problems: [] as Problem[], warnings: [] as Problem[] };
    checkArticleFile(article, fileCheck, found.problems, found.warnings);
    const resolvedArticle = resolveArticle(article, refs, found.problems, found.warnings);
    resolved?.files.set(article, { article: resolvedArticle, ...found });
    problems.push(...found.problems);
    warnings.push(...found.warnings);
    return resolvedArticle ?? [];
  });

  const editions = loadEditions(
    {
      paths: files.editionPaths,
      publication,
      now: options.now,
      preview: options.preview,
      render: options.render !== false,
      articleFiles: files.articles,
      articles: articles.filter((article) => !article.retraction),
      retracted: articles.filter((article) => article.retraction),
      topics: allTopics,
      routes: refs.liveRoutes,
    },
    problems,
    warnings,
  );
  const record = checkRecord(
    options.history,
    {
      contentDir: options.contentDir,
      zone: publication.timeZone,
      locale: publication.locale ?? publication.language,
      now: options.now,
      articleFiles: files.articles,
      served: articles,
      editions,
    },
    problems,
  );
  if (problems.some((problem) => problem.severity === "error")) {
    throw new ContentError(sortProblems([...problems, ...warnings]));
  }

  // An edition waits, like a scheduled article, until its day and all its stories have come.
  const shown = options.preview ? editions : editions.filter((edition) => !edition.scheduled);
  const newsroom = assembleNewsroom({
    publication,
    articles,
    authors: files.authors,
    topics: refs.topics,
    editions: shown,
    preview: options.preview,
    now: options.now,
  });
  return {
    newsroom,
    warnings: sortProblems(warnings),
    leftOut: leftOut(files.articles, editions, options.now),
    record,
  };
}
