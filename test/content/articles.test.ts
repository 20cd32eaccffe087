import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem } from "../../src/content/problems.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";

const full = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

/** The warnings for a content tree, as `field: message`. */
async function warningsFor(files: Record<string, string>): Promise<string[]> {
  const { warnings } = await load(contentTree(files));
  return warnings.map((warning) => formatProblem(warning).replace(/^.*?news\//, "news/"));
}

const warnings = suite("warnings point out what an editor would, without stopping the build");

warnings("missing dek and image, a very long headline and plain-http links", async () => {
  const long = "A".repeat(101);
  assert.equal(
    await warningsFor({
      "news/2024/a.md": articleFile(
        `title: ${long}\ndate: 2024-03-01\nauthor: ana-lim\ntags: [China Bond]\nrelated:\n  - { title: Old site, ` +
          `url: "http://example.org/report" }`,
        "Read [the data](http://example.com/data).",
      ),
    }),
    [
      "news/2024/a.md:dek: is missing: a one- or two-sentence standfirst tells readers and search engines what the " +
        "story is",
      "news/2024/a.md:image: is missing: stories with a picture get a share card and a thumbnail in every list",
      `news/2024/a.md:2:title: is 101 characters long: search results and share cards cut headlines after about 100`,
      "news/2024/a.md:7:related[0].url: http://example.org/report uses plain http: link to https:// if the site " +
        "offers it",
      "news/2024/a.md:9:body: http://example.com/data uses plain http: link to https:// if the site offers it",
    ],
  );
});

warnings("an article in another year's folder, by its date in the publication's time zone", async () => {
  const dated = (date: string) => articleFile(full.replace("2024-03-01", date));
  assert.equal(
    await warningsFor({
      "news/2026/a.md": dated("2024-03-01"),
      "news/2024/new-year-in-tokyo.md": dated("2025-01-01T00:30:00+09:00"),
      "news/2025/new-year-in-tokyo-again.md": dated("2025-01-01T00:30:00+09:00"),
      "news/2024/in-time.md": dated("2024-12-31T23:30:00+07:00"),
      "news/archive/b.md": dated("2023-05-01"),
      "news/c.md": dated("2023-05-01"),
    }),
    [
      "news/2025/new-year-in-tokyo-again.md:3:date: falls in 2024 in the publication's time zone (Asia/Bangkok), " +
        "but the file is in news/2025/: move it to news/2024/",
      "news/2026/a.md:3:date: falls in 2024 in the publication's time zone (Asia/Bangkok), but the file is in " +
        "news/2026/: move it to news/2024/",
    ],
  );
});

warnings.run();
