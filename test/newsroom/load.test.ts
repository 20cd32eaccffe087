import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import { displayPath } from "../../src/content/sources.ts";
import { loadNewsroom } from "../../src/newsroom/load.ts";
import { articleFile, contentTree, heapHeldBy, load, rejection, shownRejection, validFields } from "../helpers.ts";

/** A fixed "now" for the sample: after its last published story, before its scheduled one. */
const NOW_SAMPLE = DateTime.fromISO("2026-11-25T12:00:00+07:00");

const rejects = suite("build rejects invalid content");

rejects("a missing title", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(validFields.replace("title: A valid story\n", "")) });
  assert.equal(await rejection(dir), ["news/2024/a.md:title: is required"]);
});

rejects("an unparseable date", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("date: 2024-03-01", "date: 2024-13-45")),
  });
  assert.equal(await rejection(dir), [
    'news/2024/a.md:3:date: "2024-13-45" is not a date: write it like 2023-11-03 or 2023-11-03T09:30:00+07:00',
  ]);
});

rejects("an updated date before the date", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(`${validFields}\nupdated: 2024-02-28`) });
  assert.equal(await rejection(dir), ["news/2024/a.md:6:updated: 2024-02-28 is before the article's date 2024-03-01"]);
});

rejects("an unknown author key", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("author: ana-lim", "author: [ana-lim, jim-polard]")),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:4:author[1]: unknown author `jim-polard`: add authors/jim-polard.md or fix the spelling",
  ]);
});

rejects("a related slug that matches no article", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(`${validFields}\nrelated:\n  - no-such-story`) });
  assert.equal(await rejection(dir), ["news/2024/a.md:7:related[0]: no article has the slug `no-such-story`"]);
});

rejects("an image without alt text", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(`${validFields}\nimage: { src: /assets/css/site.css, caption: A chart }`),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:6:image.alt: is required: describe the picture for readers who cannot see it",
  ]);
});

rejects("a picture or link in assets/img/src/, which exists but is not copied to the site", async () => {
  const dir = contentTree({
    "authors/ana-lim.md": "---\nname: Ana Lim\nphoto: { src: /assets/img/src/coffee.svg, alt: Ana }\n---\n",
    "news/2024/a.md": articleFile(
      `${validFields}\nimage: { src: /assets/img/./src/chips.svg, alt: A chart }`,
      "See [the chart](/assets/img/src/bonds.svg).\n",
    ),
  });
  const advice =
    "is in assets/img/src/, which holds the sources of pictures and is not published: put the picture in another " +
    "folder under assets/img/ (like assets/img/news/) and point to it there";
  assert.equal(await rejection(dir), [
    `authors/ana-lim.md:3:photo.src: /assets/img/src/coffee.svg ${advice}`,
    `news/2024/a.md:6:image.src: /assets/img/./src/chips.svg ${advice}`,
    `news/2024/a.md:8:body: broken link to /assets/img/src/bonds.svg: it ${advice}`,
  ]);
});

rejects("two articles with the same slug, naming both files", async () => {
  const dir = contentTree({
    "news/2023/micron.md": articleFile(validFields),
    "news/2024/other.md": articleFile(`${validFields}\nslug: micron`),
  });
  assert.equal(await rejection(dir), [
    "news/2023/micron.md: the slug `micron` is also used by news/2024/other.md; each article needs its own",
    "news/2024/other.md:6:slug: the slug `micron` is also used by news/2023/micron.md; each article needs its own",
  ]);
});

rejects("an empty tag and a tag with no letters", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("tags: [China Bond]", 'tags: [China Bond, "", "!!!"]')),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:5:tags[1]: is empty",
    'news/2024/a.md:5:tags[2]: "!!!" has no letters or digits to make a topic from',
  ]);
});

rejects("a tag of punctuation alone, even & or + that would read as a word; R&D and C++ are topics", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("tags: [China Bond]", 'tags: [R&D, C++, "&", "+", "&&"]')),
  });
  assert.equal(await rejection(dir), [
    'news/2024/a.md:5:tags[2]: "&" has no letters or digits to make a topic from',
    'news/2024/a.md:5:tags[3]: "+" has no letters or digits to make a topic from',
    'news/2024/a.md:5:tags[4]: "&&" has no letters or digits to make a topic from',
  ]);
});

rejects("a misspelt field", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(`${validFields}\ntittle: Typo`) });
  assert.equal(await rejection(dir), ["news/2024/a.md:6:tittle: is not a field we know; check the spelling"]);
});

rejects("broken YAML, with its line", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(`${validFields}\nrelated: [unclosed`) });
  const [problem] = await rejection(dir);
  assert.match(problem ?? "", /^news\/2024\/a\.md:\d+: front matter is not valid YAML: /);
});

rejects("every problem of every file in one run", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("title: A valid story\n", "")),
    "news/2024/b.md": articleFile(validFields.replace("author: ana-lim", "author: nobody")),
    "authors/bad.md": "---\nrole: Editor\n---\n",
  });
  assert.equal(await rejection(dir), [
    "authors/bad.md:name: is required",
    "news/2024/a.md:title: is required",
    "news/2024/b.md:4:author: unknown author `nobody`: add authors/nobody.md or fix the spelling",
  ]);
});

rejects.run();

const withErrors = suite("links to an article that has errors say so and name its file");

/** An article whose front matter is complete, so that it draws no warnings of its own. */
const complete = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

withErrors("a body link and an ALSO SEE slug to articles with broken YAML or bytes that are not UTF-8", async () => {
  const dir = contentTree({
    "news/2024/live.md": articleFile(
      `${complete}\nrelated: [broken-yaml, not-utf8]`,
      "See [one](/news/broken-yaml/) and [two](/news/not-utf8/).\n",
    ),
    "news/2024/broken-yaml.md": articleFile(`${complete}\nsource: "unclosed`),
  });
  const bytes = Buffer.concat([Buffer.from(articleFile(complete, "Caf")), Buffer.from([0xe9, 0x0a])]);
  writeFileSync(join(dir, "news/2024/not-utf8.md"), bytes);
  assert.equal(await rejection(dir, "warnings too"), [
    'error: news/2024/broken-yaml.md:8: front matter is not valid YAML: Missing closing "quote',
    "warning: news/2024/live.md:8:related[0]: `broken-yaml` (news/2024/broken-yaml.md) has errors: fix them first",
    "warning: news/2024/live.md:8:related[1]: `not-utf8` (news/2024/not-utf8.md) has errors: fix them first",
    "error: news/2024/live.md:10:body: broken link to /news/broken-yaml/: that article (news/2024/broken-yaml.md) " +
      "has errors: fix them first",
    "error: news/2024/live.md:10:body: broken link to /news/not-utf8/: that article (news/2024/not-utf8.md) has " +
      "errors: fix them first",
    `error: news/2024/not-utf8.md:9: is not UTF-8 text: byte ${bytes.indexOf(0xe9)} (0xe9) is invalid; save the ` +
      `file as UTF-8 in your editor`,
  ]);
});

withErrors("the dev server's preview says the same, where drafts and scheduled articles are shown", async () => {
  const dir = contentTree({
    "news/2024/live.md": articleFile(complete, "See [the story](/news/broken-yaml/).\n"),
    "news/2024/broken-yaml.md": articleFile(`${complete}\nsource: "unclosed`),
  });
  try {
    await load(dir, true);
    assert.unreachable("the content was accepted");
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const shown = displayPath(dir);
    assert.equal(error.problems.filter((problem) => problem.field === "body").map(formatProblem), [
      `${shown}/news/2024/live.md:9:body: broken link to /news/broken-yaml/: that article ` +
        `(${shown}/news/2024/broken-yaml.md) has errors: fix them first`,
    ]);
  }
});

withErrors.run();

const contentFolder = suite("hints name the content folder in use, not content/");

contentFolder("an unknown author: add the author's file in the folder the build reads", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(validFields.replace("author: ana-lim", "author: nobody")) });
  const shown = displayPath(dir);
  assert.ok(!shown.startsWith("content"), shown);
  assert.equal(await shownRejection(dir), [
    `${shown}/news/2024/a.md:4:author: unknown author \`nobody\`: add ${shown}/authors/nobody.md or fix the spelling`,
  ]);
});

contentFolder("a tag that would share a topic's page names that topic's file where it is", async () => {
  const dir = contentTree({
    "topics/c.md": "---\nname: C\n---\n",
    "news/2024/a.md": articleFile(validFields.replace("[China Bond]", "[C, C#]")),
  });
  const shown = displayPath(dir);
  assert.equal(await shownRejection(dir), [
    `${shown}/news/2024/a.md:5:tags[1]: "C#" would share the page /topics/c/ with the different topic "C" ` +
      `(${shown}/topics/c.md); rename one of them`,
  ]);
});

contentFolder.run();

const resolves = suite("build resolves valid content");

resolves("a bare date as that calendar day in the publication's zone", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  const [article] = newsroom.articles;
  assert.is(article?.date.toISO(), "2024-03-01T00:00:00.000+07:00");
  assert.is(article?.dateOnly, true);
});

resolves("related slugs to the target's real headline and URL", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": articleFile(
        `${validFields}\nrelated: [b, { title: IMF outlook, url: "https://example.org/imf" }]`,
      ),
      "news/2024/b.md": articleFile(validFields.replace("A valid story", "The real headline of B")),
    }),
  );
  assert.equal(newsroom.articles.find((article) => article.slug === "a")?.related, [
    { title: "The real headline of B", url: "/news/b/", external: false },
    { title: "IMF outlook", url: "https://example.org/imf", external: true },
  ]);
});

resolves(
  "drafts and future articles out of a production build, with a warning for ALSO SEE links to them",
  async () => {
    const dir = contentTree({
      "news/2024/live.md": articleFile(`${validFields}\nrelated: [later]`),
      "news/2024/draft.md": articleFile(`${validFields}\ndraft: true`),
      "news/2024/later.md": articleFile(validFields.replace("2024-03-01", "2024-06-01T09:00:00+07:00")),
    });
    const production = await load(dir);
    assert.equal(
      production.newsroom.articles.map((article) => article.slug),
      ["live"],
    );
    assert.equal(production.newsroom.articles[0]?.related, []);
    assert.equal(
      production.warnings
        .filter((warning) => warning.field.startsWith("related"))
        .map((warning) => `${warning.field}: ${warning.message}`),
      ["related[0]: `later` is scheduled for later, so it is left out of ALSO SEE until it is published"],
    );
    const preview = await load(dir, true);
    assert.equal(
      preview.newsroom.articles.map((article) => [article.slug, article.draft, article.scheduled]),
      [
        ["later", false, true],
        ["draft", true, false],
        ["live", false, false],
      ],
    );
  },
);

resolves("headlines, deks and ALSO SEE titles with the body's typographic quotes, markup kept as text", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": articleFile(
        `${validFields.replace("A valid story", `"Beijing's <em>\\"thaw\\"</em> -- & after"`)}\ndek: "The ` +
          `chipmaker's 'return'"\nrelated: [b, { title: "IMF's outlook", url: "https://example.org/imf" }]`,
      ),
      "news/2024/b.md": articleFile(validFields.replace("A valid story", `"B's headline"`)),
    }),
  );
  const a = newsroom.articles.find((article) => article.slug === "a");
  assert.equal(
    [a?.title, a?.dek, ...(a?.related.map((link) => link.title) ?? [])],
    ["Beijing’s <em>“thaw”</em> – & after", "The chipmaker’s ‘return’", "B’s headline", "IMF’s outlook"],
  );
});

resolves("topic spellings to one topic, named by the registry or else the commonest spelling", async () => {
  const { newsroom } = await load(
    contentTree({
      "topics/china-bond.md": "---\nname: China Bond\ndescription: Ties with China.\n---\n",
      "news/2024/a.md": articleFile(validFields.replace("[China Bond]", '[" china  bond ", Chip Makers]')),
      "news/2024/b.md": articleFile(validFields.replace("[China Bond]", "[China-Bond, chip makers]")),
      "news/2024/c.md": articleFile(validFields.replace("[China Bond]", "[chip makers]")),
    }),
  );
  assert.equal(
    newsroom.topics.map((topic) => [topic.slug, topic.name]),
    [
      ["china-bond", "China Bond"],
      ["chip-makers", "chip makers"],
    ],
  );
});

resolves.run();

const memory = suite("a loaded newsroom holds none of its article files' text");

memory(
  "ten files of 500 KB, each with a headline, a tag, a heading and prose, leave under a quarter of it held",
  async () => {
    // Link definitions that no link uses: a long file whose page is short, so that what is held is not its HTML.
    const padding = Array.from({ length: 13_000 }, (_, line) => `[unused-${line}]: https://example.org/${line}\n`);
    const files: Record<string, string> = {};
    for (let story = 0; story < 10; story++) {
      const fields = validFields
        .replace("A valid story", `Micron's turnaround, part ${story}`)
        .replace("China Bond", `Chips ${story}`);
      const body = `## What changed in part ${story}\n\nBeijing *softened* on [Micron](https://x.example).\n\n`;
      files[`news/2024/part-${story}.md`] = articleFile(fields, body + padding.join(""));
    }
    const dir = contentTree(files);
    const size = Object.values(files).reduce((total, text) => total + text.length, 0);
    // Modules, caches and compiled code are made once, before measuring.
    await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
    let articles = 0;
    const held = await heapHeldBy(async () => {
      const loaded = await load(dir);
      articles = loaded.newsroom.articles.length;
      return loaded;
    });
    assert.is(articles, 10);
    assert.ok(size > 5_000_000, `the files hold ${size} characters`);
    assert.ok(held < size / 4, `the newsroom held ${held} bytes of the files' ${size} characters`);
  },
);

memory.run();

const sample = suite("the sample publication in content/ is valid and complete");

sample(
  "it loads without errors, warns only of stories without a picture, and has what the README promises",
  async () => {
    const { newsroom, warnings } = await loadNewsroom({
      contentDir: "content",
      publicDir: process.cwd(),
      now: NOW_SAMPLE,
      preview: true,
    });
    assert.equal(
      [...new Set(warnings.map((warning) => `${warning.field}: ${warning.message}`))],
      ["image: is missing: stories with a picture get a share card and a thumbnail in every list"],
    );
    const published = newsroom.articles.filter((article) => !article.draft && !article.scheduled);
    assert.ok(published.length >= 24, `${published.length} published articles`);
    const months = new Set(published.map((article) => article.date.toFormat("yyyy-MM")));
    assert.ok(months.size >= 12, `${months.size} months`);
    assert.ok(newsroom.authors.length >= 4 && newsroom.authors.every((author) => author.photo && author.bioHtml));
    assert.ok(newsroom.topics.length >= 10);
    assert.ok(newsroom.topics.some((topic) => topic.name === "China Bond"));
    assert.ok(newsroom.articles.some((article) => article.draft));
    assert.ok(newsroom.articles.some((article) => article.scheduled));
  },
);

sample.run();
