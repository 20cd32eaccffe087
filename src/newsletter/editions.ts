import { join } from "node:path";
import { DateTime } from "luxon";
import { type ArticleFile, whyNotPublished } from "../content/articles.ts";
import { NOTE_PLACEHOLDER, reportPlaceholder } from "../content/placeholders.ts";
import type { Problem } from "../content/problems.ts";
import {
  type Article,
  type Edition,
  EditionFrontMatterSchema,
  type Publication,
  type Topic,
} from "../content/schema.ts";
import { FileProblems, fieldOf, readSources, type SourceFile, validate } from "../content/sources.ts";
import { displayDate, parseContentDate } from "../dates/dates.ts";
import { parseBody, renderMarkdown, typographicText } from "../markdown/markdown.ts";
import { closestMatch, didYouMean } from "../site/hints.ts";
import { brokenLink, linkedSlug, type Routes, route } from "../site/routes.ts";
import { fileSlug, slugFor } from "../site/slugs.ts";
import { absoluteUrl, sitePath } from "../site/urls.ts";
import {
  automaticStories,
  byDate,
  editionWindow,
  FIRST_EDITION_DAYS,
  isCarriable,
  previousDay,
  runningOrder,
  type Candidate as SelectionCandidate,
} from "./selection.ts";
import { markdownText, preheader } from "./text.ts";

/** What checking and assembling the editions needs from the rest of the newsroom. */
export interface EditionSources {
  /** The edition files, `content/editions/*.md`. */
  paths: string[];
  publication: Publication;
  /** The build's "now": an edition dated after its day, or with a story still to come, is scheduled. */
  now: DateTime;
  /** Include scheduled editions (the dev server). */
  preview: boolean;
  /** Render the editor's notes (a build does; `npm run check` only validates). */
  render: boolean;
  /** Every article file as read, drafts and scheduled ones included. */
  articleFiles: ArticleFile[];
  /** The articles this build publishes, and those retracted (an edition sent before keeps them, marked). */
  articles: Article[];
  retracted: Article[];
  /** Every topic an article is filed under, by slug. */
  topics: Map<string, Topic>;
  /** The pages this build writes, for checking the links in editors' notes. */
  routes: Routes;
}

/**
 * An article as an edition sees it: when it is out, whether it is a draft or retracted, and how its date was written.
 */
interface Candidate extends SelectionCandidate {
  dateOnly: boolean;
}

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day an edition file is for: its date, else its file name; reports a file name or date that is wrong or disagrees.
 */
function editionDay(file: SourceFile, zone: string, report: FileProblems): DateTime | undefined {
  const name = fileSlug(file.path);
  const named = calendarDay.test(name) ? DateTime.fromISO(name, { zone }) : undefined;
  const dateText = fieldOf(EditionFrontMatterSchema, file.parsed.data, "date");
  const parsed = dateText === undefined ? undefined : parseContentDate(dateText, zone);
  if (parsed && !parsed.ok) report.error(["date"], parsed.reason);
  const dated = parsed?.ok ? parsed.date.startOf("day") : undefined;
  if (!named?.isValid) {
    report.error(
      [],
      `the file name must be the edition's date: rename it ` +
        `${dated ? dated.toFormat("yyyy-MM-dd") : "like 2026-11-24"}.md`,
    );
  } else if (dated && !dated.hasSame(named, "day")) {
    report.error(
      ["date"],
      `${dated.toFormat("yyyy-MM-dd")} is not the date in the file name ${name}.md: fix the date or rename the file`,
    );
  }
  return dated ?? (named?.isValid ? named : undefined);
}

/** Reports links in the editor's note to pages the build will not write; one to an article says why it is not out. */
function checkNoteLinks(
  file: SourceFile,
  baseUrl: string,
  routes: Routes,
  bySlug: Map<string, ArticleFile>,
  report: FileProblems,
): void {
  for (const link of parseBody(file.parsed.body, { baseUrl }, false).links) {
    const path = sitePath(link.href, baseUrl);
    if (path === undefined) continue;
    const broken = brokenLink(path, routes);
    if (!broken) continue;
    const target = bySlug.get(linkedSlug(path) ?? "");
    const reason = target && !routes.articles.has(target.slug) ? `that article ${whyNotPublished(target)}` : broken;
    report.at("error", file.parsed.bodyLine + link.line, "body", `broken link to ${path}: ${reason}`);
  }
}

/** An edition file with the day it is for, and where its problems go. */
interface DatedFile {
  file: SourceFile;
  day: DateTime;
  report: FileProblems;
}

/** Stage 1, read: every edition file, checked against its schema, with its day; two editions of one day reported. */
function readEditions(paths: string[], zone: string, problems: Problem[]): DatedFile[] {
  const dated: DatedFile[] = [];
  const byDay = new Map<string, string>();
  for (const file of readSources(paths, problems)) {
    validate(EditionFrontMatterSchema, file, problems);
    const report = new FileProblems(file, problems);
    const day = editionDay(file, zone, report);
    if (!day) continue;
    const key = day.toFormat("yyyy-MM-dd");
    const other = byDay.get(key);
    if (other) report.error(["date"], `${other} is the edition of ${key} too; each day has one edition`);
    else byDay.set(key, file.path);
    dated.push({ file, day, report });
  }
  return dated;
}

/** Every valid article as an edition sees it, by slug: drafts and scheduled ones too, so a pick of one is explained. */
function candidatesOf(articleFiles: ArticleFile[]): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  for (const article of articleFiles) {
    if (!article.valid || candidates.has(article.slug)) continue;
    let candidate = knownCandidates.get(article);
    if (!candidate) {
      const { data, date, dateOnly, retraction } = article.valid;
      const topics = data.tags.map((tag) => ({ slug: slugFor(tag) }));
      candidate = { slug: article.slug, date, dateOnly, draft: data.draft, topics, retractedOn: retraction?.date };
      knownCandidates.set(article, candidate);
    }
    candidates.set(article.slug, candidate);
  }
  return candidates;
}

// The dev server hands over an unchanged article file as the same object from one load to the next.
const knownCandidates = new WeakMap<ArticleFile, Candidate>();

/** What checking one edition's stories needs: the articles, the other editions' days and the build's "now". */
interface EditionContext {
  candidates: Map<string, Candidate>;
  /** The candidates oldest first, sorted when an edition without picks first asks. */
  byDate: () => Candidate[];
  bySlug: Map<string, ArticleFile>;
  topics: Map<string, Topic>;
  days: DateTime[];
  now: DateTime;
  locale: string;
}

/** Stage 2, check: the article a lead or pick names, if an edition of `day` can carry it, else why not (reported). */
function usableStory(slug: string, at: (string | number)[], { day, report }: DatedFile, context: EditionContext) {
  const { candidates, bySlug, now, locale } = context;
  const candidate = candidates.get(slug);
  if (!candidate) {
    const article = bySlug.get(slug);
    const unknown = `no article has the slug \`${slug}\`${didYouMean(slug, bySlug.keys(), "")}`;
    report.error(at, article ? `\`${slug}\` ${whyNotPublished(article)}` : unknown);
    return undefined;
  }
  // An edition may carry stories scheduled up to the end of its day; it waits until they are all out.
  const limit = day.endOf("day");
  if (candidate.draft) report.error(at, `\`${slug}\` is a draft: an edition can only carry published articles`);
  else if (candidate.date > limit) {
    const when = displayDate(candidate.date, locale, candidate.dateOnly);
    report.error(
      at,
      candidate.date > now
        ? `\`${slug}\` is scheduled for ${when}, after this edition's day: pick it for a later edition`
        : `\`${slug}\` came out on ${when}, after this edition's day: an edition carries what was out by its date`,
    );
  } else if (!isCarriable(candidate, day)) {
    const on = displayDate(candidate.retractedOn ?? limit, locale, true);
    report.error(at, `\`${slug}\` was retracted on ${on}: an edition cannot carry it`);
  } else return candidate;
  return undefined;
}

/** Stage 2, check: the topics an edition collects from, by slug; each that no article is filed under reported. */
function editionTopics(names: string[] | undefined, { report }: DatedFile, topics: Map<string, Topic>) {
  const slugs = new Set<string>();
  names?.forEach((name, index) => {
    const slug = slugFor(name);
    if (topics.has(slug)) {
      slugs.add(slug);
      return;
    }
    const match = closestMatch(slug, topics.keys());
    const hint = match
      ? ` — did you mean \`${topics.get(match)?.name ?? match}\`?`
      : ": write topics as articles' tags name them, like China Bond";
    report.error(["topics", index], `no article is filed under the topic \`${name}\`${hint}`);
  });
  return slugs;
}

/** "since the previous edition (24 November 2026)", or for the first edition "in the 7 days up to …". */
export function sinceWhen(day: DateTime, previous: DateTime | undefined, locale: string): string {
  return previous
    ? `since the previous edition (${displayDate(previous, locale, true)})`
    : `in the ${FIRST_EDITION_DAYS} days up to ${displayDate(day, locale, true)}`;
}

/**
 * Stage 3, select: the stories an edition shows, checked: its lead and picks as named (each once), or without
 * picks what was published since the previous edition (in its topics, if named); an empty edition is reported.
 */
function selectStories(dated: DatedFile, context: EditionContext, warnings: Problem[]) {
  const { file, day, report } = dated;
  const raw = file.parsed.data;
  const leadSlug = fieldOf(EditionFrontMatterSchema, raw, "lead");
  const lead = leadSlug === undefined ? undefined : usableStory(leadSlug, ["lead"], dated, context);
  const pickSlugs = fieldOf(EditionFrontMatterSchema, raw, "picks");
  const topicNames = fieldOf(EditionFrontMatterSchema, raw, "topics");
  const topicSlugs = editionTopics(topicNames, dated, context.topics);
  if (pickSlugs) {
    if (topicNames)
      new FileProblems(file, warnings).warning(
        ["topics"],
        "only fills an edition without picks: with picks given it changes nothing",
      );
    const firstIndex = new Map<string, number>();
    const stories = pickSlugs.flatMap((slug, index) => {
      const earlier = firstIndex.get(slug);
      if (earlier !== undefined) {
        report.error(["picks", index], `\`${slug}\` is already picks[${earlier}]: list each article once`);
        return [];
      }
      firstIndex.set(slug, index);
      return usableStory(slug, ["picks", index], dated, context) ?? [];
    });
    return { lead, stories, automatic: false };
  }
  const previous = previousDay(day, context.days);
  const window = editionWindow(day, previous);
  const stories = automaticStories(context.byDate(), day, window, topicNames ? topicSlugs : undefined);
  if (!leadSlug && stories.length === 0 && (!topicNames || topicSlugs.size === topicNames.length)) {
    const inTopics = topicNames
      ? ` under ${[...topicSlugs].map((slug) => context.topics.get(slug)?.name ?? slug).join(", ")}`
      : "";
    const since = sinceWhen(day, previous, context.locale);
    report.error(
      [],
      `the edition is empty: it has no lead or picks, and no article was published ${since}${inTopics}; add picks, ` +
        `or wait for news`,
    );
  }
  return { lead, stories, automatic: true };
}

/**
 * Reads `content/editions/*.md`, checks every edition against the articles and topics, and assembles the ones
 * this build publishes, newest first, as stages: read → check and select each edition's stories → assemble.
 * Problems go to `problems` (errors) and `warnings`, every file checked.
 */
export function loadEditions(sources: EditionSources, problems: Problem[], warnings: Problem[]): Edition[] {
  const { publication, now } = sources;
  const dated = readEditions(sources.paths, publication.timeZone, problems);
  // Without editions, none of the maps of every article below is made (a dev-server save asks, at 100,000 articles).
  if (dated.length === 0) return [];
  const bySlug = new Map<string, ArticleFile>();
  for (const article of sources.articleFiles) if (!bySlug.has(article.slug)) bySlug.set(article.slug, article);
  const candidates = candidatesOf(sources.articleFiles);
  let sorted: Candidate[] | undefined;
  const context: EditionContext = {
    candidates,
    byDate: () => {
      sorted ??= byDate(candidates.values());
      return sorted;
    },
    bySlug,
    topics: sources.topics,
    days: dated.map(({ day }) => day),
    now,
    locale: publication.locale ?? publication.language,
  };
  // A story retracted after an edition went out stays in it, marked, so the sent edition does not change.
  const shown = new Map([...sources.articles, ...sources.retracted].map((article) => [article.slug, article]));
  const editions = dated.map((edition) => {
    const { lead, stories, automatic } = selectStories(edition, context, warnings);
    checkNoteLinks(edition.file, publication.baseUrl, sources.routes, bySlug, edition.report);
    reportPlaceholder(edition.file, NOTE_PLACEHOLDER, problems);
    const scheduled = edition.day > now || [lead, ...stories].some((story) => story !== undefined && story.date > now);
    return assembleEdition(edition, runningOrder(lead, stories), { automatic, scheduled }, shown, sources);
  });
  return editions.sort((a, b) => b.date.toMillis() - a.date.toMillis());
}

/** Stage 4, assemble: an edition as pages and emails show it, its stories the articles this build has. */
function assembleEdition(
  { file, day }: DatedFile,
  order: { lead?: Candidate; picks: Candidate[] },
  state: { automatic: boolean; scheduled: boolean },
  shown: Map<string, Article>,
  sources: EditionSources,
): Edition {
  const { publication } = sources;
  const articles = (list: Candidate[]) => list.flatMap((story) => shown.get(story.slug) ?? []);
  const url = route.edition(day.toFormat("yyyy-MM-dd"));
  const pageUrl = absoluteUrl(publication.baseUrl, url);
  const body = file.parsed.body;
  return {
    day: day.toFormat("yyyy-MM-dd"),
    date: day,
    url,
    sourcePath: file.path,
    title: typographicText(fieldOf(EditionFrontMatterSchema, file.parsed.data, "title") ?? ""),
    noteHtml: sources.render ? renderMarkdown(body, { baseUrl: publication.baseUrl }) : "",
    noteText: markdownText(body, { pageUrl, linkUrls: true }),
    preheader: preheader(markdownText(body, { pageUrl, linkUrls: false })),
    lead: order.lead ? articles([order.lead])[0] : undefined,
    picks: articles(order.picks),
    automatic: state.automatic,
    scheduled: state.scheduled,
  };
}

/** Where the editions of a content folder live. */
export function editionsDir(contentDir: string): string {
  return join(contentDir, "editions");
}
