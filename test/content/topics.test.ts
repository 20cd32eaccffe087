import { relative } from "node:path";
import * as cheerio from "cheerio";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseContentFile } from "../../src/content/frontMatter.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import type { Topic } from "../../src/content/schema.ts";
import {
  checkTopicCollisions,
  resolveTopics,
  similarTopicWarnings,
  type TaggedFile,
  unusedTopicWarnings,
} from "../../src/content/topics.ts";
import { articleFile, contentTree, load, rejection, validFields } from "../helpers.ts";

const full = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

/** The warnings for a content tree, formatted, paths relative to the tree. */
async function warningsFor(files: Record<string, string>): Promise<string[]> {
  const dir = contentTree(files);
  const { warnings } = await load(dir);
  return warnings.map((warning) => formatProblem(warning).replace(`${relative(process.cwd(), dir)}/`, ""));
}

/** An article at `path` tagged with `tags` exactly as given, one tag a line. */
function taggedFile(path: string, tags: string[]): TaggedFile {
  const lines = tags.map((tag) => `  - ${JSON.stringify(tag)}`).join("\n");
  return { file: { path, parsed: parseContentFile(`---\ntitle: A\ntags:\n${lines}\n---\n`) }, tags };
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

collisions("the topics a message names are given as written, without the spaces around them", () => {
  const problems: Problem[] = [];
  checkTopicCollisions(
    [taggedFile("news/2024/a.md", [" C "]), taggedFile("news/2024/b.md", [" C# "])],
    new Map(),
    problems,
  );
  assert.equal(problems.map(formatProblem), [
    'news/2024/b.md:4:tags[0]: "C#" would share the page /topics/c/ with the different topic "C" (news/2024/a.md); ' +
      "rename one of them",
  ]);
});

collisions.run();

const spelling = suite("a topic without a file is named by its commonest spelling");

spelling("the commonest spelling wins, a tie goes to the first in alphabetical order, and spaces are tidied", () => {
  const topics = resolveTopics(
    [
      taggedFile("news/2024/a.md", ["China bond", "Da Nang", "  Port\t\tof  Saigon "]),
      taggedFile("news/2024/b.md", ["China Bond"]),
      taggedFile("news/2024/c.md", ["China Bond", "da nang"]),
    ],
    new Map(),
  );
  assert.equal(
    [...topics.values()].map((topic) => [topic.slug, topic.name]),
    [
      ["china-bond", "China Bond"],
      ["da-nang", "da nang"],
      ["port-of-saigon", "Port of Saigon"],
    ],
  );
});

spelling.run();

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

lookAlike(
  "a topic with a description is established from its first article; each look-alike pair is named",
  async () => {
    const tagged = (tags: string) => articleFile(full.replace("[China Bond]", tags));
    assert.equal(
      await warningsFor({
        "topics/china-bond.md": "---\nname: China Bond\ndescription: Bonds sold in China.\n---\n",
        "topics/rare-earth.md": "---\nname: Rare Earth\ndescription: Metals for magnets.\n---\n",
        "news/2024/a.md": tagged("[China Bond, Rare Earth]"),
        "news/2024/b.md": tagged("[China Bonds]"),
        "news/2024/c.md": tagged("[Rare Earths]"),
        "news/2024/d.md": tagged("[Rare Earths]"),
        "news/2024/e.md": tagged("[Semiconductor]"),
        "news/2024/f.md": tagged("[Semiconductor]"),
        "news/2024/g.md": tagged("[Semiconductors]"),
        "news/2024/h.md": tagged("[Semiconductors]"),
      }),
      [
        "news/2024/a.md:5:tags[1]: topics `Rare Earth` (1 article) and `Rare Earths` (2) look like one topic; " +
          "use one spelling",
        "news/2024/b.md:5:tags[0]: tag `China Bonds` is new — similar existing topic: `China Bond`",
        "news/2024/e.md:5:tags[0]: topics `Semiconductor` (2 articles) and `Semiconductors` (2) look like one topic; " +
          "use one spelling",
      ],
    );
  },
);

lookAlike("a new tag is named as written, without the spaces around it", () => {
  const tagged = [
    taggedFile("news/2024/a.md", ["China Bond"]),
    taggedFile("news/2024/b.md", ["China Bond"]),
    taggedFile("news/2024/c.md", [" China Bonds "]),
  ];
  const warnings: Problem[] = [];
  similarTopicWarnings(tagged, resolveTopics(tagged, new Map()), warnings);
  assert.equal(warnings.map(formatProblem), [
    "news/2024/c.md:4:tags[0]: tag `China Bonds` is new — similar existing topic: `China Bond`",
  ]);
});

lookAlike.run();

const registry = suite("topic files name their topic and may introduce it");

registry("a name without letters, a file named for another topic, and a file without a name are refused", async () => {
  const dir = contentTree({
    "topics/odd.md": "---\nname: '!!!'\n---\n",
    "topics/bonds.md": "---\nname: China Bond\n---\n",
    "topics/ports.md": "---\n---\n",
    "news/2024/a.md": articleFile(validFields),
  });
  assert.equal(await rejection(dir), [
    'topics/bonds.md:2:name: "China Bond" belongs in a file named china-bond.md, not bonds.md',
    'topics/odd.md:2:name: "!!!" has no letters or digits to make a web address from',
    "topics/ports.md:name: is required",
  ]);
});

registry("an introduction links as the site's Markdown does; a blank one is none", async () => {
  const { newsroom } = await load(
    contentTree({
      "topics/china-bond.md":
        "---\nname: China Bond\n---\nSee [all bonds](https://test.example/topics/china-bond/) and " +
        "[the index](https://x.example/).\n",
      "topics/ports.md": "---\nname: Ports\n---\n  \n\n",
      "news/2024/a.md": articleFile(full.replace("[China Bond]", "[China Bond, Ports]")),
    }),
  );
  const intro = (slug: string) => newsroom.topics.find((topic) => topic.slug === slug)?.introHtml;
  const $ = cheerio.load(intro("china-bond") ?? "");
  assert.equal(
    $("a")
      .toArray()
      .map((link) => [$(link).attr("href"), $(link).attr("rel") ?? ""]),
    [
      ["https://test.example/topics/china-bond/", ""],
      ["https://x.example/", "noopener noreferrer"],
    ],
  );
  assert.is(intro("ports"), undefined);
});

registry("a topic file no article is tagged with is a warning on the file as a whole", async () => {
  assert.equal(
    await warningsFor({
      "topics/rare-earths.md": "---\nname: Rare Earths\n---\n",
      "news/2024/a.md": articleFile(full),
    }),
    [
      'topics/rare-earths.md: no article is tagged "Rare Earths", so this topic has no page: tag an article with ' +
        "it, or delete the file",
    ],
  );
  const topic: Topic = { slug: "rare-earths", url: "/topics/rare-earths/", name: "Rare Earths" };
  const warnings: Problem[] = [];
  unusedTopicWarnings([], new Map([[topic.slug, topic]]), warnings);
  assert.equal(
    warnings.map((warning) => warning.file),
    ["topics/rare-earths.md"],
  );
});

registry.run();
