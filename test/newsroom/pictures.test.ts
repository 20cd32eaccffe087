import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ContentError, formatProblem, type Problem } from "../../src/content/problems.ts";
import { type LoadResult, loadNewsroom } from "../../src/newsroom/load.ts";
import { articleFile, contentTree, NOW, validFields } from "../helpers.ts";

/** A real JPEG of the given size (with an EXIF orientation when given), as a camera or a picture desk saves one. */
function jpeg(width: number, height: number, orientation?: number): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: "#0f4c5c" } }).jpeg();
  return (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
}

/**
 * Loads one story whose picture (`image` front matter) is `/assets/img/story.jpg` holding `bytes`; the problems
 * (the errors when it is refused, else the warnings) with the temporary folders read as `content` and `public`.
 */
async function loadStory(
  bytes: Buffer | string,
  image = "{ src: /assets/img/story.jpg, alt: Cranes }",
): Promise<{ loaded?: LoadResult; problems: string[] }> {
  const contentDir = contentTree({ "news/2024/a.md": articleFile(`${validFields}\nimage: ${image}`) });
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  mkdirSync(dirname(join(publicDir, "assets/img/story.jpg")), { recursive: true });
  writeFileSync(join(publicDir, "assets/img/story.jpg"), bytes);
  const shown = (problem: Problem) =>
    `${problem.severity}: ${formatProblem(problem).replaceAll(relative(process.cwd(), contentDir), "content")}`;
  try {
    const loaded = await loadNewsroom({ contentDir, publicDir, now: NOW, preview: false });
    return { loaded, problems: loaded.warnings.map(shown) };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: error.problems.filter((problem) => problem.severity === "error").map(shown) };
  }
}

const widths = suite("a story's picture is wide enough for a phone and for Google's large previews");

widths("narrower than 640 pixels is an error naming the file, the field and the size", async () => {
  const { loaded, problems } = await loadStory(await jpeg(600, 338));
  assert.is(loaded, undefined);
  assert.equal(problems, [
    "error: content/news/2024/a.md:6:image.src: /assets/img/story.jpg is 600 × 338 pixels: a story's picture must be " +
      "at least 640 pixels wide to look sharp on a phone; ask for the original, 1200 pixels wide or more",
  ]);
});

widths("narrower than 1200 pixels builds, with a warning that Google will show it small", async () => {
  const { loaded, problems } = await loadStory(await jpeg(1000, 563));
  assert.ok(loaded);
  assert.equal(
    problems.filter((problem) => problem.includes("image.src")),
    [
      "warning: content/news/2024/a.md:6:image.src: /assets/img/story.jpg is 1000 × 563 pixels: under 1200 pixels " +
        "wide, Google shows the story without a large picture (in Discover and in results); ask for the original " +
        "if there is one",
    ],
  );
});

widths("1200 pixels or more: no word about its size, and the story knows the picture's size", async () => {
  const { loaded, problems } = await loadStory(await jpeg(1200, 675));
  assert.equal(
    problems.filter((problem) => problem.includes("image")),
    [],
  );
  const file = loaded?.newsroom.articles[0]?.image?.file;
  assert.equal([file?.width, file?.height, file?.format], [1200, 675, "jpeg"]);
});

widths("a photo turned by its EXIF orientation is measured as it is shown", async () => {
  // Stored 1350 wide and 2400 high, shown a quarter turn round: 2400 wide.
  const file = (await loadStory(await jpeg(1350, 2400, 6))).loaded?.newsroom.articles[0]?.image?.file;
  assert.equal([file?.width, file?.height], [2400, 1350]);
});

widths("a file that is not a picture is an error, not a crash of the resizer later", async () => {
  const { problems } = await loadStory("not a picture, just text saved as .jpg\n");
  assert.equal(problems, [
    "error: content/news/2024/a.md:6:image.src: /assets/img/story.jpg is not a picture the build can read: save it " +
      "as JPEG, PNG, WebP or AVIF",
  ]);
});

widths("a picture cut short is an error that says to copy it again", async () => {
  const whole = await jpeg(1200, 675);
  const { problems } = await loadStory(whole.subarray(0, Math.floor(whole.length / 2)));
  assert.equal(problems, [
    "error: content/news/2024/a.md:6:image.src: /assets/img/story.jpg is cut short (the file ends before the " +
      "picture does): copy it again from the original",
  ]);
});

widths("a picture far larger than any screen builds, with a warning to save it smaller", async () => {
  const { loaded, problems } = await loadStory(await jpeg(9000, 5063));
  assert.ok(loaded);
  assert.equal(
    problems.filter((problem) => problem.includes("image.src")),
    [
      "warning: content/news/2024/a.md:6:image.src: /assets/img/story.jpg is 9000 × 5063 pixels, far more than " +
        "any screen shows: every build that makes its sizes takes longer; save it at most 4000 pixels wide",
    ],
  );
});

widths("an SVG with a script is an error: opened on its own it would run on the site", async () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><script>alert(document.cookie)</script></svg>';
  const { problems } = await loadStory(svg);
  assert.equal(problems, [
    "error: content/news/2024/a.md:6:image.src: /assets/img/story.jpg holds a script or an event handler, which " +
      "would run on the site if a reader opened the picture: export it again without them, or save it as PNG",
  ]);
  const clean = await loadStory('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"></svg>');
  assert.ok(clean.loaded, "an SVG without script is shown as it is");
});

widths.run();

const focus = suite("a picture's focus decides where its crops are cut");

focus("a focus in words or percentages is kept on the story's picture", async () => {
  const { loaded } = await loadStory(await jpeg(2400, 1350), "{ src: /assets/img/story.jpg, alt: Cranes, focus: top }");
  assert.equal(loaded?.newsroom.articles[0]?.image?.focus, { x: 0.5, y: 0 });
  const percent = await loadStory(
    await jpeg(2400, 1350),
    '{ src: /assets/img/story.jpg, alt: Cranes, focus: "30% 40%" }',
  );
  assert.equal(percent.loaded?.newsroom.articles[0]?.image?.focus, { x: 0.3, y: 0.4 });
});

focus("a focus that is not a position says how to write one", async () => {
  const { problems } = await loadStory(
    await jpeg(2400, 1350),
    "{ src: /assets/img/story.jpg, alt: Cranes, focus: middle }",
  );
  assert.equal(problems, [
    'error: content/news/2024/a.md:6:image.focus: "middle" is not a position: write top, bottom, left, right or ' +
      'center (or two of them, like "top left"), or two percentages across then down, like "30% 40%"',
  ]);
});

focus.run();
