import type { RecordCheck } from "../newsroom/load.ts";

/** What a build produced, counted for the summary `npm run build` prints. */
export interface BuildCounts {
  /** Article pages built (in a preview build, drafts and scheduled articles included). */
  published: number;
  /** Retracted articles, whose pages keep only the notice. */
  retracted: number;
  /** Source files of drafts, and of articles dated after the build's "now". */
  drafts: string[];
  scheduled: string[];
  /** Newsletter editions built, and the source files of those waiting for their day or their stories. */
  editions: number;
  scheduledEditions: string[];
  topics: number;
  authors: number;
  /** Files Eleventy wrote: pages, feeds, sitemaps (copied assets not counted). */
  pages: number;
  /** Pages in the search index, as Pagefind reported them. */
  searchRecords: number;
  /** A preview build shows drafts and scheduled articles instead of leaving them out. */
  preview: boolean;
  /** What the check against the published branch's history found (see src/content/published.ts). */
  record: RecordCheck;
  /** The publication's settings file when it names no sign-up endpoint, so no page has the sign-up form. */
  withoutSignup?: string;
}

/** One line of the summary: a count, the noun in singular and plural, and the files worth naming. */
export interface SummaryLine {
  count: number;
  noun: [one: string, many: string];
  files?: string[];
  /** Said in brackets after the noun. */
  detail?: string;
}

/** The summary's lines, in order; a new kind of output (editions, say) is one more entry here. */
export function summaryLines(counts: BuildCounts): SummaryLine[] {
  const leftOut = counts.preview ? "shown, marked (preview build)" : "left out";
  return [
    { count: counts.published, noun: ["article published", "articles published"] },
    ...(counts.retracted > 0
      ? [
          {
            count: counts.retracted,
            noun: ["retracted article kept as a notice", "retracted articles kept as notices"] as [string, string],
          },
        ]
      : []),
    { count: counts.drafts.length, noun: [`draft ${leftOut}`, `drafts ${leftOut}`], files: counts.drafts },
    {
      count: counts.scheduled.length,
      noun: [`scheduled article ${leftOut}`, `scheduled articles ${leftOut}`],
      files: counts.scheduled,
    },
    { count: counts.editions, noun: ["newsletter edition", "newsletter editions"] },
    {
      count: counts.scheduledEditions.length,
      noun: [`scheduled edition ${leftOut}`, `scheduled editions ${leftOut}`],
      files: counts.scheduledEditions,
    },
    { count: counts.topics, noun: ["topic", "topics"] },
    { count: counts.authors, noun: ["author", "authors"] },
    { count: counts.pages, noun: ["page written", "pages written"] },
    { count: counts.searchRecords, noun: ["search record", "search records"] },
    ...recordLines(counts.record),
  ];
}

function recordLines(record: RecordCheck): SummaryLine[] {
  if (!record.checked) return [];
  const shallow = record.shallow ? ", a shallow clone: fetch the whole history to check older addresses" : "";
  const commits = `${record.commits} ${record.commits === 1 ? "commit" : "commits"} of ${record.ref}${shallow}`;
  return [
    {
      count: record.addresses,
      noun: ["published address kept", "published addresses kept"],
      detail: `${record.byAlias} by aliases; checked against ${commits}`,
    },
    { count: record.editions, noun: ["sent edition unchanged", "sent editions unchanged"] },
  ];
}

/** The sentence a build or check prints when the published record could not be checked; undefined when it was. */
export function recordNotice(record: RecordCheck): string | undefined {
  if (record.checked) return undefined;
  return (
    `Published addresses and sent editions were not checked: ${record.reason} (see "What was published stays ` +
    `put" in docs/writing.md).`
  );
}

/** The sentence a build prints once when no page has a sign-up form; undefined when they do. */
export function signupNotice(counts: BuildCounts): string | undefined {
  if (counts.withoutSignup === undefined) return undefined;
  return (
    `No page shows a newsletter sign-up form: ${counts.withoutSignup} names no \`signup\` endpoint (see ` +
    '"Newsletter sign-up" in docs/hosting.md).'
  );
}

/**
 * The text `npm run build` prints on success: a heading, then one right-aligned count per line, naming left-out files.
 */
export function buildSummary(lines: SummaryLine[], heading: string): string {
  const width = Math.max(...lines.map((line) => String(line.count).length));
  const body = lines.map(({ count, noun, files, detail }) => {
    const named = files && files.length > 0 ? `: ${files.join(", ")}` : "";
    return (
      `  ${String(count).padStart(width)} ` +
      `${count === 1 ? noun[0] : noun[1]}${detail ? ` (${detail})` : ""}${named}`
    );
  });
  return [heading, ...body].join("\n");
}

/** What a check without errors found: what a production build would publish, and what it would leave out. */
export interface CheckCounts {
  articles: number;
  editions: number;
  drafts: number;
  scheduled: number;
  scheduledEditions: number;
}

/** `3 articles`, `1 article`. */
function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** Why nothing would be published: the articles there are, all drafts or scheduled, or none at all. */
function nothingPublished({ drafts, scheduled }: CheckCounts): string {
  const total = drafts + scheduled;
  if (total === 0) return "there are no articles yet (npm run new starts one)";
  if (total === 1) return drafts === 1 ? "the only article is a draft" : "the only article is scheduled";
  if (scheduled === 0) return `all ${total} articles are drafts`;
  if (drafts === 0) return `all ${total} articles are scheduled`;
  const both = `${counted(drafts, "draft", "drafts")}, ${scheduled} scheduled`;
  return `all ${total} articles are drafts or scheduled (${both})`;
}

/** The last line of `npm run check` without errors: what would be published and left out, or why nothing would. */
export function checkSummary(warnings: number, counts: CheckCounts): string {
  const clean = `No errors, ${counted(warnings, "warning", "warnings")}`;
  if (counts.articles === 0) return `${clean}, but nothing would be published: ${nothingPublished(counts)}.`;
  const published = [counted(counts.articles, "article", "articles")];
  if (counts.editions > 0) published.push(counted(counts.editions, "newsletter edition", "newsletter editions"));
  const leftOut = [
    counts.drafts > 0 ? counted(counts.drafts, "draft", "drafts") : "",
    counts.scheduled > 0 ? counted(counts.scheduled, "scheduled article", "scheduled articles") : "",
    counts.scheduledEditions > 0 ? counted(counts.scheduledEditions, "scheduled edition", "scheduled editions") : "",
  ].filter(Boolean);
  const without = leftOut.length > 0 ? `; ${listed(leftOut)} left out` : "";
  return `${clean}. Ready to publish: ${listed(published)}${without}.`;
}
