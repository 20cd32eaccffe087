import { join } from "node:path";
import { DateTime } from "luxon";
import type { z } from "zod";
import { type Draft, whyNotPublished } from "../content/articles.ts";
import { NOTE_PLACEHOLDER, reportPlaceholder } from "../content/placeholders.ts";
import type { Problem } from "../content/problems.ts";
import {
  type Article,
  type Edition,
  EditionFrontMatterSchema,
  type Publication,
  type Topic,
} from "../content/schema.ts";
import { FileProblems, readSources, type SourceFile, validate } from "../content/sources.ts";
import { displayDate, parseContentDate } from "../dates/dates.ts";
import { parseBody, renderMarkdown, typographicText } from "../markdown/markdown.ts";
import { closestMatch, didYouMean } from "../site/hints.ts";
import { brokenLink, linkedSlug, type Routes, route } from "../site/routes.ts";
import { fileSlug, slugFor } from "../site/slugs.ts";
import { absoluteUrl, sitePath } from "../site/urls.ts";
import {
  collectStories,
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
  drafts: Draft[];
  /** The articles this build publishes, and those retracted (an edition sent before keeps them, marked). */
  articles: Article[];
  retracted: Article[];
  /** Every topic an article is filed under, by slug. */
  topics: Map<string, Topic>;
  /** The pages this build writes, for checking the links in editors' notes. */
  routes: Routes;
}

/** An article as an edition sees it: when it is out, whether it is a draft or retracted, and how its date was written. */
interface Candidate extends SelectionCandidate {
  dateOnly: boolean;
}

const editionFields = EditionFrontMatterSchema.shape;

/** One front-matter field parsed on its own, so the other checks still run when another field is wrong. */
function editionField<Key extends keyof typeof editionFields>(
  raw: unknown,
  key: Key,
): z.output<(typeof editionFields)[Key]> | undefined {
  const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  const result = editionFields[key].safeParse(value);
  return result.success ? (result.data as z.output<(typeof editionFields)[Key]>) : undefined;
}

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/** The day an edition file is for: its date, else its file name; reports a file name or date that is wrong or disagrees. */
function editionDay(file: SourceFile, zone: string, report: FileProblems): DateTime | undefined {
  const name = fileSlug(file.path);
  const named = calendarDay.test(name) ? DateTime.fromISO(name, { zone }) : undefined;
  const dateText = editionField(file.parsed.data, "date");
  const parsed = dateText === undefined ? undefined : parseContentDate(dateText, zone);
  if (parsed && !parsed.ok) report.error(["date"], parsed.reason);
  const dated = parsed?.ok ? parsed.date.startOf("day") : undefined;
  if (!named?.isValid) {
    report.error(
      [],
      `the file name must be the edition's date: rename it ${dated ? dated.toFormat("yyyy-MM-dd") : "like 2026-11-24"}.md`,
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
  bySlug: Map<string, Draft>,
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

/**
 * Reads `content/editions/*.md`, checks every edition against the articles and topics, and assembles the ones
 * this build publishes, newest first. Problems go to `problems` (errors) and `warnings`, every file checked.
 */
export function loadEditions(sources: EditionSources, problems: Problem[], warnings: Problem[]): Edition[] {
  const { publication, now } = sources;
  const zone = publication.timeZone;
  const locale = publication.locale ?? publication.language;
  const files = readSources(sources.paths, problems);

  const candidates = new Map<string, Candidate>();
  for (const draft of sources.drafts) {
    if (!draft.valid || candidates.has(draft.slug)) continue;
    const { data, date, dateOnly, retraction } = draft.valid;
    const topics = data.tags.map((tag) => ({ slug: slugFor(tag) }));
    candidates.set(draft.slug, {
      slug: draft.slug,
      date,
      dateOnly,
      draft: data.draft,
      topics,
      retractedOn: retraction?.date,
    });
  }
  const bySlug = new Map<string, Draft>();
  for (const draft of sources.drafts) if (!bySlug.has(draft.slug)) bySlug.set(draft.slug, draft);
  // A story retracted after an edition went out stays in it, marked, so the sent edition does not change.
  const published = new Map([...sources.articles, ...sources.retracted].map((article) => [article.slug, article]));

  const dated: { file: SourceFile; day: DateTime; report: FileProblems }[] = [];
  const byDay = new Map<string, string>();
  for (const file of files) {
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
  const days = dated.map(({ day }) => day);

  const editions: Edition[] = [];
  for (const { file, day, report } of dated) {
    const raw = file.parsed.data;
    // An edition may carry stories scheduled up to the end of its day; it waits until they are all out.
    const limit = day.endOf("day");
    const usable = (slug: string, path: (string | number)[]): Candidate | undefined => {
      const candidate = candidates.get(slug);
      if (!candidate) {
        const draft = bySlug.get(slug);
        const unknown = `no article has the slug \`${slug}\`${didYouMean(slug, bySlug.keys(), "")}`;
        report.error(path, draft ? `\`${slug}\` ${whyNotPublished(draft)}` : unknown);
        return undefined;
      }
      if (candidate.draft) report.error(path, `\`${slug}\` is a draft: an edition can only carry published articles`);
      else if (candidate.date > limit) {
        const when = displayDate(candidate.date, locale, candidate.dateOnly);
        report.error(
          path,
          candidate.date > now
            ? `\`${slug}\` is scheduled for ${when}, after this edition's day: pick it for a later edition`
            : `\`${slug}\` came out on ${when}, after this edition's day: an edition carries what was out by its date`,
        );
      } else if (!isCarriable(candidate, day)) {
        report.error(
          path,
          `\`${slug}\` was retracted on ${displayDate(candidate.retractedOn ?? limit, locale, true)}: an edition cannot carry it`,
        );
      } else return candidate;
      return undefined;
    };

    const leadSlug = editionField(raw, "lead");
    const lead = leadSlug === undefined ? undefined : usable(leadSlug, ["lead"]);
    const pickSlugs = editionField(raw, "picks");
    const topicNames = editionField(raw, "topics");
    const topicSlugs = new Set<string>();
    topicNames?.forEach((name, index) => {
      const slug = slugFor(name);
      if (sources.topics.has(slug)) {
        topicSlugs.add(slug);
        return;
      }
      const match = closestMatch(slug, sources.topics.keys());
      const hint = match
        ? ` — did you mean \`${sources.topics.get(match)?.name ?? match}\`?`
        : ": write topics as articles' tags name them, like China Bond";
      report.error(["topics", index], `no article is filed under the topic \`${name}\`${hint}`);
    });

    let stories: Candidate[];
    if (pickSlugs) {
      if (topicNames)
        new FileProblems(file, warnings).warning(
          ["topics"],
          "only fills an edition without picks: with picks given it changes nothing",
        );
      const firstIndex = new Map<string, number>();
      stories = pickSlugs.flatMap((slug, index) => {
        const earlier = firstIndex.get(slug);
        if (earlier !== undefined) {
          report.error(["picks", index], `\`${slug}\` is already picks[${earlier}]: list each article once`);
          return [];
        }
        firstIndex.set(slug, index);
        const candidate = usable(slug, ["picks", index]);
        return candidate ? [candidate] : [];
      });
    } else {
      const previous = previousDay(day, days);
      const out = [...candidates.values()].filter((candidate) => isCarriable(candidate, day));
      stories = collectStories(out, editionWindow(day, previous), topicNames ? topicSlugs : undefined);
      if (!leadSlug && stories.length === 0 && (!topicNames || topicSlugs.size === topicNames.length)) {
        const since = previous
          ? `since the previous edition (${displayDate(previous, locale, true)})`
          : `in the ${FIRST_EDITION_DAYS} days up to ${displayDate(day, locale, true)}`;
        const inTopics = topicNames
          ? ` under ${[...topicSlugs].map((slug) => sources.topics.get(slug)?.name ?? slug).join(", ")}`
          : "";
        report.error(
          [],
          `the edition is empty: it has no lead or picks, and no article was published ${since}${inTopics}; add picks, or wait for news`,
        );
      }
    }

    const scheduled = day > now || [lead, ...stories].some((story) => story !== undefined && story.date > now);
    checkNoteLinks(file, publication.baseUrl, sources.routes, bySlug, report);
    reportPlaceholder(file, NOTE_PLACEHOLDER, problems);

    const order = runningOrder(lead, stories);
    const articles = (list: Candidate[]) => list.flatMap((story) => published.get(story.slug) ?? []);
    const url = route.edition(day.toFormat("yyyy-MM-dd"));
    const pageUrl = absoluteUrl(publication.baseUrl, url);
    const body = file.parsed.body;
    editions.push({
      day: day.toFormat("yyyy-MM-dd"),
      date: day,
      url,
      sourcePath: file.path,
      title: typographicText(editionField(raw, "title") ?? ""),
      noteHtml: sources.render ? renderMarkdown(body, { baseUrl: publication.baseUrl }) : "",
      noteText: markdownText(body, { pageUrl, linkUrls: true }),
      preheader: preheader(markdownText(body, { pageUrl, linkUrls: false })),
      lead: order.lead ? articles([order.lead])[0] : undefined,
      picks: articles(order.picks),
      automatic: !pickSlugs,
      scheduled,
    });
  }
  return editions.sort((a, b) => b.date.toMillis() - a.date.toMillis());
}

/** Where the editions of a content folder live. */
export function editionsDir(contentDir: string): string {
  return join(contentDir, "editions");
}
