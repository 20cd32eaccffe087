import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { articleFile, contentTree, load, NOW, validFields } from "../helpers.ts";

const boundary = suite("the publication boundary is the build's now");

boundary("an article dated exactly now is published and counted, one a millisecond later is scheduled", async () => {
  const dir = contentTree({
    "news/2024/on-time.md": articleFile(validFields.replace("2024-03-01", NOW.toUTC().toISO() ?? "")),
    "news/2024/later.md": articleFile(validFields.replace("2024-03-01", NOW.plus({ milliseconds: 1 }).toISO() ?? "")),
  });
  const { newsroom, leftOut } = await load(dir);
  assert.equal(
    newsroom.articles.map((article) => [article.slug, article.draft, article.scheduled]),
    [["on-time", false, false]],
  );
  assert.equal(leftOut, {
    drafts: [],
    scheduled: [relative(process.cwd(), join(dir, "news/2024/later.md"))],
    scheduledEditions: [],
  });
  const preview = await load(dir, true);
  assert.equal(
    preview.newsroom.articles.map((article) => [article.slug, article.scheduled]),
    [
      ["later", true],
      ["on-time", false],
    ],
  );
});

boundary.run();
