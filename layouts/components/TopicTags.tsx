import type { Topic } from "../../src/content/schema.ts";

/** The article's topics, each linking to its topic page. */
export function TopicTags({ topics }: { topics: Topic[] }) {
  return (
    <nav class="topic-tags" aria-label="Topics of this article">
      <h2 class="topic-tags__label">Topics</h2>
      <ul>
        {topics.map((topic) => (
          <li>
            <a href={topic.url} rel="tag" data-pagefind-filter="topic">
              {topic.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
