import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem } from "../../src/content/problems.ts";
import { articleFile, contentTree, load, rejection, validFields } from "../helpers.ts";

const full = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

/** The warnings for a content tree, as `field: message`. */
async function warningsFor(files: Record<string, string>): Promise<string[]> {
  const { warnings } = await load(contentTree(files));
  return warnings.map((warning) => formatProblem(warning).replace(/^.*?news\//, "news/"));
}

const collisions = suite("two different topics never silently share a URL");

collisions("names that differ only in case, spaces, hyphens, accents or & are one topic", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": articleFile(
        validFields.replace("[China Bond]", '[China Bond, "Đà Nẵng", "Logistics & Ports"]'),
      ),
      "news/2024/b.md": articleFile(
        validFields.replace("[China Bond]", '["china-bond", "Da Nang", "Logistics and Ports"]'),
      ),
    }),
  );
  assert.equal(
    newsroom.topics.map((topic) => topic.slug),
    ["china-bond", "da-nang", "logistics-and-ports"],
  );
});

collisions("names that would share a slug but are different topics are an error naming both", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("[China Bond]", "[C]")),
    "news/2024/b.md": articleFile(validFields.replace("[China Bond]", '["C#", "C++"]')),
  });
  assert.equal(await rejection(dir), [
    'news/2024/b.md:5:tags[0]: "C#" would share the page /topics/c/ with the different topic "C" (news/2024/a.md); ' +
      "rename one of them",
  ]);
});

collisions.run();

const lookAlike = suite("topics that look alike are pointed out, without stopping the build");

lookAlike("a new tag close to an existing topic, and two established topics that look alike", async () => {
  const tagged = (tags: string) => articleFile(full.replace("[China Bond]", tags));
  assert.equal(
    await warningsFor({
      "news/2024/a.md": tagged("[China Bond]"),
      "news/2024/b.md": tagged("[China Bond]"),
      "news/2024/c.md": tagged("[China Bonds]"),
      "news/2024/d.md": tagged("[Semiconductor]"),
      "news/2024/e.md": tagged("[Semiconductor]"),
      "news/2024/f.md": tagged("[Semiconductors]"),
      "news/2024/g.md": tagged("[Semiconductors]"),
      "news/2024/h.md": tagged("[Thailand, Thailand Property]"),
    }),
    [
      "news/2024/c.md:5:tags[0]: tag `China Bonds` is new — similar existing topic: `China Bond`",
      "news/2024/d.md:5:tags[0]: topics `Semiconductor` (2 articles) and `Semiconductors` (2) look like one topic; " +
        "use one spelling",
    ],
  );
});

lookAlike.run();
