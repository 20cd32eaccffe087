import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkPicture } from "../../src/content/authors.ts";
import { parseContentFile } from "../../src/content/frontMatter.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import { displayPath, FileProblems } from "../../src/content/sources.ts";
import { articleFile, contentTree, load, rejection, validFields } from "../helpers.ts";

const names = suite("an author's file name is the author's key");

names("a file name that is not a key is refused, with the key it could be", async () => {
  const dir = contentTree({
    "authors/Bao Tran.md": "---\nname: Bao Tran\n---\n",
    "authors/!!!.md": "---\nname: Nobody\n---\n",
    "news/2024/a.md": articleFile(validFields),
  });
  assert.equal(await rejection(dir), [
    "authors/!!!.md: the file name must be the author's key in lower case with hyphens, like jim-pollard.md",
    "authors/Bao Tran.md: the file name must be the author's key in lower case with hyphens, like bao-tran.md",
  ]);
});

names.run();

const photos = suite("an author's photo is a picture on the site");

photos("a photo that is not there is named, with where to add it", async () => {
  const dir = contentTree({
    "authors/bao.md": "---\nname: Bao\nphoto: { src: /assets/img/missing.jpg, alt: Bao }\n---\n",
    "authors/cy.md": '---\nname: Cy\nphoto: { src: "/assets/https://x.example/cy.jpg", alt: Cy }\n---\n',
    "news/2024/a.md": articleFile(validFields),
  });
  assert.equal(await rejection(dir), [
    "authors/bao.md:3:photo.src: no file at /assets/img/missing.jpg: add the image under ./assets/img/missing.jpg " +
      "or fix the path",
    "authors/cy.md:3:photo.src: no file at /assets/https://x.example/cy.jpg: add the image under " +
      "./assets/https://x.example/cy.jpg or fix the path",
  ]);
});

photos("an address elsewhere is not checked; a relative one, or one missing from another folder, is refused", () => {
  const problems: Problem[] = [];
  const report = new FileProblems(
    { path: "authors/bao.md", parsed: parseContentFile("---\nname: Bao\n---\n") },
    problems,
  );
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  for (const src of ["https://x.example/bao.jpg", "http://x.example/bao.jpg", "bao.jpg", "/img/bao.jpg"])
    assert.is(checkPicture(src, publicDir, report, ["photo", "src"]), undefined);
  assert.equal(problems.map(formatProblem), [
    'authors/bao.md:photo.src: "bao.jpg" must start with / (like /assets/img/photo.jpg) or be a full https:// address',
    `authors/bao.md:photo.src: no file at /img/bao.jpg: add the image under ${displayPath(publicDir)}/img/bao.jpg or ` +
      "fix the path",
  ]);
});

photos.run();

const bios = suite("an author's bio is rendered as the site's Markdown");

bios("a link to the site itself is not marked as leaving it; a link elsewhere is", async () => {
  const { newsroom } = await load(
    contentTree({
      "authors/bao.md":
        "---\nname: Bao\n---\nSee [her stories](https://test.example/authors/bao/) and " +
        "[her blog](https://x.example/).\n",
      "news/2024/a.md": articleFile(validFields),
    }),
  );
  const $ = cheerio.load(newsroom.authors.find((author) => author.key === "bao")?.bioHtml ?? "");
  assert.equal(
    $("a")
      .toArray()
      .map((link) => [$(link).attr("href"), $(link).attr("rel") ?? ""]),
    [
      ["https://test.example/authors/bao/", ""],
      ["https://x.example/", "noopener noreferrer"],
    ],
  );
});

bios.run();
