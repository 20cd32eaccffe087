import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import * as cheerio from "cheerio";
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseContentFile } from "../../src/content/frontMatter.ts";
import { NOTE_PLACEHOLDER, STORY_PLACEHOLDER } from "../../src/content/placeholders.ts";
import { loadNewsroom } from "../../src/newsroom/load.ts";
import { runCommand } from "../../support/commands.ts";
import { articleFile, contentTree, validFields } from "../helpers.ts";
import { run } from "./run.ts";

const check = suite("npm run check reports every problem with file, line, field and hint, and exits 0, 1 or 2");

check("the sample publication passes, with warnings only", () => {
  const result = run("check", "--now", "2026-11-25T12:00:00+07:00");
  assert.is(result.status, 0, result.err);
  assert.ok(
    result.out.every((line) => line.startsWith("warning: ") || line.startsWith("No errors")),
    result.out.join("\n"),
  );
  assert.match(
    result.out.at(-1) ?? "",
    new RegExp(
      String.raw`^No errors, \d+ warnings?\. Ready to publish: \d+ articles and \d+ newsletter editions; ` +
        String.raw`\d+ drafts? and \d+ scheduled articles? left out\.$`,
    ),
  );
});

check("with every article a draft or scheduled it says nothing would be published, and why", () => {
  const dir = contentTree({
    "news/2024/draft.md": articleFile(`${validFields}\ndraft: true`),
    "news/2024/later.md": articleFile(validFields.replace("2024-03-01", "2024-06-02")),
  });
  const result = run("check", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 0, result.err);
  assert.is(
    result.out.at(-1),
    "No errors, 4 warnings, but nothing would be published: all 2 articles are drafts or scheduled (1 draft, 1 " +
      "scheduled).",
  );
});

check("errors and warnings are listed together and the exit code is 1", () => {
  const dir = contentTree({
    "authors/jim-pollard.md": "---\nname: Jim Pollard\n---\n",
    "news/2024/a.md": articleFile(`${validFields.replace("author: ana-lim", "author: jim-polard")}\ndek: A dek.`),
  });
  const prefix = `${relative(process.cwd(), dir)}/`;
  const result = run("check", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 1);
  assert.equal(
    result.out.map((line) => line.replace(prefix, "")),
    [
      "warning: news/2024/a.md:image: is missing: stories with a picture get a share card and a thumbnail in every " +
        "list",
      "error:   news/2024/a.md:4:author: unknown author `jim-polard` — did you mean `jim-pollard`?",
      "1 error, 1 warning: fix the errors to publish.",
    ],
  );
});

check("an edition's problems are reported with the articles'", () => {
  const dir = contentTree({
    "news/2024/micron-thaw.md": articleFile(validFields),
    "editions/2024-05-31.md": "---\ntitle: Week\ndate: 2024-05-31\nlead: micron-thw\n---\nNote.\n",
  });
  const prefix = `${relative(process.cwd(), dir)}/`;
  const result = run("check", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 1);
  assert.equal(
    result.out.filter((line) => line.includes("editions/")).map((line) => line.replace(prefix, "")),
    ["error:   editions/2024-05-31.md:4:lead: no article has the slug `micron-thw` — did you mean `micron-thaw`?"],
  );
});

check("hostile files are named one by one with exit code 1, never a stack trace", () => {
  const dir = contentTree({
    "news/2024/empty.md": "",
    "news/2024/laughs.md": articleFile(`${validFields}\nx: &x [a, a]\ny: [*x, *x]`),
    "news/2024/script.md": articleFile(validFields, "[x](javascript:alert(1))\n"),
    "news/2024/tags.md": articleFile(
      validFields.replace("[China Bond]", `[${Array.from({ length: 50 }, (_, index) => `t${index}`).join(", ")}]`),
    ),
    "stray.md": articleFile(validFields),
  });
  writeFileSync(join(dir, "news/2024/latin1.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]));
  const prefix = `${relative(process.cwd(), dir)}/`;
  const result = run("check", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 1);
  assert.is(result.err, "");
  const errors = result.out
    .filter((line) => line.startsWith("error:"))
    .map((line) => line.replace(prefix, "").replace(/^error:\s+(\S+?): .*$/, "$1"));
  assert.equal(errors, [
    "news/2024/empty.md",
    "news/2024/latin1.md:2",
    "news/2024/laughs.md:6",
    "news/2024/laughs.md:7",
    "news/2024/laughs.md:7",
    "news/2024/script.md:7:body",
    "news/2024/tags.md:5:tags",
    "stray.md",
  ]);
  assert.is(result.out.at(-1), "8 errors, 2 warnings: fix the errors to publish.");
  assert.not.ok(result.out.some((line) => /^\s+at /.test(line)));
});

check("a missing content folder is exit code 2", () => {
  const result = run("check", "--content", "no/such/folder");
  assert.is(result.status, 2);
  assert.is(result.err, "No content folder at no/such/folder.");
});

check.run();

const again = suite("npm run check reads again only the article files that changed since its last run");

again("a second run says the same; what it kept of an unchanged file is used, and a changed file is read", () => {
  // A folder of its own to run in, which keeps its own store; Node finds tsx through the link.
  const project = mkdtempSync(join(tmpdir(), "newsdesk-check-again-"));
  symlinkSync(resolve("node_modules"), join(project, "node_modules"));
  const dir = contentTree({
    "news/2024/a.md": articleFile(`${validFields}\nupdated: soon\ndek: A dek.`, "See [it](http://example.com/a).\n"),
    "news/2024/b.md": articleFile(`${validFields.replace("A valid story", "A".repeat(101))}\ndek: A dek.`),
  });
  const check = () => {
    const result = runCommand("check", ["--content", dir, "--now", "2024-06-01T00:00:00Z"], { cwd: project });
    return { status: result.status, out: result.stdout.replaceAll(dir, "content") };
  };
  const first = check();
  assert.is(first.status, 1, first.out);
  assert.match(first.out, /a\.md:6:updated: "soon" is not a date/);
  assert.match(first.out, /b\.md:2:title: is 101 characters long/);
  assert.equal(check(), first);
  // What the store says of a file whose bytes are unchanged is what the check says, without reading the file.
  const store = join(project, ".cache", "check", "articles.json");
  writeFileSync(store, readFileSync(store, "utf8").replace('\\"soon\\" is not a date', "kept, not read again"));
  assert.match(check().out, /a\.md:6:updated: kept, not read again/);
  writeFileSync(join(dir, "news/2024/a.md"), articleFile(`${validFields}\nupdated: never\ndek: A dek.`));
  const changed = check();
  assert.match(changed.out, /a\.md:6:updated: "never" is not a date/);
  assert.not.match(changed.out, /kept, not read again|http:\/\/example\.com/);
  assert.match(changed.out, /b\.md:2:title: is 101 characters long/);
});

again.run();

const create = suite("npm run new creates a draft that passes the check and never overwrites");

create("the new file has the headline, today's date in the publication's zone, a slug and placeholders", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
  const result = run(
    "new",
    'Micron\'s "dramatic" turnaround: what it means',
    "--content",
    dir,
    "--now",
    "2024-12-31T18:30:00Z",
    "--tag",
    "Semiconductors",
    "--tag",
    "China Bond",
  );
  assert.is(result.status, 0, result.err);
  const path = join(dir, "news/2025/microns-dramatic-turnaround-what-it-means.md");
  assert.equal(result.out, [
    `Created ${relative(process.cwd(), path)} (a draft by ana-lim, in Semiconductors, China Bond). Preview it with ` +
      `npm start.`,
  ]);
  // Read back as a preview build reads it: the project's own loader and schema, drafts included.
  const { newsroom } = await loadNewsroom({
    contentDir: dir,
    publicDir: process.cwd(),
    now: DateTime.fromISO("2024-12-31T18:30:00Z"),
    preview: true,
  });
  const story = newsroom.articles.find((article) => article.sourcePath === relative(process.cwd(), path));
  assert.ok(story, `${path} is not among ${newsroom.articles.map((article) => article.sourcePath).join(", ")}`);
  assert.equal(
    {
      title: story.title,
      url: story.url,
      date: story.date.toISO(),
      zone: story.date.zoneName,
      dateOnly: story.dateOnly,
      authors: story.authors.map((author) => author.key),
      topics: story.topics.map((topic) => topic.name),
      draft: story.draft,
      dek: story.dek,
      body: cheerio.load(story.html)("p").text(),
    },
    {
      title: "Micron’s “dramatic” turnaround: what it means",
      url: "/news/microns-dramatic-turnaround-what-it-means/",
      date: "2025-01-01T01:30:00.000+07:00",
      zone: "Asia/Bangkok",
      dateOnly: false,
      authors: ["ana-lim"],
      topics: ["Semiconductors", "China Bond"],
      draft: true,
      dek: undefined,
      body: STORY_PLACEHOLDER.text,
    },
  );
  const checked = run("check", "--content", dir, "--now", "2024-12-31T18:30:00Z");
  assert.is(checked.status, 0, checked.out.join("\n"));
  assert.is(checked.out.at(-1), "No errors, 4 warnings. Ready to publish: 1 article; 1 draft left out.");
});

create("it refuses to overwrite an article or reuse a slug, and writes nothing", () => {
  const dir = contentTree({ "news/2023/micron-returns.md": articleFile(validFields) });
  const before = readFileSync(join(dir, "news/2023/micron-returns.md"), "utf8");
  const sameSlug = run("new", "Micron returns", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(sameSlug.status, 1);
  assert.is(
    sameSlug.err.replace(`${relative(process.cwd(), dir)}/`, ""),
    "the slug `micron-returns` is already used by news/2023/micron-returns.md; nothing was written. Give a " +
      "different headline or --slug.",
  );
  writeFileSync(join(dir, "news/2023/existing.md"), before);
  const sameFile = run("new", "Existing", "--content", dir, "--now", "2023-06-01T00:00:00Z");
  assert.is(sameFile.status, 1);
  assert.is(
    sameFile.err.replace(`${relative(process.cwd(), dir)}/`, ""),
    "news/2023/existing.md already exists; nothing was written. Give a different headline or --slug.",
  );
  assert.is(readFileSync(join(dir, "news/2023/micron-returns.md"), "utf8"), before);
});

create("a headline with nothing to make a web address from says so; a missing headline asks for one", () => {
  const dir = contentTree({});
  const punctuation = run("new", "!!!", "--content", dir);
  assert.is(punctuation.status, 2);
  assert.is(
    punctuation.err,
    'The headline "!!!" has no letters or digits to make a web address from: write one with words, or give the ' +
      "address with --slug, like --slug my-story.",
  );
  const badSlug = run("new", "!!!", "--slug", "My Story", "--content", dir);
  assert.is(badSlug.status, 2);
  assert.is(
    badSlug.err,
    '--slug "My Story" must be lower-case letters, digits and single hyphens, like --slug my-story.',
  );
  const missing = run("new", "--content", dir);
  assert.is(missing.status, 2);
  assert.ok(missing.err.startsWith("Give the headline in quotes.\n\nUsage: npm run new"), missing.err);
  assert.not.ok(existsSync(join(dir, "news")), "nothing was written");
});

create("an unknown author is refused with the closest key", () => {
  const dir = contentTree({});
  const result = run("new", "A story", "--content", dir, "--author", "ana-lin");
  assert.is(result.status, 1);
  assert.is(result.err, "unknown author `ana-lin` — did you mean `ana-lim`?");
});

create("with no authors yet it names the authors folder of the content folder in use", () => {
  const dir = contentTree({});
  rmSync(join(dir, "authors"), { recursive: true });
  const result = run("new", "A story", "--content", dir, "--author", "ana-lim");
  assert.is(result.status, 1);
  assert.is(
    result.err,
    `unknown author \`ana-lim\`: the authors are not set up yet (${relative(process.cwd(), dir)}/authors/)`,
  );
});

create.run();

const edition = suite("npm run edition scaffolds the day's edition from what was published since the previous one");

/** Articles on 20, 28 and 29 May 2024 (the last a draft), and an edition on 21 May. */
function newsroomWithEdition(): string {
  const story = (title: string, date: string, extra = "") =>
    articleFile(`title: ${title}\ndate: ${date}\nauthor: ana-lim\ntags: [China Bond]${extra}`);
  return contentTree({
    "news/2024/micron-thaw.md": story("Micron thaw", "2024-05-20T08:00:00+07:00"),
    "news/2024/penang-suppliers.md": story('"Penang suppliers: a test"', "2024-05-28T08:00:00+07:00"),
    "news/2024/rice-quota.md": story("Rice quota", "2024-05-29T08:00:00+07:00"),
    "news/2024/secret-draft.md": story("Secret draft", "2024-05-30", "\ndraft: true"),
    "editions/2024-05-21.md": "---\ntitle: Before\ndate: 2024-05-21\nlead: micron-thaw\n---\nNote.\n",
  });
}

edition(
  "the file has a title, the date, the new articles as picks, newest first, and a note to write before it passes " +
    "the check",
  () => {
    const dir = newsroomWithEdition();
    const result = run("edition", "2024-05-31", "--content", dir, "--now", "2024-06-01T00:00:00Z");
    assert.is(result.status, 0, result.err);
    const path = join(dir, "editions/2024-05-31.md");
    assert.equal(result.out, [
      `Created ${relative(process.cwd(), path)} with 2 picks. Choose a lead, write the note, and preview it at ` +
        `/newsletter/2024-05-31/ with npm start.`,
    ]);
    const text = readFileSync(path, "utf8");
    const parsed = parseContentFile(text);
    assert.equal(parsed.data, {
      title: "Test Ledger, 31 May 2024",
      date: "2024-05-31",
      picks: ["rice-quota", "penang-suppliers"],
    });
    assert.is(parsed.body.trim(), NOTE_PLACEHOLDER.text);
    // Comments tell the editor each pick's headline and day, and how to choose a lead.
    assert.equal(
      text.split("\n").flatMap((line) => /^ {2}- [\w-]+ +# (.+)$/.exec(line)?.[1] ?? []),
      ["Rice quota (29 May 2024)", "Penang suppliers: a test (28 May 2024)"],
    );
    assert.ok(text.includes("\n# lead: slug-of-the-top-story "), text);
    const unwritten = run("check", "--content", dir, "--now", "2024-06-01T00:00:00Z");
    assert.is(unwritten.status, 1);
    assert.equal(
      unwritten.out
        .filter((line) => line.startsWith("error:"))
        .map((line) => line.replace(`${relative(process.cwd(), dir)}/`, "")),
      [
        "error:   editions/2024-05-31.md:10:body: still holds the placeholder that npm run edition wrote: replace " +
          "the placeholder text with the editor's note",
      ],
    );
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(/^A few sentences from the editor: .*$/m, "Two stories on chips and rice."),
    );
    const checked = run("check", "--content", dir, "--now", "2024-06-01T00:00:00Z");
    assert.is(checked.status, 0, checked.out.join("\n"));
  },
);

edition("without a date it is today's edition in the publication's time zone", () => {
  const dir = newsroomWithEdition();
  const result = run("edition", "--content", dir, "--now", "2024-05-31T18:30:00Z");
  assert.is(result.status, 0, result.err);
  assert.ok(readFileSync(join(dir, "editions/2024-06-01.md"), "utf8").includes("\ndate: 2024-06-01\n"));
});

edition("it never overwrites an edition", () => {
  const dir = newsroomWithEdition();
  const before = readFileSync(join(dir, "editions/2024-05-21.md"), "utf8");
  const result = run("edition", "2024-05-21", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 1);
  assert.is(
    result.err.replace(`${relative(process.cwd(), dir)}/`, ""),
    "editions/2024-05-21.md already exists; nothing was written.",
  );
  assert.is(readFileSync(join(dir, "editions/2024-05-21.md"), "utf8"), before);
});

edition("with nothing published since the previous edition it refuses and writes nothing", () => {
  const dir = newsroomWithEdition();
  const result = run("edition", "2024-05-27", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 1);
  assert.is(result.err, "No article was published since the previous edition (21 May 2024); nothing was written.");
  assert.not.ok(existsSync(join(dir, "editions/2024-05-27.md")));
});

edition("with content errors it lists them and writes nothing", () => {
  const dir = newsroomWithEdition();
  writeFileSync(
    join(dir, "news/2024/broken.md"),
    articleFile("title: Broken\ndate: 2024-05-30\nauthor: ana-lin\ntags: [China Bond]"),
  );
  const result = run("edition", "2024-05-31", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 1);
  assert.equal(result.err.replaceAll(`${relative(process.cwd(), dir)}/`, "").split("\n"), [
    "error: news/2024/broken.md:4:author: unknown author `ana-lin` — did you mean `ana-lim`?",
    "Fix these first (npm run check lists them too); nothing was written.",
  ]);
  assert.not.ok(existsSync(join(dir, "editions/2024-05-31.md")));
});

edition(
  "a date before a sent edition that collected its stories is refused, naming that edition, and nothing is written",
  () => {
    const dir = newsroomWithEdition();
    writeFileSync(join(dir, "editions/2024-05-30.md"), "---\ntitle: Sent\ndate: 2024-05-30\n---\nNote.\n");
    const result = run("edition", "2024-05-25", "--content", dir, "--now", "2024-06-01T00:00:00Z");
    assert.is(result.status, 1);
    assert.is(
      result.err.replaceAll(`${relative(process.cwd(), dir)}/`, ""),
      "editions/2024-05-30.md went out on 30 May 2024 with the stories published since the edition before it; an " +
        "edition dated 2024-05-25 would change what it shows. Date the new edition after 30 May 2024, or first give " +
        "editions/2024-05-30.md its stories as lead and picks. Nothing was written.",
    );
    assert.not.ok(existsSync(join(dir, "editions/2024-05-25.md")));
  },
);

edition("a date before a sent edition with picks of its own is fine: that edition cannot change", () => {
  const dir = newsroomWithEdition();
  writeFileSync(
    join(dir, "editions/2024-05-30.md"),
    "---\ntitle: Sent\ndate: 2024-05-30\nlead: rice-quota\npicks: [penang-suppliers]\n---\nNote.\n",
  );
  const result = run("edition", "2024-05-28", "--content", dir, "--now", "2024-06-01T00:00:00Z");
  assert.is(result.status, 0, result.err);
});

edition("a date that is not yyyy-mm-dd is wrong usage", () => {
  const result = run("edition", "31/05/2024", "--content", newsroomWithEdition());
  assert.is(result.status, 2);
  assert.ok(
    result.err.startsWith("Give the edition's date as yyyy-mm-dd, like 2026-11-24.\n\nUsage: npm run edition"),
    result.err,
  );
});

edition.run();

const usage = suite(
  "every command answers --help with its usage, and an unknown option with exit code 2 and the usage",
);

usage("each command, the build included, names the bad option and prints its usage without a stack trace", () => {
  for (const script of ["check", "new", "edition", "build"] as const) {
    const help = run(script, "--help");
    assert.is(help.status, 0, script);
    assert.ok(help.out[0]?.startsWith(`Usage: npm run ${script} --`), help.out[0]);
    const wrong = run(script, "--colour");
    assert.is(wrong.status, 2, script);
    assert.ok(wrong.err.startsWith("Unknown option '--colour'"), wrong.err);
    assert.ok(wrong.err.includes(`\n\nUsage: npm run ${script}`), wrong.err);
    assert.not.ok(/^\s+at /m.test(wrong.err), wrong.err);
  }
});

usage.run();
