import { existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { allRenditions, HERO_PLACES } from "../../src/images/renditions.ts";
import { writeRenditions } from "../../src/images/write.ts";

const write = suite("renditions are made once into the cache and linked into the site");

write("a picture's files are made into the cache, linked into /img/, and found there by the next build", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-renditions-"));
  const path = join(dir, "port.jpg");
  await sharp({ create: { width: 1000, height: 563, channels: 3, background: "#0f4c5c" } })
    .jpeg()
    .toFile(path);
  const picture = {
    src: "/assets/img/port.jpg",
    alt: "Cranes",
    file: { path, width: 1000, height: 563, format: "jpeg" as const, hash: "0011223344556677" },
  };
  const renditions = allRenditions(picture, HERO_PLACES);
  const cache = join(dir, "cache");
  await writeRenditions([{ picture, usedBy: "news/a.md", renditions }], join(dir, "site"), cache);
  const names = renditions.map((rendition) => rendition.url.replace("/img/", "")).sort();
  assert.equal(readdirSync(join(dir, "site/img")).sort(), names);
  assert.equal(readdirSync(cache).sort(), names);
  const widest = renditions.find((rendition) => rendition.format === "avif" && rendition.width === 1000);
  const meta = await sharp(join(dir, `site${widest?.url}`)).metadata();
  assert.equal([meta.format, meta.width, meta.height], ["heif", 1000, 563]);
  // The next build into another folder makes nothing: it links what the cache holds.
  const before = readdirSync(cache).map((name) => name);
  await writeRenditions([{ picture, usedBy: "news/a.md", renditions }], join(dir, "site2"), cache);
  assert.equal(readdirSync(cache).sort(), before.sort());
  assert.equal(readdirSync(join(dir, "site2/img")).sort(), names);
});

write("a folder left by a killed build is removed by the next one; a running build's is kept", async () => {
  const cache = mkdtempSync(join(tmpdir(), "newsdesk-cache-"));
  // Process IDs on Linux stay below 2^22: this one is never running.
  mkdirSync(join(cache, ".making-4194305-abc"));
  mkdirSync(join(cache, `.making-${process.pid}-def`));
  await writeRenditions([], join(cache, "site"), cache);
  assert.not.ok(existsSync(join(cache, ".making-4194305-abc")));
  assert.ok(existsSync(join(cache, `.making-${process.pid}-def`)));
});

write.run();
