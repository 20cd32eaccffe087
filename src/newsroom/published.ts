import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { aliasPath } from "../content/aliases.ts";
import type { ArticleFile } from "../content/articles.ts";
import { parseContentFile } from "../content/frontMatter.ts";
import type { Problem } from "../content/problems.ts";
import { type Article, type Edition, isUrlSegment } from "../content/schema.ts";
import { displayPath } from "../content/sources.ts";
import { displayDate, parseContentDate } from "../dates/dates.ts";
import type { ContentHistory, FileVersion, NoHistory } from "../history/git.ts";
import { type Candidate, editionStories, previousDay } from "../newsletter/selection.ts";
import { linkedSlug, route } from "../site/routes.ts";
import { fileSlug, slugFor } from "../site/slugs.ts";

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

/** What the published-record checks need from the build in progress. */
export interface PublishedRecordSources {
  contentDir: string;
  zone: string;
  locale: string;
  now: DateTime;
  /** Every article file as read now, drafts included. */
  articleFiles: ArticleFile[];
  /** The articles this build serves: published and retracted ones. */
  served: Article[];
  /** Every edition this build assembled. */
  editions: Edition[];
}

/** What the checks found: how many published addresses are still served, and how many of them by an alias. */
export interface PublishedRecordResult {
  addresses: number;
  byAlias: number;
}

/** An address the site once served, and the last version of a file that served it. */
interface PublishedAddress {
  path: string;
  version: FileVersion;
  until: DateTime;
}

/** An article version's front matter as far as the record needs it; undefined when it cannot be read. */
interface ArticleVersion {
  slug: string;
  draft: boolean;
  date?: DateTime;
  aliases: string[];
  tags: string[];
  retractedOn?: DateTime;
}

function readArticleVersion(version: FileVersion, zone: string): ArticleVersion {
  const data = parseContentFile(version.text).data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const date = (value: unknown) => {
    const parsed = typeof value === "string" ? parseContentDate(value, zone) : undefined;
    return parsed?.ok ? parsed.date : undefined;
  };
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  const slug = text(data.slug);
  const retracted = data.retracted as { date?: unknown } | undefined;
  return {
    slug: slug !== undefined && isUrlSegment(slug) ? slug : fileSlug(version.path),
    draft: data.draft === true,
    date: date(data.date),
    aliases: list(data.aliases).flatMap((alias) => aliasPath(alias) ?? []),
    tags: list(data.tags),
    retractedOn: typeof retracted === "object" && retracted !== null ? date(retracted.date) : undefined,
  };
}

const isArticle = (version: FileVersion) => version.path.startsWith("news/") && version.path.endsWith(".md");
const isEdition = (version: FileVersion) => /^editions\/\d{4}-\d{2}-\d{2}\.md$/.test(version.path);

/** When a version stopped being what the site showed: its `until`, or `now` while current, whichever is earlier. */
function endOf(version: FileVersion, now: DateTime): DateTime {
  return version.until !== undefined && version.until < now ? version.until : now;
}

/**
 * Every address an article page (or an alias of it) had while the published branch held it: a version that was
 * not a draft and whose date came before the next commit replaced it was live on the site.
 */
export function publishedAddresses(
  history: ContentHistory,
  zone: string,
  now: DateTime,
): Map<string, PublishedAddress> {
  const addresses = new Map<string, PublishedAddress>();
  for (const version of history.versions.filter(isArticle)) {
    if (version.from > now) continue;
    const article = readArticleVersion(version, zone);
    const until = endOf(version, now);
    if (article.draft || article.date === undefined || article.date > until) continue;
    for (const path of [route.article(article.slug), ...article.aliases]) {
      const known = addresses.get(path);
      if (!known || known.until <= until) addresses.set(path, { path, version, until });
    }
  }
  return addresses;
}

/** The current file a version's file became through renames, if it still exists. */
function successor(version: FileVersion, history: ContentHistory, contentDir: string): string | undefined {
  let path = version.renamedTo;
  for (let step = 0; path !== undefined && step < 100; step++) {
    if (existsSync(join(contentDir, path))) return path;
    const next = history.versions.find((candidate) => candidate.path === path && candidate.renamedTo !== undefined);
    path = next?.renamedTo;
  }
  return undefined;
}

/**
 * Reports each address readers were given that this build would no longer serve: a story renamed without
 * `aliases`, deleted, turned back into a draft or rescheduled. Names the file that served it.
 */
export function checkPublishedAddresses(
  history: ContentHistory,
  sources: PublishedRecordSources,
  problems: Problem[],
): PublishedRecordResult {
  const served = new Map<string, Article>();
  for (const article of sources.served) {
    served.set(article.url, article);
    for (const alias of article.aliases) served.set(alias, article);
  }
  const current = new Map(sources.articleFiles.map((article) => [article.file.path, article]));
  let addresses = 0;
  let byAlias = 0;
  for (const address of publishedAddresses(history, sources.zone, sources.now).values()) {
    const article = served.get(address.path);
    if (article) {
      addresses++;
      if (article.url !== address.path) byAlias++;
      continue;
    }
    const file = displayPath(join(sources.contentDir, address.version.path));
    const until = displayDate(address.until, sources.locale, true);
    const old = linkedSlug(address.path) ?? address.path;
    const now = current.get(file);
    const since = `was published at ${address.path} (until ${until}, commit ${address.version.commit.slice(0, 7)})`;
    if (now?.valid) {
      const { data, date } = now.valid;
      const [field, message] = data.draft
        ? [
            "draft",
            `${since}; making it a draft again would break that address: to withdraw it, keep it published and mark ` +
              `it \`retracted\` instead`,
          ]
        : date > sources.now
          ? [
              "date",
              `${since}; moving its date to the future would break that address until then: keep the date and add ` +
                `\`updated\` or a correction`,
            ]
          : [
              "slug",
              `${since}; its address is now ${route.article(now.slug)}, so add \`aliases: [${old}]\` to send ` +
                `readers and search engines there`,
            ];
      problems.push({ file, line: now.file.parsed.lineOf([field]), field, message, severity: "error" });
      continue;
    }
    if (now) continue; // the file is there but has other errors; those are reported already
    const moved = successor(address.version, history, sources.contentDir);
    const where = moved
      ? `add \`aliases: [${old}]\` to ${displayPath(join(sources.contentDir, moved))}, where the story went`
      : `if the story moved, add \`aliases: [${old}]\` to its new file`;
    problems.push({
      file,
      field: "",
      message:
        `${since}, and no story has that address now: ${where}; if it was withdrawn, restore the file and ` +
        `mark it \`retracted\``,
      severity: "error",
    });
  }
  return { addresses, byAlias };
}

/** The editions and articles the published branch held at one instant. */
function stateAt(history: ContentHistory, instant: DateTime) {
  const alive = history.versions.filter(
    (version) => version.from <= instant && (version.until === undefined || version.until > instant),
  );
  return { articles: alive.filter(isArticle), editions: alive.filter(isEdition) };
}

/** An edition's request, as one version of its file made it. */
function readEditionVersion(version: FileVersion, day: DateTime) {
  const data = parseContentFile(version.text).data as Record<string, unknown>;
  const slugs = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
  const topics = slugs(data.topics);
  return {
    day,
    lead: typeof data.lead === "string" ? data.lead : undefined,
    picks: slugs(data.picks),
    topics: topics ? new Set(topics.map(slugFor)) : undefined,
  };
}

/** An edition as the published branch had it when it went out: its version then, and the articles and days of then. */
interface SentEdition {
  version: FileVersion;
  candidates: Map<string, Candidate>;
  days: DateTime[];
}

/**
 * The edition of `path` as it went out, if its day has passed: the branch as it stood at the end of that day, or at
 * the edition's first commit if later. Undefined for an edition not yet sent, or not on the branch then.
 */
function sentEdition(history: ContentHistory, path: string, day: DateTime, sources: PublishedRecordSources) {
  const first = history.versions.find((version) => version.path === path)?.from;
  if (first === undefined) return undefined;
  const sent = DateTime.max(first, day.endOf("day"));
  if (sent > sources.now) return undefined;
  const then = stateAt(history, sent);
  const version = then.editions.find((candidate) => candidate.path === path);
  if (!version) return undefined;
  const candidates = new Map<string, Candidate>();
  for (const articleVersion of then.articles) {
    const article = readArticleVersion(articleVersion, sources.zone);
    if (article.date === undefined || candidates.has(article.slug)) continue;
    const topics = article.tags.map((tag) => ({ slug: slugFor(tag) }));
    const { slug, date, draft, retractedOn } = article;
    candidates.set(slug, { slug, date, draft, topics, retractedOn });
  }
  const days = then.editions.map((other) =>
    DateTime.fromISO(other.path.replace(/^editions\//, "").replace(/\.md$/, ""), { zone: sources.zone }),
  );
  return { version, candidates, days } satisfies SentEdition;
}

/**
 * The slugs a sent edition went out with, in running order, by the same selection the loader makes; none if its build
 * failed then.
 */
function storiesAsSent(edition: Edition, sent: SentEdition): string[] | undefined {
  const request = readEditionVersion(sent.version, edition.date);
  // A version naming a story the branch did not have then failed its build: it never went out.
  const named = [request.lead, ...(request.picks ?? [])];
  if (named.some((slug) => slug !== undefined && !sent.candidates.has(slug))) return undefined;
  const asSent = editionStories(request, sent.candidates, sent.days);
  if (asSent.lead === undefined) return undefined;
  return [asSent.lead, ...asSent.picks];
}

/**
 * Reports a sent edition that would show other stories, and the edition added before it that causes it, if one does.
 */
function reportChangedEdition(
  edition: Edition,
  sentSlugs: string[],
  sent: SentEdition,
  sources: PublishedRecordSources,
  problems: Problem[],
): void {
  const date = (day: DateTime) => displayDate(day, sources.locale, true);
  const shownSlugs = [edition.lead, ...edition.picks].flatMap((article) => (article ? [article.slug] : []));
  const editionFile = displayPath(join(sources.contentDir, `editions/${edition.day}.md`));
  const went = `went out on ${date(edition.date)} with ${stories(sentSlugs)}`;
  const picks = sentSlugs.length > 1 ? ` and "picks: [${sentSlugs.slice(1).join(", ")}]"` : "";
  const pin = `"lead: ${sentSlugs[0]}"${picks}`;
  const previousThen = previousDay(edition.date, sent.days);
  const previousNow = previousDay(
    edition.date,
    sources.editions.map((other) => other.date),
  );
  const inserted =
    edition.automatic && previousNow && (!previousThen || previousNow > previousThen)
      ? sources.editions.find((other) => other.date.equals(previousNow))
      : undefined;
  if (inserted) {
    const since = previousThen ? `collected since ${date(previousThen)}` : "collected by date";
    problems.push({
      file: inserted.sourcePath,
      line: lineOf(inserted.sourcePath, "date"),
      field: "date",
      message:
        `is dated before ${editionFile}, which ${went}, ${since}; with this edition before it, it would ` +
        `show ${stories(shownSlugs)}: date this edition after ${date(edition.date)}, or fix that edition's stories ` +
        `with ${pin}`,
      severity: "error",
    });
  }
  const because = inserted ? ` because ${inserted.sourcePath} was added before it` : "";
  problems.push({
    file: editionFile,
    field: "",
    message:
      `${went}, but would now show ${stories(shownSlugs)}${because}: an edition's stories are fixed once its day ` +
      `has passed; restore them with ${pin}`,
    severity: "error",
  });
}

/**
 * Reports each edition whose day has passed that would now show other stories than it went out with. Its stories
 * are worked out again as the published branch stood when it went out (see `sentEdition`): the same selection, over
 * the articles and editions of then. Resolves to the number of sent editions checked.
 */
export function checkSentEditions(history: ContentHistory, sources: PublishedRecordSources, problems: Problem[]) {
  // An old slug of a renamed story leads to the story as it is now.
  const renamed = new Map<string, string>();
  for (const article of sources.served) for (const alias of article.aliases) renamed.set(alias, article.slug);
  const currentSlug = (slug: string) => renamed.get(route.article(slug)) ?? slug;
  let checked = 0;
  for (const edition of sources.editions) {
    const sent = sentEdition(history, `editions/${edition.day}.md`, edition.date, sources);
    if (!sent) continue;
    checked++;
    const sentSlugs = storiesAsSent(edition, sent)?.map(currentSlug);
    const shownSlugs = [edition.lead, ...edition.picks].flatMap((article) => (article ? [article.slug] : []));
    if (sentSlugs && sentSlugs.join(" ") !== shownSlugs.join(" ")) {
      reportChangedEdition(edition, sentSlugs, sent, sources, problems);
    }
  }
  return checked;
}

/** The line of a front-matter field in a file on disk (an edition, reported from here without its parse). */
function lineOf(path: string, field: string): number | undefined {
  return existsSync(path) ? parseContentFile(readFileSync(path, "utf8")).lineOf([field]) : undefined;
}

function stories(slugs: string[]): string {
  return slugs.length === 0
    ? "no stories"
    : `${slugs.length} ${slugs.length === 1 ? "story" : "stories"} (${slugs.join(", ")})`;
}

/** Checks published addresses and sent editions against the history the build was given. */
export function checkRecord(
  history: ContentHistory | NoHistory | undefined,
  sources: PublishedRecordSources,
  problems: Problem[],
): RecordCheck {
  if (history === undefined) return { checked: false, reason: "no history was given" };
  if ("unavailable" in history) return { checked: false, reason: history.unavailable };
  const { addresses, byAlias } = checkPublishedAddresses(history, sources, problems);
  const editions = checkSentEditions(history, sources, problems);
  // Commits after the build's "now" (a build of the past, as tests run) are not part of the record it checks.
  const commits = new Set(
    history.versions.filter((version) => version.from <= sources.now).map((version) => version.commit),
  ).size;
  return { checked: true, addresses, byAlias, editions, ref: history.ref, commits, shallow: history.shallow };
}
