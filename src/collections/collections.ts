import type { Newsroom, Topic } from "../content/schema.ts";

/** A topic with the number of published articles filed under it. */
export interface TopicCount {
  topic: Topic;
  count: number;
}

const activity = new WeakMap<Newsroom, TopicCount[]>();

/** Topics by number of articles, busiest first; ties by name. Computed once per newsroom (every page's header asks). */
export function topicsByActivity(newsroom: Newsroom): TopicCount[] {
  const cached = activity.get(newsroom);
  if (cached) return cached;
  const result = countTopics(newsroom);
  activity.set(newsroom, result);
  return result;
}

function countTopics(newsroom: Newsroom): TopicCount[] {
  const counts = new Map<string, number>();
  for (const article of newsroom.articles) {
    for (const topic of article.topics) counts.set(topic.slug, (counts.get(topic.slug) ?? 0) + 1);
  }
  return newsroom.topics
    .map((topic) => ({ topic, count: counts.get(topic.slug) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.topic.name.localeCompare(b.topic.name));
}
