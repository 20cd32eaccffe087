import { suite } from "uvu";
import * as assert from "uvu/assert";
import { aliasFile, aliasPath } from "../../src/content/aliases.ts";

const aliases = suite("an alias is an old slug or an old address on the site, and names one file");

aliases("a slug means the old article address; a path is kept as readers had it", () => {
  assert.equal(["micron", "/news/micron/", "/2019/05/story.html", "/old/story", "/a/b.php"].map(aliasPath), [
    "/news/micron/",
    "/news/micron/",
    "/2019/05/story.html",
    "/old/story",
    "/a/b.php",
  ]);
});

aliases(
  "queries, fragments, escapes, climbing out and doubled slashes are not addresses a static host can serve",
  () => {
    assert.equal(
      [
        "Micron",
        "/a?b=1",
        "/a#b",
        "/a%20b",
        "/a/../b",
        "/a/./b",
        "//evil.example/a",
        "/a//b",
        "https://x.example/a",
        "",
        "/",
      ].map(aliasPath),
      Array.from({ length: 11 }, () => undefined),
    );
  },
);

aliases("an .html address is that file; any other is a folder's index.html, as on GitHub Pages", () => {
  assert.equal(["/news/micron/", "/old/story", "/2019/05/story.html", "/a/b.php"].map(aliasFile), [
    "news/micron/index.html",
    "old/story/index.html",
    "2019/05/story.html",
    "a/b.php/index.html",
  ]);
});

aliases("only an address ending in .html or .htm is a file; a leading slash is all that is dropped", () => {
  assert.equal(["/old/story.htm", "/old/story.html/more", "2019/05/story.html"].map(aliasFile), [
    "old/story.htm",
    "old/story.html/more/index.html",
    "2019/05/story.html",
  ]);
});

aliases.run();
