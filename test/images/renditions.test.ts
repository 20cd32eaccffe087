import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Picture, PictureFile } from "../../src/content/schema.ts";
import { parseFocus } from "../../src/content/schema.ts";
import {
  allRenditions,
  cropBox,
  HERO_PLACES,
  pictureMarkup,
  renditionsFor,
  sharedImage,
  structuredDataImages,
  widthsUpTo,
} from "../../src/images/renditions.ts";

const file = (width: number, height: number, format: PictureFile["format"] = "jpeg"): PictureFile => ({
  path: "/site/assets/img/news/port.jpg",
  width,
  height,
  format,
  hash: "0123456789abcdef",
});
const picture = (width: number, height: number, extra: Partial<Picture> = {}) => ({
  src: "/assets/img/news/port.jpg",
  alt: "Cranes",
  file: file(width, height),
  ...extra,
});

const crops = suite("crops keep the largest rectangle of their shape, centred on the picture's focus");

crops("a 16:9 picture cut square keeps its full height and its middle, or the side its focus names", () => {
  assert.equal(cropBox({ width: 2400, height: 1350 }, "1x1"), { left: 525, top: 0, width: 1350, height: 1350 });
  assert.equal(cropBox({ width: 2400, height: 1350 }, "1x1", { x: 0, y: 0.5 }), {
    left: 0,
    top: 0,
    width: 1350,
    height: 1350,
  });
  assert.equal(cropBox({ width: 2400, height: 1350 }, "1x1", { x: 1, y: 0.5 }).left, 2400 - 1350);
  assert.equal(cropBox({ width: 2400, height: 1350 }, "4x3", { x: 0.3, y: 0.4 }), {
    left: 0,
    top: 0,
    width: 1800,
    height: 1350,
  });
});

crops("a portrait picture cut to 16:9 keeps its full width, at the top when its focus says so", () => {
  assert.equal(cropBox({ width: 1000, height: 1500 }, "16x9", { x: 0.5, y: 0 }), {
    left: 0,
    top: 0,
    width: 1000,
    height: 563,
  });
  assert.equal(cropBox({ width: 1000, height: 1500 }, "16x9").top, Math.round(750 - 563 / 2));
  assert.equal(cropBox({ width: 1000, height: 1500 }, "16x9", { x: 0.5, y: 1 }).top, 1500 - 563);
});

crops("a focus near an edge moves the crop only as far as the edge", () => {
  assert.equal(cropBox({ width: 2400, height: 1350 }, "1x1", { x: 0.9, y: 0.5 }).left, 2400 - 1350);
  assert.equal(cropBox({ width: 2400, height: 1350 }, "1x1", { x: 0.5, y: 0.5 }).left, 525);
});

crops.run();

const focus = suite("a focus is written as CSS writes object-position");

focus("words and percentages, across then down", () => {
  assert.equal(parseFocus("top"), { x: 0.5, y: 0 });
  assert.equal(parseFocus("left"), { x: 0, y: 0.5 });
  assert.equal(parseFocus("Bottom  right"), { x: 1, y: 1 });
  assert.equal(parseFocus("right bottom"), { x: 1, y: 1 });
  assert.equal(parseFocus("center"), { x: 0.5, y: 0.5 });
  assert.equal(parseFocus("30% 40%"), { x: 0.3, y: 0.4 });
});

focus("anything else is not a position", () => {
  for (const text of ["", "top bottom", "left right", "middle", "30%", "120% 40%", "30 40", "top left center"])
    assert.is(parseFocus(text), undefined, text);
});

focus.run();

const widths = suite("no picture is enlarged");

widths("widths above the source are dropped and the source's own width takes their place", () => {
  assert.equal(widthsUpTo(2400, [320, 640, 960, 1200, 1600]), [320, 640, 960, 1200, 1600]);
  assert.equal(widthsUpTo(1000, [320, 640, 960, 1200, 1600]), [320, 640, 960, 1000]);
  assert.equal(widthsUpTo(960, [320, 640, 960, 1200]), [320, 640, 960]);
  assert.equal(widthsUpTo(200, [320, 640]), [200]);
});

widths("every rendition of a narrow picture is at most its width, in every place", () => {
  const narrow = picture(800, 450);
  for (const rendition of allRenditions(narrow, HERO_PLACES)) {
    assert.ok(rendition.width <= rendition.box.width, rendition.url);
    assert.ok(rendition.box.width <= 800 && rendition.box.height <= 450, rendition.url);
  }
});

widths.run();

const places = suite("each place gets the renditions its layout needs");

places("an article's picture: AVIF and WebP sources, a JPEG fallback, its full shape and largest size", () => {
  const markup = pictureMarkup(picture(2400, 1350), "hero");
  assert.equal(
    markup.sources.map((source) => source.type),
    ["image/avif", "image/webp"],
  );
  assert.match(markup.sources[0]?.srcset ?? "", /-320\.avif 320w, .*-1600\.avif 1600w$/);
  assert.match(markup.img.src, /-640\.jpeg$/);
  assert.equal([markup.img.width, markup.img.height], [1600, 900]);
});

places("a card gets a 16:9 thumbnail no wider than 960 pixels, never the hero's large files", () => {
  const tall = picture(1200, 1600);
  const card = renditionsFor(tall, "card");
  assert.equal([...new Set(card.map((rendition) => rendition.width))], [320, 640, 960]);
  for (const rendition of card) assert.is(rendition.height, Math.round((rendition.width * 9) / 16));
  assert.ok(card.every((rendition) => rendition.crop === "16x9"));
});

places("a PNG falls back to PNG in pages and becomes JPEG for email and sharing", () => {
  const drawing = { ...picture(1600, 900), file: file(1600, 900, "png") };
  assert.equal(
    [...new Set(renditionsFor(drawing, "hero").map((rendition) => rendition.format))],
    ["avif", "webp", "png"],
  );
  assert.match(renditionsFor(drawing, "email")[0]?.url ?? "", /\.jpeg$/);
  assert.is(sharedImage(drawing).type, "image/jpeg");
});

places("the email gets JPEGs 600 and 1200 pixels wide", () => {
  assert.equal(
    renditionsFor(picture(2400, 1350), "email").map((rendition) => [rendition.format, rendition.width]),
    [
      ["jpeg", 600],
      ["jpeg", 1200],
    ],
  );
});

places("structured data lists 16:9, 4:3 and 1:1 JPEGs, each 1200 pixels wide where the source allows", () => {
  const images = structuredDataImages(picture(2400, 1350));
  assert.equal(
    images.map((image) => [image.width, image.height, image.type]),
    [
      [1200, 675, "image/jpeg"],
      [1200, 900, "image/jpeg"],
      [1200, 1200, "image/jpeg"],
    ],
  );
  const small = structuredDataImages(picture(1000, 750));
  assert.equal(
    small.map((image) => [image.width, image.height]),
    [
      [1000, 563],
      [1000, 750],
      [750, 750],
    ],
  );
});

places("a 16:9 crop of a 16:9 picture is the picture itself: one file, not two", () => {
  const wide = picture(2400, 1350);
  assert.is(
    sharedImage(wide).src,
    renditionsFor(wide, "hero").find((r) => r.width === 1200 && r.format === "jpeg")?.url,
  );
});

places("addresses depend on the picture's bytes and its focus, and are the same every time", () => {
  const first = renditionsFor(picture(2400, 1350), "share1x1")[0]?.url;
  assert.is(renditionsFor(picture(2400, 1350), "share1x1")[0]?.url, first);
  assert.match(first ?? "", /^\/img\/port-1x1-[0-9a-f]{8}-1200\.jpeg$/);
  assert.is.not(renditionsFor(picture(2400, 1350, { focus: { x: 0, y: 0.5 } }), "share1x1")[0]?.url, first);
  const edited = { ...picture(2400, 1350), file: { ...file(2400, 1350), hash: "fedcba9876543210" } };
  assert.is.not(renditionsFor(edited, "share1x1")[0]?.url, first);
});

places("a picture from another site is shared as it is", () => {
  assert.equal(sharedImage({ src: "https://images.example/port.jpg", alt: "Cranes" }), {
    src: "https://images.example/port.jpg",
  });
});

places.run();
