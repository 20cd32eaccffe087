import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import { contentInventory } from "../content/inventory.ts";
import { STORY_PLACEHOLDER } from "../content/placeholders.ts";
import { formatProblem, type Problem } from "../content/problems.ts";
import { loadPublication } from "../content/publication.ts";
import { isUrlSegment } from "../content/schema.ts";
import { displayPath, readSources } from "../content/sources.ts";
import { didYouMean } from "../site/hints.ts";
import { fileSlug, slugFor } from "../site/slugs.ts";
import { commandLine, commandOptions } from "./commandLine.ts";

const usage = `Usage: npm run new -- "Headline of the story" [--author KEY] [--tag TOPIC]... [--slug SLUG]

Creates content/news/<year>/<slug>.md as a draft, dated now in the publication's time zone, with the slug made
from the headline. Without --author it uses NEWSDESK_AUTHOR, else the first author; without --tag, the busiest
topic. It never overwrites: if the file or the slug exists, nothing is written.
Exit codes: 0 created, 1 refused (the article exists, or an unknown author), 2 wrong usage.`;

/** The longest slug `new` makes from a headline; it cuts at a word. */
export const MAX_SLUG = 60;

/** A slug from a headline, cut at a word boundary to at most MAX_SLUG characters. */
export function headlineSlug(headline: string): string {
  const slug = slugFor(headline);
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

/** The new article's text: filled-in front matter, commented placeholders for the optional fields, a draft. */
export function articleTemplate(fields: { title: string; date: DateTime; author: string; tags: string[] }): string {
  const value = (data: Record<string, unknown>) =>
    stringify(data, { lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  return [
    "---",
    value({ title: fields.title }),
    '# dek: "One or two sentences under the headline that tell readers why it matters."',
    value({ date: fields.date.toISO({ suppressMilliseconds: true }) }),
    value({ author: fields.author }),
    `tags: [${fields.tags.map((tag) => JSON.stringify(tag)).join(", ")}]`,
    '# source: "Reporting by …; additional reporting by …"',
    "# related:",
    "#   - slug-of-another-article",
    '# image: { src: /assets/img/news/picture.jpg, alt: "What the picture shows", caption: "…", credit: "…" }',
    "draft: true # delete this line when the story is ready to publish",
    "---",
    "",
    STORY_PLACEHOLDER.text,
    "",
  ].join("\n");
}

/** Runs `npm run new` (started by `launch.js`); returns its exit code. */
export async function main(): Promise<number> {
  const parsed = commandLine(
    {
      allowPositionals: true,
      options: {
        author: { type: "string" },
        tag: { type: "string", multiple: true },
        slug: { type: "string" },
        content: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean" },
      },
    },
    usage,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const title = positionals.join(" ").trim();
  const slug = values.slug ?? headlineSlug(title);
  if (!title) {
    console.error(`Give the headline in quotes.\n\n${usage}`);
    return 2;
  }
  if (values.slug !== undefined && !isUrlSegment(values.slug)) {
    console.error(
      `--slug "${values.slug}" must be lower-case letters, digits and single hyphens, like --slug my-story.`,
    );
    return 2;
  }
  if (!slug) {
    const instead = "write one with words, or give the address with --slug, like --slug my-story";
    console.error(`The headline "${title}" has no letters or digits to make a web address from: ${instead}.`);
    return 2;
  }
  const options = commandOptions(values, usage);
  if (typeof options === "number") return options;
  const { contentDir } = options;
  const problems: Problem[] = [];
  const publication = await loadPublication(contentDir, problems);
  if (!publication) {
    for (const problem of problems) console.error(formatProblem(problem));
    return 2;
  }

  const { files } = await contentInventory(contentDir);
  const authorKeys = files.authors.map(fileSlug).sort();
  const author = values.author ?? (process.env.NEWSDESK_AUTHOR || authorKeys[0]);
  if (!author || !authorKeys.includes(author)) {
    const authors = authorKeys.join(", ") || `not set up yet (${displayPath(join(contentDir, "authors"))}/)`;
    console.error(
      `unknown author \`${author ?? ""}\`${didYouMean(author ?? "", authorKeys, `: the authors are ${authors}`)}`,
    );
    return 1;
  }

  const tagCounts = new Map<string, number>();
  const slugsInUse = new Map<string, string>();
  // Read as the build reads them (a refused file counts by its name only); their problems are npm run check's to
  // report.
  for (const file of readSources(files.news, [])) {
    const data = file.parsed.data as { slug?: unknown; tags?: unknown };
    slugsInUse.set(typeof data.slug === "string" ? data.slug : fileSlug(file.path), file.path);
    if (Array.isArray(data.tags))
      for (const tag of data.tags) if (typeof tag === "string") tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  const busiest = [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const tags = values.tag && values.tag.length > 0 ? values.tag : [busiest ?? "News"];

  const date = options.now.setZone(publication.timeZone).startOf("minute");
  const path = join(contentDir, "news", String(date.year), `${slug}.md`);
  if (existsSync(path)) {
    console.error(`${displayPath(path)} already exists; nothing was written. Give a different headline or --slug.`);
    return 1;
  }
  const taken = slugsInUse.get(slug);
  if (taken) {
    console.error(
      `the slug \`${slug}\` is already used by ${taken}; nothing was written. Give a different headline or --slug.`,
    );
    return 1;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, articleTemplate({ title, date, author, tags }), { flag: "wx" });
  console.log(`Created ${displayPath(path)} (a draft by ${author}, in ${tags.join(", ")}). Preview it with npm start.`);
  return 0;
}
