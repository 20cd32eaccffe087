import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { MAX_TAGS } from "../../src/content/schema.ts";
import { displayPath } from "../../src/content/sources.ts";
import { billionLaughs, longArticle, manyFields, manyHeadings } from "../../support/hostile.ts";
import { articleFile, contentTree, load, rejection, shownRejection, validFields } from "../helpers.ts";

const broken = suite("build names the file of broken or hostile input instead of crashing");

broken("invalid YAML, with the line and what the parser expected", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(`${validFields}\ndek: "unclosed`) });
  assert.equal(await rejection(dir), ['news/2024/a.md:6: front matter is not valid YAML: Missing closing "quote']);
});

broken("YAML anchors and aliases, so nested aliases cannot expand to billions of values", async () => {
  const problems = await rejection(contentTree(billionLaughs().files));
  assert.equal(problems.slice(0, 3), [
    "news/2024/a.md:5: the YAML anchor &a is not allowed in front matter: write each value out in full",
    "news/2024/a.md:6: the YAML anchor &b is not allowed in front matter: write each value out in full",
    "news/2024/a.md:6: the YAML alias *a is not allowed in front matter: write the value out in full",
  ]);
  assert.is(
    problems.at(-1),
    "news/2024/a.md:13: the YAML alias *h is not allowed in front matter: write the value out in full",
  );
  assert.is(problems.length, 1 + 8 + 7 * 9);
});

broken("bytes that are not UTF-8, with the line and the byte", async () => {
  const dir = contentTree({ "news/2024/a.md": "" });
  const bytes = Buffer.concat([
    Buffer.from(`---\n${validFields}\n---\nCaf`),
    Buffer.from([0xe9]),
    Buffer.from(" au lait\n"),
  ]);
  writeFileSync(join(dir, "news/2024/a.md"), bytes);
  assert.equal(await rejection(dir), [
    `news/2024/a.md:7: is not UTF-8 text: byte ${bytes.indexOf(0xe9)} (0xe9) is invalid; save the file as UTF-8 in ` +
      `your editor`,
  ]);
});

// How long these take is measured by \`npm run bench -- --only hostile\`.
broken("thousands of unknown fields: the first 50 and a count of the rest", async () => {
  const problems = await rejection(contentTree(manyFields().files));
  assert.equal(problems.slice(0, 2), [
    "news/2024/a.md: has 4950 more problems in its front matter than the 50 listed; fix those first",
    "news/2024/a.md:6:field0: is not a field we know; check the spelling",
  ]);
  assert.is(problems.at(-1), "news/2024/a.md:55:field49: is not a field we know; check the spelling");
  assert.is(problems.length, 51);
});

broken("an article by an author whose file has problems points to that file, not to a missing one", async () => {
  const dir = contentTree({
    "authors/ana-lim.md": "---\nrole: Editor\n---\n",
    "news/2024/a.md": articleFile(validFields),
  });
  assert.equal(await rejection(dir), [
    "authors/ana-lim.md:name: is required",
    "news/2024/a.md:4:author: the author `ana-lim` cannot be used until the problems in authors/ana-lim.md are fixed",
  ]);
});

broken("a body with thousands of headings, refused instead of stalling the build", async () => {
  assert.equal(await rejection(contentTree(manyHeadings().files)), [
    "news/2024/a.md:7:body: has 90000 headings; a body may have at most 500: split the story, or use lists for what " +
      "is not a section",
  ]);
});

broken("an invisible control character, with its line", async () => {
  const dir = contentTree({
    "news/2024/a.md": articleFile(
      validFields.replace("A valid story", "A valid\u000bstory"),
      "Text\n\nMore \u0007 text\n",
    ),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:2: holds the invisible control character U+000B, which a web page cannot show: delete it (it " +
      "often comes with pasted text)",
  ]);
});

broken("an empty file, and a file without front matter", async () => {
  const dir = contentTree({
    "news/2024/empty.md": "",
    "news/2024/bare.md": "Just a story, no fields.\n",
    "authors/nobody.md": "",
  });
  assert.equal(await rejection(dir), [
    "authors/nobody.md: is empty: it needs front matter between --- lines, then the text",
    "news/2024/bare.md:1: has no front matter: start the file with a --- line, the fields, and another --- line",
    "news/2024/empty.md: is empty: it needs front matter between --- lines, then the text",
  ]);
});

broken("a file over the 1 MB limit, while a long article under it builds", async () => {
  const paragraph = `${"The port authority said volumes rose again. ".repeat(20)}\n\n`;
  const dir = contentTree({
    "news/2024/huge.md": articleFile(validFields, paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))),
    ...longArticle().files,
  });
  assert.equal(await rejection(dir), [
    "news/2024/huge.md: is 5001 kB, over the 1000 kB (1 MB) limit for one content file: split it, or link to large " +
      "data instead of pasting it",
  ]);
  writeFileSync(join(dir, "news/2024/huge.md"), articleFile(validFields.replace("A valid story", "Huge")));
  const { newsroom } = await load(dir);
  assert.ok((newsroom.articles.find((article) => article.slug === "long")?.html.length ?? 0) > 900_000);
});

broken(`more than ${MAX_TAGS} topics on one article`, async () => {
  const tags = Array.from({ length: 1000 }, (_, index) => `Topic ${index}`);
  const dir = contentTree({
    "news/2024/a.md": articleFile(validFields.replace("tags: [China Bond]", `tags: [${tags.join(", ")}]`)),
  });
  assert.equal(await rejection(dir), [
    "news/2024/a.md:5:tags: lists 1000 topics; an article may have at most 20: keep the ones a reader would browse by",
  ]);
});

broken(
  "a symbolic link to a file or a folder outside the content folder, whose target is never read, and the hint names " +
    "that folder",
  async () => {
    const outside = mkdtempSync(join(tmpdir(), "newsdesk-outside-"));
    writeFileSync(join(outside, "secret.md"), articleFile(validFields.replace("A valid story", "SECRET")));
    const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
    symlinkSync(join(outside, "secret.md"), join(dir, "news/2024/leak.md"));
    symlinkSync(outside, join(dir, "news/2023"));
    const shown = displayPath(dir);
    assert.equal(await shownRejection(dir), [
      `${shown}/news/2023: is a symbolic link to a folder: nothing in it is read; put the files themselves in ` +
        `${shown}/`,
      `${shown}/news/2024/leak.md: is a symbolic link (to ${join(outside, "secret.md")}): content must be ordinary ` +
        `files in the repository, so it was not read; replace the link with the file itself`,
    ]);
  },
);

broken("a file name or slug that is not a web address", async () => {
  const dir = contentTree({
    "news/2024/My Story!.md": articleFile(validFields),
    "news/2024/b.md": articleFile(`${validFields}\nslug: ../../etc/passwd`),
    "news/2024/c.md": articleFile(`${validFields}\nslug: a/b`),
  });
  assert.equal(await rejection(dir), [
    "news/2024/b.md:6:slug: must be lower-case letters, digits and single hyphens, like `jim-pollard`",
    "news/2024/c.md:6:slug: must be lower-case letters, digits and single hyphens, like `jim-pollard`",
    "news/2024/My Story!.md: the file name `My Story!.md` cannot be a web address: rename it in lower-case letters, " +
      "digits and hyphens (like my-story.md) or give a slug",
  ]);
});

broken("two author files or two topic files that would share one page", async () => {
  const dir = contentTree({
    "authors/desk/ana-lim.md": "---\nname: Another Ana\n---\n",
    "topics/china-bond.md": "---\nname: China Bond\n---\n",
    "topics/old/china-bond.md": "---\nname: China-Bond\n---\n",
    "news/2024/a.md": articleFile(validFields),
  });
  assert.equal(await rejection(dir), [
    "authors/desk/ana-lim.md: the author key `ana-lim` is also used by authors/ana-lim.md; each author needs their " +
      "own file name",
    'topics/old/china-bond.md:2:name: the topic "China-Bond" also has a file at topics/china-bond.md; keep one of them',
  ]);
});

broken.run();

const unread = suite("build refuses Markdown that no part of it would read, so no story is lost silently");

unread("Markdown at the top of content/, in an unknown folder, or with another extension", async () => {
  const dir = contentTree({
    "news.md": articleFile(validFields),
    "misc/x.md": articleFile(validFields),
    "news/2024/Shout.MD": articleFile(validFields),
    "news/2024/long-form.markdown": articleFile(validFields),
    "news/2024/notes.txt": "not content",
    "news/2024/a.md": articleFile(validFields),
  });
  assert.equal(await rejection(dir), [
    "misc/x.md: is not read by any part of the build, so it would never be published: articles go in news/<yyyy>/, " +
      "authors in authors/, topics in topics/ and newsletter editions in editions/, as .md files",
    "news.md: is not read by any part of the build, so it would never be published: articles go in news/<yyyy>/, " +
      "authors in authors/, topics in topics/ and newsletter editions in editions/, as .md files",
    "news/2024/long-form.markdown: is not read: only files ending in .md are; rename it to long-form.md",
    "news/2024/Shout.MD: is not read: only files ending in .md are; rename it to Shout.md",
  ]);
});

unread("a topic file that no article is tagged with is a warning naming it, since it would have no page", async () => {
  const { warnings } = await load(
    contentTree({
      "topics/rare-earths.md": "---\nname: Rare Earths\n---\n",
      "topics/china-bond.md": "---\nname: China Bond\n---\n",
      "news/2024/a.md": articleFile(
        `${validFields}\ndek: A dek.\nimage: { src: /assets/img/news/chips.jpg, alt: A wafer }`,
      ),
    }),
  );
  assert.equal(
    warnings.map((warning) => `${warning.file.replace(/^.*?\/topics\//, "topics/")}: ${warning.message}`),
    [
      'topics/rare-earths.md: no article is tagged "Rare Earths", so this topic has no page: tag an article with ' +
        "it, or delete the file",
    ],
  );
});

unread.run();

const dangerous = suite("build rejects link addresses that could run code, wherever they are written");

dangerous("javascript:, vbscript: and data: in related links, images, author links and bodies", async () => {
  const dir = contentTree({
    "authors/eve.md":
      '---\nname: Eve\nlinks:\n  - { label: Site, url: "javascript:alert(1)" }\n  - { label: Old, url: ' +
      '"vbscript:msgbox(1)" }\n---\nSee [my page](javascript:alert(2)).\n',
    "news/2024/a.md": articleFile(
      `${validFields}\nrelated:\n  - { title: Evil, url: "javascript:alert(1)" }\n  - { title: Data, url: ` +
        `"data:text/html,<script>alert(1)</script>" }\nimage: { src: "javascript:alert(1)", alt: A picture }`,
      "Read [this](javascript:alert(1)) and [that](vbscript:msgbox).\n\n![pixel](data:image/png;base64,AAAA)\n",
    ),
    "topics/china-bond.md": "---\nname: China Bond\n---\nSee [the map](data:text/html,hi).\n",
  });
  assert.equal(await rejection(dir), [
    "authors/eve.md:4:links[0].url: must be a full https://, http:// or mailto: address",
    "authors/eve.md:5:links[1].url: must be a full https://, http:// or mailto: address",
    "news/2024/a.md:7:related[0].url: must be a full https:// address",
    "news/2024/a.md:8:related[1].url: must be a full https:// address",
    'news/2024/a.md:9:image.src: "javascript:alert(1)" must be a path on the site (like /assets/img/photo.jpg) or a ' +
      "full https:// address",
    "news/2024/a.md:11:body: the link address `javascript:alert(1)` uses javascript:, which could run code in a " +
      "reader's browser: link to an https:// address or a page of the site",
    "news/2024/a.md:11:body: the link address `vbscript:msgbox` uses vbscript:, which could run code in a reader's " +
      "browser: link to an https:// address or a page of the site",
    "news/2024/a.md:13:body: the link address `data:image/png;base64,AAAA` uses data:, which could run code in a " +
      "reader's browser: link to an https:// address or a page of the site",
    "topics/china-bond.md:4:body: the link address `data:text/html,hi` uses data:, which could run code in a " +
      "reader's browser: link to an https:// address or a page of the site",
  ]);
});

dangerous(
  "image paths that climb out of the site or have broken escapes, and broken escapes in body links",
  async () => {
    const dir = contentTree({
      "news/2024/a.md": articleFile(
        `${validFields}\nimage: { src: "/assets/../../etc/passwd", alt: A picture }`,
        "See [the chart](/assets/%E0%A4%A.png).\n",
      ),
      "news/2024/b.md": articleFile(`${validFields}\nimage: { src: "/assets/%zz.jpg", alt: A picture }`),
    });
    assert.equal(await rejection(dir), [
      'news/2024/a.md:6:image.src: "/assets/../../etc/passwd" must be a path on the site (like ' +
        "/assets/img/photo.jpg) or a full https:// address",
      "news/2024/a.md:8:body: broken link to /assets/%E0%A4%25A.png: /assets/%E0%A4%25A.png is not a valid address: " +
        "check its % escapes and .. segments",
      'news/2024/b.md:6:image.src: "/assets/%zz.jpg" must be a path on the site (like /assets/img/photo.jpg) or a ' +
        "full https:// address",
    ]);
  },
);

dangerous.run();

const encodings = suite("build reads files as editors on any system save them");

encodings("a byte-order mark and Windows line endings, with the right line numbers in messages", async () => {
  const crlf = (text: string) => text.replace(/\n/g, "\r\n");
  const dir = contentTree({
    "news/2024/bom.md": `\uFEFF${articleFile(validFields.replace("A valid story", "With a BOM"))}`,
    "news/2024/crlf.md": crlf(articleFile(`${validFields}\ndek: Written on Windows.`, "First line.\nSecond line.\n")),
  });
  const { newsroom } = await load(dir);
  assert.equal(
    newsroom.articles.map((article) => [article.slug, article.title, article.dek ?? ""]),
    [
      ["bom", "With a BOM", ""],
      ["crlf", "A valid story", "Written on Windows."],
    ],
  );
  assert.is(newsroom.articles[1]?.html, "<p>First line.\nSecond line.</p>\n");
  writeFileSync(
    join(dir, "news/2024/crlf.md"),
    crlf(
      articleFile(validFields.replace("author: ana-lim", "author: nobody"), "Line one.\n\nSee [x](/news/missing/).\n"),
    ),
  );
  writeFileSync(join(dir, "news/2024/bom.md"), `\uFEFF${articleFile(`${validFields}\ntittle: typo`)}`);
  assert.equal(await rejection(dir), [
    "news/2024/bom.md:6:tittle: is not a field we know; check the spelling",
    "news/2024/crlf.md:4:author: unknown author `nobody`: add authors/nobody.md or fix the spelling",
    "news/2024/crlf.md:9:body: broken link to /news/missing/: no article has the slug `missing`",
  ]);
});

encodings.run();
