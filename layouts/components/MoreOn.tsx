import type { Article, Topic } from "../../src/content/schema.ts";

/** "A", "A and B", "A, B and C". */
function named(topics: Topic[]): string {
  const names = topics.map((topic) => topic.name);
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Stories the build picked to fill ALSO SEE, under a heading naming the topics they share: "More on China Bond". */
export function MoreOn({ stories, topics }: { stories: Article[]; topics: Topic[] }) {
  if (stories.length === 0) return null;
  return (
    <section class="more-on" aria-labelledby="more-on-heading" data-pagefind-ignore>
      <h2 id="more-on-heading" class="more-on__label">
        More on {named(topics)}
      </h2>
      <ul>
        {stories.map((story) => (
          <li>
            <a href={story.url}>{story.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
