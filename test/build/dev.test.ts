import { type ChildProcess, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexedPages } from "../../src/search/search.ts";
import { page } from "../../support/site.ts";
import { replacedOnce } from "./project.ts";

const dev = suite("dev server rewrites the pages a saved article shows on, and only those");
const work = mkdtempSync(join(tmpdir(), "newsdesk-dev-"));
const content = join(work, "content");
const out = join(work, "preview");
// The server's own temporary folder, watched by the last test.
const serverTemp = join(work, "tmp");
let server: ChildProcess;
let output = "";

function waitFor(pattern: RegExp, from: number, limitMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (pattern.test(output.slice(from))) resolve();
      else if (server.exitCode !== null || Date.now() - started > limitMs)
        reject(new Error(`no ${pattern} from the dev server:\n${output.slice(-3000)}`));
      else return;
      clearInterval(poll);
    }, 25);
  });
}

/**
 * Saves `file` with `edit` applied, by `write` (in place by default), and waits for the dev server to finish the
 * rebuild it triggers.
 */
async function save(
  file: string,
  edit: (text: string) => string,
  write: (path: string, text: string) => void = writeFileSync,
): Promise<void> {
  const path = join(content, file);
  const text = edit(readFileSync(path, "utf8"));
  // The watcher may still be scanning when "Watching…" appears: save again until it notices.
  for (let attempt = 0; ; attempt++) {
    const from = output.length;
    write(path, text);
    try {
      await waitFor(/File changed/, from, 2_000);
    } catch (error) {
      if (attempt < 10) continue;
      throw error;
    }
    return waitFor(/Wrote \d+ files/, from);
  }
}

const written = (url: string) => statSync(join(out, url, "index.html")).mtimeMs;
function headlines(url: string): string[] {
  const $ = page(out, url);
  return $(".card__headline a, .also-see a")
    .map((_, link) => $(link).text().trim())
    .get();
}

dev.before(async () => {
  cpSync("test/fixtures/site/content", content, { recursive: true });
  mkdirSync(serverTemp);
  server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "node_modules/@11ty/eleventy/cmd.cjs",
      "--config=.eleventy.ts",
      `--output=${out}`,
      "--serve",
      `--port=${20000 + Math.floor(Math.random() * 20000)}`,
    ],
    {
      env: {
        ...process.env,
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        NEWSDESK_CONTENT: content,
        NEWSDESK_NOW: "2024-06-01T00:00:00Z",
        NEWSDESK_PREVIEW: "",
        // Two articles to a part of the search index, so the fixture's four make two parts.
        NEWSDESK_SEARCH_PART: "2",
        TMPDIR: serverTemp,
      },
    },
  );
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(/Watching/, 0);
});

dev.after(() => {
  server.kill();
});

/**
 * The number of pages in the search index bundle at `bundle`, once the background indexing has written its entry
 * (Pagefind writes the file in place: until it is whole it is not JSON).
 */
async function indexedPagesOf(bundle: string): Promise<number> {
  for (const started = Date.now(); ; await new Promise((done) => setTimeout(done, 50))) {
    try {
      return await indexedPages(join(out, bundle));
    } catch (error) {
      if (Date.now() - started > 60_000)
        throw new Error(`no whole entry in ${bundle}: ${error}\n${output.slice(-3000)}`);
    }
  }
}

dev("the search index is made in the background, in its parts, from the articles the dev server shows", async () => {
  // Preview shows the draft and the scheduled story too: six articles, the four oldest in part 1 and part 2.
  assert.equal(await Promise.all(["pagefind/part-2", "pagefind/part-1", "pagefind"].map(indexedPagesOf)), [2, 2, 2]);
});

dev("a new headline reaches the article, ALSO SEE, topic, author and archive pages and the topic feed", async () => {
  const untouched = written("/news/penang-suppliers/");
  await save("news/2024/other-story.md", (text) =>
    replacedOnce(text, "title: Other story about chips", "title: Chips story, retitled"),
  );
  assert.is(page(out, "/news/other-story/")("h1").text(), "Chips story, retitled");
  assert.match(output, "[newsdesk] Saved in the content folder: news/2024/other-story.md");
  for (const url of ["/news/custom-full/", "/topics/china-bond/", "/authors/ben-tran/", "/archive/2024/02/"]) {
    assert.ok(headlines(url).includes("Chips story, retitled"), `${url} lists ${headlines(url).join(" | ")}`);
  }
  assert.match(readFileSync(join(out, "topics/china-bond/feed.xml"), "utf8"), "Chips story, retitled");
  assert.is(
    written("/news/penang-suppliers/"),
    untouched,
    "an article that does not show the edited one is left as written",
  );
});

dev(
  "a save through a temporary file renamed over the article, as many editors save, is the article's alone",
  async () => {
    const untouched = written("/news/penang-suppliers/");
    const from = output.length;
    // As `sed -i` does; Vim's and JetBrains' temporary files are named otherwise, but never as Markdown.
    await save(
      "news/2024/other-story.md",
      (text) => `${text}\nA paragraph saved the careful way.\n`,
      (path, text) => {
        writeFileSync(join(dirname(path), "sedSRfFoU"), text);
        renameSync(join(dirname(path), "sedSRfFoU"), path);
      },
    );
    assert.match(output.slice(from), "[newsdesk] Saved in the content folder: news/2024/other-story.md\n");
    assert.match(page(out, "/news/other-story/")(".article__body").text(), "A paragraph saved the careful way.");
    assert.is(written("/news/penang-suppliers/"), untouched, "an article that does not show the saved one is left");
  },
);

dev("the first build copies the assets, and a saved article copies none again", async () => {
  assert.match(output, /Copied \d+ /);
  assert.ok(existsSync(join(out, "assets/img/logo.png")));
  const from = output.length;
  await save("news/2024/other-story.md", (text) => `${text}\nA paragraph more.\n`);
  assert.not.match(output.slice(from), /Copied/);
});

dev("a rebuild names the warnings the save brought, and counts the ones it named before", async () => {
  const warnings = (text: string) => text.split("\n").filter((line) => line.startsWith("[newsdesk] warning:"));
  const first = warnings(output);
  assert.ok(
    first.some((line) => line.includes("penang-suppliers.md:dek: is missing")),
    first.join("\n"),
  );
  const from = output.length;
  await save("news/2024/other-story.md", (text) => `${text}\nSee [the filing](http://example.com/filing).\n`);
  const named = warnings(output.slice(from));
  assert.is(named.length, 1, named.join("\n"));
  assert.match(named[0] ?? "", /other-story\.md:\d+:body: .*http:\/\/example\.com\/filing/);
  const repeated = new Set(first).size;
  assert.match(output.slice(from), new RegExp(`\\[newsdesk\\] ${repeated} warnings named before still stand\\.`));
});

dev("a saved topic file rewrites every page", async () => {
  const before = written("/news/penang-suppliers/");
  await save("topics/china-bond.md", (text) => `${text}\nMore about the topic.\n`);
  assert.ok(written("/news/penang-suppliers/") > before);
});

dev("an article added shows on its topic's page and the home page, and leaves them when removed", async () => {
  const headline = "Penang suppliers add a second shift";
  const file = join(content, "news/2024/second-shift.md");
  const penang = readFileSync(join(content, "news/2024/penang-suppliers.md"), "utf8");
  let from = output.length;
  writeFileSync(file, replacedOnce(penang, "title: Penang suppliers count on a memory recovery", `title: ${headline}`));
  await waitFor(/Wrote \d+ files/, from);
  assert.match(output.slice(from), "[newsdesk] Saved in the content folder: news/2024/second-shift.md");
  assert.ok(headlines("/topics/semiconductors/").includes(headline), output.slice(from));
  assert.ok(headlines("/").includes(headline), headlines("/").join(" | "));
  from = output.length;
  rmSync(file);
  await waitFor(/Wrote \d+ files/, from);
  assert.not.ok(headlines("/topics/semiconductors/").includes(headline), output.slice(from));
  assert.not.ok(headlines("/").includes(headline), headlines("/").join(" | "));
});

dev(
  "a save with an error names the file, line and field, without a stack trace, and the next save builds",
  async () => {
    const from = output.length;
    await save("news/2024/other-story.md", (text) => replacedOnce(text, "date: 2024-02-01", "date: 2024-13-45"));
    const said = output.slice(from);
    assert.match(said, /other-story\.md:\d+:date: "2024-13-45" is not a date/);
    assert.match(said, "Wrote 0 files");
    assert.not.match(said, /stack trace|\n\S*\s+at /, said);
    const fixed = output.length;
    await save("news/2024/other-story.md", (text) => replacedOnce(text, "date: 2024-13-45", "date: 2024-02-01"));
    assert.match(output.slice(fixed), /Wrote [1-9]\d* files/);
  },
);

dev("stopped by SIGTERM, the dev server removes its temporary folder", async () => {
  const folders = () => readdirSync(serverTemp).filter((name) => name.startsWith("newsdesk-dev-"));
  assert.is(folders().length, 1, folders().join(", "));
  const ended = new Promise((resolve) => server.once("exit", (code, signal) => resolve(signal ?? code)));
  server.kill("SIGTERM");
  assert.is(await ended, "SIGTERM");
  assert.equal(folders(), []);
});

dev.run();
