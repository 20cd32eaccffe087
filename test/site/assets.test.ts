import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { assetsToCopy } from "../../src/site/assets.ts";

/** A source folder holding `logo.png` and an output folder, with the copy `copy()` makes of it. */
function folders() {
  const work = mkdtempSync(join(tmpdir(), "newsdesk-assets-"));
  const source = join(work, "assets");
  const output = join(work, "site");
  mkdirSync(source);
  mkdirSync(join(output, "assets"), { recursive: true });
  writeFileSync(join(source, "logo.png"), "first");
  const copy = () => cpSync(join(source, "logo.png"), join(output, "assets", "logo.png"));
  return { source, output, copy };
}

const copies = suite("the passthrough copy takes every asset in a build, and on the dev server only changed ones");

copies("a build copies every file, however often it copies", () => {
  const { source, output, copy } = folders();
  const toCopy = assetsToCopy(source, { output }, false);
  assert.ok(toCopy("logo.png"));
  copy();
  assert.ok(toCopy("logo.png"));
});

copies("the dev server copies a file once, then again only when it changed or its copy is gone or cut short", () => {
  const { source, output, copy } = folders();
  const toCopy = assetsToCopy(source, { output }, true);
  assert.ok(toCopy("logo.png"), "not copied yet");
  copy();
  assert.not.ok(toCopy("logo.png"), "copied as it is");
  writeFileSync(join(source, "logo.png"), "second version");
  assert.ok(toCopy("logo.png"), "replaced");
  copy();
  assert.not.ok(toCopy("logo.png"));
  // The same size, saved again later.
  utimesSync(join(source, "logo.png"), new Date(), new Date(Date.now() + 60_000));
  assert.ok(toCopy("logo.png"), "saved again");
  copy();
  assert.not.ok(toCopy("logo.png"));
  writeFileSync(join(output, "assets", "logo.png"), "second");
  assert.ok(toCopy("logo.png"), "a copy cut short");
  copy();
  rmSync(join(output, "assets", "logo.png"));
  assert.ok(toCopy("logo.png"), "a copy removed");
});

copies(
  "the unpublished folders and the stylesheets are never copied as they are, in a build or on the dev server",
  () => {
    const { source, output } = folders();
    for (const onlyChanged of [false, true]) {
      const toCopy = assetsToCopy(source, { output }, onlyChanged);
      assert.equal(["img/src/logo.svg", "css/site.css", "img/logo.png", "js/search.js", "img/srcset.png"].map(toCopy), [
        false,
        false,
        true,
        true,
        true,
      ]);
    }
  },
);

copies.run();
