import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { fileSlug, topicKey, topicSlug } from "../collections/slugs.ts";
import { parseContentDate } from "../dates/dates.ts";
import { renderMarkdown } from "../markdown/markdown.ts";
import { parseContentFile, type ParsedFile } from "./frontMatter.ts";
import { ContentError, sortProblems, type Problem } from "./problems.ts";
import {
  ArticleFrontMatterSchema,
  AuthorFrontMatterSchema,
  PublicationSchema,
  TopicFrontMatterSchema,
  type Article,
  type ArticleFrontMatter,
  type Author,
  type Newsroom,
  type Publication,
  type Topic,
} from "./schema.ts";

/** Where content lives and which build this is. */
export interface LoadOptions {
  /** The folder holding `publication.ts`, `news/`, `authors/` and `topics/`. */
  contentDir: string;
  /** The folder that `/assets/...` URLs are served from; image paths are checked against it. */
  publicDir: string;
  /** The build's "now": articles dated after it are scheduled. */
  now: DateTime;
  /** Include drafts and scheduled articles (the dev server). */
  preview: boolean;
}

/** A newsroom that passed validation, and the warnings that did not stop it. */
export interface LoadResult {
  newsroom: Newsroom;
  warnings: Problem[];
}

interface SourceFile {
  path: string;
  parsed: ParsedFile;
}

/** Collects problems for one file, with the line of each field when the YAML has it. */
class FileProblems {
  constructor(
    private readonly file: SourceFile,
    private readonly into: Problem[],
  ) {}

  error(path: readonly (string | number)[], message: string): void {
    this.add("error", path, message);
  }

  warning(path: readonly (string | number)[], message: string): void {
    this.add("warning", path, message);
  }

  private add(severity: Problem["severity"], path: readonly (string | number)[], message: string): void {
    this.into.push({ file: this.file.path, line: this.file.parsed.lineOf(path), field: fieldName(path), message, severity });
  }
}

/** `related[1].url` from ["related", 1, "url"]. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), "");
}

function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join("/");
}

async function markdownFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((entry) => entry.endsWith(".md")).map((entry) => join(dir, entry)).sort();
}

async function readSource(path: string, problems: Problem[]): Promise<SourceFile> {
  const file: SourceFile = { path: displayPath(path), parsed: parseContentFile(await readFile(path, "utf8")) };
  for (const yamlError of file.parsed.yamlErrors) {
    problems.push({ file: file.path, line: yamlError.line, field: "", message: `front matter is not valid YAML: ${yamlError.message}`, severity: "error" });
  }
  return file;
}

/** Validates front matter against a schema, reporting each issue against its field. */
function validate<Schema extends z.ZodType>(schema: Schema, file: SourceFile, problems: Problem[]): z.output<Schema> | undefined {
  if (file.parsed.yamlErrors.length > 0) return undefined;
  const result = schema.safeParse(file.parsed.data);
  if (result.success) return result.data;
  const report = new FileProblems(file, problems);
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) report.error([...issue.path.map(pathPart), key], "is not a field we know; check the spelling");
    } else {
      report.error(issue.path.map(pathPart), issue.message);
    }
  }
  return undefined;
}

function pathPart(part: PropertyKey): string | number {
  return typeof part === "number" ? part : String(part);
}

async function loadPublication(contentDir: string, problems: Problem[]): Promise<Publication | undefined> {
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
  }
}

async function loadAuthors(contentDir: string, options: LoadOptions, baseUrl: string, problems: Problem[]): Promise<Map<string, Author>> {
  const authors = new Map<string, Author>();
  for (const path of await markdownFiles(join(contentDir, "authors"))) {
    const file = await readSource(path, problems);
    const data = validate(AuthorFrontMatterSchema, file, problems);
    if (!data) continue;
    const key = fileSlug(path);
    const report = new FileProblems(file, problems);
    if (topicSlug(key) !== key) report.error([], `the file name must be the author's key in lower case with hyphens, like ${topicSlug(key) || "jim-pollard"}.md`);
    if (data.photo) checkPicture(data.photo.src, options.publicDir, report, ["photo", "src"]);
    authors.set(key, {
      key,
      url: `/authors/${key}/`,
      name: data.name,
      role: data.role,
      photo: data.photo,
      links: data.links,
      bioHtml: renderMarkdown(file.parsed.body, { baseUrl }),
      sourcePath: file.path,
    });
  }
  return authors;
}

async function loadTopicRegistry(contentDir: string, baseUrl: string, problems: Problem[]): Promise<Map<string, Topic>> {
  const topics = new Map<string, Topic>();
  for (const path of await markdownFiles(join(contentDir, "topics"))) {
    const file = await readSource(path, problems);
    const data = validate(TopicFrontMatterSchema, file, problems);
    if (!data) continue;
    const slug = topicSlug(data.name);
    if (!slug) {
      new FileProblems(file, problems).error(["name"], `"${data.name}" has no letters or digits to make a web address from`);
      continue;
    }
    if (fileSlug(path) !== slug) {
      new FileProblems(file, problems).error(["name"], `"${data.name}" belongs in a file named ${slug}.md, not ${fileSlug(path)}.md`);
      continue;
    }
    const body = file.parsed.body.trim();
    topics.set(slug, { slug, url: `/topics/${slug}/`, name: data.name, description: data.description, introHtml: body ? renderMarkdown(body, { baseUrl }) : undefined });
  }
  return topics;
}

/** An article file read as far as it goes: references are checked even when other fields are wrong. */
interface Draft {
  file: SourceFile;
  slug: string;
  /** The fields as far as they are valid; `data` only when the whole front matter is. */
  authorKeys: ArticleFrontMatter["author"] | undefined;
  related: ArticleFrontMatter["related"];
  explicitSlug: boolean;
  valid?: { data: ArticleFrontMatter; date: DateTime; dateOnly: boolean; updated?: DateTime };
}

const articleFields = ArticleFrontMatterSchema.shape;

/** One front-matter field parsed on its own, so cross-checks still run when another field is wrong. */
function field<Key extends keyof typeof articleFields>(raw: unknown, key: Key): z.output<(typeof articleFields)[Key]> | undefined {
  const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  const result = articleFields[key].safeParse(value);
  return result.success ? (result.data as z.output<(typeof articleFields)[Key]>) : undefined;
}

function readArticle(file: SourceFile, publication: Publication, problems: Problem[]): Draft {
  const data = validate(ArticleFrontMatterSchema, file, problems);
  const raw = file.parsed.data;
  const report = new FileProblems(file, problems);
  const dateText = field(raw, "date");
  const updatedText = field(raw, "updated");
  const date = dateText === undefined ? undefined : parseContentDate(dateText, publication.timeZone);
  const updated = updatedText === undefined ? undefined : parseContentDate(updatedText, publication.timeZone);
  if (date && !date.ok) report.error(["date"], date.reason);
  if (updated && !updated.ok) report.error(["updated"], updated.reason);
  if (date?.ok && updated?.ok && updated.date < date.date) {
    report.error(["updated"], `${updatedText} is before the article's date ${dateText}`);
  }
  const slug = field(raw, "slug");
  return {
    file,
    slug: slug ?? fileSlug(file.path),
    explicitSlug: slug !== undefined,
    authorKeys: field(raw, "author"),
    related: field(raw, "related") ?? [],
    valid:
      data && date?.ok && (!updated || updated.ok)
        ? { data, date: date.date, dateOnly: date.dateOnly, updated: updated?.ok ? updated.date : undefined }
        : undefined,
  };
}

/**
 * Checks that spellings sharing a topic slug are the same topic (they differ only in case, spacing, hyphens
 * or accents), so two different topics never silently share a URL.
 */
function checkTopicCollisions(drafts: Draft[], registry: Map<string, Topic>, problems: Problem[]): void {
  const firstSeen = new Map<string, { name: string; key: string; where: string }>();
  for (const topic of registry.values()) firstSeen.set(topic.slug, { name: topic.name, key: topicKey(topic.name), where: `content/topics/${topic.slug}.md` });
  for (const draft of drafts) {
    draft.valid?.data.tags.forEach((tag, index) => {
      const slug = topicSlug(tag);
      const seen = firstSeen.get(slug);
      if (!seen) {
        firstSeen.set(slug, { name: tag.trim(), key: topicKey(tag), where: draft.file.path });
      } else if (seen.key !== topicKey(tag)) {
        new FileProblems(draft.file, problems).error(
          ["tags", index],
          `"${tag.trim()}" would share the page /topics/${slug}/ with the different topic "${seen.name}" (${seen.where}); rename one of them`,
        );
      }
    });
  }
}

/** Every spelling of a topic in use, resolved to one topic per slug: the registry's name, else the commonest spelling. */
function resolveTopics(drafts: Draft[], registry: Map<string, Topic>): Map<string, Topic> {
  const spellings = new Map<string, Map<string, number>>();
  for (const draft of drafts) {
    for (const tag of draft.valid?.data.tags ?? []) {
      const slug = topicSlug(tag);
      const name = tag.trim().replace(/\s+/g, " ");
      const counts = spellings.get(slug) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(slug, counts);
    }
  }
  const topics = new Map(registry);
  for (const [slug, counts] of spellings) {
    if (topics.has(slug)) continue;
    const [name] = [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0] ?? [slug];
    topics.set(slug, { slug, url: `/topics/${slug}/`, name });
  }
  return topics;
}

/**
 * Reads, validates and resolves all content under `contentDir`. Throws a ContentError listing every problem
 * found in every file when there is at least one error; warnings come back with the newsroom.
 */
export async function loadNewsroom(options: LoadOptions): Promise<LoadResult> {
  const problems: Problem[] = [];
  const publication = await loadPublication(options.contentDir, problems);
  if (!publication) throw new ContentError(sortProblems(problems));
  const baseUrl = publication.baseUrl;

  const [authors, registry, articleFiles] = await Promise.all([
    loadAuthors(options.contentDir, options, baseUrl, problems),
    loadTopicRegistry(options.contentDir, baseUrl, problems),
    markdownFiles(join(options.contentDir, "news")).then((paths) => Promise.all(paths.map((path) => readSource(path, problems)))),
  ]);

  const drafts = articleFiles.map((file) => readArticle(file, publication, problems));

  const bySlug = new Map<string, Draft[]>();
  for (const draft of drafts) bySlug.set(draft.slug, [...(bySlug.get(draft.slug) ?? []), draft]);
  for (const [slug, sharing] of bySlug) {
    if (sharing.length < 2) continue;
    for (const draft of sharing) {
      const others = sharing.filter((other) => other !== draft).map((other) => other.file.path);
      new FileProblems(draft.file, problems).error(draft.explicitSlug ? ["slug"] : [], `the slug "${slug}" is also used by ${others.join(", ")}; each article needs its own`);
    }
  }

  const isPublished = (draft: Draft) => draft.valid !== undefined && !draft.valid.data.draft && draft.valid.date <= options.now;
  const included = drafts.filter((draft) => draft.valid && (options.preview || isPublished(draft)));
  const includedSlugs = new Set(included.map((draft) => draft.slug));
  checkTopicCollisions(drafts, registry, problems);
  const topics = resolveTopics(included, registry);
  const warnings: Problem[] = [];

  const articles: Article[] = [];
  for (const draft of drafts) {
    const { file, authorKeys } = draft;
    const report = new FileProblems(file, problems);
    const keys = authorKeys === undefined ? [] : Array.isArray(authorKeys) ? authorKeys : [authorKeys];
    const articleAuthors = keys.flatMap((key, index) => {
      const author = authors.get(key);
      if (!author) report.error(Array.isArray(authorKeys) ? ["author", index] : ["author"], `no author with the key "${key}": add content/authors/${key}.md or fix the spelling`);
      return author ? [author] : [];
    });
    const related = draft.related.flatMap((item, index) => {
      if (typeof item !== "string") return [{ title: item.title, url: item.url, external: true }];
      const target = bySlug.get(item)?.[0];
      if (!target) {
        report.error(["related", index], `no article has the slug "${item}"`);
        return [];
      }
      if (item === draft.slug) {
        report.error(["related", index], "an article cannot list itself");
        return [];
      }
      if (!includedSlugs.has(item)) {
        if (includedSlugs.has(draft.slug)) {
          new FileProblems(file, warnings).warning(["related", index], `"${item}" is not published yet, so it is left out of ALSO SEE until it is`);
        }
        return [];
      }
      return [{ title: target.valid?.data.title ?? item, url: `/news/${item}/`, external: false }];
    });
    const image = field(file.parsed.data, "image");
    if (image) checkPicture(image.src, options.publicDir, report, ["image", "src"]);
    if (!draft.valid || !includedSlugs.has(draft.slug)) continue;
    const { data, date, dateOnly, updated } = draft.valid;
    articles.push({
      slug: draft.slug,
      url: `/news/${draft.slug}/`,
      sourcePath: file.path,
      title: data.title,
      dek: data.dek,
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
      html: renderMarkdown(file.parsed.body, { baseUrl }),
    });
  }

  if (problems.some((problem) => problem.severity === "error")) throw new ContentError(sortProblems([...problems, ...warnings]));

  articles.sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug));
  const usedTopics = new Set(articles.flatMap((article) => article.topics.map((topic) => topic.slug)));
  return {
    newsroom: {
      publication,
      articles,
      authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
      topics: [...topics.values()].filter((topic) => usedTopics.has(topic.slug)).sort((a, b) => a.name.localeCompare(b.name)),
      preview: options.preview,
      builtAt: options.now,
    },
    warnings: sortProblems(warnings),
  };
}
