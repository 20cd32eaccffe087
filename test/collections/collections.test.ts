import { suite } from "uvu";
import * as assert from "uvu/assert";
import { topicsByActivity } from "../../src/collections/collections.ts";
import { articleFile, contentTree, load } from "../helpers.ts";

const activity = suite("topics are ranked by how many articles they hold, busiest first, ties by name");

activity("each topic counts every article filed under it, busiest first, equal counts by name", async () => {
  const story = (slug: string, day: string, tags: string) =>
    articleFile(`title: Story ${slug}\ndate: 2024-03-${day}\nauthor: ana-lim\ntags: ${tags}`);
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": story("a", "01", "[Ports, Banking]"),
      "news/2024/b.md": story("b", "02", "[Ports, Zinc]"),
      "news/2024/c.md": story("c", "03", "[Ports, Zinc]"),
      "news/2024/d.md": story("d", "04", "[Aviation]"),
    }),
  );
  assert.equal(
    topicsByActivity(newsroom).map(({ topic, count }) => [topic.name, count]),
    [
      ["Ports", 3],
      ["Zinc", 2],
      ["Aviation", 1],
      ["Banking", 1],
    ],
  );
});

activity.run();
