import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type Measured, measurePicture, newPictureRun } from "../../src/content/pictures.ts";
import { pngHeader } from "../helpers.ts";

/** A PNG's last chunk, IEND: a PNG without it was cut short. */
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A PNG of any size as far as the build reads it: its header and its end, with no pixels between. */
function png(width: number, height: number): Buffer {
  return Buffer.concat([pngHeader(width, height), IEND]);
}

/** A real picture of the given size in the given format, as sharp writes it. */
function encoded(format: "jpeg" | "png" | "webp" | "avif" | "gif" | "tiff", width = 64, height = 36): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#0f4c5c" } })
    .toFormat(format)
    .toBuffer();
}

/** What measurePicture finds for `bytes` saved at `/assets/img/<name>` in a fresh site folder. */
function measured(bytes: Buffer | string, name = "story.jpg"): Measured {
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  mkdirSync(join(publicDir, "assets/img"), { recursive: true });
  writeFileSync(join(publicDir, "assets/img", name), bytes);
  return measurePicture(`/assets/img/${name}`, publicDir);
}

/** The width, height and format measured, or the problem or "as is" when there is no file to resize. */
function shape(result: Measured): string {
  if ("problem" in result) return `problem: ${result.problem}`;
  if ("asIs" in result) return "as is";
  const { width, height, format } = result.file;
  return `${width} × ${height} ${format}${result.warning ? `, warning: ${result.warning}` : ""}`;
}

const where = suite("a picture is read from the site folder, and one on another site is shown as it is");

where("an http:// or https:// address is shown as it is, without looking for a file", () => {
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  assert.equal(measurePicture("https://cdn.example/cranes.jpg", publicDir), { asIs: true });
  assert.equal(measurePicture("http://cdn.example/cranes.jpg", publicDir), { asIs: true });
});

where("a site path is a file, even with https:// further along it; a missing one is a problem naming it", () => {
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  assert.equal(measurePicture("/assets/img/missing.jpg", publicDir), {
    problem: "no file at /assets/img/missing.jpg",
    missing: true,
  });
  assert.equal(measurePicture("/assets/img/https://cranes.jpg", publicDir), {
    problem: "no file at /assets/img/https://cranes.jpg",
    missing: true,
  });
});

where("a folder where a picture should be is no file, not a failure to read it", () => {
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  mkdirSync(join(publicDir, "assets/img/story.jpg"), { recursive: true });
  newPictureRun();
  assert.equal(measurePicture("/assets/img/story.jpg", publicDir), {
    problem: "no file at /assets/img/story.jpg",
    missing: true,
  });
});

where("a file changed since it was measured is measured again in the next run, and looked at once in one run", () => {
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  mkdirSync(join(publicDir, "assets/img"), { recursive: true });
  const path = join(publicDir, "assets/img/story.png");
  newPictureRun();
  writeFileSync(path, png(1200, 675));
  assert.is(shape(measurePicture("/assets/img/story.png", publicDir)), "1200 × 675 png");
  writeFileSync(path, png(2400, 1350));
  assert.is(shape(measurePicture("/assets/img/story.png", publicDir)), "1200 × 675 png", "the same run");
  newPictureRun();
  assert.is(shape(measurePicture("/assets/img/story.png", publicDir)), "2400 × 1350 png");
  rmSync(path);
  newPictureRun();
  assert.ok("missing" in measurePicture("/assets/img/story.png", publicDir));
});

where.run();

const formats = suite("JPEG, PNG, WebP and AVIF are resized; SVG and GIF are shown as they are; others are refused");

formats("each format the build resizes is measured under its own name, JPEG as jpeg", async () => {
  assert.equal(
    await Promise.all(
      (["jpeg", "png", "webp", "avif"] as const).map(async (format) => shape(measured(await encoded(format)))),
    ),
    ["64 × 36 jpeg", "64 × 36 png", "64 × 36 webp", "64 × 36 avif"],
  );
});

formats("a GIF is shown as it is", async () => {
  assert.equal(measured(await encoded("gif"), "chart.gif"), { asIs: true });
});

formats("a format the build does not resize, like TIFF, is a problem that names it", async () => {
  assert.equal(measured(await encoded("tiff"), "scan.tif"), {
    problem: "is a tiff picture: save it as JPEG, PNG, WebP or AVIF",
  });
});

formats("the hash is the first 16 hex digits of the file's SHA-256", () => {
  const result = measured(png(1200, 675), "story.png");
  assert.is("file" in result ? result.file.hash : undefined, "14457e0cf60f3d7f");
});

formats.run();

const svg = suite("an SVG that could run code when opened on its own is refused");

const SCRIPTED =
  "holds a script or an event handler, which would run on the site if a reader opened the picture: export it again " +
  "without them, or save it as PNG";

svg("an event handler attribute is refused, with or without spaces round its equals sign", () => {
  const opening = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"';
  assert.equal(measured(`${opening} onload="alert(1)"></svg>`, "chart.svg"), { problem: SCRIPTED });
  assert.equal(measured(`${opening}><rect onclick = "alert(1)"/></svg>`, "chart.svg"), { problem: SCRIPTED });
  assert.equal(measured(`${opening}><text>Revenue is on track</text></svg>`, "chart.svg"), { asIs: true });
});

svg.run();

const damaged = suite("a picture cut short is refused before the resizer reads it");

const CUT_SHORT = "is cut short (the file ends before the picture does): copy it again from the original";

damaged("a PNG without its IEND chunk is cut short; one with it is whole", () => {
  assert.equal(measured(pngHeader(1200, 675), "story.png"), { problem: CUT_SHORT });
  assert.is(shape(measured(png(1200, 675), "story.png")), "1200 × 675 png");
});

damaged(
  "a JPEG that ends before its picture data starts is cut short, even when it ends with an end marker",
  async () => {
    const whole = await encoded("jpeg");
    const scan = whole.indexOf(Buffer.from([0xff, 0xda]));
    assert.equal(measured(Buffer.concat([whole.subarray(0, scan), Buffer.from([0xff, 0xd9])])), { problem: CUT_SHORT });
  },
);

damaged.run();

const sizes = suite("a picture's size: the build reads at most 400 megapixels and warns past 8000 pixels a side");

sizes("20,000 × 20,000 pixels is read, with a warning; one pixel more is refused with the limit", () => {
  assert.is(
    shape(measured(png(20_000, 20_000), "story.png")),
    "20000 × 20000 png, warning: is 20000 × 20000 pixels, far more than any screen shows: every build that makes its " +
      "sizes takes longer; save it at most 4000 pixels wide",
  );
  assert.equal(measured(png(20_000, 20_001), "story.png"), {
    problem: "is 20000 × 20001 pixels, more than the build reads (400 megapixels): save it at most 4000 pixels wide",
  });
});

sizes("8000 pixels on the longer side is no warning; 8001 is", () => {
  assert.is(shape(measured(png(4500, 8000), "story.png")), "4500 × 8000 png");
  assert.is(
    shape(measured(png(8001, 4500), "story.png")),
    "8001 × 4500 png, warning: is 8001 × 4500 pixels, far more than any screen shows: every build that makes its " +
      "sizes takes longer; save it at most 4000 pixels wide",
  );
});

sizes("EXIF orientations 5 to 8 swap width and height; 1 to 4 do not", async () => {
  const turned = async (orientation: number) =>
    shape(
      measured(
        await sharp({ create: { width: 64, height: 36, channels: 3, background: "#0f4c5c" } })
          .jpeg()
          .withMetadata({ orientation })
          .toBuffer(),
      ),
    );
  assert.equal(await Promise.all([1, 4, 5, 8].map(turned)), [
    "64 × 36 jpeg",
    "64 × 36 jpeg",
    "36 × 64 jpeg",
    "36 × 64 jpeg",
  ]);
});

sizes.run();
