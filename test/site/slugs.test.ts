import { suite } from "uvu";
import * as assert from "uvu/assert";
import { fileSlug, slugFor } from "../../src/site/slugs.ts";

const slugs = suite("topic slug folds case, spacing, punctuation and accents");

slugs("spellings of one topic share a slug", () => {
  for (const name of ["China Bond", "china bond", " China  Bond ", "China-Bond"])
    assert.is(slugFor(name), "china-bond", name);
});

slugs("accents fold to ASCII", () => {
  assert.is(slugFor("Hồ Chí Minh City"), "ho-chi-minh-city");
  assert.is(slugFor("Đà Nẵng"), "da-nang");
});

slugs("a name with no letters or digits has no slug", () => {
  assert.is(slugFor("!!!"), "");
  assert.is(slugFor("   "), "");
});

slugs("an article's default slug is its file name", () => {
  assert.is(fileSlug("content/news/2023/dutch-eye-vietnam-chip-ecosystem.md"), "dutch-eye-vietnam-chip-ecosystem");
});

slugs.run();
