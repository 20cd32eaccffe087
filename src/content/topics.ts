import { closestMatch, NEAR_DUPLICATE } from "../site/hints.ts";
import { route } from "../site/routes.ts";
import { fileSlug, slugFor, topicKey } from "../site/slugs.ts";
import { renderCheckedBody } from "./bodies.ts";
import type { Problem } from "./problems.ts";
import { type Topic, TopicFrontMatterSchema } from "./schema.ts";
import { FileProblems, readSource, type SourceFile, validate } from "./sources.ts";

/** An article's tags as the topic checks need them. */
export interface TaggedFile {
  file: SourceFile;
  tags: string[];
}

/** The file each topic of a registry was read from. */
const topicFiles = new WeakMap<Topic, string>();

/** The file a registry's topic was read from, as messages show it. */
function topicFile(topic: Topic): string {
  return topicFiles.get(topic) ?? `topics/${topic.slug}.md`;
}

/** The optional topic files, `content/topics/<slug>.md` at `paths` (as the content's inventory lists them), by slug. */
export function loadTopicRegistry(paths: string[], baseUrl: string, problems: Problem[]): Map<string, Topic> {
  const topics = new Map<string, Topic>();
  const files = new Map<string, string>();
  for (const path of paths) {
    const file = readSource(path, problems);
    const data = validate(TopicFrontMatterSchema, file, problems);
    if (!data) continue;
    const slug = slugFor(data.name);
    if (!slug) {
      new FileProblems(file, problems).error(
        ["name"],
        `"${data.name}" has no letters or digits to make a web address from`,
      );
      continue;
    }
    if (fileSlug(path) !== slug) {
      new FileProblems(file, problems).error(
        ["name"],
        `"${data.name}" belongs in a file named ${slug}.md, not ${fileSlug(path)}.md`,
      );
      continue;
    }
    const sameSlug = files.get(slug);
    if (sameSlug) {
      new FileProblems(file, problems).error(
        ["name"],
        `the topic "${data.name}" also has a file at ${sameSlug}; keep one of them`,
      );
      continue;
    }
    const body = file.parsed.body.trim();
    files.set(slug, file.path);
    const topic: Topic = {
      slug,
      url: route.topic(slug),
      name: data.name,
      description: data.description,
      introHtml: body ? renderCheckedBody(file, { baseUrl }, problems) : undefined,
    };
    topicFiles.set(topic, file.path);
    topics.set(slug, topic);
  }
  return topics;
}

/** Warns about each topic file that no article, published or not, is tagged with: it would have no page. */
export function unusedTopicWarnings(tagged: TaggedFile[], registry: Map<string, Topic>, warnings: Problem[]): void {
  const used = new Set(tagged.flatMap(({ tags }) => tags.map(slugFor)));
  for (const topic of registry.values()) {
    if (used.has(topic.slug)) continue;
    const file = topicFile(topic);
    warnings.push({
      file,
      field: "",
      message:
        `no article is tagged "${topic.name}", so this topic has no page: tag an article with it, or delete ` +
        `the file`,
      severity: "warning",
    });
  }
}

/**
 * Checks that spellings sharing a topic slug are the same topic (they differ only in case, spacing, hyphens
 * or accents), so two different topics never silently share a URL.
 */
export function checkTopicCollisions(tagged: TaggedFile[], registry: Map<string, Topic>, problems: Problem[]): void {
  const firstSeen = new Map<string, { name: string; key: string; where: string }>();
  for (const topic of registry.values()) {
    firstSeen.set(topic.slug, { name: topic.name, key: topicKey(topic.name), where: topicFile(topic) });
  }
  for (const { file, tags } of tagged) {
    tags.forEach((tag, index) => {
      const slug = slugFor(tag);
      const seen = firstSeen.get(slug);
      if (!seen) {
        firstSeen.set(slug, { name: tag.trim(), key: topicKey(tag), where: file.path });
      } else if (seen.key !== topicKey(tag)) {
        new FileProblems(file, problems).error(
          ["tags", index],
          `"${tag.trim()}" would share the page /topics/${slug}/ with the different topic "${seen.name}" ` +
            `(${seen.where}); rename one of them`,
        );
      }
    });
  }
}

/**
 * Every spelling of a topic in use, resolved to one topic per slug: the registry's name, else the commonest spelling.
 */
export function resolveTopics(tagged: TaggedFile[], registry: Map<string, Topic>): Map<string, Topic> {
  const spellings = new Map<string, Map<string, number>>();
  for (const { tags } of tagged) {
    for (const tag of tags) {
      const slug = slugFor(tag);
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
    topics.set(slug, { slug, url: route.topic(slug), name });
  }
  return topics;
}

/**
 * Warns about a tag that starts a new topic when a similar one exists ("tag `China Bonds` is new — similar
 * existing topic: `China Bond`"), and about established topics that look like duplicates of each other.
 */
export function similarTopicWarnings(tagged: TaggedFile[], topics: Map<string, Topic>, warnings: Problem[]): void {
  const uses = new Map<string, number>();
  for (const { tags } of tagged)
    for (const slug of new Set(tags.map(slugFor))) uses.set(slug, (uses.get(slug) ?? 0) + 1);
  const established = [...topics.keys()].filter(
    (slug) => (uses.get(slug) ?? 0) > 1 || topics.get(slug)?.description !== undefined,
  );
  const reported = new Set<string>();
  const similarTo = new Map<string, string | undefined>();
  for (const { file, tags } of tagged) {
    tags.forEach((tag, index) => {
      const slug = slugFor(tag);
      if (!similarTo.has(slug)) similarTo.set(slug, closestMatch(slug, established, NEAR_DUPLICATE));
      const similar = similarTo.get(slug);
      if (!similar || similar === slug) return;
      const name = (value: string) => topics.get(value)?.name ?? value;
      if ((uses.get(slug) ?? 0) <= 1 && !established.includes(slug)) {
        new FileProblems(file, warnings).warning(
          ["tags", index],
          `tag \`${tag.trim()}\` is new — similar existing topic: \`${name(similar)}\``,
        );
      } else {
        const pair = [slug, similar].sort().join(" ");
        if (reported.has(pair)) return;
        reported.add(pair);
        const count = uses.get(slug) ?? 0;
        new FileProblems(file, warnings).warning(
          ["tags", index],
          `topics \`${name(slug)}\` (${count} ${count === 1 ? "article" : "articles"}) and \`${name(similar)}\` ` +
            `(${uses.get(similar) ?? 0}) look like one topic; use one spelling`,
        );
      }
    });
  }
}
