import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCommand } from "../../support/commands.ts";
import { datedGit } from "../../support/git.ts";
import { articleFile, contentTree, validFields } from "../helpers.ts";
import { FIXTURE, FIXTURE_NOW } from "./fixture.ts";
import { projectCopy, replacedOnce } from "./project.ts";

/** Builds `content` into `out` at the fixture's "now": these tests build broken or changing content on purpose. */
function build(content: string, out: string) {
  return runCommand("build", ["--content", content, "--out", out, "--now", FIXTURE_NOW]);
}

const refusal = suite("build refuses invalid content and writes no site");

refusal("every problem is listed, the exit code is 1 and the previous site is left untouched", () => {
  const content = contentTree({
    "news/2024/a.md": articleFile(replacedOnce(validFields, "title: A valid story\n", "")),
    "news/2024/b.md": articleFile(
      `${validFields}\nrelated: [missing-story]\nimage: { src: /assets/img/news/chips.jpg }`,
    ),
  });
  const target = join(mkdtempSync(join(tmpdir(), "newsdesk-refused-")), "site");
  mkdirSync(target);
  writeFileSync(join(target, "previous.html"), "the site before");
  const result = build(content, target);
  assert.is(result.status, 1);
  const lines = result.stderr.trim().split("\n");
  assert.is(lines[0], "3 problems in the content; nothing was published:");
  assert.ok(lines[1]?.endsWith("news/2024/a.md:title: is required"), lines[1]);
  assert.ok(lines[2]?.endsWith("news/2024/b.md:6:related[0]: no article has the slug `missing-story`"), lines[2]);
  assert.ok(
    lines[3]?.endsWith("news/2024/b.md:7:image.alt: is required: describe the picture for readers who cannot see it"),
    lines[3],
  );
  assert.equal(readdirSync(target), ["previous.html"]);
  assert.not.ok(existsSync(`${target}.building`));
});

/** Builds in a project copy, whose layouts or assets a test changed. */
function buildIn(project: string, target: string, content = resolve(FIXTURE)) {
  return runCommand("build", ["--content", content, "--out", target, "--now", FIXTURE_NOW], { cwd: project });
}

function previousSite(): string {
  const target = join(mkdtempSync(join(tmpdir(), "newsdesk-previous-")), "site");
  mkdirSync(target);
  writeFileSync(join(target, "previous.html"), "the site before");
  return target;
}

refusal(
  "a picture whose data is damaged: the article and the picture named, the previous site kept, nothing cached",
  () => {
    // The fixture's stories show assets/img/news/chips.jpg: here its picture data is scrambled past its header.
    const project = projectCopy({
      assets: (assets) => {
        const path = join(assets, "img/news/chips.jpg");
        const bytes = readFileSync(path);
        const scan = bytes.indexOf(Buffer.from([0xff, 0xda]));
        for (let index = scan + 2000; index < scan + 6000; index++) bytes[index] = (index * 7) & 0x7f;
        writeFileSync(path, bytes);
      },
    });
    const target = previousSite();
    const result = buildIn(project, target);
    assert.is(result.status, 1);
    assert.match(
      result.stderr,
      new RegExp(
        String.raw`The build failed:\n  \S+content/news/2024/\S+\.md: its picture /assets/img/news/chips\.jpg ` +
          String.raw`could not be made smaller: VipsJpeg: [^\n]+; open it in an image editor and ` +
          String.raw`save it again as JPEG or PNG\n`,
      ),
    );
    assert.not.match(result.stderr, /^\s+at /m);
    assert.ok(result.stderr.trim().endsWith("site/ was left as it was."), result.stderr);
    assert.equal(readdirSync(target), ["previous.html"]);
    assert.not.ok(existsSync(`${target}.building`));
    assert.equal(
      readdirSync(join(project, ".cache/images")).filter((name) => name.startsWith(".making")),
      [],
    );
  },
);

refusal(
  "a page that fails to render: the error without a stack trace, the previous site kept, nothing left staged",
  () => {
    const project = projectCopy({
      layouts: (layouts) =>
        writeFileSync(
          join(layouts, "broken.11ty.ts"),
          'export function render(): string {\n  throw new Error("the layout fell over");\n}\n',
        ),
    });
    const target = previousSite();
    const result = buildIn(project, target);
    assert.is(result.status, 1);
    const report = result.stderr.slice(result.stderr.indexOf("The build failed:")).trim().split("\n");
    assert.equal(report.slice(0, 3), [
      "The build failed:",
      "  Having trouble rendering 11ty.js template ./layouts/broken.11ty.ts",
      "  the layout fell over",
    ]);
    assert.not.match(result.stderr, /^\s+at /m);
    assert.ok(result.stderr.trim().endsWith("site/ was left as it was."), result.stderr);
    assert.equal(readdirSync(target), ["previous.html"]);
    assert.not.ok(existsSync(`${target}.building`));
  },
);

refusal(
  "a search index that misses an article: Pagefind's complaint, the previous site kept, nothing left staged",
  () => {
    const project = projectCopy({
      layouts: (layouts) => {
        const article = join(layouts, "article.11ty.tsx");
        writeFileSync(article, replacedOnce(readFileSync(article, "utf8"), " data-pagefind-body>", ">"));
      },
    });
    const target = previousSite();
    const result = buildIn(project, target);
    assert.is(result.status, 1);
    // With no page marked for it, Pagefind indexes every page whole: the count gives it away.
    assert.match(
      result.stderr,
      new RegExp(
        String.raw`Pagefind could not build the search index:\n {2}indexed \d+ pages, but 4 articles were built: ` +
          String.raw`every article page, and no other page, needs data-pagefind-body\n`,
      ),
    );
    assert.not.match(result.stderr, /^\s+at /m);
    assert.equal(readdirSync(target), ["previous.html"]);
    assert.not.ok(existsSync(`${target}.building`));
  },
);

refusal(
  "a refused build stops copying assets before it removes the staging folder, so nothing reappears there",
  async () => {
    // Enough files that Eleventy is still copying assets/ when the content error is thrown.
    const project = projectCopy({
      assets: (assets) => {
        for (let folder = 0; folder < 20; folder++) {
          mkdirSync(join(assets, "bulk", String(folder)), { recursive: true });
          for (let file = 0; file < 50; file++)
            writeFileSync(join(assets, "bulk", String(folder), `${file}.bin`), Buffer.alloc(4096));
        }
      },
    });
    const target = previousSite();
    const result = buildIn(
      project,
      target,
      contentTree({ "news/2024/a.md": articleFile(replacedOnce(validFields, "title: A valid story\n", "")) }),
    );
    assert.is(result.status, 1);
    assert.ok(result.stderr.startsWith("1 problem in the content; nothing was published:\n"), result.stderr);
    assert.ok(result.stderr.trim().endsWith("site/ was left as it was."), result.stderr);
    assert.not.match(result.stderr, /^\s+at /m);
    assert.not.ok(existsSync(`${target}.building`));
    await sleep(500); // a write still under way would have landed by now
    assert.not.ok(existsSync(`${target}.building`));
    assert.equal(readdirSync(target), ["previous.html"]);
  },
);

refusal("a build whose process is killed or quits without a word: the build's own message, nothing left staged", () => {
  const endings = [
    ['process.kill(process.pid, "SIGKILL");', "the build's process was stopped by SIGKILL before it finished"],
    ["process.exit(0);", "the build's process exited with code 0 before it finished"],
  ] as const;
  for (const [ending, reason] of endings) {
    const project = projectCopy({
      layouts: (layouts) =>
        writeFileSync(
          join(layouts, "ended.11ty.ts"),
          `export function render(): string {\n  ${ending}\n  return "";\n}\n`,
        ),
    });
    const target = previousSite();
    const result = buildIn(project, target);
    assert.is(result.status, 1, ending);
    const report = result.stderr.slice(result.stderr.indexOf("The build failed:")).trim().split("\n");
    assert.equal(report.slice(0, 2), ["The build failed:", `  ${reason}`]);
    assert.ok(report[2]?.endsWith("site/ was left as it was."), result.stderr);
    assert.is(report.length, 3, result.stderr);
    assert.equal(readdirSync(target), ["previous.html"]);
    assert.not.ok(existsSync(`${target}.building`));
  }
});

refusal.run();

const published = suite("build refuses to break an address it published, as git history records it");

/** A content tree committed to a new git repository on 1 March 2024, the build's history. */
function committedContent(files: Record<string, string>): { dir: string; commit: (date: string) => void } {
  const dir = contentTree(files);
  const git = datedGit(dir);
  const commit = (date: string) => {
    git(date, "add", "-A");
    git(date, "commit", "-q", "-m", "content");
  };
  git("2024-03-01T00:00:00Z", "init", "-q", "-b", "main");
  commit("2024-03-01T00:00:00Z");
  return { dir, commit };
}

published(
  "a renamed story fails the build, naming its file; with the old slug as an alias it builds and redirects",
  () => {
    const { dir, commit } = committedContent({ "news/2024/rates.md": articleFile(validFields) });
    const target = join(mkdtempSync(join(tmpdir(), "newsdesk-renamed-")), "site");
    writeFileSync(join(dir, "news/2024/rates.md"), articleFile(`${validFields}\nslug: rates-rise`));
    commit("2024-04-01T00:00:00Z");
    const refused = build(dir, target);
    assert.is(refused.status, 1);
    assert.match(
      refused.stderr,
      new RegExp(
        String.raw`news/2024/rates\.md:6:slug: was published at /news/rates/ ` +
          String.raw`\(until 1 April 2024, commit [0-9a-f]{7}\); ` +
          String.raw`its address is now /news/rates-rise/, so add ${"`"}aliases: \[rates\]${"`"}`,
      ),
    );
    assert.not.ok(existsSync(target));
    writeFileSync(join(dir, "news/2024/rates.md"), articleFile(`${validFields}\nslug: rates-rise\naliases: [rates]`));
    const built = build(dir, target);
    assert.is(built.status, 0, built.stderr);
    assert.ok(
      built.stdout.includes("   2 published addresses kept (1 by aliases; checked against 2 commits of HEAD)"),
      built.stdout,
    );
    assert.is(readFileSync(join(target, "_redirects"), "utf8").split("\n")[1], "/news/rates/ /news/rates-rise/ 301");
    assert.ok(existsSync(join(target, "news/rates/index.html")));
  },
);

published("a content folder without git history builds, and the summary says the record was not checked", () => {
  const dir = contentTree({ "news/2024/rates.md": articleFile(validFields) });
  const built = build(dir, join(mkdtempSync(join(tmpdir(), "newsdesk-nogit-")), "site"));
  assert.is(built.status, 0, built.stderr);
  assert.ok(
    built.stdout
      .trim()
      .endsWith(
        "Published addresses and sent editions were not checked: the content folder is not in a git repository (see " +
          '"What was published stays put" in docs/writing.md).',
      ),
    built.stdout,
  );
});

published.run();

const recovery = suite("build recovers from an interrupted run");

recovery("a stale staging folder is removed and never published; a site left mid-swap is put back first", () => {
  const target = join(mkdtempSync(join(tmpdir(), "newsdesk-stale-")), "site");
  mkdirSync(`${target}.building`);
  writeFileSync(join(`${target}.building`, "stale.html"), "half a build");
  const refused = build(contentTree({ "news/2024/a.md": "" }), target);
  assert.is(refused.status, 1);
  assert.not.ok(existsSync(`${target}.building`));
  mkdirSync(`${target}.previous`);
  writeFileSync(join(`${target}.previous`, "previous.html"), "the site before the swap");
  const refusedAgain = build(contentTree({ "news/2024/a.md": "" }), target);
  assert.is(refusedAgain.status, 1);
  assert.equal(readdirSync(target), ["previous.html"]);
  mkdirSync(`${target}.building`);
  writeFileSync(join(`${target}.building`, "stale.html"), "half a build");
  const built = build(FIXTURE, target);
  assert.is(built.status, 0, built.stderr);
  assert.ok(existsSync(join(target, "index.html")));
  assert.not.ok(existsSync(join(target, "stale.html")));
  assert.not.ok(existsSync(join(target, "previous.html")));
  assert.not.ok(existsSync(`${target}.building`));
  assert.not.ok(existsSync(`${target}.previous`));
});

recovery.run();
