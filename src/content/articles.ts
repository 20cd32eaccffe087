import { lstatSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { DateTime } from "luxon";
import { parseContentDate } from "../dates/dates.ts";
import { type ParsedBody, parseBody } from "../markdown/markdown.ts";
import { fileSlug, slugFor } from "../site/slugs.ts";
import { fileHash } from "../system/files.ts";
import { aliasPath } from "./aliases.ts";
import { renderNote, reportBodyProblems } from "./bodies.ts";
import { reportPlaceholder, STORY_PLACEHOLDER } from "./placeholders.ts";
import type { Problem } from "./problems.ts";
import { MAX_CONTENT_BYTES } from "./safety.ts";
import {
  type ArticleFrontMatter,
  ArticleFrontMatterSchema,
  type DatedNote,
  isUrlSegment,
  type Publication,
} from "./schema.ts";
import { FileProblems, fieldOf, readSource, type SourceFile, validate } from "./sources.ts";

/** Headlines longer than this are cut off in search results and share cards. */
export const LONG_HEADLINE = 100;

/** An article file read as far as it goes: references are checked even when other fields are wrong. */
export interface ArticleFile {
  file: SourceFile;
  slug: string;
  explicitSlug: boolean;
  /** Each field as far as it is valid on its own. */
  authorKeys: ArticleFrontMatter["author"] | undefined;
  related: ArticleFrontMatter["related"];
  tags: string[];
  /** The old addresses it lists (site paths), as far as they are valid. */
  aliases: string[];
  /** Its corrections and retraction, each as far as it is valid on its own. */
  notes: { corrections: (DatedNote | undefined)[]; retraction?: DatedNote };
  body: ParsedBody;
  /** Present only when the whole front matter is valid. */
  valid?: {
    data: ArticleFrontMatter;
    date: DateTime;
    dateOnly: boolean;
    updated?: DateTime;
    corrections: DatedNote[];
    retraction?: DatedNote;
  };
}

/**
 * A front-matter field of an article: from its valid front matter, or, when that has errors, as far as the field is
 * valid on its own (each field of the schema is checked on its own, so the two agree on a valid article).
 */
export function articleField<Key extends keyof ArticleFrontMatter & string>(
  article: ArticleFile,
  key: Key,
): ArticleFrontMatter[Key] | undefined {
  if (article.valid) return article.valid.data[key];
  return fieldOf(ArticleFrontMatterSchema, article.file.parsed.data, key) as ArticleFrontMatter[Key] | undefined;
}

/**
 * Validates an article's front matter and dates, and parses its body once (rendering it when the build needs the HTML).
 */
export function readArticle(
  file: SourceFile,
  publication: Publication,
  problems: Problem[],
  render = true,
): ArticleFile {
  const data = validate(ArticleFrontMatterSchema, file, problems);
  const raw = file.parsed.data;
  const report = new FileProblems(file, problems);
  const dateText = fieldOf(ArticleFrontMatterSchema, raw, "date");
  const updatedText = fieldOf(ArticleFrontMatterSchema, raw, "updated");
  const date = dateText === undefined ? undefined : parseContentDate(dateText, publication.timeZone);
  const updated = updatedText === undefined ? undefined : parseContentDate(updatedText, publication.timeZone);
  if (date && !date.ok) report.error(["date"], date.reason);
  if (updated && !updated.ok) report.error(["updated"], updated.reason);
  if (date?.ok && updated?.ok && updated.date < date.date) {
    report.error(["updated"], `${updatedText} is before the article's date ${dateText}`);
  }
  const note = (item: { date: string; note: string }, path: (string | number)[]): DatedNote | undefined => {
    const parsed = parseContentDate(item.date, publication.timeZone);
    if (!parsed.ok) return void report.error([...path, "date"], parsed.reason);
    if (date?.ok && parsed.date.endOf(parsed.dateOnly ? "day" : "second") < date.date) {
      return void report.error([...path, "date"], `${item.date} is before the article's date ${dateText}`);
    }
    return {
      date: parsed.date,
      dateOnly: parsed.dateOnly,
      noteHtml: renderNote(item.note, { baseUrl: publication.baseUrl }, report, [...path, "note"], render),
    };
  };
  const corrections = (fieldOf(ArticleFrontMatterSchema, raw, "corrections") ?? []).map((item, index) =>
    note(item, ["corrections", index]),
  );
  const retractedText = fieldOf(ArticleFrontMatterSchema, raw, "retracted");
  const retraction = retractedText && note(retractedText, ["retracted"]);
  const slug = fieldOf(ArticleFrontMatterSchema, raw, "slug");
  if (slug === undefined && !file.refused && !isUrlSegment(fileSlug(file.path))) {
    report.error(
      [],
      `the file name \`${fileSlug(file.path)}.md\` cannot be a web address: rename it in lower-case letters, digits ` +
        `and hyphens (like ${slugFor(fileSlug(file.path)) || "my-story"}.md) or give a slug`,
    );
  }
  const body = parseBody(file.parsed.body, { baseUrl: publication.baseUrl }, render);
  reportBodyProblems(file, body, problems);
  // A scheduled story is published by a scheduled build, unreviewed; only a draft may keep the prompt.
  if (fieldOf(ArticleFrontMatterSchema, raw, "draft") === false) reportPlaceholder(file, STORY_PLACEHOLDER, problems);
  return {
    file,
    slug: slug ?? fileSlug(file.path),
    explicitSlug: slug !== undefined,
    authorKeys: fieldOf(ArticleFrontMatterSchema, raw, "author"),
    related: fieldOf(ArticleFrontMatterSchema, raw, "related") ?? [],
    tags: fieldOf(ArticleFrontMatterSchema, raw, "tags") ?? [],
    aliases: (fieldOf(ArticleFrontMatterSchema, raw, "aliases") ?? []).flatMap((text) => aliasPath(text) ?? []),
    notes: { corrections, retraction },
    body,
    valid:
      data &&
      date?.ok &&
      (!updated || updated.ok) &&
      corrections.every((item) => item !== undefined) &&
      (!retractedText || retraction)
        ? {
            data,
            date: date.date,
            dateOnly: date.dateOnly,
            updated: updated?.ok ? updated.date : undefined,
            corrections: corrections.flatMap((item) => item ?? []),
            retraction,
          }
        : undefined,
  };
}

/**
 * Why an article is not on the site, to follow its slug or "that article": "is a draft", "is scheduled for later",
 * or, when it has errors that keep it out of every build, "(news/2024/x.md) has errors: fix them first".
 */
export function whyNotPublished(article: ArticleFile): string {
  if (!article.valid) return `(${article.file.path}) has errors: fix them first`;
  return article.valid.data.draft ? "is a draft" : "is scheduled for later";
}

/**
 * Articles kept parsed between reads, by path: between dev-server rebuilds in memory, and between runs of
 * `npm run check` on disk (src/content/articleStore.ts). An entry is reused while its stamp (see `statStamp` and
 * `contentStamps`) and the publication settings it was read with are unchanged.
 */
export type ArticleCache = Map<string, { stamp: string; article: ArticleFile; problems: Problem[] }>;

/** A file's stamp by its size and modification time: cheap, for the dev server, which is told of every save. */
export function statStamp(path: string): string {
  const stats = statSync(path);
  return `${stats.mtimeMs} ${stats.size}`;
}

/** Hashes of files' bytes by path, each with the file's status when it was hashed (see `contentStamps`). */
export type FileHashes = Map<string, { status: string; hash: string }>;

/**
 * How long after a file changed its status is trusted to show the next change. Times are kept to the nanosecond on
 * most disks but to the second, or two, on some: a file hashed sooner than this after it changed could change again
 * with the same size and times.
 */
export const SETTLED_MS = 2000;

/**
 * Stamps files by a hash of their bytes, for a cache kept between runs: a checkout gives files new times, but not new
 * bytes. As git does with its index, a file is hashed again only when its status (size, inode, modification and
 * change times) is not the one kept in `hashes` with its hash; `hashes` is updated as files are hashed. A file that
 * changed within SETTLED_MS of `now` is hashed, but its status is not kept, so the next run hashes it again. No stamp
 * for a link or anything but a file of at most MAX_CONTENT_BYTES, which readSource refuses, so that is said every time.
 */
export function contentStamps(hashes: FileHashes, now = Date.now()): (path: string) => string | undefined {
  return (path) => {
    const stats = lstatSync(path);
    if (!stats.isFile() || stats.size === 0 || stats.size > MAX_CONTENT_BYTES) {
      hashes.delete(path);
      return undefined;
    }
    const status = `${stats.size} ${stats.ino} ${stats.mtimeMs} ${stats.ctimeMs}`;
    const known = hashes.get(path);
    if (known && known.status === status) return known.hash;
    const hash = fileHash(path);
    const settled = Math.max(stats.mtimeMs, stats.ctimeMs) < now - SETTLED_MS;
    if (settled) hashes.set(path, { status, hash });
    else hashes.delete(path);
    return hash;
  };
}

/**
 * Whether `stamp` is `${own} ${settings}`, asked without writing that text out: 100,000 times on a dev-server save of
 * a large archive.
 */
function isStamp(stamp: string, own: string, settings: string): boolean {
  return (
    stamp.length === own.length + 1 + settings.length &&
    stamp.startsWith(own) &&
    stamp[own.length] === " " &&
    stamp.endsWith(settings)
  );
}

/**
 * Reads, parses and validates article files (see readArticle), reusing unchanged ones from `cache` when given,
 * by the stamp `stampOf` gives each file.
 */
export function readArticles(
  paths: string[],
  publication: Publication,
  problems: Problem[],
  render: boolean,
  cache?: ArticleCache,
  stampOf: (path: string) => string | undefined = statStamp,
): ArticleFile[] {
  // Problems name the file as displayed, from the folder the command runs in.
  const settings = `${publication.baseUrl} ${publication.timeZone} ${render} ${process.cwd()}`;
  const articles = paths.map((path) => {
    const own = cache && stampOf(path);
    const cached = own ? cache?.get(path) : undefined;
    if (own && cached && isStamp(cached.stamp, own, settings)) {
      problems.push(...cached.problems);
      return cached.article;
    }
    const found: Problem[] = [];
    const article = readArticle(readSource(path, found), publication, found, render);
    if (own) cache?.set(path, { stamp: `${own} ${settings}`, article, problems: found });
    else cache?.delete(path);
    problems.push(...found);
    return article;
  });
  if (cache) {
    const current = new Set(paths);
    for (const path of cache.keys()) if (!current.has(path)) cache.delete(path);
  }
  return articles;
}

/** What a good editor would point out but that does not stop publication; `newsDir` is the folder of news/<yyyy>/. */
export function articleWarnings(article: ArticleFile, warnings: Problem[], newsDir: string): void {
  const report = new FileProblems(article.file, warnings);
  const data = article.valid?.data;
  const [folder, ...inside] = relative(resolve(newsDir), resolve(article.file.path)).split(sep).slice(0, -1);
  if (article.valid && folder && /^\d{4}$/.test(folder) && Number(folder) !== article.valid.date.year) {
    const { year, zoneName } = article.valid.date;
    const where = (name: string | number) => ["news", name, ...inside].join("/");
    const message =
      `falls in ${year} in the publication's time zone (${zoneName}), but the file is in ` + `${where(folder)}/`;
    report.warning(["date"], `${message}: move it to ${where(year)}/`);
  }
  // A retracted story shows only its notice: no picture or dek to ask for.
  if (data && !data.retracted) {
    if (!data.dek)
      report.warning(
        ["dek"],
        "is missing: a one- or two-sentence standfirst tells readers and search engines what the story is",
      );
    if (!data.image)
      report.warning(["image"], "is missing: stories with a picture get a share card and a thumbnail in every list");
    if (data.title.length > LONG_HEADLINE) {
      report.warning(
        ["title"],
        `is ${data.title.length} characters long: search results and share cards cut headlines after about ` +
          `${LONG_HEADLINE}`,
      );
    }
  }
  article.related.forEach((item, index) => {
    if (typeof item !== "string" && item.url.startsWith("http://"))
      report.warning(["related", index, "url"], insecure(item.url));
  });
  for (const link of article.body.links) {
    if (link.href.startsWith("http://"))
      report.at("warning", article.file.parsed.bodyLine + link.line, "body", insecure(link.href));
  }
}

function insecure(url: string): string {
  return `${url} uses plain http: link to https:// if the site offers it`;
}
