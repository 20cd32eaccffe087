import { suite } from "uvu";
import * as assert from "uvu/assert";
import { articleFile, contentTree, rejection, validFields } from "../helpers.ts";

const full = `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`;

const placeholders = suite("the placeholder text npm run new and npm run edition write never publishes");

const storyPlaceholder = "Write the story here. Use ## for sub-headings, and see docs/writing.md for everything else.";
const notePlaceholder = "A few sentences from the editor: what this edition is about and why it matters to readers.";

placeholders(
  "a published or scheduled article with the story placeholder is an error on its line; a draft may keep it",
  async () => {
    const body = `The first paragraph.\n\n${storyPlaceholder}\n`;
    const dir = contentTree({
      "news/2024/live.md": articleFile(full, body),
      "news/2024/later.md": articleFile(full.replace("2024-03-01", "2024-06-02"), body),
      "news/2024/draft.md": articleFile(`${full}\ndraft: true`, body),
    });
    const message =
      "still holds the placeholder that npm run new wrote: replace the placeholder text with the story, or keep " +
      "draft: true until it is written";
    assert.equal(await rejection(dir), [
      `news/2024/later.md:11:body: ${message}`,
      `news/2024/live.md:11:body: ${message}`,
    ]);
  },
);

placeholders("the placeholder on the body's first line is an error on that line", async () => {
  const dir = contentTree({ "news/2024/live.md": articleFile(full, `${storyPlaceholder}\n`) });
  assert.equal(await rejection(dir), [
    "news/2024/live.md:9:body: still holds the placeholder that npm run new wrote: replace the placeholder text with " +
      "the story, or keep draft: true until it is written",
  ]);
});

placeholders("an edition with the note placeholder is an error on its line", async () => {
  const dir = contentTree({
    "news/2024/micron-thaw.md": articleFile(full),
    "editions/2024-03-01.md": `---\ntitle: Week\ndate: 2024-03-01\npicks: [micron-thaw]\n---\n\n${notePlaceholder}\n`,
  });
  assert.equal(await rejection(dir), [
    "editions/2024-03-01.md:7:body: still holds the placeholder that npm run edition wrote: replace the placeholder " +
      "text with the editor's note",
  ]);
});

placeholders.run();
