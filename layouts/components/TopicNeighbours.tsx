import type { Article, Topic } from "../../src/content/schema.ts";

/** The stories before and after an article in its main topic, by date, each a link labelled with its direction. */
export function TopicNeighbours({ topic, previous, next }: { topic?: Topic; previous?: Article; next?: Article }) {
  if (!topic || (!previous && !next)) return null;
  return (
    <nav class="story-nav" aria-label={`Previous and next in ${topic.name}`} data-pagefind-ignore>
      <ul>
        {previous ? (
          <li class="story-nav__previous">
            <a href={previous.url}>
              <span class="story-nav__direction">Previous in {topic.name}</span>
              <span class="story-nav__headline">{previous.title}</span>
            </a>
          </li>
        ) : null}
        {next ? (
          <li class="story-nav__next">
            <a href={next.url}>
              <span class="story-nav__direction">Next in {topic.name}</span>
              <span class="story-nav__headline">{next.title}</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
